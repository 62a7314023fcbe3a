/**
 * Stage (detected outlines): a printed index that names sections (HKEX / climate / GRI, see
 * auto-index.ts) is written as one GFM table: the printed header (`層面、一般披露及關鍵績效指標 描述
 * 披露章節`, `披露議題/披露項 披露項標題 章節索引`, three fields) over rows `code | description |
 * section(s)`. Labels between rows (`A1: 排放物`, `GRI 205：反腐敗`, `組織及其報告做法`, climate
 * pillars) are bold rows; repeated header lines are dropped; text before the first header stays
 * paragraphs. A section cell is the trailing lines (or the last field) made only of known names,
 * `、` and `/`, or a status (`不涉及`, `暫未統計` …).
 */
import type { Block, Line } from './types.ts';
import { norm } from './outline/titles.ts';
import type { CatalogueItem, NameTarget } from './parse-index-names.ts';

const HKEX_ROW = /^(一般披露|general disclosure|(?:關?鍵?績效指標|关?键?绩效指标|KPI)\s*[AB]\d{1,2}\.\d{1,2})\s*(.*)$/i;
const GRI_ROW = /^(\d{1,3}-\d{1,2})\s+(.*)$/;
const HEADER = /披露章節|披露章节|章節索引|章节索引|disclosure section|section reference/i;
const STATUS = /^(?:\/|不涉及|不適用|不适用|暫未統計|暂未统计|未發生\S*|未发生\S*|N\/A)$/i;

export function indexTable(kind: 'hkex' | 'gri', lines: Line[], names: NameTarget[], catalogue: CatalogueItem[], build: (ls: Line[]) => Block[]): Block[] {
  const keys = [...new Set(names.map((n) => norm(n.name)).filter((k) => k.length >= 2))].sort((a, b) => b.length - a.length);
  const isCell = (t: string) => {
    let k = norm(t);
    if (!k) return /\//.test(t);
    for (const n of keys) k = k.split(n).join('');
    return k === '' || STATUS.test(t.trim());
  };
  const climateItems = kind === 'hkex' ? catalogue.filter((c) => !c.area).flatMap((c) => c.titles.map(norm)) : [];
  const LABEL = /^[AB]\d{0,2}\s*[:：]/;
  const text = lines.map((l) => l.text);
  const h = text.findIndex((t) => HEADER.test(t));
  if (h < 0) return build(lines);
  const header = text[h].split(/\s+/).filter(Boolean);
  const cols = Math.max(3, header.length);
  const rows: string[][] = [];
  let cur: { code: string; text: string[] } | null = null;
  const flush = () => {
    if (!cur) return;
    const t = cur.text.filter(Boolean);
    const cell: string[] = [];
    for (;;) {
      if (kind === 'gri') break; // one line per row: the cell is its last field
      if (t.length && isCell(t[t.length - 1])) cell.unshift(t.pop()!);
      else if (t.length >= 2 && isCell(t[t.length - 2] + t[t.length - 1])) { const b = t.pop()!; cell.unshift(t.pop()! + b); } // a wrapped name
      else break;
    }
    if (!cell.length && t.length) {
      const m = /^(.*\S)\s+(\S+)$/.exec(t[t.length - 1]);
      if (m && isCell(m[2])) { t[t.length - 1] = m[1]; cell.unshift(m[2]); }
    }
    rows.push([cur.code, t.join(''), cell.join(' › ')]);
    cur = null;
  };
  for (let i = h + 1; i < text.length; i++) {
    const t = text[i];
    if (!t) continue;
    if (HEADER.test(t)) {
      flush();
      // the header repeated on each page is dropped; another header (a second table) is a bold row
      if (norm(t) !== norm(text[h])) rows.push([`**${t}**`, ...Array(cols - 1).fill('')]);
      continue;
    }
    const m = kind === 'hkex' ? HKEX_ROW.exec(t) : GRI_ROW.exec(t);
    const first = t.split(/\s+/)[0];
    if (m) { flush(); cur = { code: m[1].replace(/\s+/g, ' '), text: [m[2]] }; continue; }
    if (climateItems.includes(norm(first)) || climateItems.includes(norm(t))) { flush(); cur = { code: first, text: [t.slice(first.length).trim()] }; continue; }
    if (cur && kind === 'hkex' && !LABEL.test(t) && (cur.text.length < 8 || isCell(t))) {
      // a short label line after a finished row (its cell found) is a group label
      let nx = i + 1;
      while (nx < text.length && !text[nx]) nx++;
      const wrapped = isCell(cur.text[cur.text.length - 1] + t) || (nx < text.length && isCell(t + text[nx]));
      const lastT = cur.text[cur.text.length - 1] ?? '';
      const complete = isCell(lastT) || (/\s/.test(lastT) && isCell(lastT.split(/\s+/).pop()!));
      const done = complete && !isCell(t) && !wrapped && t.length <= 16;
      if (!done) { cur.text.push(t); continue; }
    }
    flush();
    rows.push([`**${t}**`, ...Array(cols - 1).fill('')]);
  }
  flush();
  const before = build(lines.slice(0, h));
  return [...before, { kind: 'table', header, rows, page: lines[h]?.page ?? 0 }];
}
