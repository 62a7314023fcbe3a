/** Static paths for report-level routes: one per locale × report (× section). */
import { LOCALE_KEYS, type Locale } from '../i18n/locales.ts';
import type { Archive, Report, Section } from './archive.ts';
import { sectionsFor } from './archive.ts';

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
