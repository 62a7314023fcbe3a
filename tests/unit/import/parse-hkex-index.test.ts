import { describe, expect, it } from 'vitest';
import { codesForPages, parseHkexIndex } from '../../../scripts/import/parse-hkex-index.ts';
import { body, LANGS, run, sourceLines } from './helpers.ts';

describe('parse-hkex-index', () => {
  for (const lang of LANGS) {
    it(`${lang}: 43 rows, 11 general disclosures + 32 KPIs`, () => {
      const rows = run(lang).index.filter((r) => r.kind === 'gd' || r.kind === 'kpi');
      expect(rows.length).toBe(43);
      expect(rows.filter((r) => r.kind === 'gd').length).toBe(11);
      expect(rows.find((r) => r.code === 'A2.5')?.status).toBe('not-applicable');
      expect(rows.filter((r) => r.status === 'not-reported').map((r) => r.code)).toEqual(['B1.2', 'B2.1', 'B2.2', 'B4.2', 'B7.1']);
      expect(rows.find((r) => r.kind === 'gd' && r.code === 'A1')?.pages).toEqual({ from: 37, to: 38 });
      expect(rows.find((r) => r.code === 'B8.2')?.pages).toEqual({ from: 22, to: 26 });
    });
  }
  it('codes and locations are identical in both editions; en B2.3 misprint fixed with a warning', () => {
    const key = (lang: (typeof LANGS)[number]) => run(lang).index.filter((r) => r.kind !== 'scope').map((r) => `${r.kind}:${r.code}:${r.status ?? ''}:${JSON.stringify(r.pages ?? null)}`);
    expect(key('en')).toEqual(key('zh-Hant'));
    const b23 = run('en').index.find((r) => r.code === 'B2.3')!;
    expect(b23.printedCode).toBe('B2.2');
    expect(b23.text).toMatch(/^Description of occupational health and safety measures/);
    expect(run('en').warnings.join()).toMatch(/printed as "B2\.2".*B2\.3/);
    expect(run('zh-Hant').warnings.join()).not.toMatch(/ESG index/);
  });
  it('joins wrapped descriptions (zh without a space) and reads locations on their own line', () => {
    const zh = sourceLines('zh-Hant');
    const start = zh.findIndex((l) => l.text === '香港聯交所ESG指標索引');
    const { rows } = parseHkexIndex(zh.slice(start + 1, start + 60).map((l) => l.text));
    const b1 = run('zh-Hant').index.find((r) => r.kind === 'gd' && r.code === 'B1')!;
    expect(b1.text).toContain('平等機會、多元化、反歧視以及其他待遇及福利');
    expect(rows.find((r) => r.code === 'A2.1')?.location).toBe('37');
  });
  it('codesForPages picks rows whose pages overlap', () => {
    const rows = run('zh-Hant').index;
    expect(codesForPages(rows, 22, 22)).toEqual(['B8', 'B8.1', 'B8.2']);
    expect(codesForPages(rows, 39, 41)).toEqual([]);
  });
  it('the index becomes a GFM table in the esg-index section', () => {
    for (const lang of LANGS) {
      const rows = body(lang, 'esg-index').split('\n').filter((l) => /^\| (A|B)\d\.\d/.test(l));
      expect(rows.length).toBe(32);
    }
    expect(body('en', 'esg-index')).toMatch(/^\| B2\.3 \| Description of occupational/m);
  });
});
