// Search cost in bytes (never time): what a reader's browser transfers for a first and a later
// query on each locale's search page, measured by running Pagefind's JS against dist/.
// Budget: a first query (search UI script, Pagefind JS + WASM, index meta and chunks, the script
// map for Chinese queries, the fragments of the first page of results) ≤ 200 KB, for every golden
// term as a new visitor's first query, in every locale and both scripts; median, p90 and max printed.
import { describe, expect, it } from 'vitest';
import { indexSizes, loadGolden, measureSearchCost, type SearchLocale } from '../support/pagefind-node.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';

const BUDGET_FIRST_QUERY = 200 * 1024;
const golden = loadGolden();
// later: a golden term from the middle of the list (not a neighbour of the first)
const mid = (a: unknown[]) => Math.floor(a.length / 2);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('search cost', () => {
  it('prints the index size per locale', () => {
    assertDistBuilt();
    const sizes = indexSizes(DIST);
    expect(Object.keys(sizes).sort()).toEqual(['en', 'zh-hans-cn', 'zh-hant-hk']);
    for (const [lang, s] of Object.entries(sizes))
      console.log(`index ${lang}: ${s.pages} pages; meta ${kb(s.meta)}, index chunks ${kb(s.chunks)}, filters ${kb(s.filters)}, fragments ${kb(s.fragments)}`);
  });

  const cases: [SearchLocale, string, string[]][] = [
    ['en', 'English', golden.english],
    ['tc', 'Traditional', golden.chinese.map((g) => g.hant)],
    ['tc', 'Simplified on /tc/', golden.chinese.map((g) => g.hans)],
    ['sc', 'Simplified', golden.chinese.map((g) => g.hans)],
    ['sc', 'Traditional on /sc/', golden.chinese.map((g) => g.hant)],
  ];
  for (const [locale, label, terms] of cases) {
    it(`/${locale}/ ${label}: every golden first query ≤ ${kb(BUDGET_FIRST_QUERY)} transferred; a later query costs less`, async () => {
      const [first, later] = await measureSearchCost(DIST, locale, [terms[0]!, terms[mid(terms)]!]);
      console.log(`/${locale}/ ${label}: first “${first!.query}” ${kb(first!.transferred)} (${first!.files.length} files), later “${later!.query}” ${kb(later!.transferred)} (${later!.files.length} files)`);
      expect(first!.results).toBeGreaterThan(0);
      expect(later!.transferred).toBeLessThan(first!.transferred);
      // every golden term as the first query of a new visitor
      const costs: { query: string; bytes: number }[] = [];
      for (const term of terms) {
        const [c] = await measureSearchCost(DIST, locale, [term]);
        costs.push({ query: term, bytes: c!.transferred });
      }
      costs.sort((a, b) => a.bytes - b.bytes);
      const at = (p: number) => costs[Math.min(costs.length - 1, Math.floor(p * costs.length))]!;
      const over = costs.filter((c) => c.bytes > BUDGET_FIRST_QUERY);
      console.log(
        `/${locale}/ ${label}: first query over ${costs.length} golden terms: median ${kb(at(0.5).bytes)}, p90 ${kb(at(0.9).bytes)}, max ${kb(costs.at(-1)!.bytes)} (${costs.at(-1)!.query}); over budget: ${over.length}${over.length ? ` (${over.map((c) => c.query).join(' ')})` : ''}`,
      );
      expect(over.map((c) => `${c.query} ${kb(c.bytes)}`)).toEqual([]);
    }, 120_000);
  }
});
