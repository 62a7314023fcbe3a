/**
 * KPI series across an issuer's reports: Alibaba FY2023 (Simplified, values from its prose) and
 * FY2025 (Traditional, its KPI appendix of four financial years), and the matching rule on rows
 * written for the purpose.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKpiArchive, type KpiRow, type ReportKpi } from '../../src/lib/kpi-data.ts';
import { issuerSeries, seriesCsvRows, unitScale, type SeriesLink } from '../../src/lib/kpi-series.ts';
import { createConverter } from '../../src/lib/script-convert.ts';

const fold = createConverter({ from: 'zh-Hant', to: 'zh-Hans', quotes: false });
const alibaba = loadKpiArchive(join(import.meta.dirname, '../../content/reports')).filter((r) => r.issuer === 'alibaba');
const links = new Map<string, SeriesLink[]>(alibaba.map((r) => [r.year, r.series ?? []]));

describe('Alibaba across FY2023 and FY2025', () => {
  const series = issuerSeries(alibaba, links, fold);
  const across = series.filter((s) => s.years.length > 1);
  it('has both reports’ data, and the FY2025 links to FY2023 rows', () => {
    expect(alibaba.map((r) => r.year)).toEqual(['2023', '2025']);
    expect(across.map((s) => s.id).sort()).toEqual(['2023-data-centre-pue', '2023-female-employees-share', '2023-female-managers-share', '2023-scope-2-net-emissions']);
  });
  it('keeps every printed value once, each with its report', () => {
    const printed = alibaba.flatMap((r) => r.rows.flatMap((row) => Object.entries(row.values).filter(([, v]) => v !== null).map(([p]) => `${r.year}/${row.id}/${p}`)));
    const shown = series.flatMap((s) => s.values.map((v) => `${v.year}/${v.row}/${v.period}`));
    expect(shown.sort()).toEqual(printed.sort());
  });
  it('marks the later report’s different value for the same year as restated, comparing 萬噸 with 噸', () => {
    const scope2 = across.find((s) => s.id === '2023-scope-2-net-emissions')!;
    const fy2023 = scope2.values.filter((v) => v.period === 'FY2023');
    expect(fy2023.map((v) => [v.year, v.text, v.restated])).toEqual([['2023', '375.5', false], ['2025', '1817243', true]]);
    const pue = across.find((s) => s.id === '2023-data-centre-pue')!;
    expect(pue.values.filter((v) => v.period === 'FY2022').map((v) => [v.year, v.text, v.restated])).toEqual([['2023', '1.247', false], ['2025', '1.247', false]]);
    expect(series.flatMap((s) => s.values).filter((v) => v.restated).length).toBe(3);
  });
  it('writes the report and the restatement of each value in the CSV', () => {
    const [head, ...rows] = seriesCsvRows(series);
    const at = (c: string) => head.indexOf(c);
    const restated = rows.filter((r) => r[at('restated')] === 'yes');
    expect(restated.map((r) => [r[at('period')], r[at('report')]])).toEqual([['FY2023', '2025'], ['FY2023', '2025'], ['FY2023', '2025']]);
  });
});

const row = (id: string, label: string, hkex: string[], values: Record<string, number | null>, unit = '噸', group = ''): KpiRow => ({
  id, section: 'a01', table: 'a01-t1', category: {}, group: group ? { 'zh-Hant': group } : {}, label: { 'zh-Hant': label }, unit: { 'zh-Hant': unit },
  values, text: Object.fromEntries(Object.entries(values).map(([p, v]) => [p, String(v)])), note: {}, hkex, source: 'table',
});
const report = (year: string, rows: KpiRow[], lang: 'zh-Hant' | 'zh-Hans' = 'zh-Hant'): ReportKpi => ({
  issuer: 'x', year, periods: [...new Set(rows.flatMap((r) => Object.keys(r.values)))].sort(), disagreements: [], warnings: [],
  rows: rows.map((r) => (lang === 'zh-Hans' ? { ...r, label: { 'zh-Hans': r.label['zh-Hant']! } } : r)),
});

describe('matching rows across reports', () => {
  it('joins the same HKEX code and label across scripts, and keeps rows without a code or with another group apart', () => {
    const a = report('2023', [row('a', '范围1排放量', ['A1.2'], { FY2023: 10 }), row('b', '用纸量', [], { FY2023: 1 }), row('c', '男性', ['B1.1'], { FY2023: 60 }, '%', '按性别划分')], 'zh-Hans');
    const b = report('2024', [row('a', '範圍 1 排放量', ['A1.2'], { FY2023: 12, FY2024: 9 }), row('b', '用紙量', [], { FY2024: 2 }), row('c', '男性', ['B1.1'], { FY2024: 61 }, '%', '按年齡劃分')]);
    const s = issuerSeries([b, a], new Map(), fold);
    expect(s.filter((x) => x.years.length === 2).map((x) => x.id)).toEqual(['2023-a']);
    expect(s.find((x) => x.id === '2023-a')!.values.map((v) => [v.period, v.year, v.restated])).toEqual([['FY2023', '2023', false], ['FY2023', '2024', true], ['FY2024', '2024', false]]);
    expect(s.length).toBe(5);
  });
  it('never joins two rows of one report', () => {
    const r = report('2024', [row('a', '能源', ['A2.1'], { FY2024: 1 }), row('b', '能源', ['A2.1'], { FY2024: 1 })]);
    expect(issuerSeries([r], new Map(), fold).length).toBe(2);
  });
  it('scales Chinese magnitude units and leaves incomparable units unmarked', () => {
    expect(unitScale('萬噸二氧化碳當量', fold)).toEqual({ base: '吨二氧化碳当量', factor: 1e4 });
    expect(unitScale('千瓦時', fold)).toEqual({ base: '千瓦时', factor: 1 });
    const a = report('2023', [row('a', '耗水量', ['A2.2'], { FY2023: 5 }, '立方米')]);
    const b = report('2024', [row('a', '耗水量', ['A2.2'], { FY2023: 5000 }, '公升')]);
    expect(issuerSeries([a, b], new Map(), fold)[0]!.values.some((v) => v.restated)).toBe(false);
  });
  it('names the file when a link names no row', () => {
    const b = report('2024', [row('a', '範圍 1 排放量', ['A1.2'], { FY2024: 9 })]);
    expect(() => issuerSeries([b], new Map([['2024', [{ row: { label: '不存在' }, same: { year: '2023', row: 'a' } }]]]), fold)).toThrow(/x\/2024\/data\/overrides\.yaml/);
  });
});
