/** Static paths for the HKEX pages: editions and their items (a page of reports at a time), per locale. */
import { LOCALE_KEYS } from '../i18n/locales.ts';
import { url } from '../i18n/urls.ts';
import { itemsInOrder } from './frameworks.ts';
import { allEditions } from './load-frameworks.ts';
import { loadArchive } from './load-archive.ts';
import { loadKpiArchive } from './kpi-data.ts';
import { issuersWithSeries, loadIssuerSeries } from './load-series.ts';
import { codePages, reportsForCode } from './code-pages.ts';
import { pageLinks, pageParam, pageSizes, reportRangeLabel } from './paging.ts';

export function editionPaths() {
  return LOCALE_KEYS.flatMap((locale) => allEditions().map((edition) => ({ params: { locale, edition: edition.id }, props: { edition } })));
}

/** One page per aspect, KPI, Part B requirement and Part D paragraph (subject areas have none), split into pages of reports. */
export async function codePaths() {
  const archive = await loadArchive();
  const editions = allEditions();
  const kpi = { reports: loadKpiArchive(), series: new Map(issuersWithSeries().map((i) => [i, loadIssuerSeries(i)])) };
  const size = pageSizes().codeReports;
  const perItem = editions.flatMap((edition) =>
    itemsInOrder(edition)
      .filter((item) => item.kind !== 'area')
      .map((item) => ({ edition, item, pages: codePages(reportsForCode(archive, edition, item, editions, kpi), size) })),
  );
  return LOCALE_KEYS.flatMap((locale) =>
    perItem.flatMap(({ edition, item, pages }) =>
      pages.map((reports, i) => ({
        params: { locale, edition: edition.id, code: item.code, page: pageParam(i + 1) },
        props: {
          edition,
          item,
          reports,
          pages: pageLinks(pages, url.hkexCode(locale, edition.id, item.code), i + 1, reportRangeLabel).map((l, j) => ({ ...l, group: pages[j]![0]?.data.year ?? '' })),
        },
      })),
    ),
  );
}
