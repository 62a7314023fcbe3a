/**
 * Alibaba FY2025 (Traditional Chinese, the archive's fourth report) through the general importer:
 * markup the extraction left, appendices under one contents entry, the multi-framework index, and
 * the KPI appendix as data. Runs the pipeline on the committed seed as the CLI does (report-inputs.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { runPipeline } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { reportInputs } from '../../../scripts/import/report-inputs.ts';
import { readSource, toLines } from '../../../scripts/import/read-source.ts';
import { ROOT } from './helpers.ts';

const DIR = join(ROOT, 'content/reports/alibaba/2025');
const SRC = join(DIR, 'source/alibaba-fy2025.zh-Hant.txt');
const data = readFileSync(SRC);
const ov = parseOverrides(readFileSync(join(DIR, 'source/overrides.yaml'), 'utf8'));
const inputs = reportInputs(data, 'zh-Hant', ov, readFileSync(join(DIR, 'report.yaml'), 'utf8'), ROOT);
const r = runPipeline(data, 'zh-Hant', inputs.ov, SRC, { catalogue: inputs.catalogue, aspects: inputs.aspects, codes: inputs.codes });
const byTitle = (t: string) => {
  const s = r.sections.find((x) => x.title === t);
  if (!s) throw new Error(`no section titled ${t}`);
  return s;
};

describe('Alibaba FY2025 import', () => {
  it('follows its 目錄: three parts, about forty entries in order, the appendices one unit each', () => {
    expect(r.outline.source).toBe('contents page');
    expect(r.outline.entries).toBeGreaterThanOrEqual(40);
    expect(r.outline.inOrder / r.outline.entries).toBeGreaterThanOrEqual(0.9);
    expect(r.parts.map((p) => p.title)).toEqual(['治理', '環境', '社會']);
    expect(r.outline.largestUnitShare).toBeLessThan(0.1);
    const appendices = r.sections.filter((s) => s.id.startsWith('a'));
    expect(appendices.map((s) => s.title)).toEqual([
      '附錄 1 ESG 關鍵績效指標', '附錄 2 數據核查聲明', '附錄 3 溫室氣體盤查和核算邊界', '附錄 4 利益相關者溝通和重要性評估',
      '附錄 5 聯合國全球契約進展', '附錄 6 報告指標索引', '附錄 7 釋義', '附錄 8 重要法律聲明',
    ]);
  });

  it('keeps at least 99.5 % of the words once the HTML tags of the extraction are removed (each a recorded repair)', () => {
    expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
    const markup = r.repairs.filter((x) => x.kind === 'markup');
    const tagged = toLines(readSource(data)).filter((l) => /<(?:ul|p)[\s>]/.test(l.text));
    expect(markup.map((x) => x.line)).toEqual(tagged.map((l) => l.n));
    for (const s of r.sections) expect(s.mdx, s.id).not.toMatch(/list-style-type|<\/?p>/);
  });

  it('reads the multi-framework index (附錄 6) into each section’s tags', () => {
    const climate = byTitle('應對氣候變化').frameworks!;
    expect(climate.hkex).toEqual(expect.arrayContaining(['A2.3', 'D20', 'D21', 'D22', 'D26']));
    expect(climate.sasb).toEqual(['CG-EC-130a.3', 'CG-EC-410a.2']);
    expect(climate.gri).toEqual(['201-2']);
    // a mandatory disclosure named by its title; Part D climate paragraphs from `管治： 19-a-i`
    expect(byTitle('公司治理架構').frameworks!.hkex).toEqual(['MDR13', 'D19']);
    const kpis = byTitle('附錄 1 ESG 關鍵績效指標').frameworks!;
    expect(kpis.hkex).toEqual(expect.arrayContaining(['A1.3', 'A2.1', 'B5.1', 'D28', 'D29']));
    expect(kpis.gri).toContain('305-1');
    // printed `促進創業就業` names the section `促進創業與就業`
    expect(byTitle('促進創業與就業').frameworks!.hkex).toEqual(['B8', 'B8.1', 'B8.2']);
    expect(r.warnings.filter((w) => w.startsWith('framework index'))).toEqual([]);
  });
});

describe('Alibaba FY2025 KPI data (附錄 1)', () => {
  const csv = parseCsv(readFileSync(join(DIR, 'data/kpi.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  it('holds every row of the appendix tables with values, with the printed decimals, per financial year', () => {
    const lines = readFileSync(SRC, 'utf8').split('\n');
    const from = lines.indexOf('附錄 1 ESG 關鍵績效指標');
    const to = lines.findIndex((l, i) => i > from && /^獨立有限保證鑒證報告/.test(l));
    const printed = lines.slice(from, to).map((l) => l.split('\t')).filter((c) => c.length >= 6 && c.slice(2).some((v) => /\d/.test(v)) && c.slice(2, 6).every((v) => /^\s*(?:[\d,]+(?:\.\d+)?%?)?\s*$/.test(v)));
    expect(printed.length).toBeGreaterThan(80);
    const years = ['FY2022', 'FY2023', 'FY2024', 'FY2025'];
    for (const cells of printed) {
      const values = cells.slice(2, 6).map((v) => v.trim().replace(/,/g, ''));
      const row = csv.find((x) => years.every((y, k) => x[`period:${y}`] === values[k]));
      expect(row, cells.join(' | ')).toBeDefined();
    }
    // and no row with values that the appendix does not print (`範圍 2 排放量` prints a unit and no value: a row without values)
    expect(csv.filter((x) => years.some((y) => x[`period:${y}`] !== '')).length).toBe(printed.length);
  });
  it('attaches footnotes to their rows, sets the pillar and group, and tags HKEX codes', () => {
    const fatal = csv.find((x) => x['label.zh-Hant'] === '因工死亡率')!;
    expect(fatal['note.zh-Hant']).toContain('因工死亡率 = (因工死亡員工人數 / 員工總數)');
    expect(fatal.hkex).toBe('B2.1');
    expect(fatal['category.zh-Hant']).toBe('社會');
    const pack = csv.find((x) => x['label.zh-Hant'] === '包裝總量')!;
    expect([pack['category.zh-Hant'], pack['group.zh-Hant'], pack.hkex]).toEqual(['環境', '包裝', 'A2.5']);
    expect(csv.find((x) => x['label.zh-Hant'] === '範圍 1 排放量')!.hkex).toBe('D28');
    expect(csv.find((x) => x['label.zh-Hant'] === '自建數據中心的平均電力使用效率（PUE）')!['period:FY2022']).toBe('1.247');
    // `^{1,2,3}` in a label: three notes, the marker gone from the label
    const total = csv.find((x) => x['label.zh-Hant']?.startsWith('溫室氣體排放總量'))!;
    expect(total['label.zh-Hant']).toBe('溫室氣體排放總量 (範圍 1,2,3)');
    expect(total['note.zh-Hant'].split(' ').length).toBeGreaterThanOrEqual(3);
  });
});
