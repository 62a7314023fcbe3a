/**
 * Stage: drop page furniture: surviving folios, decorative numerals (a single digit alone on a
 * line, e.g. a big chapter numeral) and orphan decorative quote marks (`““`, `“ “`).
 * Section numbers alone on a line (`01`) are not furniture: find-outline moves them into their heading.
 */
import type { Line } from './types.ts';

export interface Dropped { line: number; text: string; why: string }

export function dropFurniture(lines: Line[], folioIdx: number[], keep: (i: number) => boolean = () => false): Dropped[] {
  const dropped: Dropped[] = [];
  const folios = new Set(folioIdx);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.text || keep(i)) continue;
    let why = '';
    if (folios.has(i)) why = 'folio';
    else if (/^[1-9]$/.test(l.text)) why = 'decorative numeral';
    else if (/^[“”"「」]\s*[“”"「」]$/.test(l.text)) why = 'decorative quote marks';
    if (!why) continue;
    dropped.push({ line: l.n, text: l.text, why });
    l.text = '';
  }
  return dropped;
}
