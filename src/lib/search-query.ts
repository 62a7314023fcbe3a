/**
 * The query layer between readers and Pagefind, shared by the browser UI (src/scripts/search/)
 * and the recall test (tests/build/search-recall.test.ts), so the test measures what readers get.
 *
 * 1. Normalise: NFKC (full-width letters and digits), collapse spaces.
 * 2. Script: on a Chinese index, characters of the other script are rewritten with the
 *    archive-derived map (src/lib/search-script-map.ts), so 环境 on /tc/ searches 環境.
 * 3. CJK recall: Pagefind 1.6 segments queries with Intl.Segmenter and indexes jieba words plus
 *    bigrams; the two disagree on some terms. Every Chinese query runs as
 *      phrase  "可持續發展"            (tier 0: exact sequence)
 *      plain   可持續發展              (tier 1: Pagefind's own segmentation)
 *      bigrams 可持 持續 續發 發展     (tier 2: every overlapping pair, all required)
 *    and the hits are merged (best tier first, then Pagefind's score). English queries run as typed.
 * 4. Several sources (the reader's index, and for English readers optionally the Chinese index)
 *    are searched with the same filters and merged, each hit remembering its source.
 * Pure TypeScript with no imports but types: it runs in the browser and in Node.
 */
import { indexSpellings, type ScriptMap } from './search-script-map.ts';

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id?: string; text?: string; location: number };
}

export interface PagefindResultData {
  url: string;
  raw_url?: string;
  content: string;
  excerpt: string;
  word_count: number;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindResultData>;
}

export type PagefindFilters = Record<string, string | string[] | { any: string[] } | { all: string[] }>;

export interface PagefindApi {
  search(
    term: string | null,
    options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[] } | null>;
  filters?(): Promise<Record<string, Record<string, number>>>;
}

export type Tier = 0 | 1 | 2;
export const TIER_NAMES = ['phrase', 'plain', 'bigrams'] as const;

export interface Source {
  api: PagefindApi;
  /** 'native' for the reader's own index; 'chinese' for the widened search of English readers. */
  kind: 'native' | 'chinese';
  /** script of a Chinese index, with the archive's script map: queries in either script fold */
  script?: 'zh-Hant' | 'zh-Hans' | undefined;
  scriptMap?: ScriptMap | undefined;
}

export interface Hit {
  id: string;
  score: number;
  tier: Tier;
  source: Source;
  result: PagefindResult;
}

export interface QueryOptions {
  filters?: Record<string, string[]>;
  sort?: 'relevance' | 'year-desc' | 'year-asc';
  /** Query variants to run (default all three); the recall test compares them. */
  tiers?: readonly Tier[];
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export function normalizeQuery(query: string): string {
  return query.normalize('NFKC').replace(/["“”「」『』]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The spellings of the query to look up in a source's index (in the index's script). */
export function spellingsFor(query: string, source: Pick<Source, 'script' | 'scriptMap'>): string[] {
  const q = normalizeQuery(query);
  if (!hasHan(q) || !source.script || !source.scriptMap) return [q];
  return indexSpellings(q, source.script, source.scriptMap);
}

/** Overlapping two-character pairs of a run of Han characters (the run itself if shorter than 3). */
export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 3) return [run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * Whether Pagefind's query segmentation (Intl.Segmenter, as in Pagefind's own JS) keeps a run of
 * three or more Han characters as one word. Those are the words the index can lack on a page
 * where jieba cut the text differently (用水資源 → 用水 / 資源: 水資源 then misses that page);
 * pieces of one or two characters are always indexed (1.6 indexes every character pair). Without
 * Intl.Segmenter, assume it does.
 */
export function hasLongWord(text: string): boolean {
  return words(text).some((w) => hasHan(w) && [...w].length >= 3);
}

/** The query's words as Intl.Segmenter cuts them (the whole text when it is unavailable). */
function words(text: string): string[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) return [text];
  return [...new Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.segment).filter((w) => w.trim() !== '');
}

/**
 * The query strings sent to Pagefind for one (normalised, converted) query, per tier. The pair
 * fallback (tier 2) runs only when it can find more: when the segmenter keeps a long word whole.
 * Each extra variant may fetch other index chunks (~35 KB each), so it is not run blindly.
 */
export function queryVariants(query: string): { tier: Tier; text: string }[] {
  if (!hasHan(query)) return [{ tier: 1, text: query }];
  const tokens = query.split(' ');
  const phrase = tokens.map((t) => (hasHan(t) && [...t].length > 1 ? `"${t}"` : t)).join(' ');
  // pairs only for the long words; shorter words stay whole (fewer terms, fewer index chunks)
  const pairs = tokens.flatMap((t) =>
    hasHan(t) ? t.replace(HAN_RUN, (run) => ` ${words(run).flatMap((w) => ([...w].length >= 3 ? bigrams(w) : [w])).join(' ')} `).trim().split(/\s+/) : [t],
  );
  const variants: { tier: Tier; text: string }[] = [
    { tier: 0, text: phrase },
    { tier: 1, text: query },
    ...(hasLongWord(query) ? [{ tier: 2 as Tier, text: [...new Set(pairs)].join(' ') }] : []),
  ];
  // identical strings run once, under their best tier
  return variants.filter((v, i) => variants.findIndex((w) => w.text === v.text) === i);
}

function pagefindFilters(filters: Record<string, string[]> | undefined): PagefindFilters | undefined {
  if (!filters) return undefined;
  const out: PagefindFilters = {};
  for (const [key, values] of Object.entries(filters)) if (values.length > 0) out[key] = { any: values };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Searches every source with every variant; one hit per page, best tier first then score. */
async function collect(sources: Source[], query: string, filterValues: Record<string, string[]> | undefined, tiers: readonly Tier[]): Promise<Hit[]> {
  const filters = pagefindFilters(filterValues);
  const hits = new Map<string, Hit>();
  const order: string[] = [];
  for (const source of sources) {
    const spellings = spellingsFor(query, source);
    if (spellings[0] === '' && !filters) continue;
    const variants: { tier: Tier; text: string | null }[] = [];
    if (spellings[0] === '') variants.push({ tier: 1, text: null });
    else
      for (const spelling of spellings)
        for (const v of queryVariants(spelling)) if (tiers.includes(v.tier) && !variants.some((w) => w.text === v.text)) variants.push(v);
    for (const variant of variants) {
      const response = await source.api.search(variant.text, filters ? { filters } : {});
      for (const result of response?.results ?? []) {
        const key = `${source.kind}:${result.id}`;
        const known = hits.get(key);
        if (!known) {
          hits.set(key, { id: result.id, score: result.score, tier: variant.tier, source, result });
          order.push(key);
        } else if (variant.tier < known.tier) {
          known.tier = variant.tier;
        }
      }
    }
  }
  const sourceRank = (h: Hit) => sources.indexOf(h.source);
  return order.map((k) => hits.get(k)!).sort((a, b) => sourceRank(a) - sourceRank(b) || a.tier - b.tier || b.score - a.score);
}

/**
 * Searches every source with every variant and merges the hits: one per page, best tier first,
 * then Pagefind's score. Sorted by year, it runs one such pass per year (newest or oldest first):
 * Pagefind's own sort orders each variant's response, but not the merge of several.
 */
export async function runQuery(sources: Source[], query: string, options: QueryOptions = {}): Promise<Hit[]> {
  const tiers = options.tiers ?? [0, 1, 2];
  if (!options.sort || options.sort === 'relevance') return collect(sources, query, options.filters, tiers);
  const years = new Set<string>();
  for (const source of sources) for (const y of Object.keys((await source.api.filters?.())?.year ?? {})) years.add(y);
  const chosen = options.filters?.year;
  const order = [...years].filter((y) => !chosen?.length || chosen.includes(y)).sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : 1));
  if (options.sort === 'year-desc') order.reverse();
  const out: Hit[] = [];
  for (const year of order) out.push(...(await collect(sources, query, { ...options.filters, year: [year] }, tiers)));
  return out;
}

/** Page URL without fragment or trailing index.html, as results and ground truth compare. */
export function pageKey(url: string): string {
  return url.replace(/#.*$/, '').replace(/index\.html$/, '');
}

/**
 * Whether a result's text holds the query as typed (in one of the index's spellings): every Chinese
 * word of it, contiguous. Pages found only through Pagefind's segmentation or the pair fallback
 * that fail this are shown as related matches. English queries are trusted to Pagefind (stemming).
 */
export function isExactMatch(query: string, source: Pick<Source, 'script' | 'scriptMap'>, content: string): boolean {
  const q = normalizeQuery(query);
  if (!hasHan(q)) return true;
  const text = content.replace(/\s+/g, '');
  return spellingsFor(q, source).some((spelling) =>
    spelling
      .split(' ')
      .filter(hasHan)
      .every((word) => text.includes(word)),
  );
}

/**
 * Pagefind highlights the pieces its segmenter matched (for 碳中和 each 碳 and 和). When the excerpt
 * holds the query's words contiguously, mark those instead; otherwise keep Pagefind's marks.
 * `excerpt` is Pagefind's escaped HTML (text plus <mark>); the result is the same kind of HTML.
 */
export function highlightExcerpt(excerpt: string, query: string, source: Pick<Source, 'script' | 'scriptMap'>): string {
  const q = normalizeQuery(query);
  if (!hasHan(q)) return excerpt;
  const plain = excerpt.replace(/<\/?mark>/g, '');
  const words = [...new Set(spellingsFor(q, source).flatMap((s) => s.split(' ').filter(hasHan)))].sort((a, b) => b.length - a.length);
  if (!words.some((w) => plain.includes(w))) return excerpt;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return plain.replace(new RegExp(escaped.join('|'), 'g'), (m) => `<mark>${m}</mark>`);
}
