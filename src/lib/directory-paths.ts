/** Static paths of the issuer directory's pages, by stock code or by name (listings.ts). */
import { LOCALE_KEYS } from '../i18n/locales.ts';
import { url } from '../i18n/urls.ts';
import { pick } from './archive.ts';
import { issuerDirectory } from './listings.ts';
import { loadArchive } from './load-archive.ts';
import { pageLinks, pageParam, pageSizes, paginate } from './paging.ts';

export async function directoryPaths(order: 'code' | 'name') {
  const archive = await loadArchive();
  const size = pageSizes().directory;
  return LOCALE_KEYS.flatMap((locale) => {
    const entries = issuerDirectory(archive, order, locale);
    const pages = paginate(entries, size);
    const base = order === 'code' ? url.issuers(locale) : url.issuersByName(locale);
    const labelOf = (page: readonly (typeof entries)[number][]) => {
      if (page.length === 0) return '';
      const ends = [page[0]!, page[page.length - 1]!].map((e) => (order === 'code' ? e.reports[0]!.issuer.stockCode : pick(e.reports[0]!.issuer.name, locale)));
      return ends[0] === ends[1] ? ends[0]! : `${ends[0]} – ${ends[1]}`;
    };
    return pages.map((page, i) => ({
      params: { locale, page: pageParam(i + 1) },
      props: { locale, order, entries: page, total: entries.length, links: pageLinks(pages, base, i + 1, labelOf) },
    }));
  });
}
