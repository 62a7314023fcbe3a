import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { groupBoxes, mergeReportYaml, renderMdx } from '../../../scripts/import/write-mdx.ts';
import type { Block } from '../../../scripts/import/types.ts';
import { REPORT } from './helpers.ts';

describe('write-mdx', () => {
  it('renders frontmatter per contract and boxes as asides', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, number: '01', text: '01 Visible Security — Transparent Laboratory', page: 12 },
      { kind: 'heading', level: 3, text: 'Adventures of the Wolfberry', page: 12 },
      { kind: 'para', text: 'Wolfberries have {value}.', page: 12 },
      { kind: 'list', items: ['one', 'two'], page: 12 },
    ];
    const mdx = renderMdx(
      { id: 'p1-c2', title: 'Trustworthy Health Guard', number: '2', order: 6, chapter: 'p1', pages: { from: 12, to: 14 }, frameworks: { hkex: ['B6', 'B6.1'] } },
      groupBoxes(blocks, true, new Set()),
    );
    expect(mdx).toBe(`---
id: p1-c2
title: Trustworthy Health Guard
number: "2"
order: 6
chapter: p1
pages: { from: 12, to: 14 }
frameworks:
  hkex: [B6, B6.1]
---

## 01 Visible Security — Transparent Laboratory

<aside class="box">
  ### Adventures of the Wolfberry

  Wolfberries have \\{value}.

  - one
  - two
</aside>
`);
    const fm = parse(mdx.split('---\n')[1]);
    expect(fm).toEqual({ id: 'p1-c2', title: 'Trustworthy Health Guard', number: '2', order: 6, chapter: 'p1', pages: { from: 12, to: 14 }, frameworks: { hkex: ['B6', 'B6.1'] } });
  });
  it('merging report.yaml keeps what the other language wrote and is deterministic', () => {
    const base = { issuer: 'x', year: '2018', hkexEdition: 'hkex-2015', period: { start: '2017-04-01', end: '2018-03-31' }, comply: [{ code: 'A2.5', status: 'not-applicable' }] };
    const zh = mergeReportYaml(null, { ...base, lang: 'zh-Hant', title: '報告', yearLabel: '2018財年', chapters: [{ id: 'p1', title: '健康' }], source: { lang: 'zh-Hant', file: 'source/a.zh.txt', sha256: 'a'.repeat(64) } });
    const both = mergeReportYaml(zh, { ...base, lang: 'en', title: 'Report', yearLabel: 'FY2018', chapters: [{ id: 'p1', title: 'Health' }], source: { lang: 'en', file: 'source/a.en.txt', sha256: 'b'.repeat(64) } });
    const y = parse(both);
    expect(y.title).toEqual({ 'zh-Hant': '報告', en: 'Report' });
    expect(y.chapters).toEqual([{ id: 'p1', title: { 'zh-Hant': '健康', en: 'Health' } }]);
    expect(y.languages).toEqual(['zh-Hant', 'en']);
    expect(y.sources.map((s: any) => s.lang)).toEqual(['zh-Hant', 'en']);
    // same result whichever language comes first, and re-merging is idempotent
    const enFirst = mergeReportYaml(mergeReportYaml(null, { ...base, lang: 'en', title: 'Report', yearLabel: 'FY2018', chapters: [{ id: 'p1', title: 'Health' }], source: { lang: 'en', file: 'source/a.en.txt', sha256: 'b'.repeat(64) } }), { ...base, lang: 'zh-Hant', title: '報告', yearLabel: '2018財年', chapters: [{ id: 'p1', title: '健康' }], source: { lang: 'zh-Hant', file: 'source/a.zh.txt', sha256: 'a'.repeat(64) } });
    expect(enFirst).toBe(both);
  });
  it('the committed report.yaml follows the contract', () => {
    const y = parse(readFileSync(join(REPORT, 'report.yaml'), 'utf8'));
    expect(y).toMatchObject({ issuer: 'alibaba-health', year: '2018', hkexEdition: 'hkex-2015', period: { start: '2017-04-01', end: '2018-03-31' }, languages: ['zh-Hant', 'en'] });
    expect(y.comply).toEqual([
      { code: 'A2.5', status: 'not-applicable' },
      ...['B1.2', 'B2.1', 'B2.2', 'B4.2', 'B7.1'].map((code) => ({ code, status: 'not-reported' })),
    ]);
    expect(y.chapters.map((c: any) => c.id)).toEqual(['p1', 'p2', 'p3']);
    for (const s of y.sources) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    const issuer = parse(readFileSync(join(REPORT, '../../../issuers/alibaba-health.yaml'), 'utf8'));
    expect(issuer).toMatchObject({ id: 'alibaba-health', stockCode: '00241', name: { en: 'Alibaba Health Information Technology Limited', 'zh-Hant': '阿里健康信息技術有限公司' } });
  });
});
