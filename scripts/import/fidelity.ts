/**
 * Fidelity: the share of the source's letters, digits and ideographs (\p{L}\p{N}), outside
 * dropped furniture lines, that appear in the output (frontmatter titles + MDX bodies) in order.
 *
 * Method: both sides are reduced to streams of \p{L}\p{N} characters, case folded (so spacing,
 * joins, punctuation, escaping and capitals do not matter). Each source line is matched as a whole substring of
 * the output stream, searching forward from where the previous line matched and then anywhere
 * (text may move: part intros, headings printed after their content become titles). A line not
 * found whole is cut into chunks of 6 characters; each chunk counts when it is found in order
 * within 4,000 output characters of the previous match. A changed character therefore costs its
 * chunk (up to 6 characters). fidelity = matched / total.
 *
 * Cost is linear in the input: chunk look-ups only read the 8,000-character window around the
 * previous match; whole-line look-ups read a window after the previous match first and then use
 * an index of the output's 8-character substrings (positions sorted per hash bucket, binary
 * search for the first candidate at or after the start, each candidate checked). Lines shorter
 * than 8 characters are looked up once per distinct text (all positions, then binary search).
 * The result equals `indexOf` except for a line whose first 8 characters occur more than
 * 2,000 times after the start without the line itself (then it counts as not found).
 * `ops` counts the output characters read, for tests of the linear cost.
 */
const KEEP = /[\p{L}\p{N}]/u;
const CHUNK = 6;
const WINDOW = 4000;
const K = 8;
const MAX_CANDIDATES = 2000;
/** letters and digits, case folded: a heading printed in capitals and titled from the contents page keeps its text */
export const letters = (s: string) => [...s.normalize('NFKC')].filter((c) => KEEP.test(c)).join('').toLowerCase();

export interface FidelityResult { fidelity: number; total: number; matched: number; missing: string[]; ops?: number }

/** Substring search over one string with a bounded cost per look-up. */
class Finder {
  ops = 0;
  private starts: Int32Array | null = null;
  private pos: Int32Array | null = null;
  private mask = 0;
  private short = new Map<string, number[]>();
  private readonly s: string;
  constructor(s: string) { this.s = s; }

  private static hash(s: string, at: number): number {
    let h = 0;
    for (let i = at; i < at + K; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    return h;
  }
  private build(): void {
    const n = this.s.length - K + 1;
    let size = 1024;
    while (size < 2 * Math.max(n, 1)) size <<= 1;
    this.mask = size - 1;
    const hs = new Int32Array(Math.max(n, 0));
    const counts = new Int32Array(size + 1);
    // rolling hash: h(i+1) = (h(i) - c(i)·31^(K-1))·31 + c(i+K)
    let pow = 1;
    for (let i = 0; i < K - 1; i++) pow = Math.imul(pow, 31);
    let h = n > 0 ? Finder.hash(this.s, 0) : 0;
    for (let i = 0; i < n; i++) {
      if (i > 0) h = (Math.imul(h - Math.imul(this.s.charCodeAt(i - 1), pow), 31) + this.s.charCodeAt(i + K - 1)) | 0;
      hs[i] = h & this.mask;
      counts[hs[i] + 1]++;
    }
    for (let b = 0; b < size; b++) counts[b + 1] += counts[b];
    const fill = counts.slice(0, size);
    const pos = new Int32Array(Math.max(n, 0));
    for (let i = 0; i < n; i++) pos[fill[hs[i]]++] = i; // increasing within each bucket
    this.starts = counts;
    this.pos = pos;
    this.ops += this.s.length;
  }

  /** First index >= from where `t` occurs, or -1 (as `s.indexOf(t, from)`). */
  indexOf(t: string, from: number): number {
    const s = this.s;
    from = Math.max(0, from);
    // the common case: right after `from`
    const hi = Math.min(s.length, from + 2 * WINDOW + t.length);
    this.ops += hi - from;
    const near = s.slice(from, hi).indexOf(t);
    if (near >= 0) return from + near;
    if (hi === s.length) return -1;
    const after = hi - t.length + 1; // occurrences starting before this were excluded above
    if (t.length < K) {
      let all = this.short.get(t);
      if (!all) {
        all = [];
        for (let k = s.indexOf(t); k >= 0; k = s.indexOf(t, k + 1)) all.push(k);
        this.ops += s.length;
        this.short.set(t, all);
      }
      const k = lowerBound(all, after);
      return k < all.length ? all[k] : -1;
    }
    if (!this.starts) this.build();
    const b = Finder.hash(t, 0) & this.mask;
    const lo = this.starts![b];
    const end = this.starts![b + 1];
    let k = lowerBound(this.pos!, after, lo, end);
    for (let tries = 0; k < end && tries < MAX_CANDIDATES; k++, tries++) {
      const p = this.pos![k];
      this.ops += t.length;
      if (s.startsWith(t, p)) return p;
    }
    return -1;
  }

  /** First index of `t` in [lo, hi] (match start), preferring the first at or after `pref`. */
  inWindow(t: string, pref: number, lo: number, hi: number): number {
    const s = this.s;
    const end = Math.min(s.length, hi + t.length);
    lo = Math.max(0, lo);
    pref = Math.max(lo, pref);
    this.ops += end - lo;
    const win = s.slice(lo, end);
    let k = win.indexOf(t, pref - lo);
    if (k >= 0) return lo + k;
    k = win.indexOf(t);
    return k >= 0 ? lo + k : -1;
  }
}

function lowerBound(a: ArrayLike<number>, x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (a[m] < x) lo = m + 1; else hi = m;
  }
  return lo;
}

export function fidelity(sourceLines: string[], output: string): FidelityResult {
  const out = letters(output);
  const find = new Finder(out);
  let pos = 0;
  let total = 0;
  let matched = 0;
  const missing: string[] = [];
  for (const line of sourceLines) {
    const src = letters(line);
    if (!src) continue;
    total += src.length;
    let at = find.indexOf(src, pos);
    if (at < 0) at = find.indexOf(src, 0);
    if (at >= 0) {
      matched += src.length;
      pos = at + src.length;
      continue;
    }
    // not found whole: match it in chunks of 6 characters, in order, near where the text was
    let p = pos;
    let got = 0;
    for (let c = 0; c < src.length; c += CHUNK) {
      const chunk = src.slice(c, c + CHUNK);
      // as: first at or after p when within p + WINDOW, else the first from p - WINDOW up to p + WINDOW
      const k = find.inWindow(chunk, p, p - WINDOW, p + WINDOW);
      if (k < 0) continue;
      got += chunk.length;
      p = k + chunk.length;
    }
    matched += got;
    if (got < src.length) missing.push(line.trim());
    if (got) pos = Math.max(pos, Math.min(p, out.length));
  }
  return { fidelity: total ? matched / total : 1, total, matched, missing, ops: find.ops };
}
