/**
 * Stage (detected outlines): KPI tables printed as space-separated rows under a header whose last
 * columns are years — `指標名稱 單位 2023 年數據 2024 年數據`, `指標 單位 2024 年 2023 年 2022 年`.
 * A row ends in exactly as many values as the header has years (`415.20`, `1,029`, `8.83%`,
 * `>3,300`, `/`); with a unit column, the field before the values is the unit. Short lines between
 * rows are group labels (bold rows); short lines followed by a values-only line are a wrapped label.
 * The table ends at a sentence, a note (`注：`), a long line or a new header. Fewer than two rows:
 * no table, the lines stay text. The columns keep the printed order (years as printed).
 */
import type { Block, Line } from './types.ts';
import { splitTabTables } from './tab-tables.ts';
import { splitPhraseTables } from './phrase-tables.ts';

const YEAR = String.raw`(?:19|20)\d{2}\s*(?:財?年度?|财?年度?)?\s*(?:數據|数据|績效|绩效)?`;
const HEADER = new RegExp(String.raw`^(\S+(?:\s+\S+){0,2}?)\s+((?:${YEAR}\s*){1,4})$`, 'u');
const VAL = String.raw`(?:[<>≥≤約约]?-?\d[\d,]*(?:\.\d+)?%?|/|—)`;
const END = /[。！？；]$|^注[：:]|^備註|^备注|^note|\.{4,}|…{2,}/i; // (dotted leaders: a contents page)

function header(t: string): { labels: string[]; years: string[] } | null {
  const m = HEADER.exec(t);
  if (!m) return null;
  const labels = m[1].split(/\s+/);
  if (labels.some((x) => x.length > 8 || /\d/.test(x))) return null;
  const years = [...m[2].matchAll(new RegExp(YEAR, 'gu'))].map((x) => x[0].replace(/\s+/g, ' ').trim());
  return years.length ? { labels, years } : null;
}

export type { Segment } from './tab-tables.ts';
import type { Segment } from './tab-tables.ts';

export function splitKpiTables(lines: Line[]): Segment[] {
  const out: Segment[] = [];
  let text: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const h = lines[i].text ? header(lines[i].text) : null;
    if (!h) { text.push(lines[i++]); continue; }
    const n = h.years.length;
    const row = new RegExp(String.raw`^(.*?\S)\s+(${VAL}(?:\s+${VAL}){${n - 1}})$`, 'u');
    const only = new RegExp(String.raw`^(${VAL}(?:\s+${VAL}){${n - 1}})$`, 'u');
    const unitCol = h.labels.length >= 2 && /單位|单位|unit/i.test(h.labels[h.labels.length - 1]);
    const width = h.labels.length + n;
    const rows: string[][] = [];
    let pending: string[] = []; // groups of adjacent short lines
    let lastBlank = true;
    let k = i + 1;
    let end = k;
    const pad = (label: string, unit: string, vals: string[]) => {
      const lead = unitCol ? [label, unit] : [label];
      while (lead.length < h.labels.length) lead.unshift('');
      return [...lead, ...vals];
    };
    for (; k < lines.length; k++) {
      const t = lines[k].text;
      if (!t) { lastBlank = true; continue; }
      if (header(t) || END.test(t)) break;
      let m = only.exec(t);
      if (m && pending.length) {
        rows.push(pad(pending.pop()!, '', m[1].split(/\s+/)));
        for (const g of pending) rows.splice(rows.length - 1, 0, [`**${g}**`, ...Array(width - 1).fill('')]);
        pending = [];
        end = k + 1;
        lastBlank = false;
        continue;
      }
      m = row.exec(t);
      if (m) {
        for (const g of pending) rows.push([`**${g}**`, ...Array(width - 1).fill('')]);
        pending = [];
        let label = m[1];
        let unit = '';
        if (unitCol) {
          const s = /^(.*\S)\s+(\S+)$/.exec(m[1]);
          if (s) { label = s[1]; unit = s[2]; }
        }
        rows.push(pad(label, unit, m[2].split(/\s+/)));
        end = k + 1;
        lastBlank = false;
        continue;
      }
      if (t.length > 40) break;
      // adjacent lines, or a piece that cannot start a label (`（萬元）` after `…/營業收入`), continue the label
      const cont = pending.length && (/^[（(]/.test(t) || /[\/（(、]$/.test(pending[pending.length - 1]));
      if ((!lastBlank || cont) && pending.length) pending[pending.length - 1] += t;
      else pending.push(t);
      if (pending.length > 4) break;
      lastBlank = false;
    }
    const dataRows = rows.filter((r) => !r[0].startsWith('**'));
    if (dataRows.length < 2) { text.push(lines[i++]); continue; }
    if (text.length) out.push({ lines: text });
    text = [];
    out.push({ table: { kind: 'table', header: [...h.labels, ...h.years], rows, page: lines[i].page } });
    i = end;
  }
  if (text.length) out.push({ lines: text });
  return out;
}

/** Build blocks for a unit: KPI tables directly, the rest with `build`. */
export function buildWithKpiTables(lines: Line[], build: (ls: Line[]) => Block[]): Block[] {
  return splitKpiTables(lines).flatMap((s) => ('table' in s ? [s.table] : build(s.lines)));
}

/** Build blocks for a unit on any outline path: tab-separated tables, KPI tables, phrase-header tables (phrase-tables.ts), then `build`. */
export function buildWithTables(lines: Line[], build: (ls: Line[]) => Block[]): Block[] {
  const rest = (ls: Line[]) => splitPhraseTables(ls).flatMap((s) => ('table' in s ? [s.table] : build(s.lines)));
  return splitTabTables(lines).flatMap((s) => ('table' in s ? [s.table] : buildWithKpiTables(s.lines, rest)));
}
