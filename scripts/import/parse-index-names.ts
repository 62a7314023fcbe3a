/**
 * Stage: printed indexes that point to section *names* instead of pages (HKEX index, its climate
 * table, GRI content index). A row's disclosure cell is found by looking for known names (unit
 * titles, chapter titles, headings inside units, `mapIndex` overrides) in the row's text, joined
 * without spaces (cells wrap: `能源和資源管理、生物多樣` / `性保護`). A chapter name next to one
 * of its sections names the section.
 *
 * HKEX rows: `A1: 排放物` (aspect), `一般披露` (general disclosure = the aspect code),
 * `關鍵績效指標 A1.1` / `KPI A1.1` (a typo such as `關績效指標` is accepted). A row marked deleted
 * (`刪除`) carries no tag; a row whose cell is `/` is not reported.
 * Climate rows (after the catalogue's area title, e.g. `氣候相關披露`): a label equal to a catalogue
 * item's title (or printed title) gives the code.
 * GRI rows: `2-1 Title Target`; `3-3` is kept per topic standard (`GRI 305：排放` → `305/3-3`).
 */
import { norm } from './outline/titles.ts';

export interface NameTarget { name: string; id: string; group?: string }
export interface NamedRow { code: string; ids: string[]; status?: 'deleted' | 'not-reported' | 'not-applicable' | 'omitted'; line: string }
const HEADER = /披露章節|披露章节|章節索引|章节索引|disclosure section|section reference/i;
export interface CatalogueItem { code: string; titles: string[]; area?: boolean }

const HKEX_ASPECT = /^(?:層面\s*|层面\s*|aspect\s*)?([AB]\d{1,2})\s*[:：]/i;
const HKEX_GD = /^(?:一般披露|general disclosure)/i;
const HKEX_KPI = /^(?:關?鍵?績效指標|关?键?绩效指标|KPI)\s*([AB]\d{1,2}\.\d{1,2})/i;
const DELETED = /刪除|删除|deleted/i;
const GRI_ROW = /^(\d{1,3}-\d{1,2})\s+(.*)$/;
const GRI_STD = /^GRI\s*(\d{1,3})\s*[:：]/;

function targets(text: string, names: NameTarget[]): string[] {
  let t = norm(text);
  const hits: NameTarget[] = [];
  for (const n of [...names].sort((a, b) => norm(b.name).length - norm(a.name).length)) {
    const k = norm(n.name);
    if (k.length < 2 || !t.includes(k)) continue;
    hits.push(n);
    t = t.split(k).join('\u0000');
  }
  // a chapter next to one of its sections names the section
  const ids = hits.filter((h) => !(h.id === h.group && hits.some((o) => o !== h && o.group === h.id))).map((h) => h.id);
  return [...new Set(ids)];
}

/** Rows of an HKEX index (and its climate table) that point to names. */
export function parseHkexNames(lines: string[], names: NameTarget[], catalogue: CatalogueItem[] = []): NamedRow[] {
  const rows: { code: string; text: string[] }[] = [];
  let aspect = '';
  let climate = false;
  const area = catalogue.filter((c) => c.area).flatMap((c) => c.titles.map(norm));
  const items = catalogue.filter((c) => !c.area);
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    if (area.includes(norm(l)) || area.some((a) => norm(l).startsWith(a) && norm(l).length <= a.length + 4)) climate = true;
    let m: RegExpExecArray | null;
    if (!climate && (m = HKEX_ASPECT.exec(l))) { aspect = m[1]; continue; }
    if (!climate && HKEX_GD.test(l) && aspect) { rows.push({ code: aspect, text: [l.replace(HKEX_GD, '')] }); continue; }
    if (!climate && (m = HKEX_KPI.exec(l))) { rows.push({ code: m[1], text: [l.slice(m[0].length)] }); continue; }
    if (climate) {
      const first = l.split(/\s+/)[0];
      const item = items.find((c) => c.titles.some((t) => norm(t) === norm(first) || norm(t) === norm(l.replace(/\s*\/$/, ''))));
      if (item) { rows.push({ code: item.code, text: [l.slice(first.length).replace(new RegExp(`^\\s*${first}(?=\\s|$)`), '')] }); continue; }
    }
    if (rows.length && !HEADER.test(l)) rows[rows.length - 1].text.push(l);
  }
  return rows.map((r) => {
    const text = r.text.join('\n');
    if (DELETED.test(text)) return { code: r.code, ids: [], status: 'deleted' as const, line: text };
    const ids = targets(text, names);
    if (!ids.length && /(^|\s)\/\s*$/.test(text)) return { code: r.code, ids, status: 'not-reported' as const, line: text };
    return { code: r.code, ids, line: text };
  });
}

/** Rows of a GRI content index. */
export function parseGriNames(lines: string[], names: NameTarget[]): NamedRow[] {
  const rows: NamedRow[] = [];
  let std = '';
  for (const raw of lines) {
    const l = raw.trim();
    let m = GRI_STD.exec(l);
    if (m) { std = m[1]; continue; }
    m = GRI_ROW.exec(l);
    if (!m) continue;
    const code = m[1] === '3-3' && std && std !== '3' ? `${std}/3-3` : m[1];
    const rest = m[2];
    const status = /不涉及|不適用|不适用|not applicable/i.test(rest) ? 'not-applicable' as const
      : /暫未|暂未|未統計|未统计|未發生|未发生|omitted|not available/i.test(rest) ? 'omitted' as const : undefined;
    // the cell is the last space-separated field (`2-9 管治架構及組成 合規治理`); the whole rest when that names nothing
    const cell = rest.split(/\s+/).pop() ?? '';
    const ids = status ? [] : targets(cell, names);
    rows.push({ code, ids: ids.length || status ? ids : targets(rest, names), status, line: l });
  }
  return rows;
}

/** Unit id → codes, in row order. */
export function tagsByUnit(rows: NamedRow[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) for (const id of r.ids) {
    if (!out.has(id)) out.set(id, []);
    if (!out.get(id)!.includes(r.code)) out.get(id)!.push(r.code);
  }
  return out;
}
