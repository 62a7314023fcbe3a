// Recall of the golden queries, measured with Pagefind's own JS against the built bundle
// (tests/support/pagefind-node.ts) through the query layer readers use (src/lib/search-query.ts).
// Ground truth: the indexed pages whose indexed text contains the term. Prints, per locale, the
// recall of Pagefind alone (the plain query) and with the query layer, and the precision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isExactMatch, pageKey, runQuery, TIER_NAMES, type Hit, type PagefindApi, type Source, type Tier } from '../../src/lib/search-query.ts';
import type { ScriptMap } from '../../src/lib/search-script-map.ts';
import { HTML_LANG, indexedPages, loadGolden, loadPagefind, loadScriptMap, sourceFor, truthFor, type NodePagefind, type SearchLocale } from '../support/pagefind-node.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';

const MIN_RECALL = 0.98;
const golden = loadGolden();
let pf: NodePagefind;
const api: Partial<Record<SearchLocale, PagefindApi>> = {};
const pages: Partial<Record<SearchLocale, Map<string, string>>> = {};
let scriptMap: ScriptMap;

beforeAll(async () => {
  assertDistBuilt();
  pf = await loadPagefind(DIST);
  scriptMap = loadScriptMap(DIST);
  for (const locale of ['en', 'tc', 'sc'] as const) {
    api[locale] = await pf.instance(HTML_LANG[locale]);
    pages[locale] = indexedPages(DIST, locale);
  }
}, 120_000);
afterAll(() => pf?.close());

const source = (locale: SearchLocale): Source => sourceFor(api[locale]!, locale, scriptMap);

async function urlsOf(hits: Hit[]): Promise<Set<string>> {
  return new Set(await Promise.all(hits.map(async (h) => pageKey((await h.result.data()).url))));
}

/** The hits the search page shows without the "related match" label. */
async function exactUrlsOf(hits: Hit[], query: string): Promise<Set<string>> {
  const datas = await Promise.all(hits.map(async (h) => ({ h, d: await h.result.data() })));
  return new Set(datas.filter(({ h, d }) => h.tier === 0 || isExactMatch(query, h.source, d.content)).map(({ d }) => pageKey(d.url)));
}

interface Score {
  truth: number;
  found: number;
  returned: number;
  relevant: number;
}

async function measure(locale: SearchLocale, terms: string[], queries: string[], tiers: readonly Tier[], exactOnly = false) {
  const total: Score = { truth: 0, found: 0, returned: 0, relevant: 0 };
  const misses: string[] = [];
  const perQuery: Set<string>[] = [];
  for (let i = 0; i < terms.length; i++) {
    const truth = truthFor(pages[locale]!, locale, terms[i]!);
    const hits = await runQuery([source(locale)], queries[i]!, { tiers });
    const got = exactOnly ? await exactUrlsOf(hits, queries[i]!) : await urlsOf(hits);
    perQuery.push(got);
    const found = [...truth].filter((u) => got.has(u)).length;
    total.truth += truth.size;
    total.found += found;
    total.returned += got.size;
    total.relevant += [...got].filter((u) => truth.has(u)).length;
    if (found < truth.size) misses.push(`${queries[i]} ${found}/${truth.size}`);
  }
  return { recall: total.found / total.truth, precision: total.returned ? total.relevant / total.returned : 1, misses, perQuery, total };
}

const fmt = (x: number) => x.toFixed(3);

describe('search recall on the golden queries', () => {
  const cases: { locale: SearchLocale; label: string; terms: () => string[]; queries: () => string[] }[] = [
    { locale: 'en', label: 'en', terms: () => golden.english, queries: () => golden.english },
    { locale: 'tc', label: 'tc (Traditional queries)', terms: () => golden.chinese.map((g) => g.hant), queries: () => golden.chinese.map((g) => g.hant) },
    { locale: 'sc', label: 'sc (Simplified queries)', terms: () => golden.chinese.map((g) => g.hans), queries: () => golden.chinese.map((g) => g.hans) },
    { locale: 'tc', label: 'tc (Simplified queries)', terms: () => golden.chinese.map((g) => g.hant), queries: () => golden.chinese.map((g) => g.hans) },
    { locale: 'sc', label: 'sc (Traditional queries)', terms: () => golden.chinese.map((g) => g.hans), queries: () => golden.chinese.map((g) => g.hant) },
  ];

  it('has at least 40 Chinese and 20 English golden terms, each occurring in the archive', () => {
    expect(golden.chinese.length).toBeGreaterThanOrEqual(40);
    expect(golden.english.length).toBeGreaterThanOrEqual(20);
    const nowhere = [
      ...golden.english.filter((t) => truthFor(pages.en!, 'en', t).size === 0).map((t) => `en: ${t}`),
      ...golden.chinese.filter((g) => truthFor(pages.tc!, 'tc', g.hant).size === 0).map((g) => `tc: ${g.hant}`),
      ...golden.chinese.filter((g) => truthFor(pages.sc!, 'sc', g.hans).size === 0).map((g) => `sc: ${g.hans}`),
    ];
    expect(nowhere, 'golden terms that occur nowhere in the indexed pages').toEqual([]);
  });

  for (const c of cases) {
    it(`${c.label}: recall ≥ ${MIN_RECALL} with the query layer`, async () => {
      const lines: string[] = [];
      const plain = await measure(c.locale, c.terms(), c.queries(), [1]);
      const layered = await measure(c.locale, c.terms(), c.queries(), [0, 1, 2]);
      const exact = await measure(c.locale, c.terms(), c.queries(), [0, 1, 2], true);
      lines.push(
        `search recall ${c.label}: ${c.terms().length} queries, ${layered.total.truth} relevant pages`,
        `  Pagefind alone (plain query): recall ${fmt(plain.recall)}, precision ${fmt(plain.precision)}${plain.misses.length ? `; misses: ${plain.misses.join(', ')}` : ''}`,
        `  query layer (${TIER_NAMES.join(' + ')}): recall ${fmt(layered.recall)}, precision ${fmt(layered.precision)}${layered.misses.length ? `; misses: ${layered.misses.join(', ')}` : ''}`,
        `  gain: ${layered.total.found - plain.total.found} more relevant pages found (${fmt(layered.recall - plain.recall)} recall)`,
        `  shown unlabelled (the rest marked "related match"): recall ${fmt(exact.recall)}, precision ${fmt(exact.precision)}`,
      );
      console.log(lines.join('\n'));
      expect(layered.recall, layered.misses.join(', ')).toBeGreaterThanOrEqual(MIN_RECALL);
    }, 120_000);
  }

  it('a query in the other script returns the same sections as the native query', async () => {
    const differences: string[] = [];
    for (const g of golden.chinese) {
      for (const [locale, native, other] of [
        ['tc', g.hant, g.hans],
        ['sc', g.hans, g.hant],
      ] as const) {
        const a = await urlsOf(await runQuery([source(locale)], native));
        const b = await urlsOf(await runQuery([source(locale)], other));
        const onlyA = [...a].filter((u) => !b.has(u));
        const onlyB = [...b].filter((u) => !a.has(u));
        if (onlyA.length || onlyB.length) differences.push(`/${locale}/ ${native} vs ${other}: -${onlyA.length} +${onlyB.length}`);
        // results come from the reader's own index, so they are pages of the reader's locale
        expect([...b].every((u) => u.startsWith(`/${locale}/`))).toBe(true);
      }
    }
    expect(differences).toEqual([]);
  }, 120_000);
});
