/**
 * Archive-derived script maps for search queries. A query typed in the other script is rewritten
 * into the reader's script before it reaches the reader's index, so it finds exactly what the
 * native query finds, and results are shown from the reader's own index (in the reader's script).
 *
 * Why not opencc in the browser: Simplified → HK Traditional needs ~480 KB gz of dictionaries.
 * A query can only ever match characters that occur in the archive, so a map learnt from the
 * archive's own aligned /tc/ and /sc/ pages is complete for search purposes and a few KB.
 *
 * `chars` maps a character to its most frequent counterpart in the target script when that
 * differs from the character itself; `pairs` holds two-character contexts for characters with several counterparts
 * (发 → 發 / 髮, 干 → 乾 / 幹), chosen by their neighbour in the query.
 */

export interface DirectionMap {
  /** default counterpart of a character the target script never uses */
  chars: Record<string, string>;
  /** two-character contexts that settle an ambiguous character (a single counterpart seen) */
  pairs: Record<string, string>;
  /** every counterpart seen for an ambiguous character, most frequent first (温 → 溫, 温) */
  alts: Record<string, string>;
}

export interface ScriptMap {
  /** Simplified → Traditional (for /tc/ readers) */
  s2t: DirectionMap;
  /** Traditional → Simplified (for /sc/ readers) */
  t2s: DirectionMap;
}

const HAN = /\p{Script=Han}/u;

function learn(from: string[], to: string[]): DirectionMap {
  // counts[c][d] = how often c (in `from` texts) stands for d (in `to` texts)
  const counts = new Map<string, Map<string, number>>();
  const contexts = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, k: string, v: string) => {
    const inner = m.get(k) ?? new Map<string, number>();
    inner.set(v, (inner.get(v) ?? 0) + 1);
    m.set(k, inner);
  };
  for (let n = 0; n < from.length; n++) {
    const a = [...from[n]!];
    const b = [...to[n]!];
    if (a.length !== b.length) continue;
    for (let i = 0; i < a.length; i++) {
      if (!HAN.test(a[i]!)) continue;
      bump(counts, a[i]!, b[i]!);
      if (i > 0 && HAN.test(a[i - 1]!)) bump(contexts, a[i - 1]! + a[i]!, b[i - 1]! + b[i]!);
      if (i + 1 < a.length && HAN.test(a[i + 1]!)) bump(contexts, a[i]! + a[i + 1]!, b[i]! + b[i + 1]!);
    }
  }
  const top = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
  const chars: Record<string, string> = {};
  const ambiguous = new Set<string>();
  for (const [c, all] of counts) {
    // Stray pairings (a Simplified character left in a Traditional page, an odd conversion) are
    // noise: a counterpart must be seen at least twice and in 2% of the character's occurrences.
    const total = [...all.values()].reduce((a, b) => a + b, 0);
    const targets = new Map([...all].filter(([, n]) => n >= 2 && n >= total * 0.02));
    if (targets.size === 0) continue;
    counts.set(c, targets);
    if (targets.size > 1) ambiguous.add(c);
    const best = top(targets);
    if (best !== c) chars[c] = best;
  }
  const alts: Record<string, string> = {};
  for (const c of ambiguous) alts[c] = [...counts.get(c)!].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([t]) => t).join('');
  const pairs: Record<string, string> = {};
  for (const [pair, targets] of contexts) {
    const [x, y] = [...pair] as [string, string];
    if (!ambiguous.has(x) && !ambiguous.has(y)) continue;
    if (targets.size === 1) pairs[pair] = top(targets);
  }
  const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { chars: sorted(chars), pairs: sorted(pairs), alts: sorted(alts) };
}

/**
 * Learns both directions from aligned text chunks of the same pages: `traditional[i]` and
 * `simplified[i]` are the same text node of a /tc/ page and its /sc/ counterpart (chunks whose
 * lengths differ are skipped).
 */
export function buildScriptMap(traditional: string[], simplified: string[]): ScriptMap {
  return { s2t: learn(simplified, traditional), t2s: learn(traditional, simplified) };
}

function settled(chars: string[], i: number, map: DirectionMap): string | undefined {
  const c = chars[i]!;
  const left = i > 0 ? map.pairs[chars[i - 1]! + c] : undefined;
  if (left) return [...left][1]!;
  const right = i + 1 < chars.length ? map.pairs[c + chars[i + 1]!] : undefined;
  if (right) return [...right][0]!;
  return undefined;
}

/** Rewrites `query` with one direction of the map; characters it does not know are kept. */
export function convertQuery(query: string, map: DirectionMap): string {
  const chars = [...query];
  return chars.map((c, i) => settled(chars, i, map) ?? map.chars[c] ?? c).join('');
}

/**
 * The strings to search an index of `script` for, whatever script the query was typed in.
 * Both scripts fold to one Simplified key first, so a Traditional query and its Simplified twin
 * give the same strings. On a Traditional index the key expands to the Traditional spellings the
 * archive uses for it (温室氣體 and 溫室氣體: converted and authored text differ), at most `limit`.
 */
export function indexSpellings(query: string, script: 'zh-Hant' | 'zh-Hans', map: ScriptMap, limit = 4): string[] {
  const key = convertQuery(query, map.t2s);
  if (script === 'zh-Hans') return [key];
  const chars = [...key];
  let out: string[] = [''];
  chars.forEach((c, i) => {
    const fixed = settled(chars, i, map.s2t);
    const options = fixed ? [fixed] : map.s2t.alts[c] ? [...map.s2t.alts[c]] : [map.s2t.chars[c] ?? c];
    out = out.flatMap((prefix) => options.map((o) => prefix + o)).slice(0, limit);
  });
  return out;
}

/**
 * The Simplified → Traditional contexts are most of the map's bytes and only matter for the few
 * ambiguous characters, so they ship in a second file, fetched only for a query that has one.
 */
export function needsPairs(query: string, script: 'zh-Hant' | 'zh-Hans', map: ScriptMap): boolean {
  if (script !== 'zh-Hant') return false;
  return [...convertQuery(query, map.t2s)].some((c) => map.s2t.alts[c] !== undefined);
}

/** Splits a map into the part every Chinese query needs and the Simplified → Traditional contexts. */
export function splitScriptMap(map: ScriptMap): { core: ScriptMap; pairs: Record<string, string> } {
  return { core: { s2t: { ...map.s2t, pairs: {} }, t2s: map.t2s }, pairs: map.s2t.pairs };
}

export function withPairs(core: ScriptMap, pairs: Record<string, string>): ScriptMap {
  return { s2t: { ...core.s2t, pairs }, t2s: core.t2s };
}
