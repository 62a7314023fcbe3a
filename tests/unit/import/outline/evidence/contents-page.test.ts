/**
 * Evidence: the report's contents page (outline/evidence/contents-page.ts): its matched entries as
 * candidates — parts with their sections, front matter before the first part — and nothing where
 * fewer than half of its entries are found in the text.
 */
import { describe, expect, it } from 'vitest';
import { contentsPage } from '../../../../../scripts/import/outline/evidence/contents-page.ts';
import { findContentsPage } from '../../../../../scripts/import/outline/contents-page.ts';
import { matchContents } from '../../../../../scripts/import/outline/match-contents.ts';
import { makeDoc, rows } from './doc.ts';

const text = 'The Group continued to reduce the emissions of its warehouses and fleet during the year under review.';
const CONTENTS = ['CONTENTS', '', 'About this Report ........ 2', 'Environment ........ 3', '    Emissions ........ 3', '    Resources ........ 4', 'People ........ 5', '    Employment ........ 5', '    Training ........ 6', ''];
const doc = (body: string[]) => {
  const d = makeDoc([...CONTENTS, ...body], 'en');
  const contents = findContentsPage(d.lines);
  const matches = contents ? matchContents(d.lines, contents.entries, contents.end, { pagesReliable: false }) : [];
  return { ...d, contents, matches };
};

const valid = [
  {
    name: 'every entry printed as a heading: front unit, parts and their sections',
    body: ['About this Report', text, 'Environment', text, 'Emissions', text, 'Resources', text, 'People', text, 'Employment', text, 'Training', text],
    expected: ['front 1 CONTENTS', 'front 11 About this Report', 'chapter 13 Environment', 'section 15 Emissions', 'section 17 Resources', 'chapter 19 People', 'section 21 Employment', 'section 23 Training'],
  },
];
const invalid = [
  { name: 'the entries are not printed as headings', body: [text, 'Our environment', text, 'Our people', text] },
];

describe('evidence/contents-page', () => {
  it.each(valid)('valid: $name', ({ body, expected }) => {
    const ev = contentsPage(doc(body));
    expect(rows(ev.candidates)).toEqual(expected);
    const parts = ev.candidates.filter((c) => c.kind === 'chapter');
    expect(parts.map((c) => [c.level, c.part])).toEqual([[1, 'Environment'], [1, 'People']]);
  });
  it.each(invalid)('invalid: $name', ({ body }) => {
    const ev = contentsPage(doc(body));
    expect(ev.candidates).toEqual([]);
    expect(ev.warnings.join()).toMatch(/contents page .* was found but only \d+ of its entries/);
  });
  it('no contents page: no candidates, no warning', () => {
    expect(contentsPage(makeDoc(['About this Report', text], 'en'))).toEqual({ source: 'contents page', candidates: [], warnings: [] });
  });
});
