/**
 * Stage (structured sources): the blocks of a unit as the document gives them (read/structured.ts),
 * in place of the blocks the text stages would guess. A line another stage blanked (a unit title,
 * dropped furniture) gives no block; a line empty by itself (an image without alt text) does.
 */
import type { Block, Line } from './types.ts';

export const isStructured = (lines: Line[]) => lines.some((l) => l.doc);

export function docBlocks(lines: Line[]): Block[] {
  const out: Block[] = [];
  for (const l of lines) {
    const d = l.doc;
    if (!d?.block || (!l.text && !d.empty)) continue;
    out.push({ ...structuredClone(d.block), page: l.page });
  }
  return out;
}
