/**
 * `/{l}/{issuer}/{year}/search.json`: what the search page shows of a report, in the reader's
 * language and script — its label (issuer, year, title) for results, and its chapters for the
 * chapter filter. The search page fetches it per report it needs, so the page itself does not
 * grow with the archive (docs/search.md, *UI*).
 */
import type { APIRoute } from 'astro';
import { buildsIssuer } from '../../../../lib/build-part.ts';
import type { Locale } from '../../../../i18n/locales.ts';
import type { Report } from '../../../../lib/archive.ts';
import { loadArchive } from '../../../../lib/load-archive.ts';
import { localizedText } from '../../../../lib/page-conversion.ts';
import { reportPaths } from '../../../../lib/report-paths.ts';
import { chapterFilterValue } from '../../../../lib/search-config.ts';
import type { ReportSearchLabel } from '../../../../lib/search-labels.ts';

export async function getStaticPaths() {
  return reportPaths(await loadArchive()).filter((p) => buildsIssuer(p.params.issuer));
}

export const GET: APIRoute = ({ params, props }) => {
  const locale = params.locale as Locale;
  const { report } = props as { report: Report };
  const { issuer, year } = report.data;
  const label: ReportSearchLabel = {
    issuer: localizedText(report.issuer.shortName, locale),
    year: localizedText(report.data.yearLabel, locale),
    title: localizedText(report.data.title, locale),
    chapters: report.data.chapters.map((c) => ({ value: chapterFilterValue(issuer, year, c.id), title: localizedText(c.title, locale) })),
  };
  return new Response(`${JSON.stringify(label)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
