/**
 * Stage (reports that print no HKEX index): derive HKEX tags from a report organised by the Code's
 * own aspects. A unit whose title, or one of its `##` headings, *is* an aspect title (after the
 * numbering and the `Aspect` / `層面` words are taken off) carries that aspect; inside such a unit a
 * bare KPI code of that aspect (`A1.1`) counts too, and anywhere a code written with its keyword
 * (`KPI B5.2`, `關鍵績效指標A1.1`) counts. The tags are derived by us, not printed by the issuer:
 * the pipeline writes them to `frameworks.hkexDerived`, never to `frameworks.hkex`.
 *
 * Titles come from the edition's catalogue in every language it holds (en, zh-Hant; Simplified is
 * matched through a Traditional → Simplified conversion of both sides), plus a few wordings issuers
 * commonly print instead of the Code's (keyed by the catalogue's English title).
 */
import { ConverterFactory, Locale } from 'opencc-js';
import type { Lang } from './types.ts';

export interface AspectUnit { id: string; title: string; headings: string[]; text: string }
/** An aspect or KPI of an HKEX edition (content/frameworks/<edition>.yaml). */
export interface AspectItem { code: string; kind: 'aspect' | 'kpi'; aspect?: string; titles: string[]; deleted?: boolean }
export interface DerivedTags {
  id: string;
  /** aspects whose title is the unit's title or one of its headings */
  aspects: string[];
  /** KPI codes mentioned in the unit (bare codes of its aspects, or any code with its keyword) */
  kpis: string[];
  /** aspects then KPIs, in catalogue order */
  codes: string[];
  /** not printed by the issuer */
  derived: true;
}

/** Well-known wordings issuers print for an aspect, by the catalogue's English title. */
const ALTERNATIVES: Record<string, string[]> = {
  Emissions: ['Air Emissions', 'Emission', '排放', '廢氣排放'],
  'Use of Resources': ['Resource Use', 'Use of Resource', '資源利用'],
  'The Environment and Natural Resources': ['Environment and Natural Resources'],
  'Climate Change': ['應對氣候變化'],
  Employment: ['僱用', '雇傭'],
  'Health and Safety': ['Occupational Health and Safety', '職業健康與安全', '職業健康及安全', '健康及安全'],
  'Development and Training': ['Training and Development', '培訓及發展', '培訓與發展'],
  'Labour Standards': ['Labor Standards', '勞工標準'],
  'Supply Chain Management': ['供應商管理'],
  'Anti-corruption': ['Anti-Corruption', 'Anti-bribery and Anti-corruption', '反腐敗', '反貪腐', '反貪污及反賄賂'],
  'Community Investment': ['Community Investments', '社區參與', '社區投資及參與'],
};

/** a line that opens with an aspect code (`層面A1：排放物`, `B1 Employment`), not a KPI code (`A1.1`) */
export const ASPECT_CODE_LINE = /^(?:aspect|層面|层面)?\s*[AB]\d{1,2}(?!\d|\.\d)\s*(?:[.:：、．\-–—]|\s|(?=\p{Script=Han}))/iu;

let t2s: ((s: string) => string) | null = null;
const toSimplified = (s: string) => (t2s ??= ConverterFactory(Locale.from.hk, Locale.to.cn) as (s: string) => string)(s);

const HAN_NUM = '[一二三四五六七八九十]{1,3}';
/** numbering and aspect words in front of a title; applied until none is left */
const PREFIXES: RegExp[] = [
  /^(?:aspect|層面|层面|範疇|范畴)\s*/iu,
  /^[A-D]\d{1,2}(?:\.\d{1,2})?(?=[\s.:：、．)）\-–—|]|\p{Script=Han}|$)\.?/u,
  /^[(（]?(?:[a-h]|[ivx]{1,4})[)）]\s*/iu,
  /^[ivx]{1,4}\.\s+/iu,
  /^\d{1,2}(?:\.\d{1,2})*(?=[\s.:：、．)）]|\p{Script=Han}|$)[.)）]?/u,
  new RegExp(`^[(（]?${HAN_NUM}[)）、.．]`, 'u'),
  new RegExp(`^第${HAN_NUM}[章節节部分]`, 'u'),
  /^[\s:：.、．\-–—|•●▪■◆]+/u,
];
/** a trailing code (`Emissions (A1)`), a continuation mark, a page number after spaces */
const SUFFIXES: RegExp[] = [/\s*[(（]?[AB]\d{1,2}[)）]?$/u, /\s*[(（](?:continued|cont'd|續|续)[)）]$/iu, /\s{2,}\d{1,3}$/u];

/** The comparable form of a title: without numbering, case, spacing, punctuation and script. */
export function titleKey(s: string): string {
  let t = s.normalize('NFKC').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of [...PREFIXES, ...SUFFIXES]) {
      const next = t.replace(re, '').trim();
      if (next !== t && next) { t = next; changed = true; }
    }
  }
  t = toSimplified(t).toLowerCase().replace(/&/g, ' and ').replace(/^the\s+/, '');
  return t.replace(/[与和及]/g, '和').replace(/[^\p{L}\p{N}]/gu, '');
}

/** KPI codes after their keyword, lists included: `KPIs A1.1 and A1.2`, `關鍵績效指標A1.1、A1.2`. */
const KEYWORD = /(?:\bKPIs?|關鍵績效指標|关键绩效指标)\s*[(（]?\s*([AB]\d{1,2}\.\d{1,2}(?:\s*(?:,|、|，|and|及|和|與|与|&|\/)\s*[AB]\d{1,2}\.\d{1,2})*)(?![\d%])/giu;
/** a bare KPI code: not part of a longer Latin token, a number (`A1.5%`, `A1.55`) or a word */
const BARE = /(?<![A-Za-z0-9.])([AB]\d{1,2}\.\d{1,2})(?![A-Za-z0-9%]|\.\d)/gu; // CJK may touch it: `見A1.3。`
const CODE = /[AB]\d{1,2}\.\d{1,2}/g;

interface Matcher { order: Map<string, number>; byKey: Map<string, string>; kpis: Map<string, AspectItem> }
const matchers = new WeakMap<AspectItem[], Matcher>();
function matcher(catalogue: AspectItem[]): Matcher {
  let m = matchers.get(catalogue);
  if (m) return m;
  const byKey = new Map<string, string>();
  for (const item of catalogue) {
    if (item.kind !== 'aspect' || item.deleted) continue;
    for (const t of [...item.titles, ...item.titles.flatMap((x) => ALTERNATIVES[x] ?? [])]) {
      const k = titleKey(t);
      if (k && !byKey.has(k)) byKey.set(k, item.code);
    }
  }
  m = { order: new Map(catalogue.map((c, i) => [c.code, i])), byKey, kpis: new Map(catalogue.filter((c) => c.kind === 'kpi' && !c.deleted).map((c) => [c.code, c])) };
  matchers.set(catalogue, m);
  return m;
}

export function deriveAspectTags(units: AspectUnit[], lang: Lang, catalogue: AspectItem[]): DerivedTags[] {
  void lang; // titles of every language are tried: a Chinese report may head a section in English
  const { order, byKey, kpis } = matcher(catalogue);
  const sort = (codes: Iterable<string>) => [...new Set(codes)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return units.map((u) => {
    const aspects = sort([u.title, ...u.headings].flatMap((h) => byKey.get(titleKey(h)) ?? []));
    const found: string[] = [];
    for (const m of u.text.matchAll(KEYWORD)) for (const c of m[1].match(CODE) ?? []) if (kpis.has(c)) found.push(c);
    if (aspects.length) for (const m of u.text.matchAll(BARE)) if (aspects.includes(kpis.get(m[1])?.aspect ?? '')) found.push(m[1]);
    const k = sort(found);
    return { id: u.id, aspects, kpis: k, codes: sort([...aspects, ...k]), derived: true as const };
  });
}

/** Aspects and KPIs of a catalogue file's `items` (titles in every language; `printed` holds wording, not titles). */
export function aspectItems(items: unknown[]): AspectItem[] {
  return (items as any[])
    .filter((i) => i && (i.kind === 'aspect' || i.kind === 'kpi') && typeof i.code === 'string')
    .map((i) => ({
      code: i.code,
      kind: i.kind,
      ...(i.aspect ? { aspect: i.aspect } : {}),
      titles: Object.values(i.title ?? {}).filter((t): t is string => typeof t === 'string'),
      ...(i.deleted ? { deleted: true } : {}),
    }));
}
