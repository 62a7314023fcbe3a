/** Title tests and keys shared by the outline evidence. */

/** Normalised form for matching titles: letters and digits only, NFKC, 与/與 → 和. */
export const norm = (s: string) => s.normalize('NFKC').replace(/[与與]/g, '和').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

export const SENT_END = /[。．.！？!?；;：:，,、]$/u;
export const hanCount = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;

/** a short line that could be a title */
export function titleLike(s: string): boolean {
  if (!s || SENT_END.test(s)) return false;
  if (!/\p{L}/u.test(s)) return false;
  const h = hanCount(s);
  return h > 0 ? h <= 24 && s.length <= 40 : s.length <= 60;
}
