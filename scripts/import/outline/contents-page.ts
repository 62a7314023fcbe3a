/**
 * Evidence of the highest trust: the report's own contents page (目錄 / 目录 / CONTENTS).
 *
 * Finds the contents heading and parses the entries printed under it, in the common forms of HKEX
 * reports: dotted leaders (`About this Report ........ 3`), a page or a page range after spaces or
 * a tab (`多元、平等和共融\t050-053`), numbered entries (`1.`, `1.1`, `I.`, `01`, `一、`, `(一)`),
 * unnumbered part headings above their entries, an entry wrapped over two lines with the page on
 * the second, and two entries glued on one line (`Emissions 12 Use of Resources 15`).
 */
import type { Line } from '../types.ts';

export interface ContentsEntry {
  title: string;
  /** 1 = top level (part); deeper entries have higher levels */
  level: number;
  /** printed first page; undefined for a heading printed without a page */
  page?: number;
  /** last page of a printed range (`050-053`) */
  pageEnd?: number;
  /** the page or range as printed (`050-053`) */
  pages?: string;
  /** the entry's line(s) as printed, leaders as ` … ` (absent where one line prints two entries) */
  printed?: string;
  /** printed number (`1.1`, `IV`, `01`, `三`) */
  number?: string;
  /** index of the (first) line of the entry */
  line: number;
}

export interface ContentsPage {
  /** index of the heading line (`目錄`) */
  heading: number;
  /** index after the last line of the contents block */
  end: number;
  entries: ContentsEntry[];
}

const HEADING = /^(?:table\s*of\s*)?contents?$|^目\s*[錄录]$|^目\s*[錄录]\s*(?:table\s*of\s*)?contents?$|^contents?\s*目\s*[錄录]$/i;
/** leaders between a title and its page: dots, middle dots, ellipses, underscores */
const LEADERS = String.raw`(?:\s*[.．·・•…‥⋯_]\s*){2,}`;
const PAGE = String.raw`(?:[Pp](?:age|\.)?\s*)?((\d{1,3})(?:\s*[-–—~～至]\s*(\d{1,3}))?)`;
/** title, separator (leaders, a tab, spaces, or nothing after a Han character), page or range */
const ENTRY = new RegExp(String.raw`^(.*?\S)(?:${LEADERS}|\t+\s*|\s+|(?<=\p{Script=Han}))${PAGE}\s*$`, 'u');
/** the same, anywhere in a line followed by more text: a glued entry */
const GLUED = new RegExp(String.raw`^(.*?\S)(?:${LEADERS}|\t+\s*|\s+)${PAGE}\s+(?=\S)`, 'u');

/** appendix titles */
export const APPENDIX_START = /^(?:appendix|appendices|annex|附[錄录件])/iu;
/** appendices and content indexes */
export const APPENDIX = new RegExp(`${APPENDIX_START.source}|(?:index|索引)$`, 'iu');
const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
const CN_NUM = '[一二三四五六七八九十]{1,3}';
/** printed numbering at the start of a title, with its depth */
const NUMBERING: [RegExp, (m: RegExpExecArray) => number][] = [
  [/^((?:\d{1,2}\.){1,3}\d{1,2})\.?\s+/, (m) => m[1].split('.').length],
  [/^(\d{1,2})(?:\.|、|\s)\s*/, () => 1],
  [/^((?=[IVX])[IVX]{1,5})[.、:)]\s*/, () => 1],
  [new RegExp(`^(${CN_NUM})[、.．]\\s*`), () => 1],
  [new RegExp(`^[（(](${CN_NUM}|\\d{1,2})[)）]\\s*`), () => 2],
  [/^(?:chapter|part|section)\s+(\d{1,2}|[IVX]{1,5})[.:]?\s+/i, () => 1],
  [new RegExp(`^第(${CN_NUM}|\\d{1,2})[章部篇][：:\\s]*`), () => 1],
];

export function splitNumber(title: string): { number?: string; depth: number; title: string } {
  for (const [re, depth] of NUMBERING) {
    const m = re.exec(title);
    if (!m || m[0].length >= title.length) continue;
    if (/^[IVX]/.test(m[1]) && !ROMAN.test(m[1])) continue;
    return { number: m[1], depth: depth(m), title: title.slice(m[0].length).trim() };
  }
  return { depth: 0, title };
}

const hasLetter = (s: string) => /\p{L}/u.test(s);
const hanCount = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
/** a line of running text rather than a contents entry */
function bodyLike(s: string): boolean {
  const han = hanCount(s);
  if (han ? han > 40 : s.length > 90) return true;
  return /[。！？!?]$|[a-z]{3,}\.$/u.test(s) && (han ? han > 15 : s.split(/\s+/).length > 10);
}
const FUNCTION_END = /\b(?:of|and|the|for|to|in|on|with|through|by|a|an|our|&)$|[,&\-–、及與与和]$/i;

interface RawEntry { title: string; page?: number; pageEnd?: number; pages?: string; line: number; lead?: number; printed?: string }

/** A contents line as a reader sees it: leaders (or the gap before the page) as ` … `, spaces as one. */
export function printedLine(t: string): string {
  return t.replace(new RegExp(String.raw`(?:${LEADERS}|	+\s*|[ 　]{2,})(?=${PAGE}\s*$)`, 'u'), ' … ').replace(/[	 　]+/gu, ' ').trim();
}

/** Parse one line into entries (two when glued); a line with no page gives one title-only entry. */
export function parseEntryLine(text: string, line: number, lastPage = 0): RawEntry[] {
  const out: RawEntry[] = [];
  let rest = text.trim();
  for (let guard = 0; guard < 6 && rest; guard++) {
    const g = GLUED.exec(rest);
    const tail = rest.slice(g?.[0].length ?? 0);
    const next = ENTRY.exec(tail);
    // glued only where the pages run on (`Scope 1 Emissions 25` is one title)
    if (g && next && hasLetter(g[1]) && /^[\p{Lu}\p{Script=Han}]/u.test(tail) && Number(g[3]) >= lastPage && Number(g[3]) <= Number(next[3])) {
      lastPage = Number(g[3]);
      out.push(entryOf(g, line));
      rest = tail;
      continue;
    }
    const m = ENTRY.exec(rest);
    // a title is short and no sentence: `… This report covers the period from 1` is running text
    const title = m?.[1] ?? '';
    if (m && hasLetter(title) && !/\d[\d,.]*$/.test(title.trim()) && !/[-–—]$/.test(title) && title.split(/\s+/).length <= 16 && !/[\p{Ll}\d]{2,}\.\s+\p{Lu}/u.test(title)) out.push(entryOf(m, line));
    else out.push({ title: rest.replace(/[\s.．·…_]+$/u, ''), line });
    break;
  }
  return out;
}

function entryOf(m: RegExpExecArray, line: number): RawEntry {
  const page = Number(m[3]);
  const end = m[4] !== undefined ? Number(m[4]) : undefined;
  return { title: m[1].replace(/[\s.．·…_]+$/u, '').trim(), page, pages: m[2], ...(end !== undefined && end >= page ? { pageEnd: end } : {}), line };
}

/** Find and parse the contents page; undefined when the text prints none (≥ 3 entries with pages). */
export function findContentsPage(lines: Line[]): ContentsPage | undefined {
  let best: ContentsPage | undefined;
  const limit = Math.max(200, Math.floor(lines.length * 0.3));
  for (let i = 0; i < Math.min(lines.length, limit); i++) {
    if (!lines[i].text || !HEADING.test(lines[i].text.replace(/\s+/g, ' ').trim())) continue; // not a `(continued)` repeat
    const cp = parseContents(lines, i);
    if (cp && (!best || paged(cp) > paged(best))) best = cp;
  }
  return best;
}
const paged = (cp: ContentsPage) => cp.entries.filter((e) => e.page !== undefined).length;

const CONTINUED = /\s*[（(]\s*(?:continued|cont['’]?d\.?|續|续)\s*[)）]\s*$/i;
/** the contents heading, or its repeat on the next page (`CONTENTS (CONTINUED)`) */
const isHeading = (t: string) => HEADING.test(t.replace(CONTINUED, '').replace(/\s+/g, ' ').trim());

/** The contents under a heading, in whichever of its printed forms. */
function parseContents(lines: Line[], heading: number): ContentsPage | undefined {
  const raw = pageLast(lines, heading) ?? pageFirst(lines, heading) ?? pageBlocks(lines, heading);
  if (!raw) return undefined;
  return { heading, end: raw[raw.length - 1].line + 1, entries: levelEntries(joinWrapped(raw, lines)) };
}

/** Entries with the page after the title (leaders, a tab, spaces), the common form. */
function pageLast(lines: Line[], heading: number): RawEntry[] | undefined {
  const raw: RawEntry[] = [];
  let lastPage = 0;
  let sincePaged = 0;
  let pagedCount = 0;
  for (let i = heading + 1; i < lines.length; i++) {
    const t = lines[i].text;
    if (!t || !/[\p{L}\p{N}]/u.test(t) || /^\d{1,3}$/.test(t)) continue; // blanks, rules, folios
    if (bodyLike(t)) break;
    // a new page goes on with the contents only when it opens with entries
    if (lines[i].lead > 0 && pagedCount >= 3 && !isHeading(t) && !nextPaged(lines, i)) break;
    if (isHeading(t)) continue; // `CONTENTS (continued)` style repeats
    const es = parseEntryLine(t, i, lastPage);
    const withPage = es.filter((e) => e.page !== undefined).length;
    if (!withPage) {
      // a run of title-only lines ends the contents once entries have been seen
      if (++sincePaged > 8 && pagedCount) break;
      if (sincePaged > 14) break;
    } else sincePaged = 0;
    pagedCount += withPage;
    for (const e of es) raw.push({ ...e, lead: lines[i].lead, ...(es.length === 1 ? { printed: printedLine(t) } : {}) });
    lastPage = es.reduce((p, e) => Math.max(p, e.page ?? 0), lastPage);
  }
  // title-only lines after the last entry with a page are not entries
  while (raw.length && raw[raw.length - 1].page === undefined) raw.pop();
  return pagedCount >= 3 ? raw : undefined;
}

const PAGE_FIRST = /^(\d{1,3})(?:[ \u3000]{2,}|\t+)(\S.*)$/u;

/**
 * Entries with the page first (`04   Chairman's Statement`, indented sub-entries). Told apart from
 * chapter numbers (`01  About us`) by the numbers: pages run on with gaps, chapter numbers by one.
 */
function pageFirst(lines: Line[], heading: number): RawEntry[] | undefined {
  const raw: RawEntry[] = [];
  let others = 0;
  for (let i = heading + 1; i < lines.length; i++) {
    const t = lines[i].text;
    if (!t || isHeading(t)) continue;
    const m = PAGE_FIRST.exec(t);
    if (m && /\p{L}/u.test(m[2]) && !bodyLike(m[2])) {
      raw.push({ title: m[2].trim(), page: Number(m[1]), pages: m[1], line: i, lead: lines[i].lead, printed: printedLine(t) });
      others = 0;
    } else if (raw.length && (bodyLike(t) || ++others > 2)) break;
    else if (!raw.length && ++others > 3) return undefined;
  }
  const pages = raw.map((r) => r.page!);
  const runsOn = pages.every((p, k) => !k || p >= pages[k - 1]) && pages.some((p, k) => k > 0 && p - pages[k - 1] > 1);
  return raw.length >= 3 && runsOn ? raw : undefined;
}

/**
 * A two-column contents page flattened: a block of titles, then a block of as many page numbers
 * (`目录`, 8 titles, 8 numbers, 8 titles, 8 numbers). Titles and pages pair in order.
 */
function pageBlocks(lines: Line[], heading: number): RawEntry[] | undefined {
  const raw: RawEntry[] = [];
  let titles: number[] = [];
  let pages: number[] = [];
  const flush = () => {
    if (!titles.length || titles.length !== pages.length) return false;
    titles.forEach((line, k) => raw.push({ title: lines[line].text, page: Number(lines[pages[k]].text), pages: lines[pages[k]].text, line, lead: lines[line].lead }));
    titles = [];
    pages = [];
    return true;
  };
  for (let i = heading + 1; i < lines.length; i++) {
    const t = lines[i].text;
    if (!t || isHeading(t)) continue;
    if (/^\d{1,3}$/.test(t)) {
      if (!titles.length) break;
      pages.push(i);
      if (pages.length === titles.length && !flush()) break;
    } else if (/\p{L}/u.test(t) && !bodyLike(t) && t.length <= 40 && !pages.length) titles.push(i);
    else break;
  }
  const ps = raw.map((r) => r.page!);
  return raw.length >= 3 && ps.every((p, k) => !k || p >= ps[k - 1]) ? raw : undefined;
}

/** The page starting at line i opens with an entry that has a page. */
function nextPaged(lines: Line[], i: number): boolean {
  for (let j = i, seen = 0; j < lines.length && seen < 2; j++) {
    if (!lines[j].text || /^\d{1,3}$/.test(lines[j].text)) continue;
    seen++;
    if (parseEntryLine(lines[j].text, j).some((e) => e.page !== undefined)) return true;
  }
  return false;
}

/** An entry wrapped over two lines (the page on the second) is one entry. */
function joinWrapped(raw: RawEntry[], lines: Line[]): RawEntry[] {
  const out: RawEntry[] = [];
  const width = Math.max(...raw.map((r) => lines[r.line].text.length));
  for (let k = 0; k < raw.length; k++) {
    const a = raw[k];
    const b = raw[k + 1];
    if (a.page === undefined && b && b.page !== undefined && b.line === a.line + 1 && wraps(a.title, b.title, lines[a.line].text, width)) {
      const latin = !hanCount(a.title + b.title);
      const join = (x: string, y: string) => (latin ? `${x} ${y}` : x + y);
      out.push({ ...b, title: join(a.title, b.title), line: a.line, ...(b.printed ? { printed: join(a.printed ?? a.title, b.printed) } : {}) });
      k++;
    } else out.push(a);
  }
  return out;
}

/** A title-only line continued by the next entry: it ran out of width, or it cannot end there. */
function wraps(first: string, second: string, firstLine: string, width: number): boolean {
  if (splitNumber(second).number) return false;
  if (/^\p{Ll}/u.test(second) || FUNCTION_END.test(first.trim())) return true;
  return firstLine.length >= 0.85 * width && (!!splitNumber(first).number || /\s$/.test(firstLine));
}

/**
 * Levels: numbered entries from their numbering; runs of unnumbered title-only lines (part
 * headings) nest outermost first and fill the deepest levels of the heading stack; unnumbered
 * entries with a page sit one level below the headings above them.
 */
function levelEntries(raw: RawEntry[]): ContentsEntry[] {
  const split = raw.map((r) => ({ r, ...splitNumber(r.title) }));
  // depth of the heading stack formed by unnumbered title-only runs
  const runs: number[] = [];
  let run = 0;
  for (const s of split) {
    if (s.r.page === undefined && !s.number) run++;
    else if (run) { runs.push(run); run = 0; }
  }
  const maxRun = Math.max(0, ...runs);
  const out: ContentsEntry[] = [];
  // indentation of unnumbered entries with a page, where the extraction kept it, is a level too
  const leads = [...new Set(split.filter((s) => s.r.page !== undefined && !s.number).map((s) => s.r.lead ?? 0))].sort((a, b) => a - b);
  let context = 0; // level of the last heading printed without a page
  let runPos = 0;
  let numberedContext = 0;
  let contextNumbered = false;
  for (let k = 0; k < split.length; k++) {
    const s = split[k];
    let level: number;
    if (s.number) {
      level = s.depth;
      runPos = 0;
      if (s.r.page === undefined) { context = level; numberedContext = level; contextNumbered = true; }
      else if (numberedContext && level <= numberedContext) numberedContext = 0;
    } else if (s.r.page === undefined) {
      let len = 1;
      while (split[k + len] && split[k + len].r.page === undefined && !split[k + len].number) len++;
      if (runPos === 0) runPos = maxRun - len + 1;
      level = runPos++;
      context = level;
      contextNumbered = false;
    } else if (APPENDIX.test(s.title) && !contextNumbered && k > 0 && split.slice(k).every((x) => x.r.page !== undefined && !x.number)) {
      // appendices and the index after unnumbered parts stand at the top level (numbered parts hold all that follows)
      runPos = 0;
      context = 0;
      level = 1;
    } else {
      runPos = 0;
      level = context + 1 + Math.max(0, leads.indexOf(s.r.lead ?? 0));
    }
    out.push({
      title: s.title,
      level,
      line: s.r.line,
      ...(s.r.page !== undefined ? { page: s.r.page } : {}),
      ...(s.r.pageEnd !== undefined ? { pageEnd: s.r.pageEnd } : {}),
      ...(s.r.pages ? { pages: s.r.pages } : {}),
      ...(s.r.printed ? { printed: s.r.printed } : {}),
      ...(s.number ? { number: s.number } : {}),
    });
  }
  return out;
}
