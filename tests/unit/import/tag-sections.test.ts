import { describe, expect, it } from 'vitest';
import { tagSections } from '../../../scripts/import/tag-sections.ts';
import { LANGS, run, section } from './helpers.ts';

describe('tag-sections', () => {
  it('gives sections the codes whose index pages overlap their pages', () => {
    for (const lang of LANGS) {
      expect(section(lang, 'p3-c3').frameworks?.hkex).toEqual(['A1', 'A1.1', 'A1.2', 'A1.3', 'A1.4', 'A1.5', 'A1.6', 'A2', 'A2.1', 'A2.2', 'A2.3', 'A2.4', 'A3', 'A3.1']);
      expect(section(lang, 'p3-c1').frameworks?.hkex).toEqual(['B5', 'B5.1', 'B5.2', 'B6', 'B6.1', 'B6.2', 'B6.3', 'B6.4', 'B6.5', 'B7', 'B7.2']);
      expect(section(lang, 'p3-c2').frameworks?.hkex).toContain('B2.3');
      expect(section(lang, 'p2-c1').frameworks?.hkex).toEqual(['B8', 'B8.1', 'B8.2']);
      expect(section(lang, 'p2-c5').frameworks?.hkex).toEqual(['B8.2']);
      expect(section(lang, 'esg-index').frameworks?.hkex).toEqual([]);
      expect(section(lang, 'ceo').frameworks?.hkex).toEqual([]);
    }
    // not-reported and not-applicable codes are never tags
    const all = run('en').sections.flatMap((s) => s.frameworks?.hkex ?? []);
    for (const c of ['A2.5', 'B1.2', 'B2.1', 'B2.2', 'B4.2', 'B7.1']) expect(all).not.toContain(c);
  });
  it('the complaints figure of B6.2 (p.28) is in p3-c1 §01 in both editions', () => {
    for (const lang of LANGS) {
      const s01 = section(lang, 'p3-c1').mdx.split(/^## /m).find((x) => x.startsWith('01 '))!;
      expect(s01).toContain('4,917');
    }
  });
  it('skips the sections it is told to skip', () => {
    const tags = tagSections([{ id: 'x', pages: { from: 37, to: 37 } }, { id: 'y', pages: { from: 37, to: 37 } }], run('en').index, (s) => s.id === 'y');
    expect(tags.get('x')).toContain('A1.1');
    expect(tags.get('y')).toEqual([]);
  });
});
