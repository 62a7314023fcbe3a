/**
 * Stage: repair letter-spaced text.
 * 1. Fully spaced lines (single spaces between letters, double spaces between words) are collapsed
 *    before joining: `w h e r e  d a m a g e ,` → `where damage,`.
 * 2. Partial splits in Latin text (`Al ibaba`, `i ts`, `wi l l`) are merged after joining, using a
 *    vocabulary built from the clean lines of the same document: a cluster of unknown fragments
 *    (plus their neighbours) is re-segmented so that it consists of known words only, with as
 *    few words as possible. A cluster that cannot be resolved completely is left unchanged, and
 *    two valid words are never merged.
 * A join is made only when the text proves it (repairs never invent text): the joined word occurs
 * unsplit elsewhere in the same text, or its pieces are the single letters of a spaced-out run
 * (`w h e r e`). Each join is returned with its proof.
 */
import type { Repair } from './types.ts';

/** Rule 1 with its proof: the repair of a fully spaced line, or null when the line is not one. */
export function collapseSpaced(line: string): Omit<Repair, 'line'> | null {
  const after = collapseSpacedLine(line);
  return after === line ? null : { kind: 'letter-spacing', before: line.trim(), after: after.trim(), proof: 'spaced-out run' };
}

/** Rule 1. Returns the repaired line, or the line itself when it is not fully spaced. */
export function collapseSpacedLine(line: string): string {
  const t = line.trim();
  if (!/\S {2,}\S/.test(t)) return line;
  const toks = t.split(/\s+/);
  if (toks.length < 6) return line;
  const singles = toks.filter((x) => [...x].length === 1).length;
  if (singles / toks.length < 0.5) return line;
  const out = t.split(/ {2,}/).map((w) => w.replace(/ /g, '')).join(' ');
  return line.endsWith(' ') ? out + ' ' : out;
}

const SHORT_OK = new Set(
  'a an as at be by do go he if in is it me my no of on or so to up us we am an ok co mr dr ms st vs'.split(' '),
);

/** word endings that are never words of their own */
const SUFFIX = /^(ing|ings|ed|ly|ion|ions|ity|ities|ies|ment|ments|ness|ive|ize|ized|ization|ical|ial|ous|ious|ible|able|al)$/;

const core = (tok: string) => tok.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');

/** Vocabulary (lower-case word → count) from lines that show no letter-spacing. */
export function buildVocab(lines: string[]): Map<string, number> {
  const vocab = new Map<string, number>();
  for (const line of lines) {
    const words = line.split(/\s+/).map(core).filter(Boolean);
    if (!words.length) continue;
    const suspicious = words.some((w) => /^[A-Za-z]+$/.test(w) && w.length <= 2 && !SHORT_OK.has(w.toLowerCase()) && w !== 'I');
    if (suspicious) continue;
    for (const w of words) {
      if (!/^[A-Za-z]+$/.test(w)) continue;
      const k = w.toLowerCase();
      vocab.set(k, (vocab.get(k) ?? 0) + 1);
    }
  }
  return vocab;
}

/**
 * Pairs `a b` that are one word split in two: `ab` is a word used at least 3 times and one of
 * the pieces (3+ letters) almost never occurs in the document except next to the other (`off ice`).
 */
export function buildGlue(lines: string[], vocab: Map<string, number>): Set<string> {
  const count = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const line of lines) {
    const words = line.split(/\s+/).map((w) => (/^[^A-Za-z]*[A-Za-z]+[^A-Za-z]*$/.test(w) ? core(w).toLowerCase() : ''));
    words.forEach((w, i) => {
      if (!w) return;
      count.set(w, (count.get(w) ?? 0) + 1);
      if (words[i + 1]) pairs.set(`${w} ${words[i + 1]}`, (pairs.get(`${w} ${words[i + 1]}`) ?? 0) + 1);
    });
  }
  const glue = new Set<string>();
  for (const [pair, n] of pairs) {
    const [a, b] = pair.split(' ');
    if ((vocab.get(a + b) ?? 0) < 3) continue;
    // (3/4 rather than all: a split at a line end is not counted as a pair)
    if ((a.length >= 3 && n >= 0.75 * count.get(a)!) || (b.length >= 3 && n >= 0.75 * count.get(b)!)) glue.add(pair);
  }
  return glue;
}

function known(word: string, vocab: Map<string, number>): boolean {
  if (!/^[A-Za-z]+$/.test(word)) return true; // not a plain word: leave it alone
  if (word.length === 1) return word === 'a' || word === 'A' || word === 'I';
  if (SUFFIX.test(word)) return false; // `ion`, `ing`, `ly`: a split-off ending
  const c = vocab.get(word.toLowerCase()) ?? 0;
  if (word.length === 2) return SHORT_OK.has(word.toLowerCase()) || c >= 2;
  return c >= 1;
}
/** A piece that is certainly a word: seen at least twice in clean text (or a known short word). */
function strong(word: string, vocab: Map<string, number>): boolean {
  if (!/^[A-Za-z]+$/.test(word)) return true;
  if (word.length <= 2) return known(word, vocab);
  return !SUFFIX.test(word) && (vocab.get(word.toLowerCase()) ?? 0) >= 2;
}
/** A merge result must be a plain word seen unsplit at least twice in clean text (once if long). */
function mergeable(word: string, vocab: Map<string, number>): boolean {
  const c = vocab.get(word.toLowerCase()) ?? 0;
  return /^[A-Za-z]+$/.test(word) && (c >= 2 || (c >= 1 && word.length >= 6));
}

const proofOf = (word: string, vocab: Map<string, number>) => `word "${word.toLowerCase()}" occurs unsplit ${vocab.get(word.toLowerCase()) ?? 0}×`;

/**
 * Rule 2 on a paragraph. Returns the text, the merges done ("Al ibaba → Alibaba") and each as a
 * repair with its proof (`line` 0: the caller knows where the text came from).
 */
export function mergeFragments(text: string, vocab: Map<string, number>, glue?: Set<string>): { text: string; merges: string[]; repairs: Omit<Repair, 'line'>[] } {
  const merges: string[] = [];
  const repairs: Omit<Repair, 'line'>[] = [];
  if (glue?.size) {
    text = text.replace(/\b([A-Za-z]+) (?=([A-Za-z]+)\b)/g, (m, a: string, b: string) => {
      if (!glue.has(`${a.toLowerCase()} ${b.toLowerCase()}`)) return m;
      merges.push(`${a} ${b} → ${a}${b}`);
      repairs.push({ kind: 'word-join', before: `${a} ${b}`, after: a + b, proof: proofOf(a + b, vocab) });
      return a;
    });
  }
  // split keeping the separators
  const parts = text.split(/( +)/);
  const toks: string[] = [];
  const seps: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    toks.push(parts[i]);
    seps.push(parts[i + 1] ?? '');
  }
  const isWordTok = (t: string) => /^[^A-Za-z]*[A-Za-z]+[^A-Za-z]*$/.test(t);
  const bad = toks.map((t) => isWordTok(t) && !strong(core(t), vocab));
  const out: string[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!bad[i] && !(bad[i + 1] && seps[i] === ' ')) {
      out.push(toks[i] + seps[i]);
      i++;
      continue;
    }
    // cluster: tokens joined by single spaces, containing unknown fragments
    let j = i;
    while (j + 1 < toks.length && seps[j] === ' ' && isWordTok(toks[j + 1]) && (bad[j + 1] || bad[j])) j++;
    const cl = toks.slice(i, j + 1);
    const seg = segment(cl, vocab);
    if (seg && seg.words.length < cl.length) {
      merges.push(`${cl.join(' ')} → ${seg.words.join(' ')}`);
      repairs.push(...seg.joins);
      out.push(seg.words.join(' ') + seps[j]);
    } else {
      for (let k = i; k <= j; k++) out.push(toks[k] + seps[k]);
    }
    i = j + 1;
  }
  return { text: out.join(''), merges, repairs };
}

/**
 * Re-segment a cluster: merged words must be proven — words of the vocabulary (seen unsplit), or the
 * single letters of a spaced-out run (at least 3, at a cost: words of the document are preferred);
 * pieces left alone may stay unknown at a cost. Returns null unless the result has fewer unknown
 * words than the input; `joins` are the merged words with their proofs.
 */
function segment(cl: string[], vocab: Map<string, number>): { words: string[]; joins: Omit<Repair, 'line'>[] } | null {
  const n = cl.length;
  const unknown = (t: string) => (known(core(t), vocab) ? 0 : 1);
  const best: ({ words: string[]; joins: Omit<Repair, 'line'>[]; cost: number; unk: number } | null)[] = new Array(n + 1).fill(null);
  best[0] = { words: [], joins: [], cost: 0, unk: 0 };
  for (let a = 0; a < n; a++) {
    const cur = best[a];
    if (!cur) continue;
    let w = '';
    for (let b = a; b < n && b < a + 8; b++) {
      const t = cl[b];
      if (b > a && (/[^A-Za-z]$/.test(w) || /^[^A-Za-z]/.test(t))) break; // inner punctuation blocks a merge
      w += t;
      let unk: number;
      let extra = 0;
      let proof: string | undefined;
      if (b > a) {
        const parts = cl.slice(a, b + 1).map(core);
        if (parts.every((x) => strong(x, vocab))) continue; // never merge two valid words
        // pieces seen once each (`per iod`): only into a word the document uses often
        if (parts.every((x) => known(x, vocab)) && (vocab.get(core(w).toLowerCase()) ?? 0) < 3) continue;
        const cw = core(w);
        const spacedRun = parts.length >= 3 && parts.every((x) => x.length === 1) && /^[a-z]+$/i.test(cw);
        if (mergeable(cw, vocab)) proof = proofOf(cw, vocab);
        else if (spacedRun) { proof = 'spaced-out run'; extra = 4 * (parts.length - 1); } // a word of the document is the better repair
        else continue; // not proven by the text: stays as printed
        if (cl.slice(a, b + 1).every((x) => /^[^A-Za-z]*[A-Z]/.test(x))) continue; // `Yi Zhi Lu`: a name, not a split word
        unk = 0;
      } else unk = unknown(w);
      // an unknown long piece may well be a real word; an unknown short piece is a fragment
      const penalty = unk ? (core(w).length > 2 ? 2 : 10) : b === a && !strong(core(w), vocab) ? 1 : 0;
      const join = proof ? [{ kind: 'word-join' as const, before: cl.slice(a, b + 1).join(' '), after: w, proof }] : [];
      const cand = { words: [...cur.words, w], joins: [...cur.joins, ...join], cost: cur.cost + 1 + extra + penalty, unk: cur.unk + unk };
      if (!best[b + 1] || best[b + 1]!.cost > cand.cost) best[b + 1] = cand;
    }
  }
  const r = best[n];
  const before = cl.reduce((s, t) => s + 1 + (unknown(t) ? (core(t).length > 2 ? 2 : 10) : strong(core(t), vocab) ? 0 : 1), 0);
  return r && r.cost < before ? { words: r.words, joins: r.joins } : null;
}
