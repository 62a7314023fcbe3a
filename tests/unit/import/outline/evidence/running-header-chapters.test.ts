/**
 * Evidence: chapter names in English running headers (outline/evidence/running-header-chapters.ts).
 */
import { describe, expect, it } from 'vitest';
import { runningHeaderChapters } from '../../../../../scripts/import/outline/evidence/running-header-chapters.ts';
import { makeDoc, rows } from './doc.ts';

const SRC = ['@@page 1', 'Harbourline Logistics ESG Report 2021', 'Chairman’s statement text.', '@@page 2', 'Text continues.', '@@page 3', 'ENVIRONMENTAL STEWARDSHIP', 'Our emissions.', '@@page 4', 'More emissions.', '@@page 5', 'Caring for people.'];
const header = (m: [number, string][]) => new Map(m);

const valid = [
  {
    name: 'a new name on a page starts a chapter at the line printing it; the name repeated is no new chapter',
    chapters: header([[3, 'Environmental Stewardship'], [4, 'Environmental Stewardship'], [5, '2. Our People']]),
    expected: ['front 1 Harbourline Logistics ESG Report 2021', 'chapter 4 Environmental Stewardship', 'chapter 7 Our People'],
  },
  {
    name: 'the first chapter on the first page starts at line 1',
    chapters: header([[1, 'Chairman’s Statement'], [3, 'Environmental Stewardship']]),
    expected: ['chapter 1 Chairman’s Statement', 'chapter 4 Environmental Stewardship'],
  },
];
const invalid = [
  { name: 'no running-header names', chapters: header([]), lang: 'en' as const },
  { name: 'a Chinese text', chapters: header([[3, '環境']]), lang: 'zh-Hant' as const },
];

describe('running-header-chapters', () => {
  it.each(valid)('valid: $name', ({ chapters, expected }) => {
    expect(rows(runningHeaderChapters(makeDoc(SRC, 'en', { chapterOfPage: chapters })).candidates)).toEqual(expected);
  });
  it.each(invalid)('invalid: $name', ({ chapters, lang }) => {
    expect(runningHeaderChapters(makeDoc(SRC, lang, { chapterOfPage: chapters })).candidates).toEqual([]);
  });
  it('blanks the title only where the page prints the name', () => {
    const c = runningHeaderChapters(makeDoc(SRC, 'en', { chapterOfPage: header([[3, 'Environmental Stewardship'], [5, 'Our People']]) })).candidates;
    expect(c.map((x) => x.lines)).toEqual([[0], [3], []]);
  });
});
