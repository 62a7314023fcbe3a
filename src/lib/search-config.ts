/**
 * Search configuration shared by the indexer (scripts/lib/search-index.ts), the browser UI
 * (src/scripts/search/) and the tests: which index each locale uses, what is left out of the
 * index, and the filter keys. Pure and dependency-free (it is bundled into the client).
 */
export type SearchLocale = 'en' | 'tc' | 'sc';

/** Pagefind keys its indexes on the lowercased `<html lang>`. */
export const INDEX_LANGUAGE: Record<SearchLocale, string> = {
  en: 'en',
  tc: 'zh-hant-hk',
  sc: 'zh-hans-cn',
};

/** Where Pagefind's bundle is written and served. */
export const BUNDLE_PATH = '/pagefind/';
/** Archive-derived script maps for queries typed in the other script (see search-script-map.ts). */
export const SCRIPT_MAP_PATH = '/pagefind/script-map.json';
/** Its Simplified → Traditional contexts, fetched only for queries with an ambiguous character. */
export const SCRIPT_PAIRS_PATH = '/pagefind/script-map-pairs.json';

/**
 * Parts of an indexed region (`data-pagefind-body`) that are chrome, not report text: navigation
 * (breadcrumbs, contents, prev/next), heading self-links, code chips, notices, printed page
 * numbers; and on English pages any text marked as Chinese (fallback titles and contents), so the
 * English index holds English only. Pagefind also drops `[data-pagefind-ignore]`.
 */
export const EXCLUDE_SELECTORS = [
  'nav',
  '.heading-link',
  '.code-chips',
  '.notice',
  '.section-meta',
  '.button-link',
  'html[lang="en"] [lang^="zh"]',
];

/** Results shown first, and added by each "more". */
export const FIRST_PAGE = 5;
export const MORE_PAGE = 10;

/**
 * Pagefind options of the search page (and of the cost measurement). `noWorker`: Pagefind runs on
 * the main thread, which saves its 12 KB worker script (a second copy of its JS); the archive's
 * indexes are small enough.
 */
export const PAGEFIND_OPTIONS = { noWorker: true, excerptLength: 30 } as const;

/** Filter keys in the order the search page shows them (`locale` is internal: en vs merged zh). */
export const FILTER_KEYS = ['issuer', 'year', 'stock', 'hkex', 'chapter'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** A chapter id is only unique within its report. */
export function chapterFilterValue(issuer: string, year: string, chapter: string): string {
  return `${issuer}/${year}/${chapter}`;
}
