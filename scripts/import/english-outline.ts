/**
 * Stage (automatic outline): chapters and headings of reports imported without an overrides
 * file (or whose overrides do not fit the text), with the English heading rules:
 *
 * - numbered chapters `3.` / `3` + Title, numbered sections `3.1 Title` (`##`) and `3.1.1 Title` (`###`);
 * - roman-numeral chapters `I.` / `II` / `IV)` + Title;
 * - all-caps headings (`EMISSIONS`, `HEALTH AND SAFETY`: `##`, or a chapter when the running
 *   header names it);
 * - bullets glued to their text (`•Text`, `●Text`, ``) become `• Text` items;
 * - a contents line (dotted leaders, or a title ending in a page number) is never a heading.
 *
 * Chapters: the longest run of roman numerals I, II, III… (at least 2), else of numbered
 * chapters 1., 2., 3.… (at least 3), else the chapter names printed in the running headers (a
 * chapter starts on the first page that shows its name), else one unit. Text before the first
 * chapter is a front-matter unit titled with its first line. No chapters found: an empty list
 * (the caller falls back to the general outline detection). The chapter that holds at least 5
 * HKEX KPI rows (`A1.1 …`) and a general disclosure row is parsed as the HKEX index.
 */
import type { Block, Lang, Line } from './types.ts';
import type { ChapterSpec } from './overrides.ts';
import type { Cut } from './cut-sections.ts';
import { buildBlocks, type BuildOptions } from './build-blocks.ts';
import { endsSentence, joinPair } from './join-lines.ts';
import { furnitureKey } from './running-headers.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const BULLET = /^[•●▪■◆◇○►▶➢➤✓✔·\uf0b7\uf06c\uf0a7\uf0d8\uf0fc]\s*(?=\S)/u;
const LEADERS = /(?:\.\s?){3,}|…{2,}|\s\d{1,3}$/;
/** a contents line: title, dotted leaders, page number */
const TOC_LINE = /^(\S.*?)\s*(?:\.\s?){3,}\s*(\d{1,3}(?:\s*[-–]\s*\d{1,3})?)$/;
const FUNCTION_END = /\b(of|the|and|to|in|for|a|an|with|by|as|at|on|from|or|&)$/i;

/** `•Text`, `● Text`, `Text` → `• Text`. */
export function normaliseBullet(text: string): string {
  return BULLET.test(text) ? text.replace(BULLET, '• ') : text;
}

/** Title-like text: short, capitalised, not a sentence, not a contents line. */
export function titleish(t: string): boolean {
  if (!t || t.length > 90 || endsSentence(t) || /[,;:]$/.test(t) || LEADERS.test(t)) return false;
  if (!/^[A-Z“"(]/.test(t)) return false;
  return t.split(/\s+/).length <= 14;
}

export function isAllCaps(t: string): boolean {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 5 && letters === letters.toUpperCase() && /^\p{Lu}/u.test(letters) && !/\d/.test(t) &&
    t.length <= 70 && !endsSentence(t) && !/[,;:]$/.test(t) && !LEADERS.test(t) && !/^(?:[AB]\d|KPI)\b/.test(t);
}

export interface HeadingMatch { kind: 'roman' | 'chapter' | 'section' | 'subsection' | 'caps'; number?: string; title: string }

/** Classify one line as an English heading, or null. */
export function matchEnglishHeading(text: string): HeadingMatch | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/.exec(text)) && titleish(m[4])) return { kind: 'subsection', number: `${m[1]}.${m[2]}.${m[3]}`, title: m[4] };
  if ((m = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/.exec(text)) && titleish(m[3])) return { kind: 'section', number: `${m[1]}.${m[2]}`, title: m[3] };
  if ((m = /^(\d{1,2})(?:\.\s*|\s+)(\S.*)$/.exec(text)) && titleish(m[2]) && /^[A-Z]/.test(m[2]) && m[2].split(/\s+/).length <= 8) return { kind: 'chapter', number: m[1], title: m[2] };
  if ((m = /^([IVX]{1,4})(?:[.)]\s*|\s+)(\S.*)$/.exec(text)) && ROMAN.includes(m[1]) && titleish(m[2]) && /^[A-Z]/.test(m[2])) return { kind: 'roman', number: m[1], title: m[2] };
  if (isAllCaps(text)) return { kind: 'caps', title: text };
  return null;
}

export interface AutoChapter { spec: ChapterSpec; from: number; to: number; title: string; titleLine?: number }

const slug = (s: string) =>
  s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').split('-').filter(Boolean).slice(0, 4).join('-');

const KPI_ROW = /^[AB]\d{1,2}\.\d{1,2}\b/;

/**
 * Find the chapters of the whole text (lines already free of furniture and with pages set).
 * `chapterOfPage` is the chapter name printed in each page's running header.
 */
export function autoChapters(lines: Line[], lang: Lang, chapterOfPage: Map<number, string> = new Map()): AutoChapter[] {
  const latin = lang === 'en';
  type Cand = { i: number; h: HeadingMatch };
  const cands: Cand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (!t) continue;
    const h = latin ? matchEnglishHeading(t) : null;
    if (h && (h.kind === 'roman' || h.kind === 'chapter')) cands.push({ i, h });
  }
  const chain = (kind: 'roman' | 'chapter', name: (k: number) => string): Cand[] => {
    const out: Cand[] = [];
    for (const c of cands) if (c.h.kind === kind && c.h.number === name(out.length)) out.push(c);
    return out;
  };
  let starts: { i: number; number?: string; title: string }[] = [];
  const romans = chain('roman', (k) => ROMAN[k]);
  const numbered = chain('chapter', (k) => String(k + 1));
  if (romans.length >= 2 && romans.length >= numbered.length) starts = romans.map((c) => ({ i: c.i, number: c.h.number, title: c.h.title }));
  else if (numbered.length >= 3) starts = numbered.map((c) => ({ i: c.i, number: c.h.number, title: c.h.title }));
  else if (chapterOfPage.size) {
    // running-header chapter names: the first page showing a new name starts a chapter; its title
    // line is the first line on that page whose text is the name (ignoring case and numbering)
    let last = '';
    for (const [page, name] of [...chapterOfPage.entries()].sort((a, b) => a[0] - b[0])) {
      const key = furnitureKey(name);
      if (key === last) continue;
      last = key;
      const bare = (s: string) => furnitureKey(s).replace(/^(?:[ivx]+|\d{1,2})[.)]?\s+/, '');
      let at = lines.findIndex((l) => l.page === page && l.text && bare(l.text) === bare(name));
      if (at < 0) at = lines.findIndex((l) => l.page === page && l.text);
      if (at < 0) continue;
      starts.push({ i: at, title: name.replace(/^(?:[IVX]+|\d{1,2})[.)]?\s+/, '') });
    }
  }
  const chapters: AutoChapter[] = [];
  if (!starts.length) return chapters;
  const firstText = lines.findIndex((l) => l.text);
  if (firstText < 0) return chapters;
  if (starts[0].i > firstText) {
    const end = starts[0].i;
    chapters.push({ spec: { id: 'front', page: lines[firstText].page }, from: 0, to: end, title: lines[firstText].text, titleLine: firstText });
  }
  starts.forEach((s, k) => {
    const to = k + 1 < starts.length ? starts[k + 1].i : lines.length;
    const isTitle = !!lines[s.i].text && (matchEnglishHeading(lines[s.i].text)?.title === s.title || furnitureKey(lines[s.i].text).endsWith(furnitureKey(s.title)));
    chapters.push({
      spec: { id: slug(s.title) || `chapter-${k + 1}`, page: lines[s.i].page, ...(s.number ? { number: s.number } : {}) },
      from: k === 0 && chapters.length === 0 ? 0 : s.i,
      to,
      title: s.title,
      titleLine: isTitle ? s.i : undefined,
    });
  });
  // unique ids
  const used = new Map<string, number>();
  for (const c of chapters) {
    const n = (used.get(c.spec.id) ?? 0) + 1;
    used.set(c.spec.id, n);
    if (n > 1) c.spec.id = `${c.spec.id}-${n}`;
  }
  const index = findHkexIndex(lines, chapters);
  if (index) index.spec.index = 'hkex';
  return chapters;
}

/** The unit printing the HKEX index: at least 5 KPI rows (`A1.1 …`) and a General Disclosure row. */
export function findHkexIndex<T extends { from: number; to: number }>(lines: Line[], units: T[]): T | undefined {
  return units.find((c) => {
    const rows = lines.slice(c.from, c.to).filter((l) => KPI_ROW.test(l.text)).length;
    return rows >= 5 && lines.slice(c.from, c.to).some((l) => /^General\s+Disclosure|^一般披露/.test(l.text));
  });
}

/** Printed pages of a cut: the page of its first line to that of its last line with text. */
export function pagesOf(lines: Line[], c: { from: number; to: number }): { from: number; to: number } {
  let last = c.to - 1;
  while (last > c.from && !lines[last].text) last--;
  return { from: lines[c.from].page, to: Math.max(lines[c.from].page, lines[last].page) };
}

/** Cut units from auto chapters: the title line is removed from the body. */
export function autoCuts(lines: Line[], chapters: AutoChapter[]): Cut[] {
  return chapters.map((c) => {
    if (c.titleLine !== undefined) lines[c.titleLine].text = '';
    return { spec: c.spec, from: c.from, to: c.to, title: c.title, partIntro: [] };
  });
}

/**
 * Blocks of an English unit: lines that are numbered or all-caps headings become `##` / `###`
 * headings (a heading that ends with a function word takes the next line); the text between them
 * goes through buildBlocks (tables, lists, paragraphs, box titles).
 */
export function buildEnglishBlocks(input: Line[], opts: BuildOptions): Block[] {
  const lines = input.map((l) => {
    const text = normaliseBullet(l.text);
    if (text !== l.text) opts.repairs?.push({ kind: 'bullet', line: l.n, before: l.text.slice(0, 12), after: normaliseBullet(l.text.slice(0, 12)), proof: `bullet glyph "${[...l.text][0]}" at the line start` });
    return { ...l, text };
  });
  const out: Block[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.some((l) => l.text)) out.push(...buildBlocks(run, opts));
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    // a contents page: lines ending in dotted leaders and a page number become a list
    if (TOC_LINE.test(l.text)) {
      flush();
      const items: string[] = [];
      let j = i;
      while (j < lines.length && (TOC_LINE.test(lines[j].text) || (!lines[j].text && TOC_LINE.test(lines[j + 1]?.text ?? '')))) {
        const m = TOC_LINE.exec(lines[j].text);
        if (m) items.push(`${m[1]} … ${m[2]}`);
        j++;
      }
      out.push({ kind: 'list', items, page: l.page });
      i = j - 1;
      continue;
    }
    const h = l.text ? matchEnglishHeading(l.text) : null;
    if (!h) { run.push(l); continue; }
    flush();
    let text = h.number && h.kind !== 'caps' ? `${h.number} ${h.title}` : h.title;
    while (i + 1 < lines.length && lines[i + 1].text && (FUNCTION_END.test(text) || /[-–—&]$/.test(text)) && lines[i + 1].text.length <= 60 && !endsSentence(lines[i + 1].text)) {
      text = joinPair(text, lines[i + 1].text);
      i++;
    }
    const level = h.kind === 'subsection' ? 3 : 2;
    out.push({ kind: 'heading', level, text, page: l.page });
    // keep a blank line after a heading so that the next run starts a paragraph
    run.push({ ...l, text: '' });
  }
  flush();
  return out;
}
