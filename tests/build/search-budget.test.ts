// Search cost in bytes (never time): what a reader's browser transfers for a first and a later
// query on each locale's search page, measured by running Pagefind's JS against dist/. Budget:
// the first query (search UI script, Pagefind JS + worker + WASM, index meta and chunks, the
// script map for Chinese queries, and the fragments of the first page of results) ≤ 200 KB.
import { describe, expect, it } from 'vitest';
import { indexSizes, loadGolden, measureSearchCost, type SearchLocale } from '../support/pagefind-node.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';

const BUDGET_FIRST_QUERY = 200 * 1024;
const golden = loadGolden();
// first: the first golden term; later: one from the middle of the list (not a neighbour)
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

  const cases: [SearchLocale, string[]][] = [
    ['en', [golden.english[0]!, golden.english[mid(golden.english)]!]],
    ['tc', [golden.chinese[0]!.hant, golden.chinese[mid(golden.chinese)]!.hant]],
    ['tc', [golden.chinese[0]!.hans, golden.chinese[mid(golden.chinese)]!.hans]],
    ['sc', [golden.chinese[0]!.hans, golden.chinese[mid(golden.chinese)]!.hans]],
    ['sc', [golden.chinese[0]!.hant, golden.chinese[mid(golden.chinese)]!.hant]],
  ];
  for (const [locale, queries] of cases) {
    it(`/${locale}/ first query “${queries[0]}” ≤ ${kb(BUDGET_FIRST_QUERY)} transferred`, async () => {
      const [first, later] = await measureSearchCost(DIST, locale, queries);
      for (const [label, c] of [['first', first!], ['later', later!]] as const)
        console.log(`/${locale}/ ${label} query “${c.query}”: ${kb(c.transferred)} transferred (${kb(c.raw)} raw), ${c.files.length} files, ${c.results} results`);
      expect(first!.results).toBeGreaterThan(0);
      expect(first!.transferred, first!.files.map((f) => `${f.path} ${f.transferred}`).join('\n')).toBeLessThanOrEqual(BUDGET_FIRST_QUERY);
      expect(later!.transferred).toBeLessThan(first!.transferred);
    }, 60_000);
  }
});
