/**
 * Stage 0: detect the language/script of a source text and its page layout (the "profile").
 *
 * Script: Latin letters vs Han ideographs decide English vs Chinese (en when fewer than 10 % of
 * the letters are Han). Chinese text is then told apart by its characters: a character that
 * opencc-js changes when converting Traditional → Simplified is Traditional-only (`們`, `環`),
 * one that changes Simplified → Traditional is Simplified-only (`们`, `环`). The text is zh-Hans
 * when Simplified-only occurrences outnumber Traditional-only ones, else zh-Hant (HKEX's default
 * script; also the answer for text made only of characters common to both scripts).
 *
 * Layout: `running-headers` when the text repeats a short line (company / report title) at least
 * three times, each time next to a bare page number (see running-headers.ts), or a short line
 * printed with its folio repeats on at least 3 pages (folio-headers.ts); otherwise `folio`
 * (pages from folios and form feeds, split-pages.ts).
 *
 * `--lang` overrides the script; the layout is always detected.
 */
import { ConverterFactory, Locale } from 'opencc-js';
import type { Lang, Line } from './types.ts';
import { findRunningHeaders } from './running-headers.ts';
import { findFolioHeaders } from './folio-headers.ts';
import { readSource, toLines } from './read-source.ts';

export type Layout = 'folio' | 'running-headers';

export interface ScriptCounts { latin: number; han: number; traditional: number; simplified: number }

export interface Profile {
  lang: Lang;
  /** the language was given (`--lang`), not detected */
  forced: boolean;
  layout: Layout;
  counts: ScriptCounts;
  /** one line for the CLI: what was detected and why */
  summary: string;
}

type Conv = (s: string) => string;
let t2s: Conv | null = null;
let s2t: Conv | null = null;
const converters = (): [Conv, Conv] => {
  t2s ??= ConverterFactory(Locale.from.hk, Locale.to.cn) as Conv;
  s2t ??= ConverterFactory(Locale.from.cn, Locale.to.hk) as Conv;
  return [t2s, s2t];
};

const LATIN = /\p{Script=Latin}/u;
const HAN = /\p{Script=Han}/u;
/** Han share (of Latin + Han letters) under which a text is English. */
export const HAN_SHARE_EN = 0.1;

/** Count Latin letters, Han ideographs, and Traditional-only / Simplified-only occurrences. */
export function countScripts(text: string): ScriptCounts {
  let latin = 0;
  let han = 0;
  const freq = new Map<string, number>();
  for (const ch of text) {
    if (LATIN.test(ch)) latin++;
    else if (HAN.test(ch)) { han++; freq.set(ch, (freq.get(ch) ?? 0) + 1); }
  }
  let traditional = 0;
  let simplified = 0;
  if (freq.size) {
    const [ts, st] = converters();
    // one pass over the distinct characters: converting them one per line keeps phrase rules out
    const chars = [...freq.keys()];
    const asT = ts(chars.join('\n')).split('\n');
    const asS = st(chars.join('\n')).split('\n');
    chars.forEach((c, i) => {
      if (asT[i] !== undefined && asT[i] !== c) traditional += freq.get(c)!;
      if (asS[i] !== undefined && asS[i] !== c) simplified += freq.get(c)!;
    });
  }
  return { latin, han, traditional, simplified };
}

export function scriptOf(c: ScriptCounts): Lang {
  if (c.han + c.latin === 0 || c.han < HAN_SHARE_EN * (c.han + c.latin)) return 'en';
  return c.simplified > c.traditional ? 'zh-Hans' : 'zh-Hant';
}

/** Detect the profile of a decoded source text. `lang` (from `--lang`) wins over detection. */
export function detectProfile(text: string, lines: Line[], lang?: Lang): Profile {
  const counts = countScripts(text);
  const detected = scriptOf(counts);
  const rh = findRunningHeaders(lines);
  const zones = rh.headers.length && rh.pages >= 3;
  const fh = zones ? [] : findFolioHeaders(lines);
  const layout: Layout = zones || fh.length ? 'running-headers' : 'folio';
  const total = counts.latin + counts.han;
  const why =
    detected === 'en'
      ? `${total ? Math.round((100 * counts.latin) / total) : 0}% Latin letters`
      : `${Math.round((100 * counts.han) / total)}% Han; ${counts.traditional} Traditional-only vs ${counts.simplified} Simplified-only characters`;
  const layoutWhy = zones ? `running headers on ${rh.pages} pages ("${rh.headers[0]}")`
    : fh.length ? `running headers with folio on ${new Set(fh.map((h) => h.folio)).size} pages ("${lines[fh[0].i].text}")` : 'folio pages';
  const summary = lang
    ? `language ${lang} (--lang; the text looks ${detected}: ${why}), layout ${layoutWhy}`
    : `detected language ${detected} (${why}), layout ${layoutWhy}`;
  return { lang: lang ?? detected, forced: !!lang, layout, counts, summary };
}

/** Decode a source (ImportError on unusable input, naming `name`) and detect its profile. */
export function detectInput(data: Uint8Array | string, name: string, lang?: Lang): Profile {
  const text = readSource(data, name);
  return detectProfile(text, toLines(text), lang);
}
