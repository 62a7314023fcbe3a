import { describe, expect, it } from 'vitest';
import { parseRow, splitHeader } from '../../../scripts/import/tables.ts';
import { readMdxTables } from '../../../scripts/import/kpi-data.ts';
import { body, line, LANGS } from './helpers.ts';

type L = (typeof LANGS)[number];
/** GFM table rows (header first) of a section whose bold caption matches `caption`, read as the KPI extractor reads them. */
function table(lang: L, id: string, caption: RegExp): string[][] {
  const t = readMdxTables(id, body(lang, id)).tables.find((x) => caption.test(x.caption));
  expect(t).toBeDefined();
  return [t!.header, ...t!.rows];
}

describe('tables', () => {
  it('parses `label value [value unit]` rows', () => {
    expect(parseRow(line('zh-Hant', 1509))).toEqual({ label: '電（千瓦時）', cells: ['350,469', '724.11（千瓦時/人）'] });
    expect(parseRow(line('en', 2197))).toEqual({ label: 'Electricity (kWh)', cells: ['350,469', '724.11 kWh/person'] });
    expect(parseRow(line('en', 2001))).toBeNull();
    expect(splitHeader('Indicator Consumption Density (consumption per employee)', 3)).toEqual(['Indicator', 'Consumption', 'Density (consumption per employee)']);
  });
  for (const lang of LANGS) {
    it(`${lang}: energy table has the same 3 rows of figures`, () => {
      const t = table(lang, 'p3-c3', lang === 'en' ? /Energy and Resource/ : /能源和資源消耗量/);
      const vals = t.slice(1).map((r) => [r[1], r[2].match(/^[\d.]+/)![0]]);
      expect(vals).toEqual([['350,469', '724.11'], ['5,341.7', '11.04'], ['0.949', '0.00196']]);
    });
    it(`${lang}: employee breakdowns each sum to 484`, () => {
      const t = table(lang, 'p3-c2', lang === 'en' ? /Employee Structure/ : /員工結構情況/);
      const groups: number[] = [];
      for (const r of t.slice(1)) {
        if (r[0].startsWith('**')) groups.push(0);
        else groups[groups.length - 1] += Number(r[1]);
      }
      expect(groups).toEqual([484, 484, 484]);
    });
    it(`${lang}: training table has 3 rows; supplier table is 463/20/86`, () => {
      const t = table(lang, 'p3-c2', lang === 'en' ? /Training Data/ : /培訓數據/);
      expect(t.slice(1).map((r) => `${r[1]}/${r[2]}`)).toEqual(['100%/36', '100%/144', '100%/58']);
      const s = table(lang, 'p3-c1', lang === 'en' ? /Number of Suppliers/ : /供應商數目/);
      expect(s.slice(1).map((r) => r[1])).toEqual(['463', '20', '86']);
      if (lang === 'en') expect(s[1][0]).toBe('Suppliers of principal business (online and offline)');
    });
  }
});
