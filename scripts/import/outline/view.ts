/** The lines as the outline reads them: nav-bar lines read as blank; titles found by key. */
import type { Line } from '../types.ts';
import { norm, titleLike } from './titles.ts';

export interface View { lines: Line[]; skip: Set<number>; normed?: string[] }

export const isPageStart = (l: Line) => l.lead === 1;
export const text = (c: View, i: number) => (c.skip.has(i) ? '' : c.lines[i].text);
/** normalised text of line i (cached; a leading page number glued to a title is cut) */
export const normAt = (c: View, i: number) => {
  c.normed ??= c.lines.map((_, k) => norm(text(c, k).replace(/^\d{1,3}(?=\p{Script=Han})/u, '')));
  return c.normed[i];
};

/** Lines [i] or [i, i+1] (a wrapped title) whose normalised text equals `want`. */
export function matchAt(c: View, i: number, want: string): number[] | null {
  const a = normAt(c, i);
  if (!a) return null;
  if (a === want) return [i];
  if (want.startsWith(a) && i + 1 < c.lines.length && norm(text(c, i) + text(c, i + 1)) === want) return [i, i + 1];
  return null;
}

/** The first printing of `title` in [from, to), page starts first when asked. */
export function findTitle(c: View, from: number, to: number, title: string, pageStartFirst: boolean): number[] | null {
  const want = norm(title);
  if (!want) return null;
  if (pageStartFirst) for (let i = from; i < to; i++) if (isPageStart(c.lines[i]) || c.skip.has(i - 1)) { const m = matchAt(c, i, want); if (m) return m; }
  for (let i = from; i < to; i++) { const m = matchAt(c, i, want); if (m) return m; }
  return null;
}

/** The first title-like line in [from, to). */
export function firstTitle(c: View, from: number, to: number): number | null {
  for (let i = from; i < to; i++) {
    const t = text(c, i);
    if (t && titleLike(t) && !c.skip.has(i)) return i;
  }
  return null;
}
