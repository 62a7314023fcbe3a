/** Static paths and pager links of the coverage matrix's further pages (coverage-pages.ts). */
import { LOCALE_KEYS, type Locale } from '../i18n/locales.ts';
import { url } from '../i18n/urls.ts';
import { loadArchive } from './load-archive.ts';
import { allEditions } from './load-frameworks.ts';
import { coveragePages, type CoveragePage } from './coverage-pages.ts';
import { pageSizes, reportRangeLabel, type PageLink } from './paging.ts';

export function coveragePagerLinks<E>(locale: Locale, pages: readonly CoveragePage<E>[], current: number): (PageLink & { group: string })[] {
  return pages.map((p) => ({
    n: p.n,
    href: url.coveragePage(locale, p.edition.id, p.n),
    label: reportRangeLabel(p.reports),
    current: p.n === current,
    group: p.reports[0]?.data.year ?? '',
  }));
}

/** Pages 2… of each edition's matrix (page 1 is on the coverage page). */
export async function coveragePaths() {
  const editions = coveragePages(await loadArchive(), allEditions(), pageSizes().coverageReports);
  return LOCALE_KEYS.flatMap((locale) =>
    editions.flatMap((pages) =>
      pages.slice(1).map((page) => ({
        params: { locale, edition: page.edition.id, page: String(page.n) },
        props: { page, links: coveragePagerLinks(locale, pages, page.n) },
      })),
    ),
  );
}
