/**
 * The coverage matrix at archive scale: per edition, its reports (newest first) split into pages
 * of `coverageReports` columns. The coverage page shows the first page of every edition; the
 * others live at /{locale}/hkex/coverage/{edition}/{n}/. Pure.
 */
import type { Archive, Report } from './archive.ts';
import { coverage, reportsOf, type CoverageRow } from './disclosures.ts';
import type { FrameworkEdition } from './frameworks.ts';
import { byRecency, paginate } from './paging.ts';

export interface CoveragePage<E> {
  edition: FrameworkEdition;
  /** 1-based */
  n: number;
  reports: Report<E>[];
  rows: CoverageRow[];
}

/** Every page of every edition that some report references (editions newest first). */
export function coveragePages<E>(archive: Archive<E>, editions: readonly FrameworkEdition[], size: number): CoveragePage<E>[][] {
  return [...editions]
    .reverse()
    .map((edition) => ({ edition, reports: byRecency(reportsOf(archive, edition.id)) }))
    .filter((e) => e.reports.length > 0)
    .map(({ edition, reports }) =>
      paginate(reports, size).map((page, i) => ({ edition, n: i + 1, reports: page, rows: coverage({ reports: page }, edition).rows })),
    );
}
