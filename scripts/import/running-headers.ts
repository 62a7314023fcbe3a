/**
 * Stage: running headers and footers (layout `running-headers`), `(CONTINUED)` repeats, and the
 * furniture rule that every dropped line must obey.
 *
 * A running header is a short line (the company or report title, e.g. "Acme Holdings Limited
 * Environmental, Social and Governance Report 2021") printed at least 3 times, mostly within
 * 3 non-blank lines of a bare page number. Around each occurrence lies a furniture zone: the
 * header line(s), the page number and the chapter name (a short line next to them whose text is
 * seen in the zones of at least 2 pages, or that sits between two furniture lines). Each zone is
 * a page boundary: the page number in it numbers the page; zones are headers (page starts) unless
 * the text shows page breaks (form feeds, a leading space) right after them (footers).
 *
 * Running headers/footers printed with their folio on the same line (`Report 2019 7`) are found
 * by folio-headers.ts; they are dropped too, and number the pages when there are no zones.
 *
 * The furniture rule (enforced on every dropped line by `obeyFurnitureRule`): a line may be
 * dropped only if
 *   (a) its rule key (trimmed, runs of whitespace as one space, lower case, without a trailing
 *       `(continued)` / `(cont'd)` / `（續）` marker or a leading heading number `4.`, `4.1`, `IV.`,
 *       and without a 1–3 digit folio at its start or end, after a space or `|` / `｜`)
 *       is shared by at least 2 lines of the source, or
 *   (b) it is a bare page number or numeral: 1–4 digits, or a roman numeral of up to 7 letters, or
 *   (c) it has no letter or digit at all (decoration: lone quote marks, rules).
 * So a line with words that occurs once in the source is never dropped as furniture.
 */
import type { Line } from './types.ts';
import type { Dropped } from './drop-furniture.ts';
import { findFolioHeaders, type FolioHeader } from './folio-headers.ts';
import { PLACED } from './layout-facts.ts';

export const CONTINUED = /\s*[（(]\s*(?:continued|cont['’]?d\.?|續|续)\s*[)）]\s*$/i;
export const BARE_NUMBER = /^(?:\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})$/;
const PAGE_NUMBER = /^\d{1,3}$/;

const HEADING_NUMBER = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[ivx]{1,4}[.)])\s+(?=\S)/;
/** trimmed, whitespace runs as one space, lower case, without a `(continued)` marker or a leading heading number */
export const furnitureKey = (text: string) =>
  text.trim().replace(/\s+/g, ' ').toLowerCase().replace(CONTINUED, '').trim().replace(HEADING_NUMBER, '');

const FOLIO_END = /(?:\s*[|｜]\s*|\s+)\d{1,3}$/u;
const FOLIO_START = /^\d{1,3}(?:\s*[|｜]\s*|\s+)(?=\S)/u;
/** The furniture rule's key: the furniture key without a folio at its start or end (`report 2019 7` → `report 2019`). */
export const ruleKey = (text: string) => furnitureKey(furnitureKey(text).replace(FOLIO_END, '').replace(FOLIO_START, ''));

/** How many source lines share each rule key. */
export function countKeys(texts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of texts) {
    const k = ruleKey(t);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** The furniture rule (see the module comment). */
export function mayDrop(text: string, counts: Map<string, number>): boolean {
  const t = text.trim();
  if (BARE_NUMBER.test(t)) return true;
  if (!/[\p{L}\p{N}]/u.test(t)) return true;
  return (counts.get(ruleKey(t)) ?? 0) >= 2;
}

/**
 * Put back every dropped line that the rule does not allow (`original[i]` is the text of the
 * line numbered i + 1). Returns the dropped lines that stay dropped.
 */
export function obeyFurnitureRule(dropped: Dropped[], lines: Line[], original: string[], warnings: string[]): Dropped[] {
  const counts = countKeys(original);
  const byN = new Map(lines.map((l) => [l.n, l]));
  return dropped.filter((d) => {
    // an explicit `drop` override is the user's call; a PDF's running header is proven by its place on the page
    if (mayDrop(d.text, counts) || d.why === 'override drop' || PLACED.test(d.why)) return true;
    const l = byN.get(d.line);
    if (l && !l.text) l.text = original[d.line - 1].trim();
    warnings.push(`furniture rule: line ${d.line} "${d.text}" occurs once; kept`);
    return false;
  });
}

const endsSentence = (s: string) => /[。！？.!?][」』）)"”’]*$/.test(s);
const isCandidate = (t: string) =>
  t.length >= 4 && t.length <= 120 && /\p{L}/u.test(t) && !endsSentence(t) && !/[,;:]$/.test(t) &&
  !/^[•·●▪■◆\-–]/.test(t) && !/^\(?[a-z]/.test(t) && !BARE_NUMBER.test(t);

export interface Zone {
  /** line indices of the furniture lines of this zone */
  lines: number[];
  /** printed page number, when the zone has one */
  page?: number;
  /** chapter name printed in the zone */
  chapter?: string;
  /** first and last line index of the zone */
  from: number;
  to: number;
}

export interface RunningHeaders {
  /** texts of the running header/footer lines (the most frequent first; others are chapter names) */
  headers: string[];
  zones: Zone[];
  /** zones with a page number */
  pages: number;
  footers: boolean;
}

/** Find running headers/footers and their zones (pure; changes nothing). */
export function findRunningHeaders(lines: Line[]): RunningHeaders {
  const n = lines.length;
  // non-blank line indices, and each line's position among them
  const nb: number[] = [];
  const pos = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (lines[i].text) { pos[i] = nb.length; nb.push(i); }
  const near = (i: number, d: number, test: (j: number) => boolean) => {
    const p = pos[i];
    for (let k = Math.max(0, p - d); k <= Math.min(nb.length - 1, p + d); k++) if (k !== p && test(nb[k])) return true;
    return false;
  };
  const isPageNo = (j: number) => PAGE_NUMBER.test(lines[j].text);
  const occ = new Map<string, number[]>();
  for (const i of nb) {
    const t = lines[i].text;
    if (!isCandidate(t)) continue;
    const a = occ.get(t);
    if (a) a.push(i); else occ.set(t, [i]);
  }
  const headers: string[] = [];
  for (const [t, idx] of occ) {
    if (idx.length < 3) continue;
    // near a page number, and not a line whose sentence goes on (the next line starts in lower case)
    const withNo = idx.filter((i) => near(i, 3, isPageNo) && !/^[a-z]/.test(lines[nb[pos[i] + 1] ?? i].text)).length;
    if (withNo >= 3 && withNo >= 0.6 * idx.length) headers.push(t);
  }
  if (!headers.length) return { headers, zones: [], pages: 0, footers: false };
  headers.sort((a, b) => occ.get(b)!.length - occ.get(a)!.length);
  const isHeader = new Set(headers);
  // zone cores: header occurrences (with a page number near), merged when within 3 non-blank lines
  const core: number[] = [];
  for (const i of nb) if (isHeader.has(lines[i].text) && near(i, 3, isPageNo)) core.push(i);
  const zones: Zone[] = [];
  for (const i of core) {
    const last = zones[zones.length - 1];
    if (last && pos[i] - pos[last.to] <= 3) { last.lines.push(i); last.to = i; continue; }
    zones.push({ lines: [i], from: i, to: i });
  }
  // page numbers: the nearest bare number within 3 non-blank lines of the zone
  const taken = new Set<number>();
  for (const z of zones) {
    let best = -1;
    for (let k = Math.max(0, pos[z.from] - 3); k <= Math.min(nb.length - 1, pos[z.to] + 3); k++) {
      const j = nb[k];
      if (!taken.has(j) && isPageNo(j) && (best < 0 || Math.abs(k - pos[z.from]) < Math.abs(pos[best] - pos[z.from]))) best = j;
    }
    if (best >= 0) {
      taken.add(best);
      z.page = Number(lines[best].text);
      z.lines.push(best);
      z.from = Math.min(z.from, best);
      z.to = Math.max(z.to, best);
    }
  }
  // chapter names: the most frequent candidate is the running header line; the other candidates in
  // a zone, and short lines printed between two furniture lines of a zone, are chapter names
  const top = occ.get(headers[0])!.length;
  for (const z of zones) {
    for (let k = pos[z.from] + 1; k < pos[z.to]; k++) {
      const j = nb[k];
      if (!z.lines.includes(j) && isCandidate(lines[j].text) && lines[j].text.length <= 80) z.lines.push(j);
    }
    z.lines.sort((a, b) => a - b);
    const name = z.lines.find((j) => !PAGE_NUMBER.test(lines[j].text) && !(isHeader.has(lines[j].text) && occ.get(lines[j].text)!.length === top));
    if (name !== undefined) z.chapter = lines[name].text.replace(CONTINUED, '');
  }
  // a chapter name printed next to (not between) the header line and the page number: where at
  // least 3 zones, and 80 % of those with a name, print it at the same offset from the header
  // line, the line at that offset in the other zones is their chapter name (one- or two-page
  // chapters, whose name is not repeated often enough to be found by itself)
  const main = headers[0];
  const headerAt = (z: Zone) => z.lines.find((j) => lines[j].text === main);
  const offsets = new Map<number, number>();
  let named = 0;
  for (const z of zones) {
    const h = headerAt(z);
    const c = z.lines.find((j) => !PAGE_NUMBER.test(lines[j].text) && lines[j].text !== main);
    if (h === undefined || c === undefined) continue;
    named++;
    offsets.set(pos[c] - pos[h], (offsets.get(pos[c] - pos[h]) ?? 0) + 1);
  }
  const [d, votes] = [...offsets.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (d !== 0 && votes >= 3 && votes >= 0.8 * named) {
    for (const z of zones) {
      if (z.chapter !== undefined) continue;
      const h = headerAt(z);
      const k = h === undefined ? -1 : pos[h] + d;
      if (k < 0 || k >= nb.length) continue;
      const j = nb[k];
      if (z.lines.includes(j) || !isCandidate(lines[j].text) || lines[j].text.length > 80 || PAGE_NUMBER.test(lines[j].text)) continue;
      if (Math.abs(k - pos[z.from]) > 3 && Math.abs(k - pos[z.to]) > 3) continue;
      z.chapter = lines[j].text.replace(CONTINUED, '');
      z.lines.push(j);
      z.lines.sort((a, b) => a - b);
      z.from = Math.min(z.from, j);
      z.to = Math.max(z.to, j);
    }
  }
  // header or footer: a page break (leading space = form feed) right after the zone means footers
  let after = 0;
  let before = 0;
  for (const z of zones) {
    const nx = pos[z.to] + 1 < nb.length ? nb[pos[z.to] + 1] : -1;
    if (nx >= 0 && lines[nx].lead > 0) after++;
    if (lines[z.from].lead > 0) before++;
  }
  return { headers, zones, pages: zones.filter((z) => z.page !== undefined).length, footers: after > before };
}

export interface StripResult {
  dropped: Dropped[];
  /** page number of the first page, and the line index where each printed page starts */
  starts: Map<number, number>;
  pageCount: number;
  /** chapter name printed in the furniture of each page */
  chapterOfPage: Map<number, string>;
  warnings: string[];
}

/**
 * Drop the running header/footer zones (blanking their lines), number the pages from them and set
 * `page` on every line. Lines before the first zone are the pages before the first numbered one.
 */
export function stripRunningHeaders(lines: Line[], rh: RunningHeaders = findRunningHeaders(lines)): StripResult {
  const dropped: Dropped[] = [];
  const starts = new Map<number, number>();
  const chapterOfPage = new Map<number, string>();
  const warnings: string[] = [];
  const { zones, footers } = rh;
  // page of each zone: its number, else the previous one + 1
  let prev = 0;
  const pageOf = zones.map((z) => {
    const p = z.page !== undefined && z.page > prev ? z.page : prev + 1;
    if (z.page !== undefined && z.page !== p) warnings.push(`running headers: page number ${z.page} (line ${lines[z.lines.find((j) => lines[j].text === String(z.page)) ?? z.from].n}) out of sequence; counted as ${p}`);
    prev = p;
    return p;
  });
  // page starts: after a footer zone, or at a header zone
  // pages before the first zone: one per form feed (a line with a leading space after a blank line)
  const firstZone = zones.length ? (footers ? zones[0].to + 1 : zones[0].from) : lines.length;
  const breaks = [0];
  for (let i = 1; i < firstZone; i++) if (lines[i].lead > 0 && lines[i].text && !lines[i - 1].text) breaks.push(i);
  const firstNo = pageOf.length ? (footers ? pageOf[0] : pageOf[0] - 1) : 1;
  const pre = footers ? breaks.length : breaks.length;
  let p0 = Math.max(1, firstNo - pre + 1);
  for (const b of breaks) { if (p0 <= firstNo && !starts.has(p0)) starts.set(p0, b); p0++; }
  zones.forEach((z, k) => {
    // (a footer closes its page: the next page is the one the next footer numbers, gaps allowed)
    if (footers) { if (k + 1 < zones.length || lines.slice(z.to + 1).some((l) => l.text)) starts.set(pageOf[k + 1] ?? pageOf[k] + 1, z.to + 1); }
    else starts.set(pageOf[k], z.from);
    if (z.chapter) chapterOfPage.set(pageOf[k], z.chapter);
  });
  const sorted = [...starts.entries()].sort((a, b) => a[1] - b[1]);
  for (let k = 0; k < sorted.length; k++) {
    const [p, from] = sorted[k];
    const to = k + 1 < sorted.length ? sorted[k + 1][1] : lines.length;
    for (let i = from; i < to; i++) lines[i].page = p;
  }
  for (const z of zones) {
    for (const j of z.lines) {
      const t = lines[j].text;
      const why = BARE_NUMBER.test(t) ? 'page number' : t === rh.headers[0] ? 'running header' : 'chapter name in the running header';
      dropped.push({ line: lines[j].n, text: t, why });
      lines[j].text = '';
    }
  }
  dropped.sort((a, b) => a.line - b.line);
  const pageCount = sorted.reduce((m, s) => Math.max(m, s[0]), 1);
  return { dropped, starts, pageCount, chapterOfPage, warnings };
}

/**
 * `(CONTINUED)` repeats: a line `<text> (Continued)` whose text (furniture key) was printed
 * before is a repeat of a heading or caption on a new page; it is blanked (the text joins the
 * first occurrence) and reported. A continued line whose text was never printed stays.
 */
export function mergeContinued(lines: Line[]): Dropped[] {
  const seen = new Set<string>();
  const dropped: Dropped[] = [];
  for (const l of lines) {
    if (!l.text) continue;
    const k = furnitureKey(l.text);
    if (CONTINUED.test(l.text) && l.text.length <= 100 && seen.has(k)) {
      dropped.push({ line: l.n, text: l.text, why: '(continued) repeat' });
      l.text = '';
      continue;
    }
    seen.add(k);
  }
  return dropped;
}

/** Zones of the running headers/footers with folio: one per page (lines with the same folio close together share it). */
export function folioZones(lines: Line[], fh: FolioHeader[]): RunningHeaders {
  const zones: Zone[] = [];
  for (const h of fh) {
    const last = zones[zones.length - 1];
    if (last && last.page === h.folio && h.i - last.to <= 6) { last.lines.push(h.i); last.to = h.i; continue; }
    zones.push({ lines: [h.i], page: h.folio, from: h.i, to: h.i });
  }
  // header or footer: a page break (leading space = form feed) right after the zone means footers
  let after = 0;
  let before = 0;
  for (const z of zones) {
    let nx = z.to + 1;
    while (nx < lines.length && !lines[nx].text) nx++;
    if (nx < lines.length && lines[nx].lead > 0) after++;
    if (lines[z.from].lead > 0) before++;
  }
  return { headers: [], zones, pages: zones.length, footers: after > before };
}

/**
 * The `running-headers` layout, when the text has one (running header lines near page numbers on
 * at least 3 pages, or running headers/footers with folio on at least 3 pages): strips the zones
 * and the `(continued)` repeats, and returns the page map (`folios` empty), the dropped lines and
 * the chapter name of each page. Null otherwise.
 */
export function runningHeaderLayout(lines: Line[]): {
  pm: { starts: Map<number, number>; folios: { line: number; value: number }[]; pageCount: number; warnings: string[] };
  dropped: Dropped[];
  chapterOfPage: Map<number, string>;
} | null {
  const fh = findFolioHeaders(lines);
  const rh = findRunningHeaders(lines);
  let s: StripResult;
  const withFolio: Dropped[] = [];
  if (rh.headers.length && rh.pages >= 3) {
    // the zones number the pages; headers with folio are dropped as well
    s = stripRunningHeaders(lines, rh);
    for (const h of fh) {
      if (!lines[h.i].text) continue;
      withFolio.push({ line: lines[h.i].n, text: lines[h.i].text, why: 'running header with folio' });
      lines[h.i].text = '';
    }
  } else if (fh.length) {
    s = stripRunningHeaders(lines, folioZones(lines, fh));
    for (const d of s.dropped) d.why = 'running header with folio';
  } else return null;
  const dropped = [...s.dropped, ...withFolio, ...mergeContinued(lines)].sort((a, b) => a.line - b.line);
  return { pm: { starts: s.starts, folios: [], pageCount: s.pageCount, warnings: s.warnings }, dropped, chapterOfPage: s.chapterOfPage };
}
