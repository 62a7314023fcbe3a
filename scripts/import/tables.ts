/**
 * Stage: recover simple data tables flattened into `label value [value unit]` lines
 * (supplier counts, employee structure, training data, energy use). A table is a run of at least
 * two row lines (blank lines allowed between), optionally with group labels between rows,
 * a header line right before the first row, and a caption before that. Anything less regular
 * stays text.
 */
import type { Block, Line } from './types.ts';
import { endsSentence, joinPair, width } from './join-lines.ts';

const NUM = String.raw`[\d,]+(?:\.\d+)?%?`;
const ROW = new RegExp(String.raw`^(\S.*?)\s+(${NUM})(?:\s+(${NUM})\s*(.*))?$`);
const VALUE_ONLY = new RegExp(String.raw`^${NUM}$`);

export interface RowMatch { label: string; cells: string[] }

/** Parse one row line, or null. */
export function parseRow(l: Line): RowMatch | null {
  if (l.trail || !l.text) return null;
  const m = ROW.exec(l.text);
  if (!m) return null;
  const label = m[1];
  if (width(label) > 70 || endsSentence(label) || /[，,。；;]$/.test(label)) return null;
  if (/[=＝]/.test(label)) return null; // a formula (`工傷率 = (工傷人數 / 總工作時數) * 1,000,000`) is a sentence, not a row
  if (!/[\p{L}]/u.test(label)) return null;
  const cells = [m[2]];
  if (m[3]) cells.push((m[3] + (m[4] ? (/^[（(]/.test(m[4]) ? '' : ' ') + m[4] : '')).trim());
  return { label, cells };
}

export const isLabelish = (l: Line) =>
  !!l.text && width(l.text) <= 60 && !endsSentence(l.text) && !/[，,；;]$/.test(l.text) && !parseRow(l) && !VALUE_ONLY.test(l.text);

export interface TableHit { start: number; end: number; block: Block; headerText?: string }

/** Split a header line into k cells. */
export function splitHeader(text: string, k: number): string[] | null {
  const toks = text.trim().split(/\s+/);
  if (toks.length === k) return toks;
  if (toks.length < k) return null;
  // Latin header: cut before capitalised words, as balanced as possible
  const caps = toks.map((t, i) => (i > 0 && /^[A-Z]/.test(t) ? i : -1)).filter((i) => i > 0);
  if (caps.length < k - 1) return null;
  let best: number[] | null = null;
  let bestCost = Infinity;
  const choose = (from: number, need: number, acc: number[]) => {
    if (need === 0) {
      const cuts = [0, ...acc, toks.length];
      let cost = 0;
      for (let i = 0; i + 1 < cuts.length; i++) cost = Math.max(cost, toks.slice(cuts[i], cuts[i + 1]).join(' ').length);
      if (cost < bestCost) { bestCost = cost; best = acc; }
      return;
    }
    for (let c = from; c < caps.length; c++) choose(c + 1, need - 1, [...acc, caps[c]]);
  };
  choose(0, k - 1, []);
  if (!best) return null;
  const cuts = [0, ...(best as number[]), toks.length];
  const out: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) out.push(toks.slice(cuts[i], cuts[i + 1]).join(' '));
  return out;
}

/** Find a table starting at or after line index `i` (the first row must be at `i` or after a group label). */
export function findTable(lines: Line[], i: number, page: number): TableHit | null {
  const next = (j: number) => { while (j < lines.length && !lines[j].text) j++; return j; };
  type R = { label: string; cells: string[]; group?: boolean };
  const rows: R[] = [];
  let j = i;
  let end = i;
  let pendingGroup: string[] = [];
  while (j < lines.length) {
    j = next(j);
    if (j >= lines.length) break;
    const l = lines[j];
    const r = parseRow(l);
    if (r) {
      if (pendingGroup.length) rows.push({ label: pendingGroup.join(' ').replace(/\s+/g, ' '), cells: [], group: true });
      pendingGroup = [];
      rows.push(r);
      end = j + 1;
      j++;
      continue;
    }
    if (VALUE_ONLY.test(l.text) && pendingGroup.length) {
      rows.push({ label: pendingGroup.join(' ').replace(/\s+/g, ' '), cells: [l.text] });
      pendingGroup = [];
      end = j + 1;
      j++;
      continue;
    }
    if (isLabelish(l) && pendingGroup.length < 2 && (rows.length || pendingGroup.length || j === next(i))) {
      pendingGroup.push(l.text);
      j++;
      continue;
    }
    break;
  }
  const real = rows.filter((r) => !r.group);
  if (real.length < 2 || !rows.length) return null;
  const ncols = 1 + Math.max(...real.map((r) => r.cells.length));
  const body = rows.map((r) => (r.group ? [`**${r.label}**`, ...Array(ncols - 1).fill('')] : [r.label, ...r.cells, ...Array(ncols - 1 - r.cells.length).fill('')]));
  return { start: next(i), end, block: { kind: 'table', rows: body, page } };
}

/** Attach the caption and header lines that precede a table. */
export function tableHead(lines: Line[], start: number, ncols: number): { header?: string[]; caption?: string; from: number } {
  let k = start - 1;
  while (k >= 0 && !lines[k].text) k--;
  let header: string[] | undefined;
  let from = start;
  // a header row only over tables with two or more value columns (over one value column the
  // line before the rows is a caption or a group label)
  if (ncols >= 3 && k >= 0 && isLabelish(lines[k]) && !/\d/.test(lines[k].text)) {
    const t = lines[k].text;
    let h: string[] | null = null;
    const short = splitHeader(t, ncols - 1);
    if (short) {
      const lens = short.map((c) => c.length);
      if (t.trim().split(/\s+/).length === ncols - 1 || Math.min(...lens) >= 0.8 * Math.max(...lens)) h = ['', ...short];
    }
    h ??= splitHeader(t, ncols);
    if (h && h.filter(Boolean).length >= 2) { header = h; from = k; k--; while (k >= 0 && !lines[k].text) k--; }
  }
  let caption: string | undefined;
  if (k >= 0 && isLabelish(lines[k]) && (header || true)) {
    const prevK = (() => { let p = k - 1; while (p >= 0 && !lines[p].text) p--; return p; })();
    if (prevK < 0 || endsSentence(lines[prevK].text) || !lines[k - 1]?.text) { caption = lines[k].text; from = k; }
  }
  return { header, caption, from };
}

export { joinPair };
