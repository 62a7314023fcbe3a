/**
 * Pages that list the archive (code pages, coverage matrix, year listings, issuer directory) are
 * split into pages of a fixed number of entries, so no page grows with the archive: a page's size
 * is bounded by its page size times the size of one entry (docs/architecture.md, *Bounded pages*).
 * Pure: the pages and routes call these with their own lists.
 */
import type { Report } from './archive.ts';

/** Entries per page, by kind of listing. */
export interface PageSizes {
  /** reports per HKEX code page (each: its sections, KPI values, comply marks) */
  codeReports: number;
  /** report columns per coverage matrix page */
  coverageReports: number;
  /** reports per year listing page */
  listing: number;
  /** issuers per issuer directory page */
  directory: number;
  /** latest reports on the archive home */
  home: number;
}

export const DEFAULT_PAGE_SIZES: PageSizes = { codeReports: 20, coverageReports: 20, listing: 100, directory: 200, home: 20 };

/**
 * The page sizes of this build. `ESG_PAGE_SIZE=n` sets every size to n: the budget tests build a
 * small archive with tiny pages to prove that pages split and stay bounded, without 300 reports.
 */
export function pageSizes(env: Record<string, string | undefined> = process.env): PageSizes {
  const raw = env.ESG_PAGE_SIZE;
  if (raw === undefined || raw === '') return DEFAULT_PAGE_SIZES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`ESG_PAGE_SIZE=${raw}: give a whole number of entries per page (≥ 1), or unset it`);
  return { codeReports: n, coverageReports: n, listing: n, directory: n, home: n };
}

/** Splits a list into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

/** URL of page `n` (1-based) of a paged listing whose first page is `base` (ending in `/`). */
export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}${n}/`;
}

/** Route param of page `n` for a `[...page]` route: undefined for the first page. */
export function pageParam(n: number): string | undefined {
  return n <= 1 ? undefined : String(n);
}

/**
 * Reports newest first, then by stock code: the order of every listing and paged page, so a
 * reader finds the latest filings first and a page's place in the order does not depend on ids.
 */
export function byRecency<E>(reports: readonly Report<E>[]): Report<E>[] {
  return [...reports].sort(
    (a, b) =>
      b.data.year.localeCompare(a.data.year, 'en', { numeric: true }) ||
      a.issuer.stockCode.localeCompare(b.issuer.stockCode, 'en', { numeric: true }) ||
      a.issuer.id.localeCompare(b.issuer.id),
  );
}

export interface PageLink {
  n: number;
  href: string;
  /** what the page holds, e.g. `2024 · 00700–09988` */
  label: string;
  current: boolean;
}

/** Links to every page of a listing, labelled by `labelOf(page entries)`. */
export function pageLinks<T>(pages: readonly T[][], base: string, current: number, labelOf: (entries: readonly T[]) => string): PageLink[] {
  return pages.map((entries, i) => ({ n: i + 1, href: pageUrl(base, i + 1), label: labelOf(entries), current: i + 1 === current }));
}

/** `2024 · 00700–09988`: the years and stock codes a page of reports spans. */
export function reportRangeLabel<E>(reports: readonly Report<E>[]): string {
  if (reports.length === 0) return '';
  const first = reports[0]!;
  const last = reports[reports.length - 1]!;
  const years = first.data.year === last.data.year ? first.data.year : `${first.data.year}–${last.data.year}`;
  const codes = first.issuer.stockCode === last.issuer.stockCode ? first.issuer.stockCode : `${first.issuer.stockCode}–${last.issuer.stockCode}`;
  return `${years} · ${codes}`;
}
