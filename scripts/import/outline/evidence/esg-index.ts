/**
 * Evidence: the printed ESG index, where its rows name the section of each disclosure and its page
 * in columns of their own (`KPI A1.1   The types of emissions …   Emissions   8`,
 * `A1.1	排放物種類及相關排放數據	排放物	007`, `A1.1 … 07 关键绩效指标 24`). Those names and pages
 * are read as the entries of a contents page (one per name, at its first page) and found in the
 * body the same way (match-contents.ts); they give the outline when the report prints no contents
 * page and at least 90 % of them (and 3) are found in page order.
 */
import type { Evidence, OutlineInput } from '../types.ts';
import type { ContentsEntry, ContentsPage } from '../contents-page.ts';
import { APPENDIX_START, splitNumber } from '../contents-page.ts';
import { matchContents, titleKey, type EntryMatch } from '../match-contents.ts';
import { contentsUnits } from '../contents-outline.ts';
import { candidatesOf } from './contents-page.ts';

export const SOURCE = 'ESG index';

/** An index row: a code (or General Disclosure / 一般披露) first. */
const ROW = /^(?:KPI\s*|關鍵績效指標\s*|关键绩效指标\s*)?(?:[AB]\d{1,2}(?:\.\d{1,2})?|[DＤ]\d{1,2}(?:-[a-z])?)\b|^(?:General Disclosure|一般披露)/iu;
/** columns: a tab, or a run of two spaces or ideographic spaces */
const COLUMNS = /\t+|[ \u3000]{2,}|\u3000/u;
const PAGE = /^(\d{1,3})(?:\s*[-–—~至]\s*(\d{1,3}))?$/u;

/** The (section name, page) pairs the index rows print in columns of their own. */
export function indexEntries(texts: string[]): ContentsEntry[] {
  const seen = new Map<string, ContentsEntry>();
  texts.forEach((t, line) => {
    if (!ROW.test(t)) return;
    const f = t.split(COLUMNS).map((x) => x.trim()).filter(Boolean);
    if (f.length < 4) return; // code, description, section, page
    const page = PAGE.exec(f[f.length - 1]);
    const name = f[f.length - 2];
    if (!page || !/\p{L}/u.test(name) || name.length > 40 || /[。.;；]$/.test(name)) return;
    const { number, title } = splitNumber(name);
    const key = titleKey(title);
    const p = Number(page[1]);
    const had = seen.get(key);
    if (!key || (had && had.page! <= p)) return;
    seen.set(key, { title, level: 1, page: p, line, ...(number ? { number } : {}) });
  });
  return [...seen.values()].sort((a, b) => a.page! - b.page! || a.line - b.line);
}

export function esgIndex(doc: OutlineInput): Evidence {
  const none: Evidence = { source: SOURCE, candidates: [], warnings: [] };
  if (doc.contents) return none; // the contents page answers for the outline
  const { lines } = doc;
  const entries = indexEntries(lines.map((l) => l.text));
  if (entries.length < 3) return none;
  const first = Math.min(...entries.map((e) => e.line));
  // the index prints the names: its own lines are no headings
  const matches = matchContents(lines, entries, 0, { pagesReliable: false }).filter((m) => m.line < first);
  if (matches.length < Math.max(3, 0.9 * entries.length)) {
    return { ...none, warnings: [`outline: the ESG index names ${entries.length} sections with pages, but only ${matches.length} were found as headings; not used`] };
  }
  // the index and the appendices printed after it are units of their own (the index unit is read as a table)
  const extra = [indexTitleLine(doc, first), ...appendixLines(doc, first)].filter((i): i is number => i !== undefined)
    .map((i): EntryMatch => ({ entry: { title: splitNumber(lines[i].text).title, level: 1, line: i }, line: i, lines: [i], score: 1 }));
  const all = [...matches, ...extra].sort((a, b) => a.line - b.line);
  const cp: ContentsPage = { heading: first, end: first, entries: [...entries, ...extra.map((m) => m.entry)] };
  return { source: SOURCE, candidates: candidatesOf(doc, contentsUnits(lines, cp, all), all, SOURCE), warnings: [] };
}

const titleLike = (t: string) => t.length <= 60 && /\p{L}/u.test(t) && !/[。.!?！？；;，,]$/u.test(t);

/** The index's title: the highest of the (up to two) short lines printed above its first row. */
function indexTitleLine(doc: OutlineInput, first: number): number | undefined {
  let found: number | undefined;
  let top = first;
  // back over the rows printed before the first row that names a section (aspect rows, `A1 排放物`)
  while (top > 0 && (!doc.lines[top - 1].text || ROW.test(doc.lines[top - 1].text))) top--;
  for (let i = top - 1, seen = 0; i >= 0 && seen < 2; i--) {
    const t = doc.lines[i].text;
    if (!t) continue;
    seen++;
    if (!titleLike(t) || ROW.test(t)) break;
    found = i;
  }
  return found;
}

/** Appendix titles printed after the index (`Appendix I: …`, `附录一 …`). */
function appendixLines(doc: OutlineInput, first: number): number[] {
  const out: number[] = [];
  for (let i = first; i < doc.lines.length; i++) if (APPENDIX_START.test(doc.lines[i].text) && titleLike(doc.lines[i].text)) out.push(i);
  return out;
}

