/**
 * Units from the contents page: each matched entry that owns text opens a unit; top-level entries
 * with entries below them are the report's parts (chapters in report.yaml), the entries below are
 * its sections. Text before the first matched heading (cover, contents) is the first front unit.
 *
 * Ids are positional and deterministic, as for every outline: `f01`… front matter (top-level
 * entries before the first part), `c01` a part's own text (its opener) or a top-level chapter,
 * `c01-s01`… the units of a part, `a01`… appendices (from the first appendix or index entry after
 * the parts on).
 */
import type { Line } from '../types.ts';
import type { Outline, Unit } from './types.ts';
import { APPENDIX, APPENDIX_START, splitNumber, type ContentsEntry, type ContentsPage } from './contents-page.ts';
import type { EntryMatch } from './match-contents.ts';


export function contentsUnits(lines: Line[], cp: ContentsPage, matches: EntryMatch[]): Outline {
  const entries = cp.entries;
  const top = topAncestors(entries);
  const hasChildren = new Set(entries.filter((e, k) => entries[k + 1] && entries[k + 1].level > e.level).map((e) => e));
  const isGroup = (e: ContentsEntry) => e.level === 1 && hasChildren.has(e);
  const anyGroup = entries.some(isGroup);
  const units: (Unit & { to: number })[] = [];
  const groups: { id: string; title: string }[] = [];
  const groupId = new Map<ContentsEntry, string>();
  const sub = new Map<string, number>();
  let chapters = 0;
  let fronts = 0;
  let appendices = 0;
  let seenChapter = false;

  const firstText = lines.findIndex((l) => l.text);
  const start = matches.length ? matches[0].line : lines.length;
  if (firstText >= 0 && firstText < start) {
    units.push({ id: `f${pad(++fronts)}`, kind: 'front', title: lines[firstText].text, from: 0, to: start, titleLines: [firstText], cover: true });
  }
  // headings with no text of their own (a part title above its first section) open the next unit
  let pending: { from: number; lines: number[] } | undefined;
  matches.forEach((m, j) => {
    const to = j + 1 < matches.length ? matches[j + 1].line : lines.length;
    const owns = lines.slice(m.lines[m.lines.length - 1] + 1, to).some((l) => l.text);
    const t = top.get(m.entry)!;
    const number = splitNumber(lines[m.lines[0]].text).number ?? m.entry.number;
    const title = readerTitle(m.entry.title, lines[m.lines[m.lines.length - 1]].text, number);
    const unit = { title, from: pending?.from ?? m.line, to, titleLines: [...(pending?.lines ?? []), ...m.lines], ...(number ? { number } : {}) };
    if (!owns && j + 1 < matches.length) {
      pending = { from: unit.from, lines: unit.titleLines };
      if (isGroup(t) && !groupId.has(t)) {
        const gid = `c${pad(++chapters)}`;
        groupId.set(t, gid);
        groups.push({ id: gid, title: t.title });
        seenChapter = true;
      }
      return;
    }
    pending = undefined;
    if (isGroup(t)) {
      seenChapter = true;
      let gid = groupId.get(t);
      if (!gid) {
        gid = `c${pad(++chapters)}`;
        groupId.set(t, gid);
        groups.push({ id: gid, title: t.title });
      }
      if (t === m.entry) units.push({ id: gid, kind: 'chapter', group: gid, ...unit });
      else {
        const n = (sub.get(gid) ?? 0) + 1;
        sub.set(gid, n);
        units.push({ id: `${gid}-s${pad(n)}`, kind: 'section', group: gid, ...unit });
      }
      return;
    }
    if (seenChapter && (APPENDIX.test(m.entry.title) || appendices)) units.push({ id: `a${pad(++appendices)}`, kind: 'appendix', ...unit });
    else if (anyGroup && !seenChapter) units.push({ id: `f${pad(++fronts)}`, kind: 'front', ...unit });
    else {
      seenChapter = true;
      units.push({ id: `c${pad(++chapters)}`, kind: 'chapter', ...unit });
    }
  });
  for (let k = 0; k + 1 < units.length; k++) units[k].to = units[k + 1].from;
  splitAppendices(lines, units);
  return { units, groups: groups.filter((g) => units.some((u) => u.group === g.id)), warnings: [] };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `附錄 1 ESG 關鍵績效指標`, `Appendix II: GRI Index`, `附录三` standing on a line of their own */
const NUMBERED_APPENDIX = new RegExp(`^(?:${APPENDIX_START.source})\\s*([0-9]{1,2}|[IVX]{1,4}|[一二三四五六七八九十]{1,3})(?:\\s*[:：.、]\\s*|\\s+|$)(.{0,40})$`, 'iu');

/**
 * A contents page that lists the appendices as one entry (`附錄 111-131`) while the body opens each
 * with a numbered heading: every numbered appendix becomes a unit, in print order (ids are
 * assigned later, by position). Headings must stand alone (not a table row) and their numbers must rise; fewer than two
 * leave the unit whole.
 */
function splitAppendices(lines: Line[], units: (Unit & { to: number })[]): void {
  const out: (Unit & { to: number })[] = [];
  for (const u of units) {
    if (u.kind !== 'appendix') { out.push(u); continue; }
    const heads = numberedAppendices(lines, u.from, u.to);
    const bare = APPENDIX_START.test(u.title) && !NUMBERED_APPENDIX.test(u.title);
    if (!bare || heads.length < 2) { out.push(u); continue; }
    heads.forEach((h, k) => {
      const from = k === 0 ? u.from : h;
      const to = k + 1 < heads.length ? heads[k + 1] : u.to;
      const titleLines = k === 0 ? [...u.titleLines, h] : [h];
      out.push({ id: u.id, kind: 'appendix', title: lines[h].text.replace(/\s+/g, ' '), from, to, titleLines });
    });
  }
  units.splice(0, units.length, ...out);
}

function numberedAppendices(lines: Line[], from: number, to: number): number[] {
  const heads: number[] = [];
  let last = 0;
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (l.cells || !l.text) continue;
    const m = NUMBERED_APPENDIX.exec(l.text);
    if (!m) continue;
    const n = numberValue(m[1]);
    if (n > last) { heads.push(i); last = n; }
  }
  return heads;
}

const CN_DIGITS = '一二三四五六七八九';
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10 };
function numberValue(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (/^[IVX]+$/i.test(s)) {
    const v = [...s.toUpperCase()].map((c) => ROMAN_VALUE[c]);
    return v.reduce((sum, x, k) => sum + (x < (v[k + 1] ?? 0) ? -x : x), 0);
  }
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (s.includes('十') ? (tens ? CN_DIGITS.indexOf(tens) + 1 : 1) * 10 : 0) + (ones ? CN_DIGITS.indexOf(ones) + 1 : 0);
}

const allCaps = (s: string) => /\p{Lu}{4}/u.test(s) && !/\p{Ll}/u.test(s);
/**
 * The unit title: the contents page's, without a number it repeats; where the contents prints it
 * in capitals and the heading does not, the heading's (a reader's `ESG Governance`, not `ESG GOVERNANCE`).
 */
function readerTitle(entry: string, heading: string, number?: string): string {
  const title = number && entry.startsWith(number + ' ') ? entry.slice(number.length).trim() : entry;
  const printed = splitNumber(heading.trim()).title;
  return allCaps(title) && !allCaps(printed) && /\p{Ll}/u.test(printed) && printed.length <= title.length + 4 ? printed : title;
}

/** Each entry's top-level ancestor (itself at level 1). */
function topAncestors(entries: ContentsEntry[]): Map<ContentsEntry, ContentsEntry> {
  const m = new Map<ContentsEntry, ContentsEntry>();
  let top: ContentsEntry | undefined;
  for (const e of entries) {
    if (e.level <= 1 || !top) top = e;
    m.set(e, top);
  }
  return m;
}

export interface OutlineCheck {
  /** which evidence gave the outline */
  source: string;
  /** line (1-based) of the contents heading, when one is printed */
  contentsLine?: number;
  entries: number;
  matched: number;
  inOrder: number;
  /** the largest unit's share of the written text (measured by the pipeline on its sections) */
  largestUnitShare: number;
  unmatched: string[];
}

/** The importer's check of its outline against the contents page (the pipeline adds the largest unit's share). */
export function checkOutline(lines: Line[], source: string, cp: ContentsPage | undefined, matches: EntryMatch[]): Omit<OutlineCheck, 'largestUnitShare'> {
  if (!cp) return { source, entries: 0, matched: 0, inOrder: 0, unmatched: [] };
  const found = new Set(matches.map((m) => m.entry));
  const order = matches.map((m) => cp.entries.indexOf(m.entry));
  return {
    source,
    contentsLine: lines[cp.heading].n,
    entries: cp.entries.length,
    matched: found.size,
    inOrder: longestIncreasing(order),
    unmatched: cp.entries.filter((e) => !found.has(e)).map((e) => e.title),
  };
}

function longestIncreasing(xs: number[]): number {
  const tails: number[] = [];
  for (const x of xs) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (tails[mid] < x) lo = mid + 1; else hi = mid; }
    tails[lo] = x;
  }
  return tails.length;
}
