/**
 * Stage (CJK): text tables flattened cell by cell. A header line of 3–6 short space-separated
 * phrases (`風險類別 風險 風險描述 應對措施`) followed by a short row label starts a table. The
 * lines under it are cut into blocks (blank lines, a label line, an indented line start a block);
 * a row starts at its labels (the first row tells how many label columns there are; a row with
 * fewer labels fills the last ones: a merged cell above), its text blocks fill the other columns —
 * one per column when they match, else cut where the wrapping width changes (each column of the
 * print has its own width). Where cells start indented, an unindented block after a blank line
 * goes on the cell before it. The table ends at a new header (and the caption line over it), a
 * bullet, a numbered section, or a text block much wider than any column so far; label rows with
 * no text at its end stay outside. Fewer
 * than two rows with text: no table.
 */
import type { Line } from './types.ts';
import type { Segment } from './tab-tables.ts';
import { phraseLine } from './label-clouds.ts';
import { joinPair, width } from './join-lines.ts';
import { matchSection } from './find-outline.ts';

const isHeader = (t: string) => {
  const p = phraseLine(t);
  return !!p && p.length <= 6 && p.every((x) => [...x].length <= 8);
};
/** a row label: short, no punctuation but ` / ` */
const isRowLabel = (t: string) => width(t) <= 24 && /\p{Script=Han}/u.test(t) && !/[，。；：、！？,.;:（(「]/u.test(t) && !isHeader(t);

interface Blk { from: number; to: number; lines: string[]; label: boolean; w: number }

export function splitPhraseTables(lines: Line[]): Segment[] {
  const out: Segment[] = [];
  let text: Line[] = [];
  let i = 0;
  const nextNB = (j: number) => { while (j < lines.length && !lines[j].text) j++; return j; };
  while (i < lines.length) {
    const t = lines[i].text;
    const first = nextNB(i + 1);
    if (!t || !isHeader(t) || first >= lines.length || !isRowLabel(lines[first].text)) { text.push(lines[i++]); continue; }
    const k = phraseLine(t)!.length;
    // blocks
    const blocks: Blk[] = [];
    let j = first;
    let maxW = 0;
    let indented = false; // the first cell starts with an indented line
    while (j < lines.length) {
      j = nextNB(j);
      if (j >= lines.length) break;
      const s = lines[j].text;
      if (isHeader(s) || /^[•●]/.test(s) || matchSection(s)) break;
      // a label stands alone or over an indented cell (`資源效率` / `  隨著監管…`); where cells are indented, labels are not
      if (isRowLabel(s) && !(indented && lines[j].lead > 0) && (j + 1 >= lines.length || !lines[j + 1].text || lines[j + 1].lead > 0)) {
        blocks.push({ from: j, to: j + 1, lines: [s], label: true, w: width(s) });
        j++;
        continue;
      }
      const b: Blk = { from: j, to: j, lines: [], label: false, w: 0 };
      while (j < lines.length && lines[j].text && (j === b.from || lines[j].lead === 0)) { b.lines.push(lines[j].text); j++; }
      b.to = j;
      b.w = Math.max(...b.lines.map(width));
      const after = nextNB(b.to);
      if (b.lines.length === 1 && after < lines.length && isHeader(lines[after].text)) break; // the caption of the next table
      // wider than every column (a wrapped block: much wider): the text after the table
      if (maxW && b.w > (b.lines.length > 1 ? 1.4 * maxW : maxW + 4)) break;
      // where cells start indented, an unindented block after a blank line goes on the cell before it
      const prev = blocks[blocks.length - 1];
      if (indented && prev && !prev.label && lines[b.from].lead === 0) {
        prev.lines.push(...b.lines);
        prev.to = b.to;
        prev.w = Math.max(prev.w, b.w);
        continue;
      }
      indented ||= !blocks.some((x) => !x.label) && lines[b.from].lead > 0;
      if (b.lines.length > 1) maxW = Math.max(maxW, b.w);
      blocks.push(b);
    }
    while (blocks.length && blocks[blocks.length - 1].label) blocks.pop();
    // rows
    const rows: { labels: string[]; texts: Blk[] }[] = [];
    for (const b of blocks) {
      if (b.label) {
        if (!rows.length || rows[rows.length - 1].texts.length) rows.push({ labels: [], texts: [] });
        rows[rows.length - 1].labels.push(b.lines[0]);
      } else if (rows.length) rows[rows.length - 1].texts.push(b);
    }
    const L = Math.min(rows[0]?.labels.length ?? 0, k - 1);
    const T = k - L;
    if (rows.filter((r) => r.texts.length).length < 2 || L < 1 || rows.some((r) => r.labels.length > L)) { text.push(lines[i++]); continue; }
    const body = rows.map((r) => {
      const cells: string[] = Array(k).fill('');
      r.labels.forEach((x, m) => { cells[L - r.labels.length + m] = x; });
      for (const [c, group] of cutColumns(r.texts, T).entries()) {
        cells[L + c] = group.map((b) => b.lines.reduce((a, x) => joinPair(a, x), '').replace(/ {2,}/g, ' ')).join('\n');
      }
      return cells;
    });
    if (text.length) out.push({ lines: text });
    text = [];
    out.push({ table: { kind: 'table', header: phraseLine(t)!, rows: body, page: lines[i].page } });
    i = blocks[blocks.length - 1].to;
  }
  if (text.length) out.push({ lines: text });
  return out;
}

/** Cut a row's text blocks into at most T columns, where the wrapping width changes most. */
export function cutColumns<B extends { lines: string[]; w: number }>(texts: B[], T: number): B[][] {
  if (texts.length <= T) return texts.map((b) => [b]);
  // a one-line block says nothing of its column's width: it takes the width before it
  const ws: number[] = [];
  texts.forEach((b, m) => ws.push(b.lines.length > 1 || m === 0 ? b.w : ws[m - 1]));
  const gaps = ws.slice(1).map((w, m) => ({ at: m + 1, d: Math.abs(w - ws[m]) }));
  const cuts = gaps.sort((a, b) => b.d - a.d || a.at - b.at).slice(0, T - 1).map((g) => g.at).sort((a, b) => a - b);
  const out: B[][] = [];
  let from = 0;
  for (const c of [...cuts, texts.length]) { out.push(texts.slice(from, c)); from = c; }
  return out;
}
