/**
 * The search index in parts (docs/search.md, *Search in parts*). One Pagefind index over the
 * whole archive makes every first query pay for the whole archive: its meta lists every page and
 * a common word's chunk lists every page that has it. So the archive's reports are cut, newest
 * year first and by issuer id within a year, into parts of at most `budget` bytes of indexed HTML;
 * each part is its own Pagefind bundle. A first query searches the first part that can hold what
 * the filters ask for; the reader widens the search one part at a time (Pagefind's `mergeIndex`).
 * A part's cost depends on the budget, not on the archive, so the first query stays bounded.
 *
 * Pure and dependency-free: the indexer (scripts/lib/search-index.ts) plans the parts, the
 * browser (src/scripts/search/search-page.ts) chooses which to load.
 */

/** Indexed HTML bytes (all locales) a part may hold; one report larger than that is a part alone. */
export const SEARCH_PART_BYTES = 10_000_000;

/** Where the manifest of the parts is served (next to the first part's bundle). */
export const SEARCH_PARTS_PATH = '/pagefind/parts.json';

export interface ReportSize {
  issuer: string;
  year: string;
  /** bytes of the report's indexed pages */
  bytes: number;
}

/** A report's place in the order of parts: newest year first, then issuer id. */
export interface ReportKey {
  year: string;
  issuer: string;
}

export interface SearchPart {
  /** the bundle's URL path, ending in `/` */
  path: string;
  /** first and last report of the part, in part order */
  from: ReportKey;
  to: ReportKey;
  reports: number;
}

export interface SearchParts {
  reports: number;
  parts: SearchPart[];
}

/** The bundle path of the part at `index` (0-based): the first is Pagefind's own `/pagefind/`. */
export function partPath(index: number): string {
  return index === 0 ? '/pagefind/' : `/pagefind/part-${index + 1}/`;
}

/** Part order: newer year first, then issuer id (code-unit order, the same everywhere). */
export function compareReports(a: ReportKey, b: ReportKey): number {
  if (a.year !== b.year) return Number(b.year) - Number(a.year) || (a.year < b.year ? 1 : -1);
  return a.issuer < b.issuer ? -1 : a.issuer > b.issuer ? 1 : 0;
}

/**
 * Cuts the reports into parts in part order: a part takes reports while their bytes stay within
 * the budget (a single larger report makes a part of its own). Returns each part's reports.
 */
export function planParts<T extends ReportSize>(reports: readonly T[], budget = SEARCH_PART_BYTES): T[][] {
  if (!(budget > 0)) throw new Error(`search part budget must be a positive number of bytes, got ${budget}`);
  const parts: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const report of [...reports].sort(compareReports)) {
    if (current.length > 0 && bytes + report.bytes > budget) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(report);
    bytes += report.bytes;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** The manifest the search page reads. */
export function partsManifest(parts: readonly (readonly ReportKey[])[]): SearchParts {
  const key = (r: ReportKey): ReportKey => ({ year: r.year, issuer: r.issuer });
  return {
    reports: parts.reduce((n, p) => n + p.length, 0),
    parts: parts.map((p, i) => ({ path: partPath(i), from: key(p[0]!), to: key(p.at(-1)!), reports: p.length })),
  };
}

/** Whether the report (year, issuer) falls in the part's range. */
function inPart(part: SearchPart, report: ReportKey): boolean {
  return compareReports(part.from, report) <= 0 && compareReports(report, part.to) <= 0;
}

/**
 * The parts a search with these filters has to look in, in part order: every part when nothing
 * narrows it; else those whose range can hold a chosen year, a chosen issuer (in any of the
 * part's years) or a chosen chapter's report (`issuer/year/chapter`).
 */
export function partsFor(manifest: SearchParts, filters: Record<string, string[] | undefined>): SearchPart[] {
  const years = filters.year ?? [];
  const issuers = filters.issuer ?? [];
  const chapters = (filters.chapter ?? []).map((c) => c.split('/')).filter((p) => p.length >= 2);
  return manifest.parts.filter((part) => {
    const partYears: string[] = [];
    for (let y = Number(part.from.year); y >= Number(part.to.year); y--) partYears.push(String(y));
    const yearsHere = years.length ? partYears.filter((y) => years.includes(y)) : partYears;
    if (yearsHere.length === 0) return false;
    if (issuers.length && !issuers.some((issuer) => yearsHere.some((year) => inPart(part, { year, issuer })))) return false;
    if (chapters.length && !chapters.some(([issuer, year]) => yearsHere.includes(year!) && inPart(part, { year: year!, issuer: issuer! }))) return false;
    return true;
  });
}
