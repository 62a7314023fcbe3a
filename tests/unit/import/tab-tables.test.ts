/**
 * Tables whose columns survived as tabs (tab-tables.ts) and footnote markers in their cells
 * (table-footnotes.ts): small snippets, and the 2025 Alibaba seed (content/reports/alibaba/2025/
 * source, no overrides) through the whole pipeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMdxTables } from '../../../scripts/import/kpi-data.ts';
import { describe, expect, it } from 'vitest';
import { splitTabTables } from '../../../scripts/import/tab-tables.ts';
import { linkTableFootnotes, markFootnotes } from '../../../scripts/import/table-footnotes.ts';
import { FN } from '../../../scripts/import/footnotes.ts';
import { runPipeline } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { toLines } from '../../../scripts/import/read-source.ts';
import type { Block } from '../../../scripts/import/types.ts';
import { ROOT } from './helpers.ts';

type Table = Extract<Block, { kind: 'table' }>;
const tables = (text: string) => splitTabTables(toLines(text)).flatMap((s) => ('table' in s ? [s.table] : []));

describe('splitTabTables', () => {
  it('≥ 2 lines with the same number of tab fields: header, rows, group rows, empty cells kept', () => {
    const t = tables('前言。\n\n指標\t單位\t2023 年\t2024 年\n用水\t\t\t\n總用水量\t噸\t1,200.5\t1,180.25\n人均用水\t噸\t\t0.0016\n\n後記。');
    expect(t).toHaveLength(1);
    expect(t[0].header).toEqual(['指標', '單位', '2023 年', '2024 年']);
    expect(t[0].rows).toEqual([['**用水**', '', '', ''], ['總用水量', '噸', '1,200.5', '1,180.25'], ['人均用水', '噸', '', '0.0016']]);
  });
  it('no header when the first line reads like the rows (a contents list)', () => {
    const t = tables('使命\t002\n報告說明\t005\n附錄\t111-131');
    expect(t[0].header).toBeUndefined();
    expect(t[0].rows).toHaveLength(3);
  });
  it('one line, different field counts, or a grid of single fields stay text', () => {
    expect(tables('甲\t乙\n丙')).toEqual([]);
    expect(tables('甲\t乙\n丙\t丁\t戊')).toEqual([]);
    expect(tables('致董事會\t\t\n工作範圍\t\t\n我們受託執行\t\t\n結論\t有\t')).toEqual([]);
  });
  it('drops HTML tags the extraction left in cells', () => {
    expect(tables('類別\t說明\n物理\t<ul style="list-style-type: none"> 急性 慢性 </ul>')[0].rows[0]).toEqual(['物理', '急性 慢性']);
  });
});

describe('table footnotes', () => {
  it('markers become references when their texts follow the table; others are printed back', () => {
    const cell = markFootnotes('排放總量 ^{1,2}');
    expect(cell).toMatch(/^排放總量\u0001/);
    const blocks: Block[] = [
      { kind: 'table', header: ['指標', '數值'], rows: [[cell, '10'], [markFootnotes('強度 ³'), '2.1'], [markFootnotes('認證⁹'), '1']], page: 1 },
      { kind: 'para', text: '1. 範圍見說明。', page: 1 },
      { kind: 'para', text: '2 按市場計。', page: 1 },
      { kind: 'para', text: '3. 按收入計。', page: 1 },
    ];
    const out = linkTableFootnotes(blocks);
    const t = out[0] as Table;
    expect(t.rows.map((r) => r[0])).toEqual([`排放總量${FN(1)}${FN(2)}`, `強度${FN(3)}`, '認證⁹']);
    expect(out.slice(1)).toEqual([
      { kind: 'footnote', n: 1, text: '範圍見說明。', page: 1 },
      { kind: 'footnote', n: 2, text: '按市場計。', page: 1 },
      { kind: 'footnote', n: 3, text: '按收入計。', page: 1 },
    ]);
  });
  it('a superscript after a Latin letter is a unit, not a marker', () => {
    expect(markFootnotes('用量 m³')).toBe('用量 m³');
  });
});

describe('Alibaba FY2025 (tab-separated extraction, no overrides)', () => {
  const src = readFileSync(join(ROOT, 'content/reports/alibaba/2025/source/alibaba-fy2025.zh-Hant.txt'));
  const r = runPipeline(src, 'zh-Hant', parseOverrides(''), 'alibaba-fy2025.zh-Hant.txt');
  const mdx = r.sections.map((s) => s.mdx).join('\n');
  // tables as the site reads them (kpi-data.ts), cells unescaped
  const tables = r.sections.flatMap((x) => readMdxTables(x.id, x.mdx).tables);
  const hasRow = (row: string[]) => tables.some((t) => t.rows.some((x) => x.join('|') === row.join('|')));
  it('the KPI appendix comes out as tables of 6 columns with their rows and printed decimals', () => {
    const ghg = tables.find((t) => t.header.join('|') === '環境|單位|2022 財年|2023 財年|2024 財年|2025 財年' && t.rows.some((x) => x[0] === '範圍 1 排放量'))!;
    expect(ghg).toBeDefined();
    expect(ghg.rows.length).toBe(18);
    for (const row of ghg.rows) expect(row).toHaveLength(6);
    expect(ghg.rows).toContainEqual(['範圍 1 排放強度', '噸二氧化碳當量 / 百萬人民幣收入', '0.7', '0.7', '0.5', '0.5']);
    expect(ghg.rows).toContainEqual(['- 基於位置', '噸二氧化碳當量', '', '2,940,588', '3,733,673', '3,927,319']);
    expect(hasRow(['有害廢棄物強度[^3]', '噸每百萬人民幣收入', '', '', '0.0016', '0.0007'])).toBe(true);
  });
  it('footnote markers in labels become references with their definitions', () => {
    expect(tables.some((t) => t.rows.some((x) => x[0] === '溫室氣體排放總量 (範圍 1,2,3)[^1][^2][^3]' && x[2] === '10,460,720'))).toBe(true);
    expect(tables.some((t) => t.rows.some((x) => x[0] === '範圍 1 淨排放[^6]'))).toBe(true);
    expect(mdx).toMatch(/^\[\^1\]: 本清單的範圍是營運控制權原則下/m);
    expect(mdx).not.toContain('^\\{');
  });
  it('group rows are bold and two-column tables keep their columns', () => {
    expect(tables.some((t) => t.rows.some((x) => x[0] === '**包裝**'))).toBe(true);
    expect(hasRow(['北京望京 B 座', 'LEED 2009 金級認證'])).toBe(true);
  });
});
