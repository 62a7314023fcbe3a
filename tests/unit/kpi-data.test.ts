// KPI data: printed values → numbers, MDX tables → metrics, language alignment, CSV shape, and
// the committed data files are what the extractor writes from the committed MDX.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parsePrinted, numberText } from '../../scripts/import/kpi-values.ts';
import { buildKpiData, readMdxTables, writeKpiData, csvColumns, labelUnit } from '../../scripts/import/kpi-data.ts';
import { kpiCodes } from '../../scripts/import/kpi-codes.ts';
import { CONTENT } from '../support/paths.ts';

// (a year with source/ only and no report.yaml is a seed kept as test input, not a report)
const reportDirs = readdirSync(path.join(CONTENT, 'reports')).flatMap((i) =>
  readdirSync(path.join(CONTENT, 'reports', i)).map((y) => path.join(CONTENT, 'reports', i, y))).filter((d) => existsSync(path.join(d, 'report.yaml')));

describe('parsePrinted', () => {
  it.each([
    ['1,029', 1029, false, ''],
    ['8,360,590.49', 8360590.49, false, ''],
    ['8.83%', 8.83, true, ''],
    ['(1,234)', -1234, false, ''],
    ['-12.5', -12.5, false, ''],
    ['−7', -7, false, ''],
    ['>3,300', 3300, false, '>'],
    ['0.000007', 0.000007, false, ''],
  ])('%s', (cell, value, percent, qualifier) => {
    const p = parsePrinted(cell)!;
    expect(p.value).toBe(value);
    expect(typeof p.value).toBe('number');
    expect(p.percent).toBe(percent);
    expect(p.qualifier).toBe(qualifier);
  });
  it.each(['/', '—', '–', '-', '', 'N/A', '不適用'])('%j is no value', (cell) => {
    expect(parsePrinted(cell)).toEqual({ value: null, decimals: 0, percent: false, qualifier: '', unit: '' });
  });
  it('reads a unit printed after the number', () => {
    expect(parsePrinted('724.11 kWh/person')).toMatchObject({ value: 724.11, unit: 'kWh/person' });
    expect(parsePrinted('724.11（千瓦時/人）')).toMatchObject({ value: 724.11, unit: '千瓦時/人' });
  });
  it('refuses text', () => {
    expect(parsePrinted('about 5')).toBeNull();
    expect(parsePrinted('12 34')).toBeNull();
  });
  it('writes numbers without separators or exponents', () => {
    expect(numberText(0.000007)).toBe('0.000007');
    expect(numberText(8360590.49)).toBe('8360590.49');
    expect(numberText(null)).toBe('');
    expect(numberText(133, 2)).toBe('133.00');
    expect(parsePrinted('50,329.70')).toMatchObject({ value: 50329.7, decimals: 2 });
  });
});

describe('tables → metrics', () => {
  it('splits a bracketed unit from a label only when it is a unit', () => {
    expect(labelUnit('Electricity (kWh)')).toEqual(['Electricity', 'kWh']);
    expect(labelUnit('電（千瓦時）')).toEqual(['電', '千瓦時']);
    expect(labelUnit('Suppliers of principal business (online and offline)')).toEqual(['Suppliers of principal business (online and offline)', '']);
  });
  it('reads a year table: groups, wrapped labels, glued units, footnote numbers, no-value cells', () => {
    const mdx = [
      '| 指標名稱 | 單位 | 2023 年數據 | 2024 年數據 |',
      '| --- | --- | --- | --- |',
      '| **環境** |  |  |  |',
      '| **溫室氣體** |  |  |  |',
      '| 溫室氣體排放總量 | 噸二氧化碳當量 | 5,263.71 | 3,836.89 |',
      '| 二氧化碳排放密度噸二氧化碳當量/營業收入（萬元） |  | 0.001 | 0.001 |',
      '| **招聘** |  |  |  |',
      '| **內部候選人填補空缺職位的員工總數** |  |  |  |',
      '| 人 |  | / | 115 |',
      '| 員工流失比率 17 | % | 10.04 | 6.51 |',
      '',
      '17 員工流失比率=主動離職員工數/員工總數。',
    ].join('\n');
    const d = buildKpiData({ langs: ['zh-Hant'], files: { 'zh-Hant': [['a01', mdx]] }, period: '2024', overrides: {}, defined: new Set(['A1.2', 'B1.1', 'B1.2']) });
    expect(d.periods).toEqual(['2023', '2024']);
    expect(d.metrics.map((m) => [m.label['zh-Hant'], m.unit['zh-Hant'], m.values])).toEqual([
      ['溫室氣體排放總量', '噸二氧化碳當量', { 2023: 5263.71, 2024: 3836.89 }],
      ['二氧化碳排放密度', '噸二氧化碳當量/營業收入（萬元）', { 2023: 0.001, 2024: 0.001 }],
      ['內部候選人填補空缺職位的員工總數', '人', { 2023: null, 2024: 115 }],
      ['員工流失比率', '%', { 2023: 10.04, 2024: 6.51 }],
    ]);
    expect(d.metrics[0].category['zh-Hant']).toBe('環境');
    expect(d.metrics[3].note['zh-Hant']).toContain('主動離職');
    expect(d.metrics.map((m) => m.hkex)).toEqual([['A1.2'], ['A1.2'], ['B1.1'], ['B1.2']]);
  });
  it('a single heading is a subgroup of the topic, or a new topic when the next heading starts like it', () => {
    const mdx = ['| 指標名稱 | 單位 | 2023 年數據 | 2024 年數據 |', '| --- | --- | --- | --- |',
      '| **反貪腐** |  |  |  |', '| **廉潔培訓** |  |  |  |', '| 廉潔培訓總小時數 | 小時 | 6,099.4 | 7,537 |',
      '| **董事會獨立性與多元化** |  |  |  |', '| 董事會總人數 | 人 | 7 | 8 |',
      '| **董事會多元化** |  |  |  |', '| 董事女性人數 | 人 | 2 | 2 |',
      '| **供應鏈管理** |  |  |  |', '| **按地區劃分的供應商總數** |  |  |  |', '| 供應商總數 | 家 | 4,179 | 4,439 |',
      '| **以環境或社會標準篩選的供應商** |  |  |  |', '| 具有重大負面影響的供應商數量 | 家 | 0 | 0 |'].join('\n');
    const d = buildKpiData({ langs: ['zh-Hant'], files: { 'zh-Hant': [['a01', mdx]] }, period: '2024', overrides: {}, defined: new Set() });
    expect(d.metrics.map((m) => m.group['zh-Hant'])).toEqual([
      '反貪腐 › 廉潔培訓', '董事會獨立性與多元化', '董事會獨立性與多元化 › 董事會多元化',
      '供應鏈管理 › 按地區劃分的供應商總數', '供應鏈管理 › 以環境或社會標準篩選的供應商',
    ]);
  });
  it('aligns language editions and reports values that disagree as warnings', () => {
    const t = (cap: string, a: string, b: string) => `**${cap}**\n\n|  |  |\n| --- | --- |\n| ${a} |\n| ${b} |\n`;
    const d = buildKpiData({
      langs: ['zh-Hant', 'en'],
      files: { en: [['p3', t('Suppliers', 'Domestic | 463', 'Overseas | 20')]], 'zh-Hant': [['p3', t('供應商數目', '國內 | 463', '海外 | 21')]] },
      period: 'FY2018', overrides: { tables: ['p3'] }, defined: new Set(['B5.1']),
    });
    expect(d.metrics.map((m) => m.id)).toEqual(['domestic', 'overseas']);
    expect(d.metrics[1].label).toEqual({ en: 'Overseas', 'zh-Hant': '海外' });
    expect(d.metrics[1].values).toEqual({ FY2018: 20 });
    expect(d.disagreements).toEqual([{ id: 'overseas', period: 'FY2018', values: { en: 20, 'zh-Hant': 21 }, labels: { en: 'Overseas', 'zh-Hant': '海外' } }]);
    expect(d.warnings.join('\n')).toMatch(/en prints 20, zh-Hant prints 21/);
  });
  it('keeps captions and footnote definitions', () => {
    const st = readMdxTables('x', '**Energy[^1]**\n\n| A | B |\n| --- | --- |\n| a \\| b | 1 |\n\n[^1]: Scope note.\n');
    expect(st.tables[0]).toMatchObject({ caption: 'Energy[^1]', header: ['A', 'B'], rows: [['a | b', '1']] });
    expect(st.notes.get('1')).toBe('Scope note.');
  });
  it('reads the tables stringify-mdx writes: unpadded delimiter row, indented inside a box, escapes and references', () => {
    const mdx = '<aside class="box">\n  ### Box\n\n  **Energy \\<kWh>**\n\n  | | |\n  | - | - |\n  | a \\| b \\&amp; c | 1 |\n  | &#x69;mport \\{x} | \\>3,300 |\n</aside>\n';
    const st = readMdxTables('x', mdx);
    expect(st.tables).toEqual([{ section: 'x', index: 0, caption: 'Energy <kWh>', header: ['', ''], rows: [['a | b &amp; c', '1'], ['import {x}', '>3,300']] }]);
  });
  it('codes: group decides over a bare label, head counts only for the workforce rule', () => {
    const all = new Set(['A2', 'A2.1', 'B1.1', 'B3.1', 'B3.2', 'B7.3']);
    expect(kpiCodes({ label: '男員工', unit: '小時', group: '按性別劃分的員工受訓平均時長' }, all)).toEqual(['B3.2']);
    expect(kpiCodes({ label: '男員工', unit: '人', group: '按性別劃分的全職員工人數' }, all)).toEqual(['B1.1']);
    expect(kpiCodes({ label: 'Senior Management', unit: '%', group: 'Percentage of Training' }, all)).toEqual(['B3.1']);
    expect(kpiCodes({ label: '廉潔培訓總小時數', unit: '小時' }, all)).toEqual(['B7.3']);
    expect(kpiCodes({ label: 'Office Paper', unit: 'tons', category: 'Energy and Resource Consumption' }, all)).toEqual(['A2']);
    expect(kpiCodes({ label: '溫室氣體排放總量（範圍 1）', unit: '噸二氧化碳當量' }, new Set(['A1.2', 'D28']))).toEqual(['A1.2']);
    expect(kpiCodes({ label: '溫室氣體排放總量（範圍 1）', unit: '噸二氧化碳當量' }, new Set(['D28']))).toEqual(['D28']);
  });
});

describe('data files of the archive', () => {
  for (const dir of reportDirs) {
    const name = path.relative(path.join(CONTENT, 'reports'), dir);
    it(`${name}: data/ is what the extractor writes from the MDX and overrides`, () => {
      const { changed } = writeKpiData(dir, { check: true });
      expect(changed, 'run: node scripts/import/kpi-data.ts ' + path.relative(process.cwd(), dir)).toEqual([]);
    });
    const csvFile = path.join(dir, 'data', 'kpi.csv');
    if (!existsSync(csvFile)) continue;
    it(`${name}: kpi.csv has a BOM, the schema's columns, unique ids and numeric values`, () => {
      const raw = readFileSync(csvFile, 'utf8');
      expect(raw.charCodeAt(0)).toBe(0xfeff);
      const [head, ...rows] = parseCsv(raw, { bom: true }) as string[][];
      const periods = head.filter((h) => h.startsWith('period:')).map((h) => h.slice(7));
      expect(head).toEqual(csvColumns(periods));
      expect(rows.length).toBeGreaterThan(0);
      const ids = rows.map((r) => r[0]);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of rows) {
        for (const [i, h] of head.entries()) if (h.startsWith('period:') && r[i] !== '') expect(r[i], `${r[0]} ${h}`).toMatch(/^-?\d+(\.\d+)?$/);
        expect(r[head.indexOf('hkex')]).toMatch(/^([A-D]\d+(\.\d+)?( |$))*$/);
      }
    });
  }
  it('JD Health 2024: the KPI appendix (a01) has about 125 rows over 2023 and 2024', () => {
    const dir = reportDirs.find((d) => d.endsWith(path.join('jd-health', '2024')))!;
    const rows = parseCsv(readFileSync(path.join(dir, 'data', 'kpi.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const appendix = rows.filter((r) => r.section === 'a01');
    expect(appendix.length).toBeGreaterThanOrEqual(115);
    expect(appendix.filter((r) => r['period:2023'] !== '' && r['period:2024'] !== '').length).toBeGreaterThanOrEqual(90);
  });
});

describe('site model (src/lib/kpi-data.ts)', async () => {
  const { parseKpiCsv, kpiTables, chartGeometry, formatValue, dedupeReprints, rowsForCode, loadKpiArchive } = await import('../../src/lib/kpi-data.ts');
  it('formats values with separators and keeps the decimals of the data', () => {
    expect(formatValue(8360590.49)).toBe('8,360,590.49');
    expect(formatValue(-1234)).toBe('−1,234');
    expect(formatValue(0.000007)).toBe('0.000007');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(133, '133.00')).toBe('133.00');
    expect(formatValue(1748.2, '1748.20')).toBe('1,748.20');
    expect(formatValue(5, '6')).toBe('5');
  });
  it('reads the committed CSVs: numbers, nulls, tables with their periods', () => {
    const archive = loadKpiArchive(path.join(CONTENT, 'reports'));
    expect(archive.length).toBeGreaterThan(0);
    for (const r of archive) for (const row of r.rows) for (const v of Object.values(row.values)) expect(v === null || typeof v === 'number').toBe(true);
    const jd = archive.find((r) => r.issuer === 'jd-health');
    if (jd) expect(kpiTables(jd).find((t) => t.id === 'a01-t1')!.periods).toEqual(['2023', '2024']);
  });
  it('chart geometry is deterministic, scales each row on its own and keeps no-value bars empty', () => {
    const rows = [{ id: 'a', label: 'A', unit: '%', values: { 2023: 10, 2024: 5 } }, { id: 'b', label: 'B', unit: '', values: { 2023: null, 2024: 1000 } }];
    const g1 = chartGeometry(rows, ['2023', '2024']);
    expect(chartGeometry(rows, ['2023', '2024'])).toEqual(g1);
    expect(g1.rows[0].bars[0].width).toBe(g1.barMax);
    expect(g1.rows[0].bars[1].width).toBe(Math.round((g1.barMax / 2) * 10) / 10);
    expect(g1.rows[0].bars[0].text).toBe('10%');
    expect(g1.rows[1].bars[0]).toMatchObject({ width: 0, text: '—' });
    expect(g1.rows[1].bars[1].width).toBe(g1.barMax);
  });
  it('a figure printed in a body table and again in the appendix is shown once per code', () => {
    const csv = '\uFEFFid,section,table,label.zh-Hant,period:2023,period:2024,hkex,source\r\nx1,c02,c02-t1,柴油,50329.7,47,A2.1,table\r\nx2,a01,a01-t1,柴油消耗量,50329.7,47,A2.1,table\r\nx3,c02,c02-t1,天然氣,0,0,A2.1,table\r\nx4,a01,a01-t1,天然氣消耗量,0,0,A2.1,table\r\n';
    const { rows, periods } = parseKpiCsv(csv);
    expect(periods).toEqual(['2023', '2024']);
    expect(dedupeReprints(rows).map((r) => r.id)).toEqual(['x2', 'x3', 'x4']);
    expect(rowsForCode([{ issuer: 'i', year: 'y', periods, rows, disagreements: [], warnings: [] }], 'A2.1')[0].rows.map((r) => r.id)).toEqual(['x2', 'x3', 'x4']);
  });
});
