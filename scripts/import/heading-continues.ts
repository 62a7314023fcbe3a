/**
 * Stage helper: is a heading candidate really the first line of a paragraph? A short line that
 * passes as a title (box title, icon heading) is often the first line of a wrapped paragraph in a
 * narrow column (`國家持續推進全國碳排放權交易市場建` / `設，對於…`). Those are joined into the
 * paragraph; candidates that pass only weakly are kept but reported as doubted headings.
 */
import { endsSentence, width } from './join-lines.ts';

export interface DoubtedHeading { line: number; text: string; why: string }

/** Ends a phrase: sentence or clause punctuation, closing quotes and brackets. */
const PHRASE_END = /[。！？.!?:：;；」』》〉）)”’"\]]$/u;
const CJK_PUNCT_START = /^[，、；。：！？）」』》〉,.;:]/u;
/** a word tail: one to three characters, then a clause break (`設，`, `引，`, `耘十年，`) */
const WORD_TAIL = /^\p{Script=Han}{1,3}[，、；。：]/u;

/**
 * The lines under the candidate that belong to its block (up to 3, until a blank line).
 * `under` are the texts of those lines; `textWidth` the width of the text around (0 if unknown).
 */
export function continuesHeading(head: string, under: string[], textWidth: number, latin: boolean): string | null {
  const next = under[0];
  if (!next || endsSentence(head)) return null;
  const blockWidth = Math.max(...under.map(width));
  // the candidate is as wide as the text it sits on: a wrapped line, not a title
  const wide = blockWidth >= Math.max(16, 0.3 * textWidth) &&
    (under.length >= 2 || (!PHRASE_END.test(head) && width(next) >= width(head) - 4)); // or a two-line paragraph
  if (wide && width(head) >= (latin ? 0.9 * blockWidth : blockWidth - 2)) return 'as wide as the text under it';
  if (PHRASE_END.test(head)) return null;
  if (latin) {
    if (/^[a-z]/.test(next)) return 'the next line starts in lower case';
    return null;
  }
  if (CJK_PUNCT_START.test(next)) return 'the next line starts with punctuation';
  if (/[，、；,]\p{Script=Han}{1,2}$/u.test(head)) return 'ends one or two characters into a clause';
  if (/\p{Script=Han}$/u.test(head) && WORD_TAIL.test(next) && width(head) >= 0.6 * blockWidth) return 'the next line starts with the end of a word';
  return null;
}

/** Why a kept heading is doubtful, or null. */
export function doubtHeading(head: string, under: string[], latin: boolean): string | null {
  const next = under[0];
  if (!next) return null;
  const blockWidth = Math.max(...under.map(width));
  if (!PHRASE_END.test(head) && under.length >= 2 && width(head) >= 0.75 * blockWidth) return 'nearly as wide as the text under it';
  if (latin ? /, [a-z]/.test(head) : /[，；]/.test(head)) return 'holds a clause break';
  if (!latin && /\p{Script=Han}$/u.test(head) && /^\p{Script=Han}[^\p{Script=Han}]/u.test(next)) return 'the next line may end its word';
  return null;
}
