/**
 * Stage: running headers/footers printed with their folio on the same line
 * (`6 ACME HOLDINGS LIMITED`, `Sustainability Report 2019 7`, `2021 ESG REPORT | Acme 12`,
 * `環境、社會及管治報告 2023 ｜ 15`). Each such line occurs once, but without its folio it repeats.
 *
 * A line is one when
 *   - it is a short line (not a sentence) with a 1–3 digit folio at its start or end (after a space
 *     or a `|` / `｜`), and the rest holds a letter and no number other than a year;
 *   - it is not a table row: its non-blank neighbours are not both rows ending in a value, and no
 *     line right next to it (no blank line between) is one (a KPI label with a value,
 *     `Total energy consumption 12`, sits among other rows with values);
 *   - its rest (furniture key) is shared by at least 3 such lines whose folios increase along the
 *     text (gaps allowed); out-of-order occurrences are left alone.
 * Several keys may pass (a left-page and a right-page header); together they number the pages.
 */
import type { Line } from './types.ts';

export interface FolioHeader {
  /** line index */
  i: number;
  folio: number;
  /** the line without its folio, as the furniture key */
  key: string;
}

const TRAIL = /^(.*?\S)(?:\s*[|｜]\s*|\s+)(\d{1,3})$/u;
const LEAD = /^(\d{1,3})(?:\s*[|｜]\s*|\s+)(\S.*)$/u;
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/g;
const endsSentence = (s: string) => /[。！？.!?;；:：,，][」』）)"”’]*$/.test(s);

/** The line split into its folio and the rest, when it is printed with a folio at one end. */
export function splitFolio(text: string): { rest: string; folio: number } | null {
  const t = text.trim();
  const m = TRAIL.exec(t);
  const l = m ? null : LEAD.exec(t);
  if (!m && !l) return null;
  const rest = (m ? m[1] : l![2]).replace(/\s*[|｜]$/u, '').trim();
  const folio = Number(m ? m[2] : l![1]);
  if (folio < 1 || rest.length < 4 || rest.length > 100 || !/\p{L}/u.test(rest) || endsSentence(rest)) return null;
  if (/\d/.test(rest.replace(YEAR, ''))) return null; // a number besides a year: data, not a header
  if (/^[•·●▪■◆\-–(（]/u.test(rest)) return null; // a list item or a note
  return { rest, folio };
}

const key = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();
/** a table row: a line that ends in a value (`1,209`, `8.3%`, `2019`) */
const isRow = (s: string) => /\d[\d,.%]*[)）]?$/.test(s);

/** Longest subsequence of occurrences whose folios strictly increase (patience sorting, n log n). */
function increasing(xs: FolioHeader[]): FolioHeader[] {
  const tails: number[] = []; // index into xs of the smallest tail of each length
  const prev = xs.map(() => -1);
  xs.forEach((x, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[tails[mid]].folio < x.folio) lo = mid + 1; else hi = mid; }
    prev[k] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = k;
  });
  const out: FolioHeader[] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) out.unshift(xs[k]);
  return out;
}

/** Running headers/footers with folio, in text order (pure; changes nothing). */
export function findFolioHeaders(lines: Line[]): FolioHeader[] {
  const nb: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].text) nb.push(i);
  const groups = new Map<string, FolioHeader[]>();
  nb.forEach((i, p) => {
    const f = splitFolio(lines[i].text);
    if (!f) return;
    // inside a table: rows on both sides, or a row right next to it (no blank line between)
    const before = p > 0 ? lines[nb[p - 1]].text : '';
    const after = p + 1 < nb.length ? lines[nb[p + 1]].text : '';
    if (isRow(before) && isRow(after)) return;
    if (isRow(lines[i - 1]?.text ?? '') || isRow(lines[i + 1]?.text ?? '')) return;
    const k = key(f.rest);
    const g = groups.get(k);
    const h = { i, folio: f.folio, key: k };
    if (g) g.push(h); else groups.set(k, [h]);
  });
  const found: FolioHeader[] = [];
  for (const g of groups.values()) {
    if (g.length < 3) continue;
    const run = increasing(g);
    if (run.length >= 3 && run.length >= 0.8 * g.length) found.push(...run);
  }
  return found.sort((a, b) => a.i - b.i);
}
