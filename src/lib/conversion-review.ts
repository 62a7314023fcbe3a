/**
 * Review of script conversion output: finds words where opencc picked the wrong form of a
 * one-to-many character (人生发展 → 人生髮展, 清关系统 → 清關係統) by comparing the converted text
 * with text authored in the target script. Pure over strings; see docs/script-conversion.md.
 *
 * A converted character is a candidate when its source character has several forms in the target
 * script (发 → 發/髮). A bigram around it is flagged when that bigram occurs nowhere in authored
 * text of the target script while the bigram written with another form does (髮展 never, 發展 often).
 */
import type { Dictionary, Script } from './script-convert.ts';

export interface AuthoredText {
  script: Script;
  text: string;
}

export interface ConvertedText {
  file: string;
  line: number;
  /** The converted text (target script). */
  text: string;
  /** The text it was converted from (the other script), same line. */
  source: string;
  /** Script of `text`. */
  script: Script;
}

/** Source character → its forms in the target script (two or more), per target script. */
export type Alternatives = Record<Script, ReadonlyMap<string, readonly string[]>>;

/** A converted spelling known to be right although the authored text never writes it. */
export interface AllowEntry {
  script: Script;
  /** Converted text around the flagged character (e.g. 頭髮 allows the 髮 of every 頭髮). */
  writes: string;
  reason: string;
}

export interface Finding {
  file: string;
  line: number;
  script: Script;
  /** The converted word (flagged bigram with up to two characters of context each side). */
  word: string;
  /** The flagged bigram as converted, and as authored text writes it. */
  bigram: string;
  authoredBigram: string;
  /** `word` with the other form (the likely right spelling). */
  suggestion: string;
  why: string;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Every pair of adjacent Han characters of the texts. */
function bigrams(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    const chars = [...t];
    for (let i = 0; i + 1 < chars.length; i++) {
      if (HAN.test(chars[i]!) && HAN.test(chars[i + 1]!)) out.add(chars[i]! + chars[i + 1]!);
    }
  }
  return out;
}

/**
 * Builds the one-to-many table from aligned dictionary pairs (source word, target word of the same
 * length): every source character that is written in two or more ways in the target script.
 * `variant` maps a target character to the glyph the converter actually writes (e.g. HK forms).
 */
export function alternativesFromPairs(pairs: Iterable<readonly [string, string]>, variant: (c: string) => string = (c) => c): Map<string, string[]> {
  const forms = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    const s = [...a];
    const t = [...b];
    if (s.length !== t.length) continue;
    s.forEach((c, i) => {
      const set = forms.get(c) ?? new Set<string>();
      set.add(variant(t[i]!));
      forms.set(c, set);
    });
  }
  const out = new Map<string, string[]>();
  for (const [c, set] of [...forms].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    if (set.size > 1) out.set(c, [...set].sort());
  }
  return out;
}

/** An allow entry whose text, found in the converted line, covers the character at `at`. */
function allowed(allow: readonly AllowEntry[], script: Script, chars: readonly string[], at: number): boolean {
  const line = chars.join('');
  const from = chars.slice(0, at).join('').length; // UTF-16 offset of the character
  for (const a of allow) {
    if (a.script !== script) continue;
    for (let i = line.indexOf(a.writes); i !== -1; i = line.indexOf(a.writes, i + 1)) {
      if (i <= from && i + a.writes.length > from) return true;
    }
  }
  return false;
}

/**
 * Suspicious words of converted texts, in input order. A converted line whose length differs from
 * its source (characters added or removed by a dictionary entry) cannot be aligned and is skipped.
 */
export function reviewConversion(
  authored: readonly AuthoredText[],
  converted: readonly ConvertedText[],
  alternatives: Alternatives,
  allow: readonly AllowEntry[] = [],
): Finding[] {
  const corpus: Record<Script, Set<string>> = {
    'zh-Hant': bigrams(authored.filter((a) => a.script === 'zh-Hant').map((a) => a.text)),
    'zh-Hans': bigrams(authored.filter((a) => a.script === 'zh-Hans').map((a) => a.text)),
  };
  const findings: Finding[] = [];
  for (const c of converted) {
    const out = [...c.text];
    const src = [...c.source];
    if (out.length !== src.length) continue;
    const known = corpus[c.script];
    const alts = alternatives[c.script];
    out.forEach((ch, i) => {
      const forms = alts.get(src[i]!);
      if (!forms || !forms.includes(ch) || allowed(allow, c.script, out, i)) return;
      for (const start of [i, i - 1]) {
        if (start < 0 || start + 1 >= out.length) continue;
        const pair = out[start]! + out[start + 1]!;
        if (!HAN.test(out[start]!) || !HAN.test(out[start + 1]!) || known.has(pair)) continue;
        const form = forms.find((f) => f !== ch && known.has(start === i ? f + out[i + 1] : out[i - 1] + f));
        if (!form) continue;
        // The word: up to two characters before and one after the flagged one, within the Han run.
        let a = i;
        while (a > 0 && a > i - 2 && HAN.test(out[a - 1]!)) a--;
        let b = i + 1;
        while (b < out.length && b < i + 2 && HAN.test(out[b]!)) b++;
        const word = out.slice(a, b).join('');
        const suggestion = [...out.slice(a, i), form, ...out.slice(i + 1, b)].join('');
        const other = start === i ? form + out[i + 1] : out[i - 1] + form;
        findings.push({
          file: c.file,
          line: c.line,
          script: c.script,
          word,
          bigram: pair,
          authoredBigram: other,
          suggestion,
          why: `${src[i]} has the forms ${forms.join('/')} in ${c.script}; authored ${c.script} text writes ${other} but never ${pair}`,
        });
        break; // one finding per converted character
      }
    });
  }
  return findings;
}

/**
 * Parses the allow-list (content/conversion-allow.yaml, already YAML-parsed):
 *   allow:
 *     - { zh-Hant: 頭髮, reason: "hair: right, the authored text never needs it" }
 */
export function parseAllowList(doc: unknown, source = '<allow-list>'): AllowEntry[] {
  if (doc == null) return [];
  const list = (doc as { allow?: unknown }).allow;
  if (typeof doc !== 'object' || Array.isArray(doc) || Object.keys(doc).some((k) => k !== 'allow') || (list != null && !Array.isArray(list))) {
    throw new Error(`${source}: expected a mapping with one key, allow: (a list of { zh-Hant or zh-Hans: converted text, reason: why it is right })`);
  }
  return ((list ?? []) as unknown[]).map((item, i) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const scripts = (['zh-Hant', 'zh-Hans'] as const).filter((s) => typeof o[s] === 'string' && (o[s] as string).trim() !== '');
    const extra = Object.keys(o).filter((k) => !['zh-Hant', 'zh-Hans', 'reason'].includes(k));
    if (scripts.length !== 1 || typeof o.reason !== 'string' || o.reason.trim() === '' || extra.length > 0) {
      throw new Error(`${source}: allow[${i}]: give one of zh-Hant / zh-Hans (the converted text) and a reason`);
    }
    return { script: scripts[0]!, writes: (o[scripts[0]!] as string).trim(), reason: o.reason.trim() };
  });
}

/** Spellings the dictionary writes were chosen by a reader: the review leaves them alone. */
export function dictionaryAllowList(dictionary: Dictionary): AllowEntry[] {
  return dictionary.entries.flatMap((e) =>
    (['zh-Hant', 'zh-Hans'] as const).map((script) => ({ script, writes: e[script][0]!, reason: `dictionary entry (${e.source ?? 'dictionary'})` })),
  );
}
