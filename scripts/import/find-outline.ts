/**
 * Stage: recognise the outline in the lines of a chapter: numbered section headings
 * (`01 Title`, `1  Title` with two spaces, or a number alone on a line with the title wrapped
 * below), the chapter title line (`3 Title`), box/feature titles, bullet items and label runs.
 */
import type { Line } from './types.ts';
import { endsSentence, width } from './join-lines.ts';

export const squash = (s: string) => s.replace(/\s+/g, '');

/** `01 Title`, `01` alone, or `1  Title` (two spaces). */
export function matchSection(text: string): { number: string; title: string } | null {
  let m = /^(0[1-9])(?:\s+(\S.*))?$/.exec(text);
  if (m && !(m[2] && endsSentence(m[2]) && width(m[2]) > 60)) return { number: m[1], title: (m[2] ?? '').trim() };
  m = /^([1-9]) {2,}(\S.*)$/.exec(text);
  // a footnote definition (`1  ESG，…，即環境、社會及管治。`) ends with a sentence; a heading does not
  if (m && width(m[2]) <= 90 && !/[。；]$/.test(m[2].trim())) return { number: m[1], title: m[2].trim() };
  return null;
}

/** A chapter heading `N Title` (one space) for chapter number `n`; may carry a section: `2 英才匯聚 01 專業的人幹專業的事`. */
export function matchChapter(text: string, n: string): { title: string; rest?: string } | null {
  const m = new RegExp(`^${n} (?! )(\\S.*)$`).exec(text);
  if (!m) return null;
  let title = m[1].trim();
  if (width(title) > 52 || endsSentence(title) || /[，,]$/.test(title)) return null;
  const s = /^(.*?\S)\s+(0[1-9]\s+\S.*)$/.exec(title);
  if (s) return { title: s[1], rest: s[2] };
  return { title };
}

/** Find 1–3 consecutive non-blank lines in [from, to) whose text equals `title` (ignoring spaces). */
export function findTitleLines(lines: Line[], from: number, to: number, title: string): number[] | null {
  const want = squash(title);
  for (let i = from; i < to; i++) {
    if (!lines[i].text) continue;
    let acc = '';
    const idx: number[] = [];
    for (let k = i; k < to && idx.length < 3; k++) {
      if (!lines[k].text) break;
      acc += squash(lines[k].text);
      idx.push(k);
      if (acc === want) return idx;
      if (!want.startsWith(acc)) break;
    }
  }
  return null;
}

const SHORT_HAN = 28; // display width of a label line (14 CJK characters)

/** A CJK line of space-separated phrases (a flattened table row or label/value pair). */
export function isColumnar(text: string): boolean {
  if (/\p{Script=Han}{2} {2,}\p{Script=Han}{2}/u.test(text)) return true; // `label  value`
  const parts = text.split(' ');
  return parts.length >= 2 && parts.every((p) => /^[\p{Script=Han}、／/]{2,}$/u.test(p));
}

/** A short label line (table cell, chart label, icon bullet). */
export function isLabel(l: Line, latin: boolean): boolean {
  if (!l.text || endsSentence(l.text) || /[，,；;：:、]$/.test(l.text)) return false;
  if (/^[•“「"]/.test(l.text)) return false;
  if (!latin && /[，。「」；：]/.test(l.text)) return false; // narrow-column prose, not a label
  return latin ? l.text.length <= 40 && /^[A-Z]/.test(l.text) && !/\S {2,}\S/.test(l.text) : width(l.text) <= SHORT_HAN || (isColumnar(l.text) && width(l.text) <= 44);
}

/** Could the line be a box or feature title? */
export function isTitleLike(l: Line, latin: boolean): boolean {
  const t = l.text;
  if (!t || endsSentence(t) || /[，,；;：:、(（\-–—]$/.test(t) || /[□✓]/.test(t)) return false;
  if (/^[•"(（\d]/.test(t) && !/^\d{4}/.test(t)) return false;
  if (/^“/.test(t) && (/”$/.test(t) || t.length > 60)) return false; // a quote
  if (/^「/.test(t) && (/」$/.test(t) || width(t) > 40)) return false; // a quote, not a title that starts with a quoted name
  // a comma inside a Latin title only before an article (`Adventures of the Wolfberry, the “…”`)
  if (latin) return /^([A-Z“"]|\d{4}\b)/.test(t) && t.length <= 90 && t.split(' ').length <= 16 && !/,\s+(?!(the|a|an)\b|[“"])/.test(t);
  return width(t) <= 60 && /[\p{Script=Han}]/u.test(t) && !/[。！？：；]./.test(t);
}
