import { describe, expect, it } from 'vitest';
import { fidelity, letters } from '../../../scripts/import/fidelity.ts';
import { LANGS, run } from './helpers.ts';

describe('fidelity', () => {
  it('counts letters, digits and ideographs in order, ignoring spacing and punctuation', () => {
    expect(letters('A l ibaba, 1,500萬人。')).toBe('alibaba1500萬人');
    // capitals are not text: a heading printed in capitals, titled as the contents page prints it
    expect(fidelity(['1. ABOUT THIS REPORT'], '1 About this Report').fidelity).toBe(1);
    expect(fidelity(['ab cd', 'ef'], 'a b c d e f').fidelity).toBe(1);
    expect(fidelity(['abcd', 'efgh'], 'abcd').fidelity).toBe(0.5);
    expect(fidelity(['line one', 'line two'], 'line two\nline one').fidelity).toBe(1); // moved text still counts
    // a changed character costs its chunk; scattered letters elsewhere do not count
    expect(fidelity(['abcdefghijkl'], 'abcdefXhijkl').fidelity).toBe(0.5);
    expect(fidelity(['the quick brown fox'], 'xxx the xxx quick xxx brown xxx fox').fidelity).toBeLessThan(0.5);
  });
  for (const lang of LANGS) {
    it(`${lang}: at least 99.5% of the source text is in the output`, () => {
      expect(run(lang).fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
    });
  }
  it('drops when a section is lost', () => {
    const r = run('en');
    const src = r.sections.map((s) => s.mdx);
    const withAll = fidelity(src.join('\n').split('\n'), src.join('\n')).fidelity;
    const without = fidelity(src.join('\n').split('\n'), src.filter((_, i) => i !== 13).join('\n')).fidelity;
    expect(withAll).toBe(1);
    expect(without).toBeLessThan(0.95);
  });
});
