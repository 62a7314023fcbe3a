/**
 * Stage: a printed index that maps report sections to several frameworks at once, one row per
 * section and one column per framework (`報告章節 | 港交所 ESG 報告守則 | SASB | GRI | 港交所氣候相關披露 |
 * SDGs`, `Section | HKEX | GRI | SASB | TCFD`). Such tables come out of extractions as tab-separated
 * rows. The header names the columns; each row names a section (its title as printed, matched to the
 * outline's unit titles) and lists codes per framework. The result is each unit's tags:
 *
 * - `hkex`: aspect and KPI codes (`A1`, `B5.4`), mandatory disclosures named by their title
 *   (`管治架構` → `MDR13`), and the Part D paragraphs of climate columns (`指標及目標： 28-a` → `D28`):
 *   the Code's paragraph is the archive's unit of tagging; a sub-paragraph names its paragraph;
 * - `sasb` (`CG-EC-130a.1`, `CG-EC-000.A`), `gri` (`2-6`, `305-1`), `sdg` (`7`, `12.5`), `tcfd`.
 *
 * Pure: lines, unit references and the catalogue's code titles in; tags and findings out.
 */
import type { Line } from './types.ts';
import type { CatalogueItem } from './parse-index-names.ts';
import { norm } from './outline/titles.ts';

export type FrameworkKey = 'hkex' | 'climate' | 'sasb' | 'gri' | 'sdg' | 'tcfd';
export interface UnitName { id: string; title: string }
export interface FrameworkIndex {
  /** the unit printing the index */
  unit: string;
  /** 1-based line of its first header */
  line: number;
  /** the framework of each column after the first */
  columns: (FrameworkKey | undefined)[];
  /** tags by unit id, framework key (`hkex`, `sasb`, `gri`, `sdg`, `tcfd`) → codes in printed order */
  tags: Map<string, Record<string, string[]>>;
  /** rows that list codes but name no unit (add a `mapIndex` entry) */
  unmatched: { line: number; name: string }[];
}

/** What a header cell names; the first matching pattern wins (a climate column of the HKEX Code is Part D). */
const COLUMN: [FrameworkKey, RegExp][] = [
  ['climate', /氣候|气候|climate/i],
  ['tcfd', /TCFD/i],
  ['sasb', /SASB/i],
  ['gri', /GRI/i],
  ['sdg', /SDG|可持續發展目標|可持续发展目标|Sustainable Development Goals/i],
  ['hkex', /港交所|聯交所|联交所|HKEX|ESG\s*(?:報告|报告)?\s*(?:守則|守则|指引)|ESG Reporting (?:Guide|Code)/i],
];

const columnOf = (cell: string): FrameworkKey | undefined => COLUMN.find(([, re]) => re.test(cell))?.[0];

/** A header row: tab cells, the first names the sections, at least two name frameworks. */
function headerColumns(l: Line): (FrameworkKey | undefined)[] | undefined {
  if (!l.cells || l.cells.length < 3) return undefined;
  const cols = l.cells.slice(1).map(columnOf);
  return cols.filter(Boolean).length >= 2 && !columnOf(l.cells[0]) && cols.includes('hkex') ? cols : undefined;
}

const HKEX_CODE = /(?<![\w.])[AB]\d{1,2}(?:\.\d{1,2})?(?![\w.])/g;
const D_PARAGRAPH = /(?<![\w.-])(\d{2})(?:-[a-z](?:-[ivx]+(?:-\d+)?)?)?(?![\w.])/g;
const SASB_CODE = /\b[A-Z]{2}-[A-Z]{2}-(?:\d{3}[a-z]\.\d+|000\.[A-Z])\b/g;
const GRI_CODE = /(?<![\w.-])\d{1,3}-\d{1,2}(?![\w.-])/g;
const SDG_CODE = /(?<![\w.-])(?:1[0-7]|[1-9])(?:\.[0-9a-z]{1,2})?(?![\w.-])/g;
const LIST_SPLIT = /[,，、;；\s]+/;
const NAME_SPLIT = /\s*[,，、;；]\s*/;

/** The codes a cell lists for a framework. */
export function cellCodes(key: FrameworkKey, cell: string, titles: CatalogueItem[]): string[] {
  const out: string[] = [];
  if (key === 'hkex') {
    out.push(...(cell.match(HKEX_CODE) ?? []));
    for (const part of cell.replace(HKEX_CODE, ' ').split(NAME_SPLIT).filter((p) => /\p{L}/u.test(p))) {
      const hit = titles.find((t) => !/^[ABD]/.test(t.code) && t.titles.some((x) => norm(x) === norm(part)));
      if (hit) out.push(hit.code);
    }
  } else if (key === 'climate') {
    const paragraphs = new Set(titles.filter((t) => /^D\d{2}$/.test(t.code)).map((t) => t.code));
    // pillar labels (`指標及目標：`) name the area, not a code
    for (const m of cell.replace(/[^\s:：,，、]+[:：]/g, ' ').matchAll(D_PARAGRAPH)) {
      const code = `D${m[1]}`;
      if (!paragraphs.size || paragraphs.has(code)) out.push(code);
    }
  } else if (key === 'sasb') out.push(...(cell.match(SASB_CODE) ?? []));
  else if (key === 'gri') out.push(...(cell.match(GRI_CODE) ?? []));
  else if (key === 'sdg') out.push(...(cell.replace(/SDGs?|目標|目标/gi, ' ').match(SDG_CODE) ?? []));
  else out.push(...cell.split(LIST_SPLIT).filter((p) => /\p{L}/u.test(p)));
  return [...new Set(out)];
}

/** Names compared as printed titles: numbering such as `第一章 -` and conjunctions (與 / 和 / 及) aside. */
const nameKey = (s: string) => norm(s.replace(/^第[一二三四五六七八九十\d]+[章部篇節节]\s*[-–—:：]?\s*/u, '')).replace(/[和及]|and/g, '');

/** Find the multi-framework index among the units and read it into tags. */
export function readFrameworkIndex(lines: Line[], units: (UnitName & { from: number; to: number })[], titles: CatalogueItem[], mapIndex: Record<string, string> = {}): FrameworkIndex | undefined {
  for (const u of units) {
    let columns: (FrameworkKey | undefined)[] | undefined;
    let first = -1;
    let rows: { line: number; cells: string[] }[] = [];
    for (let i = u.from; i < u.to; i++) {
      const l = lines[i];
      const header = headerColumns(l);
      if (header) { columns ??= header; if (first < 0) first = l.n; continue; }
      if (!columns || !l.cells) continue;
      if (!l.cells[0] && rows.length) rows[rows.length - 1].cells = rows[rows.length - 1].cells.map((c, k) => (k && l.cells![k] ? `${c} ${l.cells![k]}` : c));
      else if (l.cells[0]) rows.push({ line: l.n, cells: [...l.cells] });
    }
    if (!columns || rows.length < 3) continue;
    const byName = new Map<string, string>();
    for (const x of units) byName.set(nameKey(x.title), x.id);
    for (const [name, id] of Object.entries(mapIndex)) byName.set(nameKey(name), id);
    const tags = new Map<string, Record<string, string[]>>();
    const unmatched: FrameworkIndex['unmatched'] = [];
    for (const r of rows) {
      const codes: Record<string, string[]> = {};
      columns.forEach((key, k) => {
        if (!key) return;
        const found = cellCodes(key, r.cells[k + 1] ?? '', titles);
        const target = key === 'climate' ? 'hkex' : key;
        if (found.length) codes[target] = [...new Set([...(codes[target] ?? []), ...found])];
      });
      if (!Object.keys(codes).length) continue;
      const id = byName.get(nameKey(r.cells[0]));
      if (!id) { unmatched.push({ line: r.line, name: r.cells[0] }); continue; }
      const t = tags.get(id) ?? {};
      for (const [key, cs] of Object.entries(codes)) t[key] = [...new Set([...(t[key] ?? []), ...cs])];
      tags.set(id, t);
    }
    return { unit: u.id, line: first, columns, tags, unmatched };
  }
  return undefined;
}
