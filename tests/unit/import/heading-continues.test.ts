/**
 * A heading is never made from a wrapped line: heading-continues.ts on small snippets, buildBlocks
 * on the same snippets, and the real seeds through the whole pipeline (JD Health's climate table,
 * no heading that ends mid-word in any seed, doubted headings returned).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { continuesHeading, doubtHeading } from '../../../scripts/import/heading-continues.ts';
import { buildBlocks } from '../../../scripts/import/build-blocks.ts';
import { runPipeline } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import type { Block, Lang, Line } from '../../../scripts/import/types.ts';
import { ROOT } from './helpers.ts';

const mk = (texts: string[]): Line[] => texts.map((t, i) => ({ n: i + 1, text: t.trim(), lead: /^ +/.exec(t)?.[0].length ?? 0, trail: / $/.test(t), page: 1 }));
const headings = (bs: Block[]) => bs.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);

describe('continuesHeading', () => {
  it('CJK: the next line starts with the end of a word or with punctuation', () => {
    expect(continuesHeading('推進全國碳交易市場建', ['設，對於企業申報的數據', '有更高要求'], 40, false)).toBeTruthy();
    expect(continuesHeading('我們的供應商管理', ['，並持續推進'], 40, false)).toBeTruthy();
  });
  it('CJK: a candidate as wide as the wrapped text under it', () => {
    expect(continuesHeading('企業在營運中持續推動綠色低碳發展', ['模式並將理念融入日常工作流程中', '以減少環境影響'], 40, false)).toBe('as wide as the text under it');
  });
  it('Latin: lower-case continuation, or as wide as the text', () => {
    expect(continuesHeading('Our approach to responsible', ['sourcing covers every supplier'], 60, true)).toBeTruthy();
    expect(continuesHeading('We worked with our suppliers across the', ['Group to cut packaging waste in every', 'warehouse we run.'], 45, true)).toBeTruthy();
  });
  it('keeps real titles: shorter than the text, ending a phrase, or over a sentence start', () => {
    expect(continuesHeading('綠色營運', ['近年來，我們持續推進節能減排工作，', '並在各營運場所推行'], 40, false)).toBeNull();
    expect(continuesHeading('Green Operations', ['We cut energy use by 12% across our', 'offices and warehouses this year.'], 45, true)).toBeNull();
    expect(continuesHeading('智慧藥房，帶來服務新體驗', ['「在這個藥房裡面，我不用向店員詢問每一種藥品的功用', '和區別」'], 60, false)).toBeNull();
  });
  it('doubts a kept heading that is nearly as wide as its text or holds a clause break', () => {
    expect(doubtHeading('智慧藥房，帶來服務新體驗', ['「在這個藥房裡面」'], false)).toBe('holds a clause break');
    expect(doubtHeading('Short Title', ['A sentence under it that is long enough.'], true)).toBeNull();
  });
});

describe('buildBlocks joins a wrapped first line into its paragraph', () => {
  it('an icon-indented line that wraps mid-word is no heading', () => {
    const doubts: { line: number; text: string; why: string }[] = [];
    const bs = buildBlocks(mk(['對企業的低碳管理提出更高的合規要求。', '', '  國家持續推進全國碳排放權交易市場建', '設，對於企業申報的環境數據披露的準', '確性有更高要求']), { latin: false, warnings: [], doubts });
    expect(headings(bs)).toEqual([]);
    expect(bs.some((b) => b.kind === 'para' && b.text === '國家持續推進全國碳排放權交易市場建設，對於企業申報的環境數據披露的準確性有更高要求')).toBe(true);
  });
  it('a real icon heading over text stays a heading', () => {
    const bs = buildBlocks(mk(['上一段結束。', '', '  綠色營運', '我們持續推進節能減排工作，並在各營運場所推行', '節水措施。']), { latin: false, warnings: [] });
    expect(headings(bs)).toEqual(['綠色營運']);
  });
});

// every seed copy: content/reports/<issuer>/<year>/source/*.<lang>.txt with its overrides (or none)
const seeds: { name: string; src: string; lang: Lang; ov: string }[] = [];
const REPORTS = join(ROOT, 'content/reports');
for (const issuer of readdirSync(REPORTS)) for (const year of readdirSync(join(REPORTS, issuer))) {
  const dir = join(REPORTS, issuer, year, 'source');
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) {
    const m = /\.(en|zh-Hant|zh-Hans)\.txt$/.exec(f);
    if (m) seeds.push({ name: `${issuer}/${year}/${f}`, src: join(dir, f), lang: m[1] as Lang, ov: join(dir, 'overrides.yaml') });
  }
}
const results = new Map(seeds.map((s) => [s.name, runPipeline(readFileSync(s.src), s.lang, parseOverrides(existsSync(s.ov) ? readFileSync(s.ov, 'utf8') : ''), s.name)]));

/** Headings whose next paragraph starts with the tail of a word (one character + clause punctuation), punctuation or a lower-case word. */
function midWord(mdx: string): string[] {
  const t = mdx.split('\n');
  const out: string[] = [];
  t.forEach((l, i) => {
    const m = /^#{2,6} (.*)$/.exec(l);
    if (!m || /[。！？.!?:：;；」』》）)”"]$/.test(m[1])) return;
    let k = i + 1;
    while (k < t.length && !t[k].trim()) k++;
    const nx = t[k] ?? '';
    if (/^[，、；。：！？）」』》,;:]/.test(nx) || (/\p{Script=Han}$/u.test(m[1]) && /^\p{Script=Han}[，、；。：]/u.test(nx)) || /^[a-z]/.test(nx)) out.push(`${m[1]} | ${nx.slice(0, 20)}`);
  });
  return out;
}

describe('real seeds', () => {
  it('covers every seed copy, the 2025 Alibaba one included', () => {
    expect(seeds.map((s) => s.name)).toContain('alibaba/2025/alibaba-fy2025.zh-Hant.txt');
    expect(seeds.length).toBeGreaterThanOrEqual(5);
  });
  it('JD Health climate risk table: no heading split 建 / 設', () => {
    const r = results.get('jd-health/2024/jd-health-2024.zh-Hant.txt')!;
    const mdx = r.sections.map((s) => s.mdx).join('\n');
    expect(mdx).toContain('國家持續推進全國碳排放權交易市場建設，對於企業申報的環境數據披露的準確性有更高要求');
    expect(mdx).not.toMatch(/^#+ 國家持續推進全國碳排放權交易市場建$/m);
    expect(mdx).not.toMatch(/^#+ 風險類別/m);
  });
  it('no heading ends mid-word in any seed', () => {
    const found = [...results].flatMap(([name, r]) => r.sections.flatMap((s) => midWord(s.mdx).map((h) => `${name} ${s.file}: ${h}`)));
    expect(found).toEqual([]);
  });
  it('doubted headings are returned with their source line and reason', () => {
    const all = [...results.values()].flatMap((r) => r.doubtedHeadings);
    expect(all.length).toBeGreaterThan(0);
    for (const d of all) {
      expect(d.line).toBeGreaterThan(0);
      expect(d.text.length).toBeGreaterThan(0);
      expect(d.why).toMatch(/wide|clause|word/);
    }
  });
});
