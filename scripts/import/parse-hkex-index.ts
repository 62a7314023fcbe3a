/**
 * Stage: parse a printed HKEX ESG Reporting Guide content index (scope rows `A. …`, aspect rows
 * `A1 …`, general-disclosure rows `一般披露` / `General Disclosure`, KPI rows `A1.1 …`, each with
 * a location `37`, `37–38`, `—` (not disclosed) or `N/A` / `不適用` (not applicable)).
 * KPI codes printed out of order inside an aspect are fixed by order, with a warning.
 */
import { joinPair } from './join-lines.ts';

export type IndexStatus = 'disclosed' | 'not-reported' | 'not-applicable';
export interface IndexRow {
  kind: 'scope' | 'aspect' | 'gd' | 'kpi';
  /** aspect code for aspect and gd rows (`A1`), KPI code (`A1.1`), scope letter */
  code: string;
  /** text printed in the code column (`一般披露`, `General Disclosure`, `B2.2`) */
  label: string;
  text: string;
  location?: string;
  status?: IndexStatus;
  pages?: { from: number; to: number };
  printedCode?: string;
}

const LOC = String.raw`(\d{1,3}(?:\s*[–-]\s*\d{1,3})?|—|N/A|不適用)`;
const LOC_LINE = new RegExp(`^${LOC}$`);
const LOC_END = new RegExp(String.raw`^(.*\S)\s+${LOC}$`);

export function parseHkexIndex(texts: string[], warnings: string[] = []): { header?: string; rows: IndexRow[] } {
  const rows: IndexRow[] = [];
  let header: string | undefined;
  let cur: IndexRow | null = null;
  let aspect = '';
  let open = false;
  const setLoc = (r: IndexRow, loc: string) => {
    r.location = loc.replace(/\s+/g, '');
    if (r.location === '—') r.status = 'not-reported';
    else if (r.location === 'N/A' || r.location === '不適用') r.status = 'not-applicable';
    else {
      r.status = 'disclosed';
      const [a, b] = r.location.split(/[–-]/).map(Number);
      r.pages = { from: a, to: b ?? a };
    }
    open = false;
  };
  const start = (r: IndexRow, rest: string) => {
    rows.push(r);
    cur = r;
    open = true;
    const m = LOC_END.exec(rest);
    if (m) { r.text = m[1]; setLoc(r, m[2]); } else r.text = rest;
  };
  for (const raw of texts) {
    const t = raw.trim();
    if (!t) continue;
    let m: RegExpExecArray | null;
    if (!rows.length && !header && !/^[AB]\./.test(t)) { header = t; continue; }
    if ((m = /^([AB])\.\s*(\S.*)$/.exec(t))) { rows.push({ kind: 'scope', code: m[1], label: `${m[1]}.`, text: m[2] }); cur = null; open = false; continue; }
    if ((m = /^([AB]\d)(?![.\d])\s*(\S.*)$/.exec(t)) && !/^\d/.test(m[2])) { aspect = m[1]; rows.push({ kind: 'aspect', code: m[1], label: m[1], text: m[2] }); cur = null; open = false; continue; }
    if ((m = /^(一般披露|General)(?:\s+(Disclosure))?\s*(.*)$/.exec(t))) {
      start({ kind: 'gd', code: aspect, label: m[2] ? `${m[1]} ${m[2]}` : m[1], text: '' }, m[3]);
      continue;
    }
    if ((m = /^([AB]\d\.\d{1,2})\s+(\S.*)$/.exec(t))) {
      let code = m[1];
      const prevKpis = rows.filter((r) => r.kind === 'kpi' && r.code.startsWith(aspect + '.'));
      const expected = `${aspect}.${prevKpis.length + 1}`;
      const row: IndexRow = { kind: 'kpi', code, label: code, text: '' };
      if (!code.startsWith(aspect + '.') || (prevKpis.length && Number(code.split('.')[1]) <= Number(prevKpis[prevKpis.length - 1].code.split('.')[1]))) {
        warnings.push(`ESG index: KPI printed as "${code}" after ${prevKpis.map((r) => r.code).join(', ')}; read as ${expected} (by order)`);
        row.printedCode = code;
        row.code = expected;
        code = expected;
      }
      start(row, m[2]);
      continue;
    }
    if (cur && open) {
      const c: IndexRow = cur;
      if (c.kind === 'gd' && !c.text && t === 'Disclosure') { c.label = 'General Disclosure'; continue; }
      if (LOC_LINE.test(t)) { setLoc(c, t); continue; }
      const e = LOC_END.exec(t);
      if (e) { c.text = joinPair(c.text, e[1]); setLoc(c, e[2]); continue; }
      c.text = joinPair(c.text, t);
      continue;
    }
    warnings.push(`ESG index: line not understood: "${t}"`);
  }
  for (const r of rows) if ((r.kind === 'gd' || r.kind === 'kpi') && !r.location) warnings.push(`ESG index: ${r.code} has no location`);
  return { header, rows };
}

/** Codes of disclosed rows whose printed pages overlap [from, to]. */
export function codesForPages(rows: IndexRow[], from: number, to: number): string[] {
  return rows
    .filter((r) => (r.kind === 'gd' || r.kind === 'kpi') && r.pages && r.pages.from <= to && r.pages.to >= from)
    .map((r) => r.code);
}
