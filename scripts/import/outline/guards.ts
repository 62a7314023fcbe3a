/**
 * Size guards of an outline read from heading-like lines (no printed outline answers for it):
 * a unit with (almost) no text of its own is no unit, and a unit far larger than a reader's page
 * is cut at title-like page starts.
 */
import type { Unit } from './types.ts';
import { hanCount, titleLike } from './titles.ts';
import { isPageStart, text, type View } from './view.ts';

/** a unit larger than this (or 15 % of the report) is cut at title-like page starts */
export const MAX_UNIT = 20_000;
export const MIN_PIECE = 1_500;
/** characters a unit needs of its own (besides its title) */
export const MIN_UNIT = 40;

/** Units with under MIN_UNIT characters of their own are dropped (their title stays text of the unit before). */
export function dropEmptyUnits(c: View, units: Unit[]): void {
  const n = c.lines.length;
  for (let k = units.length - 1; k >= 1; k--) {
    const u = units[k];
    const to = units[k + 1]?.from ?? n;
    let chars = 0;
    for (let i = u.from; i < to; i++) if (!u.titleLines.includes(i)) chars += text(c, i).length;
    if (chars >= MIN_UNIT || u.kind === 'chapter') continue;
    // an appendix title page (`附錄`, an image-only statement) opens the next appendix
    const nx = units[k + 1];
    if (nx && nx.kind === u.kind && u.kind !== 'section') nx.from = u.from;
    units.splice(k, 1);
  }
  // nothing before the first title: the first unit starts at line 1
  if (units.length > 1 && !units[0].title) {
    let chars = 0;
    for (let i = 0; i < units[1].from; i++) chars += text(c, i).length;
    if (chars < MIN_UNIT) { units[1].from = 0; units.shift(); }
  }
}

/**
 * A unit over max(MAX_UNIT, 15 % of the text) is cut at title-like page starts (numbered headings
 * first; without either, short standalone lines between blank lines), each piece keeping at least
 * MIN_PIECE characters.
 */
export function cutLargeUnits(c: View, units: Unit[], warnings: string[]): void {
  const { lines } = c;
  const n = lines.length;
  const total = lines.reduce((a, l, i) => a + text(c, i).length, 0);
  const maxUnit = Math.max(MAX_UNIT, total * 0.15);
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    const to = units[k + 1]?.from ?? n;
    let size = 0;
    for (let i = u.from; i < to; i++) size += text(c, i).length;
    if (size <= maxUnit) continue;
    const cands: number[] = [];
    for (let i = u.from + 1; i < to; i++) {
      const t = text(c, i);
      if (!t || u.titleLines.includes(i) || !titleLike(t) || hanCount(t) > 20) continue;
      if (isPageStart(lines[i]) || /^(?:0?[1-9]|[1-9]\d)\s+\S/.test(t)) cands.push(i);
    }
    if (!cands.length) {
      for (let i = u.from + 1; i < to - 1; i++) {
        const t = text(c, i);
        if (t && !text(c, i - 1) && text(c, i + 1) && !u.titleLines.includes(i) && titleLike(t) && hanCount(t) <= 16 && !/^\d/.test(t)) cands.push(i);
      }
    }
    const cuts: number[] = [];
    const candSet = new Set(cands);
    let acc = 0;
    let rest = size;
    for (let i = u.from; i < to; i++) {
      if (candSet.has(i) && acc >= MIN_PIECE && rest >= MIN_PIECE) { cuts.push(i); acc = 0; }
      const len = text(c, i).length;
      acc += len;
      rest -= len;
    }
    const kind = u.kind === 'chapter' || u.kind === 'section' ? 'section' : u.kind;
    const pieces = cuts.map((i) => ({ id: '', kind, title: text(c, i), from: i, titleLines: [i], group: u.group }) as Unit);
    if (pieces.length) warnings.push(`outline: "${u.title || 'untitled'}" (${size} characters) cut into ${pieces.length + 1} units at title-like page starts`);
    units.splice(k + 1, 0, ...pieces);
    k += pieces.length;
  }
}
