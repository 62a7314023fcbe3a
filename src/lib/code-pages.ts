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

/** Reports with something to show on the code page, newest first. */
export function reportsForCode<E>(archive: Archive<E>, edition: FrameworkEdition, item: FrameworkItem, editions: EditionSet, kpi: KpiSources): Report<E>[] {
  const codes = codesOfPage(edition, item.code, editions);
  const allCodes = new Set(codes.map((c) => c.code));
  const byEdition = new Map<string, Set<string | null>>();
  for (const c of codes) {
    const set = byEdition.get(c.edition) ?? new Set<string | null>();
    set.add(parseCode(c.code));
    byEdition.set(c.edition, set);
  }
  const withKpi = new Set<string>();
  for (const data of kpi.reports) {
    if (kpi.series.has(data.issuer)) continue;
    if (data.rows.some((r) => r.hkex.some((c) => allCodes.has(c)))) withKpi.add(`${data.issuer}/${data.year}`);
  }
  // a series belongs to the issuer's newest report: the page holding that report shows it
  for (const [issuer, series] of kpi.series) {
    if (!series.some((s) => s.hkex.some((c) => allCodes.has(c)))) continue;
    const newest = byRecency(archive.reports.filter((r) => r.data.issuer === issuer))[0];
    if (newest) withKpi.add(key(newest));
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

/** The code page's reports split into pages (one empty page when no report has anything). */
export function codePages<E>(reports: readonly Report<E>[], size: number): Report<E>[][] {
  return paginate(reports, size);
}

/** The archive restricted to some reports, in their order: the per-report queries run on it unchanged. */
export function scopeArchive<E>(reports: readonly Report<E>[]): Archive<E> {
  return { reports: [...reports] };
}
