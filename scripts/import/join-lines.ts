/**
 * Stage: join wrapped lines. CJK on either side of a break joins with no space, Latin text with one
 * space; a line-end hyphen is a real compound hyphen (kept, no space); a URL broken after `/` joins
 * with no space. Also decides where paragraphs end.
 */
import type { Line, Repair } from './types.ts';

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026「」『』《》〈〉（）]/u;
const CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef「」『』《》〈〉（）、，。；：！？]/u;

/** Display width: CJK counts 2, other characters 1. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += CJK.test(ch) ? 2 : 1;
  return w;
}

/** Does the text end a sentence? `。！？` / `.!?` with optional closing quotes or brackets. */
export function endsSentence(s: string): boolean {
  const t = s.trim();
  if (/\b(No|Nos|Mr|Mrs|Ms|Dr|St|vs|e\.g|i\.e)\.$/.test(t)) return false; // abbreviation
  return /[。！？.!?][」』）)"”’]*$/.test(t);
}

/**
 * How two pieces broken across lines join: `url` (after a slash), `hyphen` (a line-end compound
 * hyphen, kept), `cjk` (no space), `word` (Latin in CJK text with no space printed at the line end:
 * the break was inside a word), `space` (one space).
 */
export function joinKind(a: string, b: string, aTrail = true): 'url' | 'hyphen' | 'cjk' | 'word' | 'space' | 'none' {
  a = a.replace(/\s+$/, '');
  b = b.replace(/^\s+/, '');
  if (!a || !b) return 'none';
  const last = a[a.length - 1];
  const first = b[0];
  if (/https?:\/\/\S*\/$/.test(a)) return 'url'; // URL broken after a slash
  if (last === '-' && /[A-Za-z]-$/.test(a) && /^[A-Za-z]/.test(b)) return 'hyphen'; // compound hyphen
  if (CJK.test(last) || CJK.test(first)) return 'cjk';
  // Latin/digit on both sides: one space (when the source line carried no trailing space
  // and the text around is CJK, the break was inside a word: join directly)
  if (!aTrail && /[\p{Script=Han}]/u.test(a) && /[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first)) return 'word';
  return 'space';
}

/** Join two pieces of one paragraph that were broken across lines. */
export function joinPair(a: string, b: string, aTrail = true): string {
  const k = joinKind(a, b, aTrail);
  a = a.replace(/\s+$/, '');
  b = b.replace(/^\s+/, '');
  return k === 'none' ? a || b : k === 'space' ? a + ' ' + b : a + b;
}

/**
 * The repair record of a join of letters across a line break (`hyphen`, `word`, `url`), or null.
 * Nothing is invented: the pieces are joined as printed, with no space where none was printed.
 */
export function joinRepair(a: string, b: string, aTrail: boolean, line: number): Repair | null {
  const k = joinKind(a, b, aTrail);
  if (k !== 'hyphen' && k !== 'word' && k !== 'url') return null;
  const left = /\S*$/.exec(a.trimEnd())![0];
  const right = /^\S*/.exec(b.trimStart())![0];
  const proof = k === 'hyphen' ? 'line-end hyphen printed (kept)' : k === 'url' ? 'URL broken after "/"' : 'no space printed at the line end (CJK text)';
  return { kind: k === 'hyphen' ? 'hyphenation' : 'line-break', line, before: `${left}⏎${right}`, after: left + right, proof };
}

/** Can a blank line between `prev` and `next` be dropped (a sentence goes on across it)? */
export function continuesAcrossBlank(prev: Line, next: Line, refWidth: number): boolean {
  if (endsSentence(prev.text)) return false;
  if (/[:：]$/.test(prev.text)) return false;
  if (/^[•·\-–]/.test(next.text)) return false;
  if (CJK_START.test(next.text) && /[，、；（「]$/u.test(prev.text)) return true; // a clause goes on
  if (CJK_START.test(next.text) && /[\p{Script=Han}，、（「」』》）0-9]$/u.test(prev.text) && width(prev.text) >= refWidth * 0.6) return true;
  if (/^[a-z0-9(]/.test(next.text) || /^[，、。；：）」]/.test(next.text)) return true;
  // Latin text: a long wrapped line ending with a space goes on
  if (prev.trail && width(prev.text) >= refWidth * 0.6 && /[A-Za-z,;]$/.test(prev.text)) return true;
  if (/[,;]$/.test(prev.text) && width(prev.text) >= refWidth * 0.6) return true;
  return false;
}
