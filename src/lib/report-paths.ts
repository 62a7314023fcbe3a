/** Static paths for report-level routes: one per locale × report (× section). */
import { LOCALE_KEYS, type Locale } from '../i18n/locales.ts';
import type { Archive, Report, Section } from './archive.ts';
import { editionOf, sectionsFor } from './archive.ts';
import { redirectsFor, REPORT_HOME, type Redirect } from './redirects.ts';

export function reportPaths<E>(archive: Archive<E>) {
  return LOCALE_KEYS.flatMap((locale) =>
    archive.reports.map((report) => ({
      params: { locale, issuer: report.data.issuer, year: report.data.year },
      props: { report },
    })),
  );
}

export function sectionPaths<E>(archive: Archive<E>) {
  return LOCALE_KEYS.flatMap((locale: Locale) =>
    archive.reports.flatMap((report: Report<E>) =>
      sectionsFor(report, locale).map((section: Section<E>) => ({
        params: { locale, issuer: report.data.issuer, year: report.data.year, section: section.id },
        props: { report, section },
      })),
    ),
  );
}

/**
 * Redirect pages: one per locale × report × redirect that applies to the locale's edition, at
 * the old section URL. `target` is the section it goes to, or undefined for the report home.
 */
export function movedPaths<E>(archive: Archive<E>, redirects: readonly { issuer: string; year: string; redirects: readonly Redirect[] }[]) {
  return LOCALE_KEYS.flatMap((locale: Locale) =>
    archive.reports.flatMap((report: Report<E>) => {
      const { issuer, year } = report.data;
      const entries = redirects.find((r) => r.issuer === issuer && r.year === year)?.redirects ?? [];
      const sections = sectionsFor(report, locale);
      const ids = new Set(sections.map((s) => s.id));
      return redirectsFor(entries, editionOf(report, locale).lang, ids).map((r) => ({
        params: { locale, issuer, year, moved: r.from },
        props: { report, target: r.to === REPORT_HOME ? undefined : sections.find((s) => s.id === r.to) },
      }));
    }),
  );
}
