/**
 * Pages that list the archive stay bounded (docs/scale.md, *Bounded pages*): two synthetic archives
 * (scripts/lib/synthetic-archive.ts), one twice the other, built with pages of two entries
 * (ESG_PAGE_SIZE=2) so every listing splits. The largest page of each paged type must not grow
 * with the archive, and no page of any type may pass 400 KB (raw bytes). The search index is
 * written in parts (src/lib/search-parts.ts): the larger archive has more parts, and every golden
 * first query stays within the 200 KB budget in both. Sizes in bytes, never time.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSyntheticArchive } from '../../scripts/lib/synthetic-archive.ts';
import { buildSite } from '../../scripts/lib/site-check.ts';
import { siteStats, type SiteStats } from '../../scripts/lib/bench-measure.ts';
import type { PageType } from '../../scripts/lib/page-types.ts';
import { buildSearchIndex } from '../../scripts/lib/search-index.ts';
import { SEARCH_BUDGET_FIRST_QUERY, firstQueryCosts, goldenTerms, loadGolden, type SearchLocale } from '../support/pagefind-node.ts';

const BOUND = 400 * 1024;
const PAGED: PageType[] = ['archive home', 'HKEX code', 'coverage', 'year listing', 'issuer directory', 'search'];
const dirs: string[] = [];

interface Built {
  stats: SiteStats;
  parts: number[];
  /** the worst golden first query per locale, in bytes */
  firstQuery: Record<SearchLocale, { query: string; bytes: number }>;
}

const golden = loadGolden();

async function buildSynthetic(n: number): Promise<Built> {
  const archive = makeSyntheticArchive({ n });
  dirs.push(archive.dir);
  const saved = process.env.ESG_PAGE_SIZE;
  process.env.ESG_PAGE_SIZE = '2';
  try {
    const built = buildSite(archive.dir);
    if ('error' in built) throw new Error(built.error);
    dirs.push(built.dir);
    const stats = siteStats(built.dir);
    const { parts } = await buildSearchIndex(built.dir);
    const firstQuery = {} as Built['firstQuery'];
    for (const locale of ['en', 'tc', 'sc'] as const) firstQuery[locale] = (await firstQueryCosts(built.dir, locale, goldenTerms(locale, golden))).max;
    return { stats, parts, firstQuery };
  } finally {
    if (saved === undefined) delete process.env.ESG_PAGE_SIZE;
    else process.env.ESG_PAGE_SIZE = saved;
  }
}

describe('bounded pages on synthetic archives (12 and 24 reports, pages of two: issuers of 1–4 years in both)', () => {
  let small: SiteStats;
  let large: SiteStats;
  let smallBuilt: Built;
  let largeBuilt: Built;
  beforeAll(async () => {
    smallBuilt = await buildSynthetic(12);
    largeBuilt = await buildSynthetic(24);
    small = smallBuilt.stats;
    large = largeBuilt.stats;
  }, 1_800_000);
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('the larger archive has more pages of each paged type (the listings really split)', () => {
    for (const type of ['HKEX code', 'year listing', 'issuer directory'] as const) {
      expect(large.perType[type].pages, type).toBeGreaterThan(small.perType[type].pages);
    }
  });

  // HKEX code pages are cut by estimated bytes too (code-pages.ts, unit-tested): one entry there is
  // an issuer's KPI series, whose size follows the issuer's years, not the archive; with two
  // entries a page, the larger archive only fills pages the smaller one left half empty.
  it('the largest page of each listing type does not grow with the archive', () => {
    const rows = PAGED.filter((t) => t !== 'HKEX code').map((t) => ({ type: t, small: small.perType[t].largest, large: large.perType[t].largest, page: large.perType[t].largestUrl }));
    console.table(rows);
    // the pager lists one more year group and page labels: a few percent, not a doubling
    for (const r of rows) expect(r.large, `${r.type} (${r.page})`).toBeLessThanOrEqual(r.small * 1.2);
  });

  it('no page of any type passes 400 KB', () => {
    for (const [type, t] of Object.entries(large.perType)) expect(t.largest, `${type}: ${t.largestUrl}`).toBeLessThan(BOUND);
  });

  it('the search index grows by parts, and every first query stays within 200 KB', () => {
    console.table(['en', 'tc', 'sc'].map((l) => ({ locale: l, small: `${smallBuilt.firstQuery[l as SearchLocale].bytes} (${smallBuilt.firstQuery[l as SearchLocale].query})`, large: `${largeBuilt.firstQuery[l as SearchLocale].bytes} (${largeBuilt.firstQuery[l as SearchLocale].query})` })));
    console.log(`reports per search part: ${smallBuilt.parts.join(', ')} → ${largeBuilt.parts.join(', ')}`);
    expect(smallBuilt.parts.reduce((a, b) => a + b)).toBe(12);
    expect(largeBuilt.parts.reduce((a, b) => a + b)).toBe(24);
    expect(largeBuilt.parts.length).toBeGreaterThan(smallBuilt.parts.length);
    for (const b of [smallBuilt, largeBuilt]) for (const [l, q] of Object.entries(b.firstQuery)) expect(q.bytes, `${l}: ${q.query}`).toBeLessThanOrEqual(SEARCH_BUDGET_FIRST_QUERY);
  });
});
