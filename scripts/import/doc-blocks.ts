/**
 * Stage (structured sources): the blocks of a unit as the document gives them (read/structured.ts),
 * in place of the blocks the text stages would guess. A line another stage blanked (a unit title,
 * dropped furniture) gives no block; a line empty by itself (an image without alt text) does. A
 * table is written at its caption's line (a bold paragraph right above it): when that line was
 * blanked (the caption was a unit title: a heading set in bold over the table), the table stays,
 * without the caption.
 */
import type { Block, Line } from './types.ts';

export const isStructured = (lines: Line[]) => lines.some((l) => l.doc);

export function docBlocks(lines: Line[]): Block[] {
  const out: Block[] = [];
  for (const l of lines) {
    const d = l.doc;
    if (!d?.block) continue;
    if (!l.text && !d.empty) {
      if (d.block.kind === 'table' && d.block.caption) {
        const { caption: _, ...table } = structuredClone(d.block);
        out.push({ ...table, page: l.page });
      }
      continue;
    }
    out.push({ ...structuredClone(d.block), page: l.page });
  }
  return out;
}
