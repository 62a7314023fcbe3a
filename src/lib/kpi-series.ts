/**
 * KPI series of one issuer across its reports. A report prints several years of an indicator
 * (FY2025's appendix: FY2022–FY2025); the issuer's other reports print some of the same years
 * again. One series holds every value any report printed for one indicator, each value with the
 * report that printed it; where two reports print different values for the same period, the later
 * report's value is a restatement.
 *
 * Which rows are one indicator (docs/kpi-data.md, *Series across reports*):
 * - the same HKEX requirement (codes mapped across editions by the caller, `A1.2` ⇄ `D28`) and the
 *   same group and label after folding (script converted to Simplified, NFKC, letters and digits
 *   only, case folded: `範圍 1 排放量` = `范围1排放量`);
 * - or an explicit link in the later report's `data/overrides.yaml` (`series:`), for an indicator
 *   the reports word differently (`自建数据中心整体平均 PUE` / `自建數據中心的平均電力使用效率（PUE）`).
 * Rows of one report are never merged with each other (a report printing a figure twice keeps both
 * rows; the code pages' reprint rule is separate).
 *
 * Values are compared after scaling units that differ only by a Chinese magnitude prefix (`萬噸` vs
 * `噸`); values whose units cannot be compared are shown side by side and never marked.
 * Pure: data in, series out.
 */
import type { Localized } from './archive.ts';
import type { KpiRow, ReportKpi } from './kpi-data.ts';

export interface SeriesLink {
  /** the row of the report declaring the link: its id, or its label (and group) in any language */
  row: { id?: string; label?: string; group?: string };
  /** the row of another report of the same issuer */
  same: { year: string; row: string };
  why?: string;
}

export interface SeriesValue {
  period: string;
  value: number | null;
  /** the value as printed (decimals kept) */
  text: string;
  unit: Localized;
  /** the report that printed it (its `year` folder) and the row */
  year: string;
  row: string;
  /** a later report printed another value for this period than an earlier one */
  restated: boolean;
}

export interface KpiSeries {
  /** `<first report year>-<row id>`: stable as long as the rows are */
  id: string;
  label: Localized;
  group: Localized;
  unit: Localized;
  hkex: string[];
  /** the reports (years) printing it, oldest first */
  years: string[];
  /** every printed value, by period then report */
  values: SeriesValue[];
}

export type Fold = (text: string) => string;

const key = (s: string, fold: Fold) => fold(s.normalize('NFKC')).replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
const anyText = (l: Localized) => l['zh-Hans'] ?? l['zh-Hant'] ?? l.en ?? '';

/** Magnitude prefixes of Chinese units: `萬噸` = 10,000 `噸`. */
const MAGNITUDE: [RegExp, number][] = [[/^(?:百萬|百万)/u, 1e6], [/^(?:億|亿)/u, 1e8], [/^(?:萬|万)/u, 1e4], [/^千(?!瓦)/u, 1e3]];
/** A unit as base unit and factor (`万吨二氧化碳当量` → `吨二氧化碳当量`, 10,000). */
export function unitScale(unit: string, fold: Fold): { base: string; factor: number } {
  const u = key(unit, fold);
  for (const [re, factor] of MAGNITUDE) if (re.test(u) && u.replace(re, '')) return { base: u.replace(re, ''), factor };
  return { base: u, factor: 1 };
}

const byYear = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The series of one issuer's reports. `canon` maps an HKEX code to its key across editions (so
 * A1.2 of the 2020 Guide and D28 of the 2025 Code meet); `fold` converts a text to one script.
 */
export function issuerSeries(reports: ReportKpi[], links: Map<string, SeriesLink[]>, fold: Fold, canon: (code: string) => string = (c) => c): KpiSeries[] {
  const sorted = [...reports].sort((a, b) => byYear(a.year, b.year));
  type Member = { report: ReportKpi; row: KpiRow };
  const groups: Member[][] = [];
  const byKey = new Map<string, Member[]>();
  const byRow = new Map<string, Member[]>();
  const rowKey = (r: KpiRow) => `${[...new Set(r.hkex.map(canon))].sort().join(' ')}|${key(anyText(r.group), fold)}|${key(anyText(r.label), fold)}`;
  for (const report of sorted) {
    const linked = resolveLinks(report, links.get(report.year) ?? [], fold);
    for (const row of report.rows) {
      if (!Object.values(row.values).some((v) => v !== null)) continue;
      const m = { report, row };
      const target = linked.get(row.id);
      let group = target ? byRow.get(`${target.year}/${target.row}`) : undefined;
      const k = rowKey(row);
      // a key shared with an earlier report (never with a row of the same report)
      if (!group && row.hkex.length) group = byKey.get(k)?.some((x) => x.report === report) ? undefined : byKey.get(k);
      if (!group || group.some((x) => x.report === report)) { group = []; groups.push(group); }
      group.push(m);
      byRow.set(`${report.year}/${row.id}`, group);
      if (row.hkex.length) byKey.set(k, group);
    }
  }
  return groups.map((members) => toSeries(members, fold));
}

function resolveLinks(report: ReportKpi, links: SeriesLink[], fold: Fold): Map<string, { year: string; row: string }> {
  const out = new Map<string, { year: string; row: string }>();
  for (const l of links) {
    const row = report.rows.find((r) => (l.row.id ? r.id === l.row.id : [r.label.en, r.label['zh-Hant'], r.label['zh-Hans']].some((x) => x && key(x, fold) === key(l.row.label ?? '', fold))
      && (!l.row.group || [r.group.en, r.group['zh-Hant'], r.group['zh-Hans']].some((x) => x && key(x, fold) === key(l.row.group!, fold)))));
    if (!row) throw new Error(`content/reports/${report.issuer}/${report.year}/data/overrides.yaml: series link names no row of this report (${JSON.stringify(l.row)}); give the row's id or its printed label (and group)`);
    out.set(row.id, l.same);
  }
  return out;
}

function toSeries(members: { report: ReportKpi; row: KpiRow }[], fold: Fold): KpiSeries {
  const last = members[members.length - 1].row;
  const values: SeriesValue[] = [];
  for (const { report, row } of members) {
    for (const p of report.periods) {
      if (!(p in row.values) || row.values[p] === null) continue;
      values.push({ period: p, value: row.values[p], text: row.text[p] ?? String(row.values[p]), unit: row.unit, year: report.year, row: row.id, restated: false });
    }
  }
  // per period, a value differing from an earlier report's (units comparable) is a restatement
  for (const v of values) {
    const earlier = values.filter((x) => x.period === v.period && byYear(x.year, v.year) < 0);
    const s = unitScale(anyText(v.unit), fold);
    v.restated = earlier.some((x) => {
      const e = unitScale(anyText(x.unit), fold);
      return e.base === s.base && Math.abs(x.value! * e.factor - v.value! * s.factor) > 1e-9 * Math.max(1, Math.abs(x.value! * e.factor));
    });
  }
  values.sort((a, b) => byYear(a.period, b.period) || byYear(a.year, b.year));
  const first = members[0];
  return {
    id: `${first.report.year}-${first.row.id}`,
    label: last.label,
    group: last.group,
    unit: last.unit,
    hkex: [...new Set(members.flatMap((m) => m.row.hkex))],
    years: [...new Set(members.map((m) => m.report.year))],
    values,
  };
}

/** The CSV of an issuer's series: a header, then one line per printed value. */
export function seriesCsvRows(series: KpiSeries[]): string[][] {
  const langs = ['en', 'zh-Hant', 'zh-Hans'] as const;
  const head = ['series', ...langs.map((l) => `group.${l}`), ...langs.map((l) => `label.${l}`), 'hkex', 'period', 'value', ...langs.map((l) => `unit.${l}`), 'report', 'row', 'restated'];
  const lines = series.flatMap((s) => s.values.map((v) => [
    s.id, ...langs.map((l) => s.group[l] ?? ''), ...langs.map((l) => s.label[l] ?? ''), s.hkex.join(' '), v.period, v.text.replace(/,/g, ''),
    ...langs.map((l) => v.unit[l] ?? ''), v.year, v.row, v.restated ? 'yes' : '',
  ]));
  return [head, ...lines];
}
