/**
 * Chapter starts as candidates: each start opens a chapter (its title line, where the line prints
 * the title, is blanked); text before the first start is a front unit titled with its first line,
 * and without it the first chapter starts at line 1.
 */
import type { Line } from '../types.ts';
import type { Candidate } from './types.ts';
import { matchEnglishHeading } from '../english-outline.ts';
import { furnitureKey } from '../running-headers.ts';

export interface ChapterStart { i: number; number?: string; title: string }

export function startsToCandidates(lines: Line[], starts: ChapterStart[], source: string): Candidate[] {
  const firstText = lines.findIndex((l) => l.text);
  if (!starts.length || firstText < 0) return [];
  const out: Candidate[] = [];
  if (starts[0].i > firstText) out.push({ line: 0, lines: [firstText], title: lines[firstText].text, kind: 'front', source, score: 1 });
  starts.forEach((s, k) => {
    const t = lines[s.i].text;
    const isTitle = !!t && (matchEnglishHeading(t)?.title === s.title || furnitureKey(t).endsWith(furnitureKey(s.title)));
    out.push({ line: k === 0 && !out.length ? 0 : s.i, lines: isTitle ? [s.i] : [], title: s.title, kind: 'chapter', ...(s.number ? { number: s.number } : {}), source, score: 1 });
  });
  return out;
}
