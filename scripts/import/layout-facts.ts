/**
 * Facts a structured source (a PDF) knows about each text line, applied to the pipeline's lines:
 * the printed page (so the page map is read, not guessed), the type size and weight (heading
 * evidence for the outline), and the furniture found by its place on the page.
 */
import type { Line } from './types.ts';
import type { PageMap } from './split-pages.ts';
import type { Dropped } from './drop-furniture.ts';
import type { LineFacts } from './read/pdf-layout.ts';

/** Furniture dropped for its place on the page; the furniture rule (running-headers.ts) accepts it as proven. */
export const PLACED = / \(place on the page\)$/;

export function applyFacts(lines: Line[], facts: LineFacts[]): { pm: PageMap; dropped: Dropped[] } {
  const starts = new Map<number, number>();
  const folios: PageMap['folios'] = [];
  const dropped: Dropped[] = [];
  lines.forEach((l, i) => {
    const f = facts[i];
    if (!f) return;
    l.page = f.page;
    if (f.size !== undefined) l.size = f.size;
    if (f.bold !== undefined) l.bold = f.bold;
    if (!starts.has(f.page)) starts.set(f.page, i);
    if (f.furniture && l.text) {
      if (f.furniture === 'page number') folios.push({ line: i, value: f.page });
      dropped.push({ line: l.n, text: l.text, why: `${f.furniture} (place on the page)` });
      l.text = '';
    }
  });
  return { pm: { starts, folios, pageCount: starts.size, warnings: [] }, dropped };
}
