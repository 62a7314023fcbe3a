/**
 * Stage: footnote markers printed in table cells (`^{1,2,3}`, `⁶`, `¹²` after a label). A marker
 * becomes footnote references `[^n]` (placeholders FN(n), footnotes.ts) when every number it holds
 * has its footnote text after the table (a paragraph `n. text` / `n text` before the next heading);
 * those paragraphs become the footnote definitions. A marker without its texts is printed back as
 * it was.
 */
import type { Block } from './types.ts';
import { FN } from './footnotes.ts';

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const MARK = new RegExp(String.raw`\s*\^\{(\d{1,2}(?:\s*,\s*\d{1,2})*)\}|(?<![A-Za-z\d])\s*([${SUP}]{1,2})(?![${SUP}])`, 'gu');
const HELD = /\u0001([\d,]+)\u0002([^\u0001]*)\u0001/g;
const DEF = /^(\d{1,2})(?:[.．]\s*|\s+)(\S[\s\S]*)$/u;

/** Replace the footnote markers of one cell by held markers (numbers + printed form). */
export function markFootnotes(cell: string): string {
  return cell.replace(MARK, (m, list: string | undefined, sup: string | undefined) => {
    const nums = list ? list.split(',').map((x) => Number(x.trim())) : [Number([...sup!].map((c) => SUP.indexOf(c)).join(''))];
    return nums.every((n) => n > 0) ? `\u0001${nums.join(',')}\u0002${m}\u0001` : m;
  });
}

/** Link held markers to the footnote texts that follow their table; restore the others. */
export function linkTableFootnotes(blocks: Block[]): Block[] {
  const out: Block[] = [];
  const defined = new Set<number>();
  let wanted = new Set<number>(); // numbers referenced by tables since the last heading
  const cellsOf = (b: Extract<Block, { kind: 'table' }>) => [...(b.header ?? []), ...b.rows.flat()];
  for (const b of blocks) {
    if (b.kind === 'heading') wanted = new Set();
    if (b.kind === 'table') for (const c of cellsOf(b)) for (const m of c.matchAll(HELD)) for (const x of m[1].split(',')) wanted.add(Number(x));
    const d = b.kind === 'para' ? DEF.exec(b.text) : null;
    if (d && wanted.has(Number(d[1])) && !defined.has(Number(d[1]))) {
      defined.add(Number(d[1]));
      out.push({ kind: 'footnote', n: Number(d[1]), text: d[2], page: b.page });
      continue;
    }
    out.push(b);
  }
  const fix = (c: string) => c.replace(HELD, (_, list: string, printed: string) => {
    const nums = list.split(',').map(Number);
    return nums.every((n) => defined.has(n)) ? nums.map(FN).join('') : printed;
  }).trim();
  for (const b of out) {
    if (b.kind !== 'table') continue;
    if (b.header) b.header = b.header.map(fix);
    b.rows = b.rows.map((r) => r.map(fix));
  }
  return out;
}
