/**
 * Evidence: the cues of a designed (magazine-like) layout, read together because each feeds the
 * next — a title inventory from the nav bars and a cover title cloud; chapter ordinals `01` … `05`
 * alone on a line above their title, or pages carrying a ToC list (`● Title P##`); a chapter's
 * sections from its ToC list or from a "strategy page" run (the chapter title printed earlier,
 * followed by short lines that reappear later as headings); front matter (page starts or lines
 * equal to an inventory title before the first chapter); appendices (from the first
 * `附錄`/`附录`/`Appendix` title after the last chapter); and appendix titles printed at the foot of
 * the page they close. Splitting these into separate sources would change which line wins where
 * two cues disagree, so they stay one source.
 */
import type { Candidate, Evidence, OutlineInput, Unit } from '../types.ts';
import { hanCount, norm, titleLike } from '../titles.ts';
import { findTitle, isPageStart, normAt, text, type View } from '../view.ts';

export const SOURCE = 'detected headings';
const TOC_ENTRY = /^[●•▪■◆]\s*(.{2,60}?)\s*P\.?\s?(\d{1,3})$/u;
const ORDINAL = /^0[1-9]$|^1[0-9]$/;
const APPENDIX = /^(附[录錄]|appendix\b)/iu;

type Ch = { from: number; title: string; titleLines: number[]; sections: string[] };

export function designedLayout(doc: OutlineInput): Evidence {
  const warnings: string[] = [];
  const { lines, nav } = doc;
  const c: View = { lines, skip: new Set(nav.lines) };
  const n = lines.length;
  const inventory = new Set(nav.titles.map(norm));
  const cover = coverCloud(c);
  if (cover.cloud) for (const t of cover.titles) inventory.add(t);
  const chapters = ordinalChapters(c, inventory);
  if (!chapters.length) chapters.push(...tocListChapters(c));
  strategyRuns(c, chapters);

  const units: Unit[] = [];
  const firstCh = chapters[0]?.from ?? n;
  const bodyTitles = new Set(chapters.flatMap((ch) => [ch.title, ...ch.sections]).map(norm));
  const front = frontMatter(c, firstCh, [...inventory].filter((t) => !bodyTitles.has(t)), inventory, cover);
  const coverUnit = cover.cloud ? front[0] : undefined;
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
  const app = appendices(c, appendixFrom, body.length ? body[body.length - 1].from : 0);
  for (const f of front) units.push({ id: '', kind: 'front', title: f.title, from: f.from, titleLines: f.titleLines, cover: f === coverUnit || undefined });
  units.push(...body.filter((u) => u.from >= (units[units.length - 1]?.from ?? 0)));
  units.push(...app);
  units.sort((a, b) => a.from - b.from);
  const candidates = units.map((u): Candidate => ({
    line: u.from, lines: u.titleLines, title: u.title, kind: u.kind, ...(u.kind === 'chapter' ? { level: 1 } : {}),
    ...(u.cover ? { cover: true } : {}), source: SOURCE, score: 1,
  }));
  return { source: SOURCE, candidates, warnings };
}

/** A cover page (lines before the second page start) that is a title cloud lists the report's titles. */
function coverCloud(c: View): { cloud: boolean; end: number; titles: string[] } {
  const { lines } = c;
  const n = lines.length;
  const firstStarts = lines.map((l, i) => (isPageStart(l) && text(c, i) ? i : -1)).filter((i) => i >= 0);
  const end = firstStarts.find((i) => i > (firstStarts[0] ?? 0) + 3) ?? Math.min(n, 60);
  const coverLines = lines.slice(0, end).map((l, i) => text(c, i)).filter(Boolean);
  const cloud = coverLines.length >= 8 && coverLines.every((t) => !/[。！？]$/.test(t)) && coverLines.filter(titleLike).length >= 0.8 * coverLines.length;
  const titles: string[] = [];
  if (cloud) for (let i = 0; i < end; i++) for (const t of text(c, i).split(/\s+/)) if (titleLike(t) && t.length >= 2) titles.push(norm(t));
  return { cloud, end, titles };
}

/** Chapter ordinals `01`, `02` … alone on a line, each followed by its title (at least 3, from 1, no gap). */
function ordinalChapters(c: View, inventory: Set<string>): Ch[] {
  const { lines } = c;
  const n = lines.length;
  const chapters: Ch[] = [];
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
  if (!(ords.length >= 3 && ords[0] === 1 && ords.every((v, k) => v === k + 1))) return chapters;
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
  return chapters;
}

/** Pages carrying a ToC list (`● Title P##`): the page's first line is the chapter title, the list its sections. */
function tocListChapters(c: View): Ch[] {
  const { lines } = c;
  const n = lines.length;
  const chapters: Ch[] = [];
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
  return chapters;
}

/** Sections of chapters without a list: a run of short lines after an earlier printing of the chapter title. */
function strategyRuns(c: View, chapters: Ch[]): void {
  const n = c.lines.length;
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
}

/** Front matter before the first chapter: lines equal to an inventory title, or a spread of inventory titles. */
function frontMatter(c: View, firstCh: number, frontTitles: string[], inventory: Set<string>, cover: { cloud: boolean; end: number }) {
  const { lines } = c;
  const front: { from: number; title: string; titleLines: number[] }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < firstCh; i++) {
    if (cover.cloud && i < cover.end) continue;
    const t = text(c, i);
    if (!t) continue;
    const head = norm(t.replace(/^\d{1,3}(?=\p{Script=Han})/u, ''));
    let hit = frontTitles.find((x) => x === head && !seen.has(x));
    if (!hit && isPageStart(lines[i])) {
      // a spread: `Title Title2` — the first title opens the unit
      const first = norm(t.split(/\s+/)[0]);
      if (t.split(/\s+/).length > 1 && t.split(/\s+/).every((x) => inventory.has(norm(x)))) hit = first;
    }
    if (!hit) continue;
    seen.add(hit);
    front.push({ from: i, title: t.replace(/^\d{1,3}(?=\p{Script=Han})/u, ''), titleLines: [i] });
  }
  if (!front.length || front[0].from > 0) front.unshift({ from: 0, title: '', titleLines: [] });
  return front;
}

/** Appendices from `from`: numbered appendix titles and title-like page starts; footer titles move to their page. */
function appendices(c: View, from: number, floor0: number): Unit[] {
  const { lines } = c;
  const n = lines.length;
  const app: Unit[] = [];
  if (from >= n) return app;
  const seenA = new Set<string>();
  for (let i = from; i < n; i++) {
    const t = text(c, i);
    if (!t || !titleLike(t) || /^\d/.test(t)) continue;
    const key = norm(t);
    if (seenA.has(key)) continue;
    const numbered = APPENDIX.test(t) && (/\s{2,}/.test(lines[i].text.trim()) || i === from);
    const pageTitle = isPageStart(lines[i]) && !/\s/.test(t) && hanCount(t) <= 12;
    if (!numbered && !pageTitle) continue;
    seenA.add(key);
    app.push({ id: '', kind: 'appendix', title: t.replace(/\s{2,}/g, ' '), from: i, titleLines: [i] });
  }
  // titles printed at the end of their page (a footer-like title: the next line starts a page) in most
  // appendices: each appendix then starts with the page that its title closes
  const closes = (i: number) => { let k = i + 1; while (k < n && !text(c, k)) k++; return k < n && isPageStart(lines[k]); };
  if (app.length >= 2 && app.filter((u) => closes(u.titleLines[0])).length * 2 >= app.length) {
    let floor = floor0;
    for (const u of app) {
      const t = u.titleLines[0];
      if (!isPageStart(lines[t])) for (let p = t - 1; p > floor; p--) if (isPageStart(lines[p]) && text(c, p)) { u.from = p; break; }
      floor = t;
    }
  }
  return app;
}
