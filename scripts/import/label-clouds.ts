/**
 * Stage helper: flattened graphics (label clouds, timelines, org charts, link lists) whose labels
 * the extraction printed together. Two shapes become lists of their labels instead of one
 * paragraph run together:
 *
 * - a phrase line: one line of ≥ 3 space-separated CJK phrases (2–12 characters each, no
 *   punctuation) — `減少包裝材料 節約和淨化水資源 減少和循環廢棄物 保護生態系統`;
 * - parallel lines: ≥ 3 adjacent lines that start alike (the same first two characters, digits
 *   aside: `附錄 4: …` / `附錄 5: …`) and none of which ends with sentence or clause punctuation
 *   (a wrapped paragraph ends lines inside its clauses, not at the end of each item).
 */
import { endsSentence } from './join-lines.ts';

const PHRASE = /^[\p{Script=Han}・·／/]{2,12}$/u;

/** The phrases of a phrase line, or null. */
export function phraseLine(text: string): string[] | null {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 3 || parts.length > 12) return null;
  return parts.every((p) => PHRASE.test(p)) ? parts : null;
}

const stem = (t: string) => [...t.replace(/[\d\s]+/g, '')].slice(0, 2).join('');
const OPEN_END = /[，,、；;：:（(「『“\-–—]$/u;

/** How many of `texts` (adjacent lines, from the first) are parallel items; 0 if fewer than 3. */
export function parallelLines(texts: string[]): number {
  if (texts.length < 3) return 0;
  const s = stem(texts[0]);
  if ([...s].length < 2) return 0;
  let k = 0;
  while (k < texts.length && stem(texts[k]) === s && !endsSentence(texts[k]) && !OPEN_END.test(texts[k])) k++;
  return k >= 3 ? k : 0;
}
