// Search cost in bytes (never time): what a reader's browser transfers for a first and a later
// query on each locale's search page, measured by running Pagefind's JS against dist/.
// Budget: a first query (search UI script, Pagefind JS + WASM, index meta and chunks, the script
// map for Chinese queries, the fragments of the first page of results) ≤ 200 KB, for every golden
// term as a new visitor's first query, in every locale and both scripts; median, p90 and max printed.
import { describe, expect, it } from 'vitest';
import { SEARCH_BUDGET_FIRST_QUERY, firstQueryCosts, indexSizes, measureSearchCost, searchCases } from '../support/pagefind-node.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('search cost', () => {
  it('prints the index size per locale', () => {
    assertDistBuilt();
    const sizes = indexSizes(DIST);
    expect(Object.keys(sizes).sort()).toEqual(['en', 'zh-hans-cn', 'zh-hant-hk']);
    for (const [lang, s] of Object.entries(sizes))
      console.log(`index ${lang}: ${s.pages} pages; meta ${kb(s.meta)}, index chunks ${kb(s.chunks)}, filters ${kb(s.filters)}, fragments ${kb(s.fragments)}`);
  });

  for (const { locale, label, terms, firstThenLater } of searchCases()) {
    it(`/${locale}/ ${label}: every golden first query ≤ ${kb(SEARCH_BUDGET_FIRST_QUERY)} transferred; a later query costs less`, async () => {
      const [first, later] = await measureSearchCost(DIST, locale, firstThenLater);
      console.log(`/${locale}/ ${label}: first “${first!.query}” ${kb(first!.transferred)} (${first!.files.length} files), later “${later!.query}” ${kb(later!.transferred)} (${later!.files.length} files)`);
      expect(first!.results).toBeGreaterThan(0);
      expect(later!.transferred).toBeLessThan(first!.transferred);
      // every golden term as the first query of a new visitor
      const all = await firstQueryCosts(DIST, locale, terms);
      console.log(
        `/${locale}/ ${label}: first query over ${all.costs.length} golden terms: median ${kb(all.median)}, p90 ${kb(all.p90)}, max ${kb(all.max.bytes)} (${all.max.query}); over budget: ${all.over.length}${all.over.length ? ` (${all.over.map((c) => c.query).join(' ')})` : ''}`,
      );
      expect(all.over.map((c) => `${c.query} ${kb(c.bytes)}`)).toEqual([]);
    }, 120_000);
  }
});
