/**
 * English heading rules, shared by the outline evidence (outline/evidence/numbered-headings.ts) and
 * the blocks of English units:
 *
 * - numbered chapters `3.` / `3` + Title, numbered sections `3.1 Title` (`##`) and `3.1.1 Title` (`###`);
 * - roman-numeral chapters `I.` / `II` / `IV)` + Title;
 * - all-caps headings (`EMISSIONS`, `HEALTH AND SAFETY`: `##`);
 * - bullets glued to their text (`•Text`, `●Text`, ``) become `• Text` items;
 * - a contents line (dotted leaders, or a title ending in a page number) is never a heading.
 *
 * The unit that holds at least 5 HKEX KPI rows (`A1.1 …`) and a general disclosure row is parsed
 * as the HKEX index.
 */
import type { Block, Line } from './types.ts';
import { buildBlocks, type BuildOptions } from './build-blocks.ts';
import { endsSentence, joinPair } from './join-lines.ts';

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
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

/** the rest of a date (`25 March 2021`): no heading */
const DATE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December),?\s+\d{4}\b/;

export interface HeadingMatch { kind: 'roman' | 'chapter' | 'section' | 'subsection' | 'caps'; number?: string; title: string }

/** Classify one line as an English heading, or null. */
export function matchEnglishHeading(text: string): HeadingMatch | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/.exec(text)) && titleish(m[4])) return { kind: 'subsection', number: `${m[1]}.${m[2]}.${m[3]}`, title: m[4] };
  if ((m = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/.exec(text)) && titleish(m[3])) return { kind: 'section', number: `${m[1]}.${m[2]}`, title: m[3] };
  if ((m = /^(\d{1,2})(?:\.\s*|\s+)(\S.*)$/.exec(text)) && titleish(m[2]) && /^[A-Z]/.test(m[2]) && m[2].split(/\s+/).length <= 8 && !DATE.test(m[2])) return { kind: 'chapter', number: m[1], title: m[2] };
  if ((m = /^([IVX]{1,4})(?:[.)]\s*|\s+)(\S.*)$/.exec(text)) && ROMAN.includes(m[1]) && titleish(m[2]) && /^[A-Z]/.test(m[2])) return { kind: 'roman', number: m[1], title: m[2] };
  if (isAllCaps(text)) return { kind: 'caps', title: text };
  return null;
}

const KPI_ROW = /^[AB]\d{1,2}\.\d{1,2}\b/;

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

/**
 * Blocks of an English unit: lines that are numbered or all-caps headings become `##` / `###`
 * headings (a heading that ends with a function word takes the next line); the text between them
 * goes through buildBlocks (tables, lists, paragraphs, box titles).
 */
/** Lines from i numbered 1, 2, 3 … by one, with nothing but blank lines between them. */
function numberedRun(lines: Line[], i: number): number[] {
  const out: number[] = [];
  let want = Number(/^\d{1,2}/.exec(lines[i].text)?.[0]);
  for (let j = i; j < lines.length; j++) {
    if (!lines[j].text) continue;
    const m = /^(\d{1,2})[.)]?\s+\S/.exec(lines[j].text);
    if (!m || Number(m[1]) !== want) break;
    out.push(j);
    want++;
  }
  return out;
}

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
    // numbered lines one under the other (`1 Health and safety`, `2 Product quality` …) are a list
    const items = h.kind === 'chapter' ? numberedRun(lines, i) : [];
    if (items.length >= 3) {
      flush();
      out.push({ kind: 'list', items: items.map((j) => lines[j].text), page: l.page });
      i = items[items.length - 1];
      continue;
    }
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
