/**
 * Text tables flattened cell by cell under a header of short phrases (phrase-tables.ts): a
 * snippet written in the style of the extraction, and JD Health's climate risk table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMdxTables } from '../../../scripts/import/kpi-data.ts';
import { describe, expect, it } from 'vitest';
import { cutColumns, splitPhraseTables } from '../../../scripts/import/phrase-tables.ts';
import { runPipeline } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { toLines } from '../../../scripts/import/read-source.ts';
import { ROOT } from './helpers.ts';

const tables = (text: string) => splitPhraseTables(toLines(text)).flatMap((s) => ('table' in s ? [s.table] : []));

const SNIPPET = [
  '議題類別 議題 管理方式',
  '',
  '環境',
  '',
  '節能減排',
  '  推行辦公區域節能改造，更換高效照明',
  '設備，並定期檢查用電情況',
  '',
  '  與物流夥伴合作推廣新能源車輛',
  '',
  '廢棄物管理',
  '  推行包材回收計劃，設置回收點並定期',
  '統計回收數量',
  '',
  '  減少一次性用品的採購',
  '',
  '我們將持續完善上述議題的管理方式，並在下一年度的報告中披露相關進展與績效數據，接受各利益相關方監督。',
].join('\n');

describe('splitPhraseTables', () => {
  it('a phrase header over labels and indented cells: rows, merged label cells, one cell per column', () => {
    const [t] = tables(SNIPPET);
    expect(t.header).toEqual(['議題類別', '議題', '管理方式']);
    expect(t.rows).toEqual([
      ['環境', '節能減排', '推行辦公區域節能改造，更換高效照明設備，並定期檢查用電情況\n與物流夥伴合作推廣新能源車輛'],
      ['', '廢棄物管理', '推行包材回收計劃，設置回收點並定期統計回收數量\n減少一次性用品的採購'],
    ]);
  });
  it('the paragraph after the table stays text', () => {
    const last = splitPhraseTables(toLines(SNIPPET)).at(-1)!;
    expect('lines' in last && last.lines.some((l) => l.text.startsWith('我們將持續完善'))).toBe(true);
  });
  it('a phrase line over text (no row label), or with a single row, is no table', () => {
    expect(tables('減少包裝 節約用水 循環廢棄物\n\n我們在各營運場所推行節水措施，並持續改進。')).toEqual([]);
    expect(tables('議題類別 議題 管理方式\n\n環境\n\n節能減排\n  推行辦公區域節能改造')).toEqual([]);
  });
  it('cuts a row’s text blocks where the wrapping width changes', () => {
    const b = (w: number, n = 2) => ({ lines: Array(n).fill('x'), w });
    const cut = cutColumns([b(34), b(34), b(40), b(40, 1), b(40)], 2);
    expect(cut.map((g) => g.map((x) => x.w))).toEqual([[34, 34], [40, 40, 40]]);
  });
});

describe('JD Health climate risk table', () => {
  const dir = join(ROOT, 'content/reports/jd-health/2024/source');
  const r = runPipeline(readFileSync(join(dir, 'jd-health-2024.zh-Hant.txt')), 'zh-Hant', parseOverrides(readFileSync(join(dir, 'overrides.yaml'), 'utf8')), 'jd');
  const mdx = r.sections.map((s) => s.mdx).join('\n');
  it('risk category / risk / description / response', () => {
    const t = r.sections.flatMap((x) => readMdxTables(x.id, x.mdx).tables).find((x) => x.header.join('|') === '風險類別|風險|風險描述|應對措施')!;
    expect(t).toBeDefined();
    expect(t.rows.map((x) => x.slice(0, 2))).toEqual([['轉型風險', '政策風險'], ['', '聲譽風險'], ['', '技術風險'], ['實體風險', '急性實體風險'], ['', '慢性實體風險']]);
    expect(t.rows[0][2]).toContain('國家已建立起碳達峰 · 碳中和「1+N」政策體系，');
    // the word the old heading split (`…市場建` / `設，…`) is whole, inside its cell
    expect(t.rows[0][2]).toContain('<br />國家持續推進全國碳排放權交易市場建設，對於企業申報的環境數據披露的準確性有更高要求');
    expect(t.rows[0][3]).toMatch(/^秉持高效能、低排放的能源資源使用原則，/);
    for (const row of t.rows) expect(row).toHaveLength(4);
  });
  it('the opportunity table under it, with its caption left outside', () => {
    expect(mdx).toMatch(/京東健康氣候變化機遇識別\n\n\s*\| 機遇類型 \| 機遇描述 \| 應對舉措 \|/);
  });
});
