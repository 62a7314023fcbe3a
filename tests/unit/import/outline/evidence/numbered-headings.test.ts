/**
 * Evidence: English numbered and roman chapter headings (outline/evidence/numbered-headings.ts).
 * Valid inputs yield chapter candidates; invalid ones yield none.
 */
import { describe, expect, it } from 'vitest';
import { numberedHeadings } from '../../../../../scripts/import/outline/evidence/numbered-headings.ts';
import { makeDoc, rows } from './doc.ts';

const valid = [
  {
    name: 'roman chapters (two are enough), front matter before them',
    src: ['Environmental, Social and Governance Report', '', 'I. ABOUT THIS REPORT', 'This report covers the year.', 'II. ENVIRONMENTAL', 'Our emissions fell.'],
    expected: ['front 1 Environmental, Social and Governance Report', 'chapter 3 ABOUT THIS REPORT', 'chapter 5 ENVIRONMENTAL'],
  },
  {
    name: 'numbered chapters 1 2 3 from the first line; a section number is no chapter',
    src: ['1. Our Approach', 'We report on our approach.', '1.1 Scope', 'The scope.', '2 Our People', 'Staff.', '3. Our Planet', 'Emissions.'],
    expected: ['chapter 1 Our Approach', 'chapter 5 Our People', 'chapter 7 Our Planet'],
  },
];
const invalid = [
  { name: 'two numbered chapters only', src: ['1. Our Approach', 'Text.', '2. Our People', 'Text.'] },
  { name: 'a run that does not start at I', src: ['II. Environmental', 'Text.', 'III. Social', 'Text.'] },
  { name: 'sentences that start with a number', src: ['1. we reduced our emissions by ten per cent in the year.', '2. we hired staff.', '3. we trained them.'] },
  { name: 'a Chinese text', src: ['1. 關於本報告', '2. 環境', '3. 社會'], lang: 'zh-Hant' as const },
];

describe('numbered-headings', () => {
  it.each(valid)('valid: $name', ({ src, expected }) => {
    const ev = numberedHeadings(makeDoc(src, 'en'));
    expect(rows(ev.candidates)).toEqual(expected);
    expect(ev.candidates.every((c) => c.source === 'English chapter headings')).toBe(true);
  });
  it.each(invalid)('invalid: $name', ({ src, lang }) => {
    expect(numberedHeadings(makeDoc(src, lang ?? 'en')).candidates).toEqual([]);
  });
  it('keeps the printed number and blanks the heading line', () => {
    const [, c] = numberedHeadings(makeDoc(['Cover', 'I. ABOUT THIS REPORT', 'Text.', 'II. ENVIRONMENTAL', 'Text.'], 'en')).candidates;
    expect(c).toMatchObject({ number: 'I', lines: [1] });
  });
});
