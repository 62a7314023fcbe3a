import { describe, expect, it } from 'vitest';
import { isFolio, splitPages } from '../../../scripts/import/split-pages.ts';
import { LANGS, overrides, sourceLines } from './helpers.ts';

describe('split-pages', () => {
  for (const lang of LANGS) {
    it(`${lang}: reconstructs 42 pages anchored on the folios, no re-anchoring needed`, () => {
      const lines = sourceLines(lang);
      const pm = splitPages(lines, overrides().pageStarts?.[lang]);
      expect(pm.pageCount).toBe(42);
      expect(pm.warnings).toEqual([]);
      for (const f of pm.folios) expect(pm.starts.get(f.value)).toBe(f.line);
      const first = (p: number) => lines[pm.starts.get(p)!].text;
      expect(first(28)).toMatch(lang === 'en' ? /^01 Improving Quality Control/ : /^01 完善質量管控/);
      expect(first(39)).toMatch(lang === 'en' ? /^Index of HKEX/ : /^香港聯交所ESG指標索引/);
      expect(first(33)).toMatch(lang === 'en' ? /^2 Growing Talents/ : /^員工是企業最寶貴的財富/);
      expect(lines.filter((l) => l.page === 0 && l.text)).toEqual([]);
    });
  }
  it('finds exactly the surviving folios', () => {
    const zh = sourceLines('zh-Hant');
    expect(zh.flatMap((_, i) => (isFolio(zh, i) ? [zh[i].text] : []))).toEqual(['10', '19', '24', '26']);
    const en = sourceLines('en');
    expect(en.flatMap((_, i) => (isFolio(en, i) ? [en[i].text] : []))).toEqual(['13', '42']);
  });
  it('without the page-start hint a page is missed and the folio re-anchors (with a warning)', () => {
    const pm = splitPages(sourceLines('en'));
    expect(pm.warnings.join()).toMatch(/folio 13/);
  });
});
