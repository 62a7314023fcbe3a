/**
 * Fidelity: the share of the source's letters, digits and ideographs (\p{L}\p{N}), outside
 * dropped furniture lines, that appear in the output (frontmatter titles + MDX bodies) in order.
 *
 * Method (linear-ish): both sides are reduced to streams of \p{L}\p{N} characters (so spacing,
 * joins, punctuation and escaping do not matter). Each source line is matched as a whole
 * substring of the output stream, searching forward from where the previous line matched and
 * then anywhere (text may move: part intros, headings printed after their content become
 * titles). A line not found whole is cut into chunks of 6 characters; each chunk counts when
 * it is found in order within 4,000 output characters of the previous match. A changed
 * character therefore costs its chunk (up to 6 characters). fidelity = matched / total.
 */
const KEEP = /[\p{L}\p{N}]/u;
const CHUNK = 6;
const WINDOW = 4000;
export const letters = (s: string) => [...s].filter((c) => KEEP.test(c)).join('');

export interface FidelityResult { fidelity: number; total: number; matched: number; missing: string[] }

export function fidelity(sourceLines: string[], output: string): FidelityResult {
  const out = letters(output);
  let pos = 0;
  let total = 0;
  let matched = 0;
  const missing: string[] = [];
  for (const line of sourceLines) {
    const src = letters(line);
    if (!src) continue;
    total += src.length;
    let at = out.indexOf(src, pos);
    if (at < 0) at = out.indexOf(src);
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
      let k = out.indexOf(chunk, p);
      if (k < 0 || k > p + WINDOW) k = out.indexOf(chunk, Math.max(0, p - WINDOW));
      if (k < 0 || k > p + WINDOW) continue;
      got += chunk.length;
      p = k + chunk.length;
    }
    matched += got;
    if (got < src.length) missing.push(line.trim());
    if (got) pos = Math.max(pos, Math.min(p, out.length));
  }
  return { fidelity: total ? matched / total : 1, total, matched, missing };
}
