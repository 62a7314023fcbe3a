/**
 * Stage: tables whose columns survived the extraction as tabs. At least two consecutive lines with
 * the same number (≥ 2) of tab-separated fields are a table; the first line is its header unless
 * it reads like the rows under it (a value in the same column). A row with only its first field
 * is a group row (bold). A run where most rows hold a single field is page layout (a letter set in
 * a grid), not a table, and stays text. HTML tags left in cells by the extraction are removed.
 * Footnote markers printed in cells (`^{1,2,3}`, `⁶`, `¹²`) are kept as markers for
 * `linkTableFootnotes` (table-footnotes.ts).
 */
import type { Block, Line } from './types.ts';
import { markFootnotes } from './table-footnotes.ts';

export type Segment = { lines: Line[] } | { table: Extract<Block, { kind: 'table' }> };

const VALUE = /^[<>≥≤約约~]?[-−]?\d[\d,]*(?:\.\d+)?%?$|^[/—–-]$/u;

const fields = (l: Line) => (l.text && l.cells ? l.cells : null);
const clean = (c: string) => markFootnotes(c.replace(/<\/?[a-z][^>]*>/gi, ' ').replace(/\s+/g, ' ').trim());

/** Does the first row read like the second (a value in a column where the second has one)? */
function looksLikeRow(a: string[], b: string[]): boolean {
  return a.some((c, k) => k > 0 && VALUE.test(c) && VALUE.test(b[k] ?? ''));
}

export function splitTabTables(lines: Line[]): Segment[] {
  const out: Segment[] = [];
  let text: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const f = fields(lines[i]);
    let j = i + 1;
    if (f && f.length >= 2) while (j < lines.length && fields(lines[j])?.length === f.length) j++;
    const run = f ? lines.slice(i, j).map((l) => fields(l)!) : [];
    const single = run.filter((r) => r.filter(Boolean).length <= 1).length;
    if (!f || f.length < 2 || run.length < 2 || single * 2 > run.length || run.every((r) => r.slice(1).every((c) => /^-+$/.test(c) || !c))) {
      text.push(...lines.slice(i, j)); // the whole run stays text (no table from its tail)
      i = j;
      continue;
    }
    const rows = run.filter((r) => !r.every((c) => /^-*$/.test(c))).map((r) => r.map(clean)); // `---- ---------` rules
    const headed = rows.length >= 2 && !looksLikeRow(rows[0], rows[1]);
    const header = headed ? rows.shift()! : undefined;
    const body = rows.map((r) => (r[0] && r.slice(1).every((c) => !c) ? [`**${r[0]}**`, ...r.slice(1)] : r));
    if (text.length) out.push({ lines: text });
    text = [];
    out.push({ table: { kind: 'table', ...(header ? { header } : {}), rows: body, page: lines[i].page } });
    i = j;
  }
  if (text.length) out.push({ lines: text });
  return out;
}
