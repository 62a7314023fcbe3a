/**
 * HKEX code pages at archive scale: which reports have something to show on a code's page (a
 * section tagged with it or with the same requirement under another edition, a comply-or-explain
 * mark, KPI values), and how those reports split into pages (newest first, `codeReports` each).
 * Every page shows the code's wording and lineage; the per-report parts show the page's reports.
 * Pure: takes the archive model, the catalogues and the KPI data.
 */
import type { Archive, Report } from './archive.ts';
import { lineage, parseCode, type EditionSet, type FrameworkEdition, type FrameworkItem } from './frameworks.ts';
import type { KpiSeries } from './kpi-series.ts';
import type { ReportKpi } from './kpi-data.ts';
import { byRecency, paginate } from './paging.ts';

export interface KpiSources {
  /** KPI data of every report */
  reports: readonly ReportKpi[];
  /** issuers whose values are shown as series across their reports, with their series */
  series: ReadonlyMap<string, readonly KpiSeries[]>;
}

const key = (r: { data: { issuer: string; year: string } }) => `${r.data.issuer}/${r.data.year}`;

/** The codes a code page covers: the item and the same requirement under the other editions. */
export function codesOfPage(edition: FrameworkEdition, code: string, editions: EditionSet): { edition: string; code: string }[] {
  const related = lineage(code, edition, editions).map((e) => ({ edition: e.edition.id, code: e.item.code }));
  return related.length ? related : [{ edition: edition.id, code }];
}

/** The codes a code page covers: as written (KPI rows), parsed, and parsed per edition (section tags, comply marks). */
function pageCodes(edition: FrameworkEdition, item: FrameworkItem, editions: EditionSet) {
  const codes = codesOfPage(edition, item.code, editions);
  const byEdition = new Map<string, Set<string | null>>();
  for (const c of codes) byEdition.set(c.edition, (byEdition.get(c.edition) ?? new Set<string | null>()).add(parseCode(c.code)));
  return { allCodes: new Set(codes.map((c) => c.code)), parsed: new Set(codes.map((c) => parseCode(c.code))), byEdition };
}

/** Each issuer's newest report among `reports`, in one pass (the report an issuer's KPI series goes with). */
function newestByIssuer<E>(reports: readonly Report<E>[]): Map<string, Report<E>> {
  const out = new Map<string, Report<E>>();
  for (const r of byRecency(reports)) if (!out.has(r.data.issuer)) out.set(r.data.issuer, r);
  return out;
}

/** Reports with something to show on the code page, newest first. */
export function reportsForCode<E>(archive: Archive<E>, edition: FrameworkEdition, item: FrameworkItem, editions: EditionSet, kpi: KpiSources): Report<E>[] {
  const { allCodes, byEdition } = pageCodes(edition, item, editions);
  const withKpi = new Set<string>();
  for (const data of kpi.reports) {
    if (kpi.series.has(data.issuer)) continue;
    if (data.rows.some((r) => r.hkex.some((c) => allCodes.has(c)))) withKpi.add(`${data.issuer}/${data.year}`);
  }
  // a series belongs to the issuer's newest report: the page holding that report shows it
  const newest = newestByIssuer(archive.reports);
  for (const [issuer, series] of kpi.series) {
    if (!series.some((s) => s.hkex.some((c) => allCodes.has(c)))) continue;
    const report = newest.get(issuer);
    if (report) withKpi.add(key(report));
  }
  return byRecency(
    archive.reports.filter((report) => {
      if (withKpi.has(key(report))) return true;
      const wanted = byEdition.get(report.data.hkexEdition);
      if (!wanted) return false;
      const tagged = Object.values(report.sections)
        .flat()
        .some((s) => [...s.frameworks.hkex, ...(s.frameworks.hkexDerived ?? [])].some((t) => wanted.has(parseCode(t))));
      return tagged || report.data.comply.some((e) => wanted.has(parseCode(e.code)));
    }),
  );
}

/**
 * Estimated HTML bytes of each report's part of the code page: its tagged sections (each with an
 * excerpt), comply marks and KPI values (rows × printed values; an issuer's series with its newest
 * report). One report's part can be large (a workforce table for B1.1 prints dozens of rows), so
 * pages are cut by this weight as well as by count.
 */
export function codePageWeights<E>(reports: readonly Report<E>[], edition: FrameworkEdition, item: FrameworkItem, editions: EditionSet, kpi: KpiSources): Map<Report<E>, number> {
  const { allCodes, parsed } = pageCodes(edition, item, editions);
  const hasCode = (tags: readonly string[]) => tags.some((t) => parsed.has(parseCode(t)));
  const kpiBytes = new Map<string, number>();
  for (const data of kpi.reports) {
    if (kpi.series.has(data.issuer)) continue;
    const rows = data.rows.filter((r) => r.hkex.some((c) => allCodes.has(c)));
    // the table has a column per period with a value in any of its rows; every row fills every column
    const periods = data.periods.filter((p) => rows.some((r) => typeof r.values[p] === 'number')).length;
    kpiBytes.set(`${data.issuer}/${data.year}`, rows.length * (ROW_BYTES + CELL_BYTES * periods));
  }
  const newestOf = newestByIssuer(reports);
  const out = new Map<Report<E>, number>();
  for (const report of reports) {
    const sections = Object.values(report.sections).flat();
    let bytes = sections.filter((s) => hasCode([...s.frameworks.hkex, ...(s.frameworks.hkexDerived ?? [])])).length * SECTION_BYTES;
    bytes += report.data.comply.filter((e) => parsed.has(parseCode(e.code))).length * MARK_BYTES;
    bytes += kpiBytes.get(key(report)) ?? 0;
    const series = kpi.series.get(report.data.issuer);
    if (series) {
      if (newestOf.get(report.data.issuer) === report) {
        // one table: a row per series and printing report, a column per period of any series
        const shown = series.filter((s) => s.hkex.some((c) => allCodes.has(c)));
        const periods = new Set(shown.flatMap((s) => s.values.map((v) => v.period))).size;
        const rows = shown.reduce((sum, s) => sum + new Set(s.values.map((v) => v.year)).size, 0);
        bytes += rows * (ROW_BYTES + CELL_BYTES * periods);
      }
    }
    out.set(report, bytes);
  }
  return out;
}

const SECTION_BYTES = 1_000;
const MARK_BYTES = 400;
const ROW_BYTES = 600;
/** an empty cell prints a dash and a screen-reader note: ≈ 220 bytes in the built HTML */
const CELL_BYTES = 220;
/** Estimated bytes of the reports' part of one code page (the page's own wording and chrome come on top). */
export const CODE_PAGE_BUDGET = 150_000;

/**
 * The code page's reports split into pages (one empty page when no report has anything): at most
 * `size` reports a page, and a new page where the next report would take the page's estimated
 * bytes past `budget` (a page always takes at least one report).
 */
export function codePages<E>(reports: readonly Report<E>[], size: number, weights?: ReadonlyMap<Report<E>, number>, budget = CODE_PAGE_BUDGET): Report<E>[][] {
  if (!weights) return paginate(reports, size);
  const pages: Report<E>[][] = [[]];
  let bytes = 0;
  for (const report of reports) {
    const w = weights.get(report) ?? 0;
    const page = pages[pages.length - 1]!;
    if (page.length > 0 && (page.length >= size || bytes + w > budget)) {
      pages.push([report]);
      bytes = w;
    } else {
      page.push(report);
      bytes += w;
    }
  }
  return pages;
}

/** The archive restricted to some reports, in their order: the per-report queries run on it unchanged. */
export function scopeArchive<E>(reports: readonly Report<E>[]): Archive<E> {
  return { reports: [...reports] };
}
