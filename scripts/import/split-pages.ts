/**
 * Stage 2: reconstruct printed pages.
 * Page starts are (a) surviving folios (a bare 1–3 digit line with >= 3 blank lines before and exactly
 * 1 after; the folio is the first text of its page) and (b) lines with a leading space (a form feed
 * rendered as a space), minus in-page lines that also start with a space (quotes, icon labels,
 * wrapped dates). Folios re-anchor the numbering.
 */
import type { Line } from './types.ts';

const HAN = /\p{Script=Han}/gu;
const isBlank = (l: Line | undefined) => !l || l.text === '';

export function isFolio(lines: Line[], i: number): boolean {
  const l = lines[i];
  if (!/^\d{1,3}$/.test(l.text) || l.lead > 0) return false;
  let before = 0;
  for (let j = i - 1; j >= 0 && isBlank(lines[j]); j--) before++;
  let after = 0;
  for (let j = i + 1; j < lines.length && isBlank(lines[j]); j++) after++;
  return before >= 3 && after === 1;
}

function textLen(s: string): { han: number; other: number } {
  const han = (s.match(HAN) ?? []).length;
  return { han, other: s.length - han };
}
const endsSentence = (s: string) => /[。.！？!?]["”’」』）)]*$/.test(s);
const isShortLabel = (s: string) => {
  const { han, other } = textLen(s);
  return (han > 0 ? han <= 30 && other <= 30 : other <= 80) && !endsSentence(s);
};

export interface PageMap {
  /** index of the first line of each page, by page number (1-based; [0] unused) */
  starts: Map<number, number>;
  folios: { line: number; value: number }[];
  pageCount: number;
  warnings: string[];
}

/** Find page starts and set `page` on every line. Returns the map. */
export function splitPages(lines: Line[], hints: string[] = []): PageMap {
  const warnings: string[] = [];
  const squash = (s: string) => s.replace(/\s+/g, '');
  const forced = new Set<number>();
  for (const h of hints) {
    const hit = lines.flatMap((l, i) => (l.text && squash(l.text) === squash(h) ? [i] : []));
    if (hit.length !== 1) warnings.push(`page map: page-start hint "${h}" found ${hit.length} times (want 1)`);
    else forced.add(hit[0]);
  }
  const folios: { line: number; value: number }[] = [];
  const cands: number[] = [];
  let last = -100;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.text === '') continue;
    if (isFolio(lines, i)) {
      folios.push({ line: i, value: Number(l.text) });
      cands.push(i);
      last = i;
      continue;
    }
    if (forced.has(i)) {
      cands.push(i);
      last = i;
      continue;
    }
    if (l.lead < 1) continue;
    const { han, other } = textLen(l.text);
    if (/^[“「"]/.test(l.text) && (han > 25 || (han === 0 && other > 45))) continue; // pull/user quote
    if (/^\d{1,2}, \d{4}/.test(l.text)) continue; // wrapped date
    if (i - last <= 3) continue;
    // An icon label or heading after a blank line is inside a page: a page break cuts text without a blank line.
    if (isBlank(lines[i - 1]) && i > 0 && isShortLabel(l.text) && !/^\d/.test(l.text)) continue;
    cands.push(i);
    last = i;
  }
  // Number the pages; folios re-anchor the count.
  const starts = new Map<number, number>();
  let page = 0;
  for (const c of cands) {
    const f = folios.find((x) => x.line === c);
    page++;
    if (f && f.value !== page) {
      warnings.push(`page map: folio ${f.value} (line ${lines[c].n}) found where page ${page} was counted; re-anchored`);
      page = f.value;
    }
    starts.set(page, c);
  }
  const sorted = [...starts.entries()].sort((a, b) => a[1] - b[1]);
  for (let k = 0; k < sorted.length; k++) {
    const [p, from] = sorted[k];
    const to = k + 1 < sorted.length ? sorted[k + 1][1] : lines.length;
    for (let i = from; i < to; i++) lines[i].page = p;
  }
  for (let i = 0; i < (sorted[0]?.[1] ?? 0); i++) lines[i].page = sorted[0]?.[0] ?? 1;
  return { starts, folios, pageCount: page, warnings };
}
