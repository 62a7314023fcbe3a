import { describe, expect, it } from 'vitest';
import { extractFootnotes, FN } from '../../../scripts/import/footnotes.ts';
import type { Block } from '../../../scripts/import/types.ts';
import { body, LANGS } from './helpers.ts';

describe('footnotes', () => {
  it('turns glued digits into references and `n text` paragraphs into definitions', () => {
    const blocks: Block[] = [
      { kind: 'table', caption: 'Alibaba Health’s Energy and Resource Consumption in FY20181', rows: [['a', '1']], page: 37 },
      { kind: 'para', text: 'a total of 353.7 tons of carbon dioxide equivalent in greenhouse gas emissions2. All domestic sewage', page: 37 },
      { kind: 'para', text: '1 The scope of electricity, water and office paper consumption includes only…', page: 37 },
      { kind: 'para', text: '2 The greenhouse gas emissions includes only the indirect emissions.', page: 37 },
    ];
    const out = extractFootnotes(blocks, []);
    expect((out[0] as any).caption).toBe(`Alibaba Health’s Energy and Resource Consumption in FY2018${FN(1)}`);
    expect((out[1] as any).text).toContain(`greenhouse gas emissions${FN(2)}. All`);
    expect(out.filter((b) => b.kind === 'footnote').length).toBe(2);
  });
  it('leaves a numbered paragraph alone when nothing refers to it', () => {
    const out = extractFootnotes([{ kind: 'para', text: '3 steps to follow', page: 1 }], []);
    expect(out[0].kind).toBe('para');
  });
  for (const lang of LANGS) {
    it(`${lang}: p3-c3 has two footnotes on the energy table and the GHG figure`, () => {
      const b = body(lang, 'p3-c3');
      expect(b.match(/^\[\^\d\]: /gm)?.length).toBe(2);
      expect(b).not.toContain('FY20181');
      if (lang === 'en') {
        expect(b).toContain('**Alibaba Health’s Energy and Resource Consumption in FY2018[^1]**');
        expect(b).toContain('greenhouse gas emissions[^2]');
      } else {
        expect(b).toContain('**阿里健康2018財年能源和資源消耗量[^1]**');
        expect(b).toContain('353.7噸二氧化碳當量[^2]');
        expect(b).toMatch(/^\[\^2\]: 溫室氣體排放量僅包含耗電和耗水產生的間接溫室氣體排放。耗電量和耗水量統計/m);
      }
    });
  }
});
