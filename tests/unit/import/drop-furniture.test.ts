import { describe, expect, it } from 'vitest';
import { dropFurniture } from '../../../scripts/import/drop-furniture.ts';
import { splitPages } from '../../../scripts/import/split-pages.ts';
import { body, LANGS, overrides, paragraphs, run, sourceLines } from './helpers.ts';

describe('drop-furniture', () => {
  it('drops folios, decorative numerals and quote marks, not section numbers', () => {
    const lines = sourceLines('en');
    const pm = splitPages(lines, overrides().pageStarts?.en);
    const d = dropFurniture(lines, pm.folios.map((f) => f.line));
    expect(d.map((x) => `${x.text}:${x.why}`)).toEqual([
      '13:folio', '3:decorative numeral', '3:decorative numeral', '“ “:decorative quote marks', '42:folio',
    ]);
    expect(lines.find((l) => l.text === '01')).toBeTruthy(); // en 841, a section number alone
  });
  for (const lang of LANGS) {
    it(`${lang}: no paragraph of the output is only digits; folios do not survive`, () => {
      const r = run(lang);
      const folios = lang === 'en' ? ['13', '42'] : ['10', '19', '24', '26'];
      expect(r.dropped.filter((d) => d.why === 'folio').map((d) => d.text)).toEqual(folios);
      for (const s of r.sections) {
        for (const p of paragraphs(body(lang, s.id))) expect(p).not.toMatch(/^\d+$/);
        expect(body(lang, s.id)).not.toMatch(/^(““|“ “)$/m);
      }
    });
  }
});
