/**
 * Stage: derive the chapter-level outline of a report from its own structure, with no chapter list
 * in the overrides. Cues, all generic:
 *
 * - a title inventory: nav bars (lines of ≥ 4 space-separated short titles printed on several pages),
 *   the cover page's title cloud, ToC lists (`● Title P28`), and "strategy page" runs (a chapter title
 *   followed within a few lines by a run of short lines that reappear later as headings);
 * - chapters: a chapter ordinal alone on a line (`01`, `02` …) followed by a title, or the page that
 *   carries a ToC list (`● Title P##`: the page's first line is the chapter title, the list gives its
 *   sections);
 * - sections: the listed titles, found as standalone lines after the chapter start (page starts first);
 * - front matter (before the first chapter): page starts or standalone lines equal to an inventory title;
 * - appendices (from the first `附錄`/`附录`/`Appendix` title after the last chapter): title-like page
 *   starts and `附录X Title` lines.
 *
 * Ids are positional and deterministic: `f01`… (front), `c01` (chapter opener), `c01-s01` (section),
 * `a01`… (appendix). Overrides (`outline:` in overrides.yaml) add, remove, merge and rename units.
 */
import type { Line } from './types.ts';

export interface OutlineOverrides {
  /** start a unit at the first standalone line equal to `at` (after the first line equal to `after`) */
  split?: { at: string; after?: string; title?: string }[];
  /** a detected unit title that is not a unit start */
  demote?: string[];
  /** unit ids merged into the unit before them */
  merge?: string[];
  /** unit id → title */
  rename?: Record<string, string>;
}

export interface Unit {
  id: string;
  kind: 'front' | 'chapter' | 'section' | 'appendix';
  title: string;
  /** first line index of the unit */
  from: number;
  /** line indices of the printed title (blanked in the body) */
  titleLines: number[];
  /** chapter group id (c01 …) for chapter openers and their sections */
  group?: string;
  /** a cover page (title cloud): its title is the report's title where the overrides give one */
  cover?: boolean;
  /** printed heading number (`1.1`, `IV`) */
  number?: string;
}

export interface Outline {
  units: (Unit & { to: number })[];
  groups: { id: string; title: string }[];
  warnings: string[];
}

/** Normalised form for matching titles: letters and digits only, NFKC, 与/與 → 和. */
export const norm = (s: string) => s.normalize('NFKC').replace(/[与與]/g, '和').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

const SENT_END = /[。．.！？!?；;：:，,、]$/u;
const hanCount = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
/** a short line that could be a title */
export function titleLike(s: string): boolean {
  if (!s || SENT_END.test(s)) return false;
  if (!/\p{L}/u.test(s)) return false;
  const h = hanCount(s);
  return h > 0 ? h <= 24 && s.length <= 40 : s.length <= 60;
}
const isPageStart = (l: Line) => l.lead === 1;
/** a unit larger than this (or 15 % of the report) is cut at title-like page starts */
const MAX_UNIT = 20_000;
const MIN_PIECE = 1_500;
const TOC_ENTRY = /^[●•▪■◆]\s*(.{2,60}?)\s*P\.?\s?(\d{1,3})$/u;
const ORDINAL = /^0[1-9]$|^1[0-9]$/;
const APPENDIX = /^(附[录錄]|appendix\b)/iu;
/** glued report title / company name inside a nav bar token */
const NAV_GLUE = /\d{4}\s*(?:年度?)?\s*(?:環境、社會及管治|环境、社会及管治|環境、社會和治理|环境、社会和治理|ESG)\s*報告|\d{4}\s*(?:環境、社會及管治|环境、社会及管治|环境、社会和治理)\s*报告|\S{2,16}?(?:股份)?有限公司/gu;

/** Nav bars: lines of ≥ 4 space-separated tokens whose token set recurs on another line (≥ 60 % shared). */
export function findNavBars(lines: Line[]): { lines: Set<number>; titles: string[] } {
  const cand: { i: number; toks: Set<string>; pieces: string[] }[] = [];
  lines.forEach((l, i) => {
    if (SENT_END.test(l.text)) return;
    const pieces = l.text.replace(/^\d{1,3}(?=\p{L})/u, '').replace(NAV_GLUE, ' ').split(/\s+/).filter(Boolean);
    if (!pieces.every((t) => /^[\p{L}、，]+$/u.test(t))) return;
    const words = pieces.filter((t) => t.length >= 2);
    if (words.length < 5) return;
    cand.push({ i, toks: new Set(words.map(norm)), pieces: words });
  });
  const out = new Set<number>();
  const titles: string[] = [];
  // candidates sharing titles, found through a title → candidates index (linear in practice)
  const byTok = new Map<string, number[]>();
  cand.forEach((x, k) => { for (const t of x.toks) { if (!byTok.has(t)) byTok.set(t, []); byTok.get(t)!.push(k); } });
  for (const [k, a] of cand.entries()) {
    const shared = new Map<number, number>();
    for (const t of a.toks) for (const o of byTok.get(t)!.slice(0, 200)) if (o !== k) shared.set(o, (shared.get(o) ?? 0) + 1);
    const recurs = [...shared].some(([o, cnt]) => cnt >= Math.max(4, 0.6 * Math.min(a.toks.size, cand[o].toks.size)));
    if (!recurs) continue;
    out.add(a.i);
    for (const p of a.pieces) if (titleLike(p) && !titles.includes(p)) titles.push(p);
  }
  return { lines: out, titles };
}

interface Ctx { lines: Line[]; skip: Set<number>; normed?: string[] }
const text = (c: Ctx, i: number) => (c.skip.has(i) ? '' : c.lines[i].text);
/** normalised text of line i (cached; a leading page number glued to a title is cut) */
const normAt = (c: Ctx, i: number) => {
  c.normed ??= c.lines.map((_, k) => norm(text(c, k).replace(/^\d{1,3}(?=\p{Script=Han})/u, '')));
  return c.normed[i];
};

/** Lines [i] or [i, i+1] (a wrapped title) whose normalised text equals `want`. */
function matchAt(c: Ctx, i: number, want: string): number[] | null {
  const a = normAt(c, i);
  if (!a) return null;
  if (a === want) return [i];
  if (want.startsWith(a) && i + 1 < c.lines.length && norm(text(c, i) + text(c, i + 1)) === want) return [i, i + 1];
  return null;
}
function findTitle(c: Ctx, from: number, to: number, title: string, pageStartFirst: boolean): number[] | null {
  const want = norm(title);
  if (!want) return null;
  if (pageStartFirst) for (let i = from; i < to; i++) if (isPageStart(c.lines[i]) || c.skip.has(i - 1)) { const m = matchAt(c, i, want); if (m) return m; }
  for (let i = from; i < to; i++) { const m = matchAt(c, i, want); if (m) return m; }
  return null;
}

export function detectOutline(lines: Line[], ov: OutlineOverrides = {}, navBars?: { lines: Set<number>; titles: string[] }): Outline {
  const warnings: string[] = [];
  const nav = navBars ?? findNavBars(lines);
  const c: Ctx = { lines, skip: new Set(nav.lines) };
  const n = lines.length;
  const inventory = new Set(nav.titles.map(norm));
  // cover page: lines before the second page start
  const firstStarts = lines.map((l, i) => (isPageStart(l) && text(c, i) ? i : -1)).filter((i) => i >= 0);
  const coverEnd = firstStarts.find((i) => i > (firstStarts[0] ?? 0) + 3) ?? Math.min(n, 60);
  // a cover page that is a title cloud (title-like lines, no sentences) lists the report's titles
  const coverLines = lines.slice(0, coverEnd).map((l, i) => text(c, i)).filter(Boolean);
  const cloud = coverLines.length >= 8 && coverLines.every((t) => !/[。！？]$/.test(t)) && coverLines.filter(titleLike).length >= 0.8 * coverLines.length;
  if (cloud) for (let i = 0; i < coverEnd; i++) for (const t of text(c, i).split(/\s+/)) if (titleLike(t) && t.length >= 2) inventory.add(norm(t));

  // ---- chapters
  type Ch = { from: number; title: string; titleLines: number[]; sections: string[] };
  const chapters: Ch[] = [];
  // (a) ordinals
  const byOrd = new Map<number, { i: number; t: number; title: string }[]>();
  for (let i = 0; i < n; i++) {
    if (!ORDINAL.test(text(c, i))) continue;
    let k = i + 1;
    while (k < n && !text(c, k)) k++;
    if (k >= n || k - i > 2 || !titleLike(text(c, k)) || /^\d/.test(text(c, k))) continue;
    const v = Number(text(c, i));
    if (!byOrd.has(v)) byOrd.set(v, []);
    byOrd.get(v)!.push({ i, t: k, title: text(c, k) });
  }
  const ords = [...byOrd.keys()].sort((a, b) => a - b);
  if (ords.length >= 3 && ords[0] === 1 && ords.every((v, k) => v === k + 1)) {
    let last = -1;
    for (const v of ords) {
      const cands = byOrd.get(v)!.filter((x) => x.i > last);
      if (!cands.length) continue;
      // a repeated ordinal: the one whose title the document prints elsewhere (inventory, nav bar, strategy page)
      const known = cands.filter((x) => inventory.has(norm(x.title)) || lines.some((_, j) => j !== x.t && normAt(c, j) === norm(x.title)));
      const pick = (known.length ? known : cands)[0];
      chapters.push({ from: pick.i, title: pick.title, titleLines: [pick.i, pick.t], sections: [] });
      last = pick.t;
    }
  }
  // (b) ToC lists on chapter openers
  if (!chapters.length) {
    for (let i = 0; i < n; i++) {
      const m = TOC_ENTRY.exec(text(c, i));
      if (!m) continue;
      let ps = i;
      while (ps > 0 && !isPageStart(lines[ps])) ps--;
      let ch = chapters.find((x) => x.from === ps);
      if (!ch) {
        if (chapters.length && i - chapters[chapters.length - 1].from < 40) ch = chapters[chapters.length - 1];
        else { ch = { from: ps, title: text(c, ps), titleLines: [ps], sections: [] }; chapters.push(ch); }
      }
      ch.sections.push(m[1].trim());
    }
    // a chapter opener's title wrapped over two lines
    for (const ch of chapters) {
      const nx = ch.from + 1;
      if (nx < n && text(c, nx) && titleLike(text(c, nx)) && hanCount(ch.title + text(c, nx)) <= 16 && !TOC_ENTRY.test(text(c, nx))) {
        ch.title += text(c, nx);
        ch.titleLines.push(nx);
      }
    }
  }
  // sections of ordinal chapters: a run of short lines after an earlier printing of the chapter title
  for (const ch of chapters) {
    if (ch.sections.length) continue;
    const want = norm(ch.title);
    for (let i = 0; i < ch.from && !ch.sections.length; i++) {
      if (norm(text(c, i)) !== want) continue;
      for (let k = i + 1; k < Math.min(n, i + 14); k++) {
        const run: string[] = [];
        let j = k;
        while (j < n && text(c, j) && titleLike(text(c, j)) && hanCount(text(c, j)) <= 16 && !/\s/.test(text(c, j))) run.push(text(c, j++));
        if (run.length >= 2) {
          const next = chapters[chapters.indexOf(ch) + 1]?.from ?? n;
          const later = run.filter((t) => findTitle(c, ch.from + 1, next, t, false));
          if (later.length >= Math.max(2, run.length - 1)) { ch.sections = later; break; }
        }
        if (run.length) k = j;
      }
    }
  }

  // ---- units
  const units: Unit[] = [];
  const firstCh = chapters[0]?.from ?? n;
  // front matter
  const bodyTitles = new Set(chapters.flatMap((ch) => [ch.title, ...ch.sections]).map(norm));
  const frontTitles = [...inventory].filter((t) => !bodyTitles.has(t));
  const front: { from: number; title: string; titleLines: number[] }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < firstCh; i++) {
    if (cloud && i < coverEnd) continue;
    const t = text(c, i);
    if (!t) continue;
    const head = norm(t.replace(/^\d{1,3}(?=\p{Script=Han})/u, ''));
    let hit = frontTitles.find((x) => x === head && !seen.has(x));
    let hitLines = [i];
    if (!hit && isPageStart(lines[i])) {
      // a spread: `Title Title2` — the first title opens the unit
      const first = norm(t.split(/\s+/)[0]);
      if (t.split(/\s+/).length > 1 && t.split(/\s+/).every((x) => inventory.has(norm(x)))) { hit = first; hitLines = []; }
    }
    if (!hit) continue;
    seen.add(hit);
    front.push({ from: i, title: t.replace(/^\d{1,3}(?=\p{Script=Han})/u, ''), titleLines: [i] });
  }
  if (!front.length || front[0].from > 0) front.unshift({ from: 0, title: '', titleLines: [] });
  const coverUnit = cloud ? front[0] : undefined;
  // chapters and sections
  const body: Unit[] = [];
  let appendixFrom = n;
  chapters.forEach((ch, k) => {
    const g = `c${String(k + 1).padStart(2, '0')}`;
    const end = chapters[k + 1]?.from ?? n;
    body.push({ id: g, kind: 'chapter', title: ch.title, from: ch.from, titleLines: ch.titleLines, group: g });
    let at = ch.titleLines[ch.titleLines.length - 1] + 1;
    // skip the ToC list itself
    while (at < end && (TOC_ENTRY.test(text(c, at)) || !text(c, at))) at++;
    let s = 0;
    for (const t of ch.sections) {
      const hit = findTitle(c, at, end, t, true);
      if (!hit) { warnings.push(`outline: section "${t}" of chapter "${ch.title}" not found as a heading`); continue; }
      s++;
      // a page whose own title line comes first (` 客戶體驗提升` … `客戶服務`): the section starts with the page
      let from = hit[0];
      for (let p = hit[0] - 1; p >= Math.max(at, hit[0] - 8); p--) {
        if (isPageStart(lines[p]) && titleLike(text(c, p))) { from = p; break; }
      }
      body.push({ id: `${g}-s${String(s).padStart(2, '0')}`, kind: 'section', title: text(c, hit[0]) + (hit[1] !== undefined ? text(c, hit[1]) : ''), from, titleLines: hit, group: g });
      at = hit[hit.length - 1] + 1;
    }
    if (k === chapters.length - 1) {
      for (let i = at; i < n; i++) {
        const t = text(c, i);
        if (t && APPENDIX.test(t) && titleLike(t) && (isPageStart(lines[i]) || inventory.has(norm(t)) || /\s{2,}/.test(lines[i].text))) { appendixFrom = i; break; }
      }
    }
  });
  // appendices
  const app: Unit[] = [];
  if (appendixFrom < n) {
    const seenA = new Set<string>();
    for (let i = appendixFrom; i < n; i++) {
      const t = text(c, i);
      if (!t || !titleLike(t) || /^\d/.test(t)) continue;
      const key = norm(t);
      if (seenA.has(key)) continue;
      const numbered = APPENDIX.test(t) && (/\s{2,}/.test(lines[i].text.trim()) || i === appendixFrom);
      const pageTitle = isPageStart(lines[i]) && !/\s/.test(t) && hanCount(t) <= 12;
      if (!numbered && !pageTitle) continue;
      seenA.add(key);
      app.push({ id: '', kind: 'appendix', title: t.replace(/\s{2,}/g, ' '), from: i, titleLines: [i] });
    }
  }
  // titles printed at the end of their page (a footer-like title: the next line starts a page) in most
  // appendices: each appendix then starts with the page that its title closes
  const closes = (i: number) => { let k = i + 1; while (k < n && !text(c, k)) k++; return k < n && isPageStart(lines[k]); };
  if (app.length >= 2 && app.filter((u) => closes(u.titleLines[0])).length * 2 >= app.length) {
    let floor = body.length ? body[body.length - 1].from : 0;
    for (const u of app) {
      const t = u.titleLines[0];
      if (!isPageStart(lines[t])) for (let p = t - 1; p > floor; p--) if (isPageStart(lines[p]) && text(c, p)) { u.from = p; break; }
      floor = t;
    }
  }
  for (const f of front) units.push({ id: '', kind: 'front', title: f.title, from: f.from, titleLines: f.titleLines, cover: f === coverUnit || undefined });
  units.push(...body.filter((u) => u.from >= (units[units.length - 1]?.from ?? 0)));
  units.push(...app);
  units.sort((a, b) => a.from - b.from);

  // overrides: demote, then split
  for (const d of ov.demote ?? []) {
    const k = units.findIndex((u) => norm(u.title) === norm(d));
    if (k < 0) { warnings.push(`outline: demote "${d}": no unit with that title`); continue; }
    units.splice(k, 1);
  }
  for (const sp of ov.split ?? []) {
    let from = 0;
    if (sp.after) { const a = findTitle(c, 0, n, sp.after, false); if (a) from = a[0] + 1; else warnings.push(`outline: split "after" text "${sp.after}" not found`); }
    let hit = findTitle(c, from, n, sp.at, false);
    if (!hit) {
      // a line that starts with the given text (a title glued to the first words of its page)
      const want = norm(sp.at);
      for (let i = from; i < n && !hit; i++) if (want && norm(text(c, i)).startsWith(want)) hit = [i];
      if (hit && !sp.title) { warnings.push(`outline: split "${sp.at}" matches only the start of line ${lines[hit[0]].n}; give a title`); hit = null; }
    }
    if (!hit) { warnings.push(`outline: split line "${sp.at}" not found`); continue; }
    const before = [...units].reverse().find((u) => u.from <= hit[0]);
    const kind = before?.kind === 'chapter' || before?.kind === 'section' ? 'section' : before?.kind ?? 'front';
    units.push({ id: '', kind, title: sp.title ?? text(c, hit[0]) + (hit[1] !== undefined ? text(c, hit[1]) : ''), from: hit[0], titleLines: sp.title ? [] : hit, group: before?.group });
    units.sort((a, b) => a.from - b.from);
  }
  // a unit with (almost) no text of its own is no unit: its title stays as text of the unit before
  for (let k = units.length - 1; k >= 1; k--) {
    const u = units[k];
    const to = units[k + 1]?.from ?? n;
    let chars = 0;
    for (let i = u.from; i < to; i++) if (!u.titleLines.includes(i)) chars += text(c, i).length;
    if (chars >= 40 || u.kind === 'chapter') continue;
    // an appendix title page (`附錄`, an image-only statement) opens the next appendix
    const nx = units[k + 1];
    if (nx && nx.kind === u.kind && u.kind !== 'section') nx.from = u.from;
    units.splice(k, 1);
  }
  // nothing before the first title: the first unit starts at line 1
  if (units.length > 1 && !units[0].title) {
    let chars = 0;
    for (let i = 0; i < units[1].from; i++) chars += text(c, i).length;
    if (chars < 40) { units[1].from = 0; units.shift(); }
  }
  // size guard: a unit far larger than a reader's page is cut at title-like page starts
  // (numbered headings first), each piece keeping at least MIN_PIECE characters
  const total = lines.reduce((a, l, i) => a + text(c, i).length, 0);
  const maxUnit = Math.max(MAX_UNIT, total * 0.15);
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    const to = units[k + 1]?.from ?? n;
    let size = 0;
    for (let i = u.from; i < to; i++) size += text(c, i).length;
    if (size <= maxUnit) continue;
    const cands: number[] = [];
    for (let i = u.from + 1; i < to; i++) {
      const t = text(c, i);
      if (!t || u.titleLines.includes(i) || !titleLike(t) || hanCount(t) > 20) continue;
      if (isPageStart(lines[i]) || /^(?:0?[1-9]|[1-9]\d)\s+\S/.test(t)) cands.push(i);
    }
    // no page starts or numbered headings: short standalone lines between blank lines
    if (!cands.length) {
      for (let i = u.from + 1; i < to - 1; i++) {
        const t = text(c, i);
        if (t && !text(c, i - 1) && text(c, i + 1) && !u.titleLines.includes(i) && titleLike(t) && hanCount(t) <= 16 && !/^\d/.test(t)) cands.push(i);
      }
    }
    const cuts: number[] = [];
    const candSet = new Set(cands);
    let acc = 0;
    let rest = size;
    for (let i = u.from; i < to; i++) {
      if (candSet.has(i) && acc >= MIN_PIECE && rest >= MIN_PIECE) { cuts.push(i); acc = 0; }
      const len = text(c, i).length;
      acc += len;
      rest -= len;
    }
    const kind = u.kind === 'chapter' || u.kind === 'section' ? 'section' : u.kind;
    const pieces = cuts.map((i) => ({ id: '', kind, title: text(c, i), from: i, titleLines: [i], group: u.group }) as Unit);
    if (pieces.length) warnings.push(`outline: "${u.title || 'untitled'}" (${size} characters) cut into ${pieces.length + 1} units at title-like page starts`);
    units.splice(k + 1, 0, ...pieces);
    k += pieces.length;
  }
  // ids
  let f = 0, a = 0, s = 0, g = '';
  const groups: { id: string; title: string }[] = [];
  let chN = 0;
  for (const u of units) {
    if (u.kind === 'front') u.id = `f${String(++f).padStart(2, '0')}`;
    else if (u.kind === 'appendix') u.id = `a${String(++a).padStart(2, '0')}`;
    else if (u.kind === 'chapter') { g = `c${String(++chN).padStart(2, '0')}`; u.id = g; u.group = g; s = 0; groups.push({ id: g, title: u.title }); }
    else { u.group = g; u.id = `${g}-s${String(++s).padStart(2, '0')}`; }
    if (!u.title) {
      const t = u.from === 0 ? firstTitle(c, 0, units[units.indexOf(u) + 1]?.from ?? n) : null;
      if (t !== null && u.cover) u.title = text(c, t); // the cloud's first line names it; the line stays text
      else if (t !== null) { u.title = text(c, t); u.titleLines = [t]; }
    }
  }
  for (const id of ov.merge ?? []) {
    const k = units.findIndex((u) => u.id === id);
    if (k <= 0) { warnings.push(`outline: merge "${id}": no such unit after the first`); continue; }
    units.splice(k, 1);
  }
  for (const [id, t] of Object.entries(ov.rename ?? {})) {
    const u = units.find((x) => x.id === id);
    if (!u) warnings.push(`outline: rename "${id}": no such unit`);
    else u.title = t;
  }
  const out = units.map((u, k) => ({ ...u, title: u.title.trim() || u.id, to: units[k + 1]?.from ?? n }));
  // a title given by an override is removed where the unit prints it as a line of its own
  for (const u of out) if (!u.titleLines.length && !u.cover) { const h = findTitle(c, u.from, u.to, u.title, false); if (h) u.titleLines = h; }
  return { units: out, groups, warnings };
}

function firstTitle(c: Ctx, from: number, to: number): number | null {
  for (let i = from; i < to; i++) {
    const t = text(c, i);
    if (t && titleLike(t) && !c.skip.has(i)) return i;
  }
  return null;
}
