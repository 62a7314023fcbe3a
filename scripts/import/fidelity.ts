/**
 * Fidelity: the share of the source's letters, digits and ideographs (\p{L}\p{N}), outside
 * dropped furniture lines, that appear in the output (frontmatter titles + MDX bodies) in order.
 *
 * Method (linear-ish): both sides are reduced to streams of \p{L}\p{N} characters (so spacing,
 * joins, punctuation and escaping do not matter). Each source line is matched as a whole
 * substring of the output stream, searching forward from where the previous line matched and
 * then anywhere (text may move: part intros, headings printed after their content become
 * titles). A line not found whole is matched character by character, greedily, in order,
 * inside a window of 4,000 output characters after the last match. Every output character is
 * used at most once per whole-line match region; fidelity = matched / total source characters.
 */
const KEEP = /[\p{L}\p{N}]/u;
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
    // greedy in-order character match inside a window
    let p = pos;
    let got = 0;
    const limit = Math.min(out.length, pos + 4000);
    for (const ch of src) {
      const k = out.indexOf(ch, p);
      if (k >= 0 && k < limit) { got++; p = k + 1; }
    }
    if (got < src.length) {
      // retry around the best place of the line's first 12 characters anywhere
      const anchor = out.indexOf(src.slice(0, Math.min(12, src.length)));
      if (anchor >= 0) {
        let q = anchor;
        let got2 = 0;
        const lim2 = Math.min(out.length, anchor + src.length * 3 + 50);
        for (const ch of src) {
          const k = out.indexOf(ch, q);
          if (k >= 0 && k < lim2) { got2++; q = k + 1; }
        }
        if (got2 > got) { got = got2; p = q; }
      }
    }
    matched += got;
    if (got < src.length) missing.push(line.trim());
    if (got) pos = Math.max(pos, Math.min(p, out.length));
  }
  return { fidelity: total ? matched / total : 1, total, matched, missing };
}
