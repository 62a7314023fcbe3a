/**
 * Sections of two reports on the same topic by their text, for reports whose sections share no
 * HKEX code and no title (a report whose index was lost in extraction; chapters renamed between
 * years: 應對氣候變化 ⇄ 附录五 气候风险和机遇评估报告). Each section becomes a TF-IDF vector of its
 * terms (Han character pairs after folding to one script, Latin words of 3+ letters); two sections
 * match when each is the other's most similar section in the other report (mutual best match) and
 * their cosine similarity reaches `floor`. Pure.
 */
export type Fold = (text: string) => string;

/** Term counts of a text: Han character bigrams (after `fold`) and lower-cased Latin words. */
export function termCounts(text: string, fold: Fold): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (t: string) => counts.set(t, (counts.get(t) ?? 0) + 1);
  const plain = fold(text.normalize('NFKC'))
    .replace(/<[^>]*>/g, ' ') // MDX/HTML tags
    .replace(/\]\([^)]*\)/g, ']'); // link targets
  for (const run of plain.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, i + 2));
  for (const word of plain.match(/[A-Za-z]{3,}/g) ?? []) add(word.toLowerCase());
  return counts;
}

export type Vector = Map<string, number>;

/** Unit-length TF-IDF vectors (log-scaled term frequency; IDF over the documents given). */
export function tfidf(docs: readonly Map<string, number>[]): Vector[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return docs.map((d) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, c] of d) {
      const w = (1 + Math.log(c)) * Math.log(docs.length / df.get(t)!);
      if (w <= 0) continue;
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o) s += w * o;
  }
  return s;
}

/** Default floor: below it, sections share only the report's common vocabulary (measured on the archive, docs/architecture.md). */
export const SIMILARITY_FLOOR = 0.1;

/** Index pairs [i in a, j in b, similarity] where each is the other's best match and the similarity reaches `floor`. */
export function mutualBestMatches(a: readonly Vector[], b: readonly Vector[], floor = SIMILARITY_FLOOR): [number, number, number][] {
  if (!a.length || !b.length) return [];
  const sim = a.map((x) => b.map((y) => cosine(x, y)));
  const bestOfA = sim.map((row) => row.indexOf(Math.max(...row)));
  const bestOfB = b.map((_, j) => {
    let best = 0;
    for (let i = 1; i < a.length; i++) if (sim[i]![j]! > sim[best]![j]!) best = i;
    return best;
  });
  return bestOfA.flatMap((j, i) => (bestOfB[j] === i && sim[i]![j]! >= floor ? [[i, j, sim[i]![j]!] as [number, number, number]] : []));
}
