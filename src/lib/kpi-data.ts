/**
 * KPI data of the archive: `content/reports/<issuer>/<year>/data/kpi.csv` (schema in
 * docs/kpi-data.md), read once per build; tables of a report, rows of an HKEX code, the JSON of the
 * downloads and the geometry of the static bar charts. Pure apart from `loadKpi*` (file reads).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import type { Localized } from './archive.ts';
import type { SeriesLink } from './kpi-series.ts';

export const KPI_LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;

export interface KpiRow {
  id: string;
  section: string;
  table: string;
  category: Localized;
  group: Localized;
  label: Localized;
  unit: Localized;
  /** period → value; null where the report prints no value (`/`, `—`) */
  values: Record<string, number | null>;
  /** period → the value's text in the CSV (keeps printed decimals: `133.00`) */
  text: Record<string, string>;
  note: Localized;
  hkex: string[];
  source: 'table' | 'override';
}

export interface KpiDisagreement { id: string; period: string; values: Record<string, number | null>; labels: Localized }

export interface ReportKpi {
  issuer: string;
  year: string;
  periods: string[];
  rows: KpiRow[];
  disagreements: KpiDisagreement[];
  warnings: string[];
  /** what could not be extracted (data/overrides.yaml `notice`) */
  notice?: Localized;
  /** rows of the issuer's other reports that print the same indicator (data/overrides.yaml `series`, kpi-series.ts) */
  series?: SeriesLink[];
}

export interface KpiTable {
  id: string;
  section: string;
  rows: KpiRow[];
  /** periods with at least one value in this table */
  periods: string[];
}

const localized = (rec: Record<string, string>, field: string): Localized => {
  const out: Localized = {};
  for (const l of KPI_LANGS) if (rec[`${field}.${l}`]) out[l] = rec[`${field}.${l}`];
  return out;
};

/** Parse one `kpi.csv` (with or without its BOM). */
export function parseKpiCsv(text: string): { periods: string[]; rows: KpiRow[] } {
  const records = parseCsv(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const head = (parseCsv(text, { bom: true, to_line: 1 }) as string[][])[0] ?? [];
  const periods = head.filter((h) => h.startsWith('period:')).map((h) => h.slice('period:'.length));
  const rows = records.map((r): KpiRow => ({
    id: r.id,
    section: r.section,
    table: r.table,
    category: localized(r, 'category'),
    group: localized(r, 'group'),
    label: localized(r, 'label'),
    unit: localized(r, 'unit'),
    values: Object.fromEntries(periods.filter((p) => r[`period:${p}`] !== undefined).map((p) => [p, r[`period:${p}`] === '' ? null : Number(r[`period:${p}`])])),
    text: Object.fromEntries(periods.filter((p) => r[`period:${p}`]).map((p) => [p, r[`period:${p}`]])),
    note: localized(r, 'note'),
    hkex: r.hkex ? r.hkex.split(' ') : [],
    source: r.source === 'override' ? 'override' : 'table',
  }));
  return { periods, rows };
}

const reportsDir = () => join(process.cwd(), process.env.CONTENT_DIR ?? 'content', 'reports');
let cache: ReportKpi[] | undefined;

/** Every report's KPI data (reports without `data/kpi.csv` are absent). */
export function loadKpiArchive(dir = reportsDir()): ReportKpi[] {
  if (cache && dir === reportsDir()) return cache;
  const out: ReportKpi[] = [];
  for (const issuer of readdirSync(dir).sort()) {
    for (const year of readdirSync(join(dir, issuer)).sort()) {
      const file = join(dir, issuer, year, 'data', 'kpi.csv');
      if (!existsSync(file)) continue;
      const { periods, rows } = parseKpiCsv(readFileSync(file, 'utf8'));
      const checksFile = join(dir, issuer, year, 'data', 'checks.yaml');
      const checks = existsSync(checksFile) ? parseYaml(readFileSync(checksFile, 'utf8')) ?? {} : {};
      const ovFile = join(dir, issuer, year, 'data', 'overrides.yaml');
      const series = existsSync(ovFile) ? (parseYaml(readFileSync(ovFile, 'utf8'))?.series as SeriesLink[] | undefined) : undefined;
      out.push({ issuer, year, periods, rows, disagreements: checks.disagreements ?? [], warnings: checks.warnings ?? [], notice: checks.notice, ...(series ? { series } : {}) });
    }
  }
  if (dir === reportsDir()) cache = out;
  return out;
}

export function loadKpi(issuer: string, year: string): ReportKpi | undefined {
  return loadKpiArchive().find((r) => r.issuer === issuer && r.year === year);
}

/** The tables of a report in file order, each with the periods it has values for. */
export function kpiTables(data: ReportKpi): KpiTable[] {
  const tables = new Map<string, KpiTable>();
  for (const r of data.rows) {
    let t = tables.get(r.table);
    if (!t) tables.set(r.table, (t = { id: r.table, section: r.section, rows: [], periods: [] }));
    t.rows.push(r);
  }
  for (const t of tables.values()) t.periods = data.periods.filter((p) => t.rows.some((r) => r.values[p] !== undefined && r.values[p] !== null));
  return [...tables.values()];
}

/** What names a table: its first row's category (pillar or printed caption), else its group; none for prose values. */
export function tableName(table: KpiTable): Localized | undefined {
  const first = table.rows[0];
  if (!first || table.id.endsWith('-text')) return undefined;
  if (Object.values(first.category).some(Boolean)) return first.category;
  if (Object.values(first.group).some(Boolean)) return { ...first.group, ...Object.fromEntries(Object.entries(first.group).map(([l, g]) => [l, g!.split(' › ')[0]])) };
  return undefined;
}

/** Rows of a table under their group headings (consecutive rows of one group). */
export function groupRows(rows: KpiRow[], lang: (l: Localized) => string): { group: string; groupText: Localized; rows: KpiRow[] }[] {
  const out: { group: string; groupText: Localized; rows: KpiRow[] }[] = [];
  for (const r of rows) {
    const g = lang(r.group);
    const last = out.at(-1);
    if (last && last.group === g) last.rows.push(r);
    else out.push({ group: g, groupText: r.group, rows: [r] });
  }
  return out;
}

/** Rows that form a series: values for two or more periods. */
export const isSeries = (r: KpiRow, periods: string[]) => periods.filter((p) => typeof r.values[p] === 'number').length >= 2;

/** A number as printed on the page: thousands separators, the decimals the data has (`text`: the CSV's text of it). */
export function formatValue(v: number | null | undefined, text?: string): string {
  if (v === null || v === undefined) return '—';
  const plain = text !== undefined && /^-?\d+(\.\d+)?$/.test(text) && Number(text) === v ? text : String(v);
  const [int, dec] = plain.includes('e') ? v.toFixed(12).replace(/0+$/, '').replace(/\.$/, '').split('.') : plain.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '−' : ''}${grouped}${dec ? '.' + dec : ''}`;
}

export interface Bar { period: string; value: number | null; x: number; y: number; width: number; height: number; text: string; textX: number }
export interface ChartRow { id: string; label: string; unit: string; y: number; bars: Bar[] }
export interface ChartGeometry { width: number; height: number; rows: ChartRow[]; labelX: number; barX: number; barMax: number }

/**
 * Horizontal bars, one group per row and one bar per period; each row on its own scale (rows
 * have different units), the value printed at the end of each bar and the period at its start,
 * so nothing is told by colour alone. Deterministic numbers (rounded to 0.1).
 */
export function chartGeometry(rows: { id: string; label: string; unit: string; values: Record<string, number | null>; text?: Record<string, string> }[], periods: string[], opts: { width?: number } = {}): ChartGeometry {
  const width = opts.width ?? 560;
  const barH = 14;
  const gap = 4;
  const labelH = 18;
  const rowGap = 12;
  const barX = 56;
  const barMax = width - barX - 110;
  const r1 = (n: number) => Math.round(n * 10) / 10;
  let y = 4;
  const out: ChartRow[] = [];
  for (const r of rows) {
    const vals = periods.map((p) => r.values[p] ?? null);
    const max = Math.max(0, ...vals.map((v) => Math.abs(v ?? 0)));
    const row: ChartRow = { id: r.id, label: r.label, unit: r.unit, y: r1(y + 13), bars: [] };
    y += labelH;
    periods.forEach((p, i) => {
      const v = vals[i];
      const w = v === null || max === 0 ? 0 : r1((Math.abs(v) / max) * barMax);
      row.bars.push({ period: p, value: v, x: barX, y: r1(y), width: w, height: barH, text: formatValue(v, r.text?.[p]) + (r.unit === '%' && v !== null ? '%' : ''), textX: r1(barX + w + 6) });
      y += barH + gap;
    });
    y += rowGap;
    out.push(row);
  }
  return { width, height: r1(y), rows: out, labelX: 0, barX, barMax };
}

/** Rows of every report that carry `code` (or one of `code`) — the code page's values section. */
export function rowsForCode(archive: ReportKpi[], code: string | string[]): { report: ReportKpi; rows: KpiRow[] }[] {
  const codes = new Set(typeof code === 'string' ? [code] : code);
  return archive.map((report) => ({ report, rows: dedupeReprints(report.rows.filter((r) => r.hkex.some((c) => codes.has(c)))) })).filter((x) => x.rows.length);
}

/**
 * A figure a report prints twice (a body table and its KPI appendix, often with other wording:
 * `天然氣` / `天然氣消耗量`): the earlier printing is dropped when a later row has exactly the same
 * values in every period and those values are telling (not only 0, 100 or none).
 */
export function dedupeReprints(rows: KpiRow[]): KpiRow[] {
  const sig = (r: KpiRow) => JSON.stringify(Object.entries(r.values).filter(([, v]) => v !== null).sort());
  const telling = (r: KpiRow) => Object.values(r.values).some((v) => v !== null && v !== 0 && v !== 100);
  return rows.filter((r, i) => !(telling(r) && rows.slice(i + 1).some((x) => x.section !== r.section && sig(x) === sig(r))));
}

/** The JSON download of a report (numbers as numbers, null for no value). */
export function reportJson(data: ReportKpi, meta: Record<string, unknown>) {
  return {
    schema: 'kpi-data/1',
    ...meta,
    periods: data.periods,
    rows: data.rows.map((r) => ({
      id: r.id, section: r.section, table: r.table, category: r.category, group: r.group, label: r.label, unit: r.unit,
      values: Object.fromEntries(data.periods.filter((p) => p in r.values).map((p) => [p, r.values[p]])),
      note: r.note, hkex: r.hkex, source: r.source,
    })),
    checks: { languageDisagreements: data.disagreements, warnings: data.warnings, ...(data.notice ? { notice: data.notice } : {}) },
  };
}

/** Routes of the KPI data: the data page per locale, the downloads (no locale: the data hold every language). */
export const kpiUrl = {
  page: (locale: string, issuer: string, year: string) => `/${locale}/${issuer}/${year}/data/`,
  csv: (issuer: string, year: string) => `/data/${issuer}/${year}.csv`,
  json: (issuer: string, year: string) => `/data/${issuer}/${year}.json`,
  archive: () => '/data/archive.json',
  issuerPage: (locale: string, issuer: string) => `/${locale}/${issuer}/data/`,
  issuerCsv: (issuer: string) => `/data/${issuer}/series.csv`,
  issuerJson: (issuer: string) => `/data/${issuer}/series.json`,
};
