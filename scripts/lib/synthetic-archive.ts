/**
 * A synthetic archive of N reports made from the bundled ones, for the scale benchmark
 * (scripts/bench-scale.ts, docs/scale.md): a copy of the project (scripts/lib/project-copy.ts)
 * whose content/ holds N reports cycled from the project's own reports, spread over new issuers
 * (1–4 consecutive years each) and several years. Texts and KPI values are kept; what names a
 * report's issuer or year is rewritten:
 *
 * - content/issuers/<id>.yaml: a new id `syn-0007-alibaba` (number, then the issuer the issuer's
 *   first report was taken from), the names of that issuer with "(synthetic 0007)" / "（合成 0007）"
 *   appended, a distinct five-digit stock code (10000–99989, never one of the bundled codes);
 * - report.yaml: `issuer`, `year`, the period moved by as many years as the year (so the period and
 *   the year folder agree), `sources` dropped (the source/ text extractions are not copied: the
 *   build does not read them);
 * - data/overrides.yaml: a `series` link names a year of the same issuer; it is pointed at the
 *   synthetic year the linked report got when that report is an earlier report of the same
 *   synthetic issuer, and dropped otherwise (no link into another issuer);
 * - redirects.yaml names no issuer or year (the folder does), kpi.csv and checks.yaml neither:
 *   copied as they are.
 *
 * Deterministic: the same N and the same bundled content give byte-identical copies.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { copyProjectShell, copyReportFolder } from './project-copy.ts';

export interface SyntheticArchiveOptions {
  /** number of reports */
  n: number;
  /** project to copy (default: this checkout) */
  from?: string;
  /** existing empty directory to write into (default: a new temporary one) */
  to?: string;
}

export interface SyntheticReport {
  issuer: string;
  year: string;
  /** the bundled report it was made from, `<issuer>/<year>` */
  from: string;
}

export interface SyntheticIssuer {
  id: string;
  stockCode: string;
  /** the bundled issuer its names come from */
  from: string;
  years: string[];
}

export interface SyntheticArchive {
  dir: string;
  issuers: SyntheticIssuer[];
  reports: SyntheticReport[];
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Reports per synthetic issuer, by issuer number: 3, 4, 1, 2, 3, 4, … (2.5 on average). */
export const reportsOfIssuer = (k: number): number => 1 + ((k * 5 + 2) % 4);
/** First year of a synthetic issuer: 2016 (even issuer numbers) or 2019 (odd), so the archive spans 2016–2022 and every year has reports of several issuers. */
export const firstYearOfIssuer = (k: number): number => 2016 + ((k * 3) % 6);
/** Distinct five-digit stock codes (7919 is prime to 89990, so k ↦ code is one-to-one for k < 89990). */
export const stockCodeOf = (k: number): string => String(10000 + ((k * 7919) % 89990));

/** `<issuer>/<year>` of every bundled report, sorted (an issuer's years oldest first). */
export function bundledReports(from: string): string[] {
  const dir = path.join(from, 'content', 'reports');
  const out: string[] = [];
  for (const issuer of readdirSync(dir).sort()) {
    if (!existsSync(path.join(dir, issuer)) || issuer.startsWith('.')) continue;
    for (const year of readdirSync(path.join(dir, issuer)).sort()) {
      if (existsSync(path.join(dir, issuer, year, 'report.yaml'))) out.push(`${issuer}/${year}`);
    }
  }
  return out;
}

/** Which bundled report each synthetic report is made from, and its issuer and year (no files). */
export function planSyntheticArchive(n: number, bundled: string[]): { issuers: SyntheticIssuer[]; reports: SyntheticReport[] } {
  if (!Number.isInteger(n) || n < 1) throw new Error(`the number of reports must be a positive integer (got ${n})`);
  if (bundled.length === 0) throw new Error('no bundled reports to copy');
  const issuers: SyntheticIssuer[] = [];
  const reports: SyntheticReport[] = [];
  for (let k = 0; reports.length < n; k++) {
    const count = Math.min(reportsOfIssuer(k), n - reports.length);
    const origin = bundled[reports.length % bundled.length]!.split('/')[0]!;
    const id = `syn-${String(k + 1).padStart(4, '0')}-${origin}`;
    const issuer: SyntheticIssuer = { id, stockCode: stockCodeOf(k), from: origin, years: [] };
    for (let j = 0; j < count; j++) {
      const year = String(firstYearOfIssuer(k) + j);
      reports.push({ issuer: id, year, from: bundled[reports.length % bundled.length]! });
      issuer.years.push(year);
    }
    issuers.push(issuer);
  }
  return { issuers, reports };
}

const yamlOut = (doc: Document) => doc.toString({ lineWidth: 0 });

function shiftDate(value: unknown, years: number): unknown {
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return value;
  let day = m[3]!;
  const y = Number(m[1]) + years;
  // 29 February of a year that has none
  if (m[2] === '02' && day === '29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) day = '28';
  return `${y}-${m[2]}-${day}`;
}

function rewriteIssuer(text: string, issuer: SyntheticIssuer, number: string): string {
  const doc = parseDocument(text);
  doc.set('id', issuer.id);
  doc.set('stockCode', issuer.stockCode);
  for (const key of ['name', 'shortName']) {
    const names = doc.get(key);
    if (!isMap(names)) continue;
    for (const item of names.items) {
      const lang = String((item.key as { value?: unknown }).value ?? item.key);
      const value = String((item.value as { value?: unknown }).value ?? item.value);
      names.set(lang, lang === 'en' ? `${value} (synthetic ${number})` : `${value}（合成 ${number}）`);
    }
  }
  doc.delete('website');
  return yamlOut(doc);
}

function rewriteReport(text: string, report: SyntheticReport, shift: number): string {
  const doc = parseDocument(text);
  doc.set('issuer', report.issuer);
  doc.set('year', report.year);
  for (const end of ['start', 'end']) {
    const v = doc.getIn(['period', end]);
    if (v !== undefined) doc.setIn(['period', end], shiftDate(v, shift));
  }
  doc.delete('sources');
  const out = yamlOut(doc);
  // `year` must stay a string ("2019"), whatever the YAML library decides to quote
  return out.replace(/^year: (\d{4})$/m, 'year: "$1"');
}

/** Points `series` links at the synthetic years of the same issuer's earlier reports; drops the rest. */
function rewriteOverrides(text: string, report: SyntheticReport, sameIssuer: SyntheticReport[]): string {
  const doc = parseDocument(text);
  const series = doc.get('series');
  if (!isSeq(series)) return text;
  const [origin] = report.from.split('/');
  series.items = series.items.filter((item) => {
    if (!isMap(item)) return false;
    const same = item.get('same');
    if (!isMap(same)) return false;
    const target = sameIssuer.find((r) => r.from === `${origin}/${String(same.get('year'))}` && r.year < report.year);
    if (!target) return false;
    same.set('year', target.year);
    return true;
  });
  if (series.items.length === 0) doc.delete('series');
  return yamlOut(doc).replace(/year: (\d{4})\b/g, 'year: "$1"');
}

/** Writes the synthetic archive; returns its directory and plan. */
export function makeSyntheticArchive({ n, from = ROOT, to }: SyntheticArchiveOptions): SyntheticArchive {
  const dir = to ?? mkdtempSync(path.join(tmpdir(), `esg-synthetic-${n}-`));
  const bundled = bundledReports(from);
  const { issuers, reports } = planSyntheticArchive(n, bundled);
  copyProjectShell(from, dir);

  const issuersDir = path.join(dir, 'content', 'issuers');
  // only the synthetic issuers: a bundled issuer without reports would be an issuer page of nothing
  for (const f of readdirSync(issuersDir)) if (f.endsWith('.yaml')) rmSync(path.join(issuersDir, f));
  for (const [k, issuer] of issuers.entries()) {
    const text = readFileSync(path.join(from, 'content', 'issuers', `${issuer.from}.yaml`), 'utf8');
    writeFileSync(path.join(issuersDir, `${issuer.id}.yaml`), rewriteIssuer(text, issuer, String(k + 1).padStart(4, '0')));
  }

  for (const report of reports) {
    const src = path.join(from, 'content', 'reports', report.from);
    const dest = path.join(dir, 'content', 'reports', report.issuer, report.year);
    copyReportFolder(src, dest);
    const shift = Number(report.year) - Number(report.from.split('/')[1]!.slice(0, 4));
    writeFileSync(path.join(dest, 'report.yaml'), rewriteReport(readFileSync(path.join(src, 'report.yaml'), 'utf8'), report, shift));
    const overrides = path.join(src, 'data', 'overrides.yaml');
    if (existsSync(overrides)) {
      const sameIssuer = reports.filter((r) => r.issuer === report.issuer);
      writeFileSync(path.join(dest, 'data', 'overrides.yaml'), rewriteOverrides(readFileSync(overrides, 'utf8'), report, sameIssuer));
    }
  }
  return { dir, issuers, reports };
}
