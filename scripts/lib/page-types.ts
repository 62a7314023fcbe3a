/**
 * The page type of a built page's URL path, for the benchmarks (scripts/bench.ts, scripts/bench-scale.ts).
 * Matched by shape, not by a list of routes, so pages added later (paged listings, `/{page}/`
 * sub-pages) fall into the type of the listing they page:
 *
 * | type | URL |
 * |---|---|
 * | archive home | `/{l}/` |
 * | issuer page | `/{l}/{issuer}/` |
 * | report home | `/{l}/{issuer}/{year}/` |
 * | section | `/{l}/{issuer}/{year}/{section}/` (also the redirect pages of moved sections) |
 * | HKEX index | `/{l}/{issuer}/{year}/hkex-index/` |
 * | data page | `/{l}/{issuer}/{year}/data/` and the issuer's series `/{l}/{issuer}/data/` |
 * | HKEX code | `/{l}/hkex/{edition}/{code}/` and anything under it (`/{page}/`) |
 * | coverage | `/{l}/hkex/coverage/…` |
 * | year listing | `/{l}/years/…` |
 * | issuer directory | `/{l}/issuers/…` |
 * | search | `/{l}/search/` |
 * | other | everything else: `/`, 404, `/{l}/hkex/`, `/{l}/hkex/{edition}/`, files that are not `…/` pages |
 */
export const PAGE_TYPES = [
  'archive home',
  'issuer page',
  'report home',
  'section',
  'HKEX index',
  'data page',
  'HKEX code',
  'coverage',
  'year listing',
  'issuer directory',
  'search',
  'other',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

const LOCALE_PREFIXES = new Set(['en', 'tc', 'sc']);
/** A report's year folder: "2018" or "2023-24" (src/lib/schemas.ts). */
const YEAR = /^\d{4}(?:-\d{2})?$/;

/** `urlPath` as served: `/en/alibaba/2025/` (a page), `/404.html`, `/data/x.csv` (files). */
export function pageType(urlPath: string): PageType {
  const path = urlPath.replace(/index\.html$/, '');
  if (!path.endsWith('/')) return 'other';
  const seg = path.split('/').filter(Boolean);
  if (seg.length === 0 || !LOCALE_PREFIXES.has(seg[0]!)) return 'other';
  if (seg.length === 1) return 'archive home';
  const [, first, second, third] = seg;
  if (first === 'search') return seg.length === 2 ? 'search' : 'other';
  if (first === 'years') return 'year listing';
  if (first === 'issuers') return 'issuer directory';
  if (first === 'hkex') {
    if (second === 'coverage') return 'coverage';
    return seg.length >= 4 ? 'HKEX code' : 'other';
  }
  // /{l}/{issuer}/…
  if (seg.length === 2) return 'issuer page';
  if (!YEAR.test(second!)) return second === 'data' && seg.length === 3 ? 'data page' : 'other';
  if (seg.length === 3) return 'report home';
  if (seg.length === 4) return third === 'hkex-index' ? 'HKEX index' : third === 'data' ? 'data page' : 'section';
  return 'other';
}
