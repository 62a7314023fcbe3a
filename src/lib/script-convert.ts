/**
 * Chinese script conversion (Traditional ⇄ Simplified) for the /sc/ and derived /tc/ editions.
 *
 * Pure functions on strings. Built on opencc-js with the Hong Kong locale:
 *   zh-Hant → zh-Hans: HK variants → OpenCC standard, then Taiwan variants → OpenCC standard
 *                      (HK filings mix in Taiwan forms such as 著/臺), then standard → mainland (cn).
 *   zh-Hans → zh-Hant: mainland (cn) → OpenCC standard → Hong Kong (hk).
 * On top of that, a project dictionary (content/dictionaries/*.yaml) pins names and terms,
 * and everything ASCII (KPI codes, numbers, Latin text), URLs and e-mail addresses pass through
 * untouched. See docs/script-conversion.md.
 */
import { ConverterFactory, Locale } from 'opencc-js';
import { parse as parseYaml } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { alternativesFromPairs, type Alternatives } from './conversion-review.ts';

export type Script = 'zh-Hant' | 'zh-Hans';
export type TextConverter = (text: string) => string;

/** One dictionary entry. Each side lists its spellings; the first one is the canonical output. */
export interface DictionaryEntry {
  kind: 'name' | 'term';
  'zh-Hant': string[];
  'zh-Hans': string[];
  /** File the entry came from (for error messages and docs). */
  source?: string;
  note?: string;
}

export interface Dictionary {
  entries: DictionaryEntry[];
}

export const emptyDictionary: Dictionary = Object.freeze({ entries: [] }) as Dictionary;

export interface ConverterOptions {
  from: Script;
  to: Script;
  dictionary?: Dictionary;
  /**
   * Convert corner brackets: zh-Hant→zh-Hans turns 「」『』 into “”‘’ (mainland usage);
   * zh-Hans→zh-Hant turns “”‘’ next to Chinese text into 「」『』 (Hong Kong usage). Default true.
   */
  quotes?: boolean;
}

// ---------------------------------------------------------------------------
// opencc-js base converters, built once per direction (building cn→hk takes ~0.3 s).

const baseCache = new Map<string, TextConverter>();
let checker: TextConverter | undefined;

function baseConverter(from: Script, to: Script): TextConverter {
  const key = `${from}>${to}`;
  let conv = baseCache.get(key);
  if (!conv) {
    if (from === 'zh-Hant' && to === 'zh-Hans') {
      conv = ConverterFactory(Locale.from.hk, Locale.from.tw, Locale.to.cn);
    } else if (from === 'zh-Hans' && to === 'zh-Hant') {
      conv = ConverterFactory(Locale.from.cn, Locale.to.hk);
    } else {
      throw new Error(`script-convert: unsupported direction ${key} (use zh-Hant→zh-Hans or zh-Hans→zh-Hant)`);
    }
    baseCache.set(key, conv);
  }
  return conv;
}

// ---------------------------------------------------------------------------
// Protected spans: URLs, e-mail addresses, dictionary terms. Everything ASCII is also passed through.

/** Characters that end a URL inside Chinese text (full-width punctuation and brackets). */
const URL_STOP = '\\s<>"\'（）「」『』《》〈〉【】，。、；：！？…“”‘’';
const URL_RE_SRC = `(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\\.)[^${URL_STOP}]+`;
const EMAIL_RE_SRC = `[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}`;
/** Runs the base converter never sees: ASCII (codes like A1.1, numbers, Latin words, markup-free text). */
const ASCII_RUN = /[\u0000-\u007f]+/g;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface DictIndex {
  re: RegExp | null;
  map: Map<string, string>;
}

const dictIndexCache = new WeakMap<Dictionary, Map<string, DictIndex>>();

/** Map of every source spelling → canonical target spelling for one direction; longest source first. */
function dictIndex(dictionary: Dictionary, from: Script, to: Script): DictIndex {
  let perDir = dictIndexCache.get(dictionary);
  if (!perDir) {
    perDir = new Map();
    dictIndexCache.set(dictionary, perDir);
  }
  const key = `${from}>${to}`;
  let idx = perDir.get(key);
  if (!idx) {
    const map = new Map<string, string>();
    for (const e of dictionary.entries) {
      const target = e[to][0];
      for (const src of e[from]) if (!map.has(src)) map.set(src, target);
    }
    const keys = [...map.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    idx = { map, re: keys.length ? new RegExp(keys.map(escapeRe).join('|'), 'g') : null };
    perDir.set(key, idx);
  }
  return idx;
}

/** Split text into [protected?, piece] segments: URLs, e-mail addresses and dictionary hits are protected. */
function segments(text: string, dict: DictIndex | null): Array<{ text: string; replace?: string; keep?: boolean }> {
  const out: Array<{ text: string; replace?: string; keep?: boolean }> = [];
  const re = new RegExp(`${URL_RE_SRC}|${EMAIL_RE_SRC}${dict?.re ? `|${dict.re.source}` : ''}`, 'g');
  let last = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > last) out.push({ text: text.slice(last, i) });
    const hit = m[0];
    const mapped = dict?.map.get(hit);
    if (mapped !== undefined) out.push({ text: hit, replace: mapped });
    else out.push({ text: hit, keep: true });
    last = i + hit.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** Apply the base converter to non-ASCII runs only, so ASCII can never be altered. */
function convertNonAscii(text: string, conv: TextConverter): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(ASCII_RUN)) {
    const i = m.index ?? 0;
    if (i > last) out += conv(text.slice(last, i));
    out += m[0];
    last = i + m[0].length;
  }
  if (last < text.length) out += conv(text.slice(last));
  return out;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

function quotesToMainland(s: string): string {
  return s.replace(/[「」『』]/g, (c) => ({ '「': '“', '」': '”', '『': '‘', '』': '’' })[c] ?? c);
}

/**
 * “…” and ‘…’ become 「…」 and 『…』 when the quoted text holds Chinese (English quotes stay).
 * A quote whose partner lies in another text node is converted when the character inside the
 * quotation next to it is Chinese.
 */
function quotesToHongKong(s: string): string {
  const hasZh = (t: string) => HAN.test(t);
  let out = s
    .replace(/“([^“”]*)”/g, (m, inner: string) => (hasZh(inner) ? `「${inner}」` : m))
    .replace(/‘([^‘’]*)’/g, (m, inner: string) => (hasZh(inner) && !/[A-Za-z]’[A-Za-z]/.test(m) ? `『${inner}』` : m));
  if (!/[“”]/.test(out)) return out;
  const chars = [...out];
  const lastClose = chars.lastIndexOf('”');
  const firstOpen = chars.indexOf('“');
  out = chars
    .map((c, i) => {
      if (c === '“' && lastClose < i && hasZh(chars[i + 1] ?? '')) return '「';
      if (c === '”' && (firstOpen === -1 || firstOpen > i) && hasZh(chars[i - 1] ?? '')) return '」';
      return c;
    })
    .join('');
  return out;
}

const converterCache = new WeakMap<Dictionary, Map<string, TextConverter>>();

/**
 * Returns a pure `(text) => string` converting between scripts. Cached per direction and dictionary.
 * Unchanged: ASCII (codes like A1.1 / KPI B6.5, numbers, Latin words), URLs, e-mail addresses.
 * Dictionary spellings are replaced by the entry's canonical spelling in the target script.
 */
export function createConverter(options: ConverterOptions): TextConverter {
  const { from, to, dictionary = emptyDictionary, quotes = true } = options;
  if (from === to) return (text) => text;
  let perDict = converterCache.get(dictionary);
  if (!perDict) {
    perDict = new Map();
    converterCache.set(dictionary, perDict);
  }
  const key = `${from}>${to}>${quotes}`;
  const cached = perDict.get(key);
  if (cached) return cached;

  const base = baseConverter(from, to);
  const dict = dictIndex(dictionary, from, to);
  const fixQuotes = !quotes ? (s: string) => s : to === 'zh-Hans' ? quotesToMainland : quotesToHongKong;
  const conv: TextConverter = (text) => {
    if (!text || !/[^\u0000-\u007f]/.test(text)) return text; // pure ASCII: nothing to do
    let out = '';
    for (const seg of segments(text, dict)) {
      if (seg.replace !== undefined) out += seg.replace;
      else if (seg.keep) out += seg.text;
      else out += convertNonAscii(seg.text, base);
    }
    // Quotes are paired over the whole text (a quotation often wraps a dictionary name).
    // URLs and e-mail addresses cannot hold them (see URL_STOP).
    return fixQuotes(out);
  };
  perDict.set(key, conv);
  return conv;
}

// ---------------------------------------------------------------------------
// Checking Simplified output

const maskCache = new WeakMap<Dictionary, RegExp>();

/** URLs, e-mail addresses and every dictionary spelling (both scripts: a pinned name is fine either way). */
function maskRegExp(dictionary: Dictionary): RegExp {
  let re = maskCache.get(dictionary);
  if (!re) {
    const names = new Set<string>();
    for (const e of dictionary.entries) for (const s of [...e['zh-Hans'], ...e['zh-Hant']]) names.add(s);
    const keys = [...names].sort((a, b) => b.length - a.length);
    re = new RegExp([URL_RE_SRC, EMAIL_RE_SRC, ...keys.map(escapeRe)].join('|'), 'g');
    maskCache.set(dictionary, re);
  }
  return re;
}

/**
 * Characters of a Simplified text that are still Traditional-only, i.e. that the zh-Hant→zh-Hans
 * conversion would change (judged in context, not character by character). Spellings listed in the
 * dictionary (e.g. a name that keeps a Traditional glyph) are ignored. Returns unique characters
 * in order of first appearance; empty when the text is clean.
 */
export function traditionalOnlyChars(text: string, dictionary: Dictionary = emptyDictionary): string[] {
  // Judge with hk→cn alone: the Taiwan step of the converter also rewrites characters that are valid
  // Simplified (著 in 显著, 么 in 饿了么) when they stand outside a Traditional phrase.
  checker ??= ConverterFactory(Locale.from.hk, Locale.to.cn);
  const base = checker;
  const maskRe = maskRegExp(dictionary);
  const masked = text.replace(maskRe, (m) => ' '.repeat(m.length));
  const found: string[] = [];
  const seen = new Set<string>();
  const note = (c: string) => {
    if (!seen.has(c)) {
      seen.add(c);
      found.push(c);
    }
  };
  // Compare run by run (non-ASCII runs between ASCII/whitespace); most conversions keep the length.
  for (const m of masked.matchAll(/[^\u0000-\u007f]+/g)) {
    const run = m[0];
    const conv = base(run);
    if (conv === run) continue;
    const a = [...run];
    const b = [...conv];
    if (a.length === b.length) {
      a.forEach((c, i) => c !== b[i] && note(c));
    } else {
      for (const c of a) if (base(c) !== c) note(c);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// Dictionaries: content/dictionaries/*.yaml

type Spelling = string | string[];

function spellings(v: unknown, where: string): string[] {
  const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : null;
  if (!list || list.length === 0 || !list.every((s) => typeof s === 'string' && s.trim() !== '')) {
    throw new Error(`${where}: expected a non-empty string or list of strings`);
  }
  return (list as string[]).map((s) => s.trim());
}

/**
 * Parse one dictionary document (already YAML-parsed). Format:
 *
 *   names:                      # people, companies, brands — never converted by opencc
 *     - 曹禺                    # same spelling in both scripts
 *     - { zh-Hant: 沈滌凡, zh-Hans: 沈涤凡 }
 *     - { zh-Hant: [甯光], zh-Hans: 宁光, note: … }   # first spelling is the output
 *   terms:                      # official HK terms and fixes of opencc output
 *     - { zh-Hant: 掃瞄, zh-Hans: 扫描 }
 */
export function parseDictionary(doc: unknown, source = '<dictionary>'): DictionaryEntry[] {
  if (doc == null) return [];
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${source}: expected a mapping with names: and/or terms:`);
  const entries: DictionaryEntry[] = [];
  for (const [key, list] of Object.entries(doc as Record<string, unknown>)) {
    if (key !== 'names' && key !== 'terms') throw new Error(`${source}: unknown key "${key}" (use names: and terms:)`);
    if (list == null) continue;
    if (!Array.isArray(list)) throw new Error(`${source}: ${key} must be a list`);
    list.forEach((item: unknown, i) => {
      const where = `${source}: ${key}[${i}]`;
      const kind = key === 'names' ? 'name' : 'term';
      if (typeof item === 'string') {
        const s = spellings(item, where);
        entries.push({ kind, 'zh-Hant': s, 'zh-Hans': s, source });
        return;
      }
      if (!item || typeof item !== 'object') throw new Error(`${where}: expected a string or { zh-Hant, zh-Hans }`);
      const o = item as Record<string, Spelling | undefined>;
      for (const k of Object.keys(o)) {
        if (!['zh-Hant', 'zh-Hans', 'note'].includes(k)) throw new Error(`${where}: unknown field "${k}"`);
      }
      if (o['zh-Hant'] === undefined && o['zh-Hans'] === undefined) throw new Error(`${where}: give zh-Hant and/or zh-Hans`);
      const hant = spellings(o['zh-Hant'] ?? o['zh-Hans'], `${where}.zh-Hant`);
      const hans = spellings(o['zh-Hans'] ?? o['zh-Hant'], `${where}.zh-Hans`);
      const entry: DictionaryEntry = { kind, 'zh-Hant': hant, 'zh-Hans': hans, source };
      if (typeof o.note === 'string') entry.note = o.note;
      entries.push(entry);
    });
  }
  return entries;
}

/** Build a dictionary from entries; a later entry for an identical spelling is rejected. */
export function makeDictionary(entries: DictionaryEntry[]): Dictionary {
  const seen = new Map<string, DictionaryEntry>();
  for (const e of entries) {
    for (const [script, list] of [['zh-Hant', e['zh-Hant']], ['zh-Hans', e['zh-Hans']]] as const) {
      for (const s of list) {
        const k = `${script}:${s}`;
        const prev = seen.get(k);
        if (prev && prev[script === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant'][0] !== e[script === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant'][0]) {
          throw new Error(`dictionary: "${s}" (${script}) is mapped twice (${prev.source} and ${e.source})`);
        }
        seen.set(k, e);
      }
    }
  }
  return { entries };
}

/** Read and merge every `*.yaml` file of a directory (default `content/dictionaries`), in file-name order. */
export function loadDictionaries(dir = join(process.cwd(), 'content', 'dictionaries')): Dictionary {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const entries: DictionaryEntry[] = [];
  for (const f of files) {
    entries.push(...parseDictionary(parseYaml(readFileSync(join(dir, f), 'utf8')), join(dir, f)));
  }
  return makeDictionary(entries);
}

// ---------------------------------------------------------------------------
// One-to-many characters of opencc-js's own dictionaries (for src/lib/conversion-review.ts)

/** Pairs of one opencc-js dictionary file (`"key value|key value…"`, first candidate only). */
function openccPairs(name: string): Array<[string, string]> {
  const dir = join(dirname(createRequire(import.meta.url).resolve('opencc-js')), '..', 'esm-lib', 'dict');
  const js = readFileSync(join(dir, `${name}.js`), 'utf8');
  const body = js.slice(js.indexOf('"') + 1, js.lastIndexOf('"'));
  return body.split('|').flatMap((e) => {
    const [k, v] = e.split(' ');
    return k && v ? [[k, v] as [string, string]] : [];
  });
}

let alternativesCache: Alternatives | undefined;

/**
 * Source characters that opencc-js writes in two or more ways, read from its character and phrase
 * dictionaries: zh-Hans → zh-Hant forms (HK glyphs), e.g. 发 → 發/髮, 系 → 係/系/繫; and
 * zh-Hant → zh-Hans forms, e.g. 乾 → 乾/干, 著 → 着/著 (HK and Taiwan variant glyphs included).
 */
export function conversionAlternatives(): Alternatives {
  if (alternativesCache) return alternativesCache;
  const hk = new Map(openccPairs('HKVariants').filter(([k]) => [...k].length === 1));
  const toHant = alternativesFromPairs(
    [...openccPairs('STCharacters'), ...openccPairs('STPhrases'), ...openccPairs('STPhrases_GeneratedFromRegionalPhrases')],
    (c) => hk.get(c) ?? c,
  );
  const toHans = alternativesFromPairs([...openccPairs('TSCharacters'), ...openccPairs('TSPhrases')]);
  for (const [variant, standard] of [...openccPairs('HKVariantsRev'), ...openccPairs('TWVariantsRev')]) {
    const forms = toHans.get(standard);
    if (forms && [...variant].length === 1 && !toHans.has(variant)) toHans.set(variant, forms);
  }
  alternativesCache = { 'zh-Hant': toHant, 'zh-Hans': toHans };
  return alternativesCache;
}
