/**
 * Stage: turn the lines of one chapter into blocks (headings, paragraphs, lists, quotes, tables),
 * joining wrapped lines and finding paragraph ends.
 */
import type { Block, Line, Repair } from './types.ts';
import { continuesAcrossBlank, endsSentence, joinPair, joinRepair, width } from './join-lines.ts';
import { isColumnar, isLabel, isTitleLike, matchSection } from './find-outline.ts';
import { collapseSpaced, collapseSpacedLine } from './repair-letterspacing.ts';
import { findTable, isLabelish, parseRow, tableHead } from './tables.ts';
import { parallelLines, phraseLine } from './label-clouds.ts';
import { continuesHeading, doubtHeading, type DoubtedHeading } from './heading-continues.ts';
import { bodySize, typesetHeading } from './type-size.ts';

const FUNCTION_END = /\b(of|the|and|to|in|for|a|an|with|by|as|at|on|from|or|that|its|our|is|are|be|can|which|will)$/i;

export interface BuildOptions {
  latin: boolean;
  warnings: string[];
  /** repairs of the printed text are recorded here (spaced-out lines, joins across line breaks) */
  repairs?: Repair[];
  /** headings kept although they pass only weakly (heading-continues.ts) */
  doubts?: DoubtedHeading[];
}

export function buildBlocks(input: Line[], opts: BuildOptions): Block[] {
  const lines = input.map((l) => {
    const r = collapseSpaced(l.text);
    if (r) opts.repairs?.push({ kind: r.kind, line: l.n, before: r.before, after: r.after, proof: r.proof });
    return { ...l, text: collapseSpacedLine(l.text).trim() };
  });
  /** joinPair, recording a join of letters across the break of line `at` */
  const joinAt = (a: string, b: string, aTrail: boolean, at: Line) => {
    const r = opts.repairs && joinRepair(a, b, aTrail, at.n);
    if (r) opts.repairs!.push(r);
    return joinPair(a, b, aTrail);
  };
  const n = lines.length;
  const { latin } = opts;
  const body = bodySize(lines);
  const topHeading = Math.max(0, ...lines.filter((l) => typesetHeading(l, body)).map((l) => l.size!));
  const nextNB = (j: number) => { while (j < n && !lines[j].text) j++; return j; };
  const prevNB = (j: number) => { while (j >= 0 && !lines[j].text) j--; return j; };
  const ref = (i: number) => {
    let w = 0;
    for (let k = Math.max(0, i - 8); k < Math.min(n, i + 9); k++) if (lines[k].text && lines[k].page === lines[i].page) w = Math.max(w, width(lines[k].text));
    return w;
  };

  // Tables first (they need look-behind for caption and header).
  const tables = new Map<number, { end: number; block: Block }>();
  for (let i = 0; i < n; i++) {
    if (!lines[i].text || !parseRow(lines[i])) continue;
    if ([...tables.values()].some((t) => (t as any).from <= i && i < t.end)) continue;
    // allow up to two group-label lines before the first row (not a header row of spaced phrases)
    let s = i;
    for (let back = 0; back < 2 && parseRow(lines[i])!.cells.length === 1; back++) {
      const p = prevNB(s - 1);
      if (p < 0 || !isLabelish(lines[p]) || /\d/.test(lines[p].text) || (!latin && isColumnar(lines[p].text))) break;
      const pp = prevNB(p - 1);
      // a group label sits between a caption/header and rows: only take it when something label-like precedes it
      if (pp >= 0 && (isLabelish(lines[pp]) || /[）)]$/.test(lines[pp].text))) s = p; else break;
    }
    const hit = findTable(lines, s, lines[i].page);
    if (!hit) continue;
    const tb = hit.block as Extract<Block, { kind: 'table' }>;
    const head = tableHead(lines, hit.start, tb.rows[0].length);
    if (head.header) tb.header = head.header;
    if (head.caption) tb.caption = head.caption;
    const entry = { end: hit.end, block: tb, from: head.from };
    tables.set(head.from, entry);
    i = Math.max(i, hit.end - 1); // never backwards (a table found from an earlier start can end before i)
  }

  // second pass: a value alone on its line under a wrapped label (`Suppliers of principal business` / `(online and offline)` / `463`)
  for (let i = 0; i < n; i++) {
    if (!/^[\d,]+(?:\.\d+)?%?$/.test(lines[i].text)) continue;
    if ([...tables.values()].some((t) => (t as any).from <= i && i < t.end)) continue;
    let s = i;
    for (let back = 0; back < 2; back++) {
      const p = prevNB(s - 1);
      if (p >= 0 && isLabel({ ...lines[p], text: lines[p].text.replace(/\s+/g, ' ') }, latin) || (p >= 0 && /^\(.*\)$/.test(lines[p].text))) s = p; else break;
    }
    if (s === i) continue;
    const hit = findTable(lines, s, lines[s].page);
    if (!hit) continue;
    const tb = hit.block as Extract<Block, { kind: 'table' }>;
    for (const [from, t] of [...tables.entries()]) if (from >= hit.start && from < hit.end) tables.delete(from); // superseded
    const head = tableHead(lines, hit.start, tb.rows[0].length);
    if (head.header) tb.header = head.header;
    if (head.caption) tb.caption = head.caption;
    tables.set(head.from, { end: hit.end, block: tb, from: head.from } as any);
    i = Math.max(i, hit.end - 1); // never backwards (a table found from an earlier start can end before i)
  }

  let lastSec = 0;
  const acceptedSection = (j: number) => {
    const s = matchSection(lines[j].text);
    return !!s && Number(s.number) >= lastSec;
  };
  const bodyLike = (j: number): boolean =>
    j < n && !!lines[j].text && !matchSection(lines[j].text) && !/^•/.test(lines[j].text) &&
    ((!isLabel(lines[j], latin) &&
      (width(lines[j].text) >= 0.45 * ref(j) || endsSentence(lines[j].text) || (latin && lines[j].trail && width(lines[j].text) >= 30))) ||
      // CJK narrow column: a short first line that runs straight on into text
      (!latin && j + 1 < n && !!lines[j + 1].text && !isLabel(lines[j + 1], latin) && !endsSentence(lines[j].text)));
  // the lines right under j (no blank line between), up to 3
  const under = (j: number): string[] => {
    const out: string[] = [];
    for (let k = j; k < n && lines[k].text && out.length < 3; k++) out.push(lines[k].text);
    return out;
  };
  // a title candidate of `len` lines at j that is really the first line of a wrapped paragraph
  const titleText = (j: number, len: number) => (len === 2 ? joinPair(lines[j].text, lines[j + 1].text, lines[j].trail) : lines[j].text);
  const titleAt = (j: number): number => {
    const len = titleLines(j);
    return len && continuesHeading(titleText(j, len), under(j + len), ref(j), latin) ? 0 : len;
  };
  const doubt = (j: number, len: number, text: string) => {
    const why = doubtHeading(text, under(j + len), latin);
    if (why && opts.doubts) opts.doubts.push({ line: lines[j].n, text, why });
  };
  const titleLines = (j: number): number => {
    // returns the number of lines of a box title at j, or 0
    const l = lines[j];
    if (!isTitleLike(l, latin)) return 0;
    const p = prevNB(j - 1);
    if (p >= 0 && !(endsSentence(lines[p].text) || /[”」』]$/.test(lines[p].text) || p < j - 1 || lines[p].text.length < 4 || matchSection(lines[p].text))) return 0;
    const k = j + 1;
    if (nextNB(j + 1) < n && /^[a-z]/.test(lines[nextNB(j + 1)].text)) return 0; // the sentence goes on
    if (k < n && lines[k].text && (!latin || /^[A-Z]/.test(lines[k].text)) && isTitleLike(lines[k], latin) && (l.trail || latin) && width(lines[k].text) <= 1.2 * width(l.text) && bodyLike(nextNB(k + 1)) && !(latin ? /,\s+[a-z]|[.!?]\s/.test(lines[k].text) || FUNCTION_END.test(lines[k].text) : bodyLike(k))) return 2;
    if (latin && FUNCTION_END.test(l.text)) return 0;
    // a Latin line that wraps (trailing space) straight into body text is the start of a paragraph
    if (latin && l.trail && k < n && lines[k].text && bodyLike(k)) return 0;
    const nx = nextNB(j + 1);
    if (nx < n && /^[a-z]/.test(lines[nx].text)) return 0; // the sentence goes on
    // an icon heading (leading space) over a list or text
    if (l.lead > 0 && nx < n && (!isLabel(lines[nx], latin) || isColumnar(lines[nx].text))) return 1;
    if (!bodyLike(nx)) return 0;
    // a title is shorter than the text under it (narrow columns look like titles otherwise)
    const nx2 = nx + 1 < n && lines[nx + 1].text ? width(lines[nx + 1].text) : 0;
    return width(l.text) <= 0.7 * Math.max(width(lines[nx].text), nx2) ? 1 : 0;
  };

  const blocks: Block[] = [];
  let i = 0;
  while (i < n) {
    const l = lines[i];
    if (!l.text) { i++; continue; }
    const page = l.page;
    const tb = tables.get(i);
    if (tb) {
      blocks.push(tb.block);
      i = tb.end;
      continue;
    }
    // numbered section
    const sec = matchSection(l.text);
    if (sec) {
      const num = Number(sec.number);
      let title = sec.title;
      let j = i + 1;
      if (!title) {
        j = nextNB(j);
        const parts: string[] = [];
        while (j < n && lines[j].text && parts.length < 4) { parts.push(lines[j].text); j++; }
        title = parts.reduce((a, b) => joinPair(a, b), '');
      } else {
        while (j < n && lines[j].text && lines[j - 1].trail && (/^[a-z(]/.test(lines[j].text) || /[•·—]$/.test(lines[j - 1].text)) && width(lines[j].text) < 60) {
          title = joinPair(title, lines[j].text);
          j++;
        }
      }
      title = title.replace(/\s+/g, ' ').trim();
      if (num >= lastSec) {
        blocks.push({ kind: 'heading', level: 2, number: sec.number, text: `${sec.number} ${title}`, page });
        lastSec = num;
      } else {
        blocks.push({ kind: 'heading', level: 3, text: `${sec.number} ${title}`, page });
      }
      i = j;
      continue;
    }
    // a heading by its type size (a PDF): lines of one heading size one under the other are one title;
    // the largest heading size of the chapter is `##`, smaller ones `###`
    if (typesetHeading(l, body)) {
      let text = l.text;
      let j = i + 1;
      while (j < n && lines[j].size === l.size && typesetHeading(lines[j], body)) { text = joinAt(text, lines[j].text, lines[j - 1].trail, lines[j - 1]); j++; }
      blocks.push({ kind: 'heading', level: l.size! >= topHeading! ? 2 : 3, text, page });
      i = j;
      continue;
    }
    // a bullet used as a heading mark: `• Comprehensive Vaccination Service Model` over text
    if (/^•/.test(l.text)) {
      const t = l.text.replace(/^•\s*/, '');
      const nx = nextNB(i + 1);
      if (isTitleLike({ ...l, text: t }, latin) && nx < n && !/^•/.test(lines[nx].text) && bodyLike(nx) && width(lines[nx].text) > 1.5 * width(t) && !continuesHeading(t, under(i + 1), ref(i), latin)) {
        doubt(i, 1, t);
        blocks.push({ kind: 'heading', level: 3, text: t, page });
        i++;
        continue;
      }
    }
    // bullet list
    if (/^•/.test(l.text)) {
      const items: string[] = [];
      let j = i;
      while (j < n && /^•/.test(lines[j].text)) {
        let item = lines[j].text.replace(/^•\s*/, '');
        let prev = lines[j];
        j++;
        for (;;) {
          if (j >= n) break;
          if (lines[j].text) {
            if (/^•/.test(lines[j].text) || matchSection(lines[j].text) || tables.has(j)) break;
            if (endsSentence(prev.text) || !(/^[a-z\p{Script=Han}（(「“]/u.test(lines[j].text))) break;
            if (/\sP\.?\s?\d{1,3}$/.test(prev.text)) break; // a contents entry ends with its page reference
            item = joinAt(item, lines[j].text, prev.trail, prev); prev = lines[j]; j++;
          } else {
            const k = nextNB(j);
            if (k < n && !/^•/.test(lines[k].text) && continuesAcrossBlank(prev, lines[k], ref(k))) { j = k; continue; }
            if (k < n && /^•/.test(lines[k].text)) { j = k; }
            break;
          }
        }
        items.push(item);
      }
      blocks.push({ kind: 'list', items, page });
      i = j;
      continue;
    }
    // flattened graphics printed together (label-clouds.ts): parallel lines; phrase lines in the label run
    if (!latin) {
      const adj: string[] = [];
      for (let k = i; k < n && lines[k].text && !tables.has(k) && !matchSection(lines[k].text) && !/^•/.test(lines[k].text); k++) adj.push(lines[k].text);
      const par = parallelLines(adj);
      if (par) {
        blocks.push({ kind: 'list', items: adj.slice(0, par), page });
        i += par;
        continue;
      }
    }
    // label run (flattened chart, table or graphic; a phrase line counts one label per phrase)
    {
      let j = i;
      const items: string[] = [];
      let last: Line | null = null;
      while (j < n) {
        const k = nextNB(j);
        if (k >= n) break;
        if (last && latin && /^[a-z(]/.test(lines[k].text) && width(lines[k].text) <= 40) {
          items[items.length - 1] = joinPair(items[items.length - 1], lines[k].text); j = k + 1; continue;
        }
        const phrases = latin ? null : phraseLine(lines[k].text); // a phrase line is one label per phrase
        if (!(phrases || isLabel(lines[k], latin)) || tables.has(k) || matchSection(lines[k].text)) break;
        // after a phrase line, a short line that wraps straight on into text opens a paragraph (`打開手機淘寶或者手機` / `天貓APP，…`)
        if (!phrases && !latin && last && phraseLine(last.text) && k + 1 < n && lines[k + 1].text && !isLabel(lines[k + 1], latin) && /^[\p{Script=Han}A-Za-z]/u.test(lines[k + 1].text) && !/^•/.test(lines[k + 1].text)) break;
        items.push(...(phrases ?? [lines[k].text])); last = lines[k]; j = k + 1;
      }
      if (items.length >= 3) {
        blocks.push({ kind: 'list', items, page });
        i = j;
        continue;
      }
    }
    // box / feature title
    const tl = titleAt(i);
    if (tl) {
      const text = tl === 2 ? joinAt(l.text, lines[i + 1].text, l.trail, l) : l.text;
      doubt(i, tl, text);
      blocks.push({ kind: 'heading', level: 3, text, page });
      i += tl;
      continue;
    }
    // paragraph
    let cur = l.text;
    let prev = l;
    let j = i + 1;
    for (;;) {
      if (j >= n) break;
      let k = j;
      if (!lines[j].text) {
        k = nextNB(j);
        if (k >= n) break;
        if (!continuesAcrossBlank(prev, lines[k], ref(k))) break;
      } else if (endsSentence(prev.text) && (width(prev.text) < 0.93 * ref(j - 1) || (!latin && width(prev.text) <= ref(j - 1) - 4))) break;
      else if (latin && !prev.trail && width(prev.text) < 0.8 * ref(j - 1) && /^[A-Z“]/.test(lines[j].text)) break;
      const t = lines[k].text;
      if (tables.has(k) || /^•/.test(t) || matchSection(t)) break;
      if (!latin && isColumnar(t)) break;
      // a footnote definition (`2 GRI，…`) after a sentence end starts its own paragraph
      if (!latin && endsSentence(prev.text) && /^[1-9]\d? {1,2}\S/.test(t)) break;
      // form-like lines stand alone: numbered questions, check boxes, `Label：value`
      if (/^\d{1,2}[.．、]\s*\D/.test(t) || /□/.test(t) || /□/.test(prev.text) || /^[^\s：:，。,]{1,16}[：:]\S/.test(t)) break;
      if (!latin && isColumnar(l.text) && (prev !== l || width(t) > 6)) break; // a label/value line takes at most a short wrapped tail
      if ((endsSentence(prev.text) || /[”」』]$/.test(prev.text)) && titleAt(k)) break;
      if (lines[k].lead > 0 && lines[k].page !== prev.page && (endsSentence(prev.text) || /[”」』]$/.test(prev.text))) break;
      cur = joinAt(cur, t, prev.trail, prev);
      prev = lines[k];
      j = k + 1;
    }
    cur = cur.replace(/ {2,}/g, ' ').trim();
    if (/^[“「"]/.test(cur) && /[”」"]$/.test(cur)) blocks.push({ kind: 'quote', text: cur, page });
    else blocks.push({ kind: 'para', text: cur, page });
    i = j;
  }
  return blocks;
}
