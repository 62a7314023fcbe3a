/**
 * The contents page as outline evidence, on the six contents-page fixtures (tests/fixtures/import/toc/,
 * each with its oracle expected.json) and on the real FY2025 seed: the entries parsed (title, level,
 * page), each entry's heading found in the body, and the importer's own outline check.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findContentsPage, parseEntryLine, printedLine } from '../../../../scripts/import/outline/contents-page.ts';
import { matchContents } from '../../../../scripts/import/outline/match-contents.ts';
import { readSource, toLines } from '../../../../scripts/import/read-source.ts';
import { runPipeline } from '../../../../scripts/import/pipeline.ts';
import { ROOT } from '../helpers.ts';

const TOC = join(ROOT, 'tests/fixtures/import/toc');
const CASES = readdirSync(TOC, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

interface Oracle {
  lang: 'en' | 'zh-Hant' | 'zh-Hans';
  runningFurniture: string[];
  contents: { line: number; entries: { title: string; level: number; page: number | null }[] };
  headings: { title: string; line: number }[];
}
const load = (c: string) => {
  const raw = readFileSync(join(TOC, c, 'input.txt'));
  const oracle = JSON.parse(readFileSync(join(TOC, c, 'expected.json'), 'utf8')) as Oracle;
  const lines = toLines(readSource(raw));
  // the oracle counts lines of the file split on \n; read-source starts a line at every form feed
  const text = raw.toString('utf8');
  const index = (fileLine: number) => {
    const upTo = text.split('\n').slice(0, fileLine).join('\n');
    return fileLine - 1 + (upTo.match(/\f/g) ?? []).length;
  };
  return { raw, oracle, lines, index };
};

it('covers the six contents-page forms', () => {
  // six written beside the code, four after it without reading it (en-pagefirst, en-continued, zh-hant-bilingual, zh-hans-sidebar)
  expect(CASES.sort()).toEqual(['en-continued', 'en-dotted', 'en-numbered', 'en-pagefirst', 'en-roman-tab', 'zh-hans-dotted', 'zh-hans-sidebar', 'zh-hant-bilingual', 'zh-hant-numbered', 'zh-hant-range']);
});

describe.each(CASES)('%s', (c) => {
  const { raw, oracle, lines, index } = load(c);
  const cp = findContentsPage(lines)!;
  it('finds the contents page and parses every entry: title, level, page', () => {
    expect(cp).toBeDefined();
    expect(cp.heading).toBe(index(oracle.contents.line));
    expect(cp.entries.map((e) => ({ title: e.title, level: e.level, page: e.page ?? null }))).toEqual(oracle.contents.entries);
  });
  it('finds each entry’s heading in the body, where the section starts', () => {
    const m = matchContents(lines, cp.entries, cp.end, { pagesReliable: false });
    const at = new Map(m.map((x) => [x.entry, x]));
    const got = cp.entries.map((e) => at.get(e)?.lines.includes(index(oracle.headings[cp.entries.indexOf(e)].line)) ?? false);
    expect(got.filter((x) => !x).length).toBe(0);
  });
  it('the import checks itself: ≥ 90 % of the entries are units in order, no unit over 30 %, fidelity ≥ 99 %', () => {
    const r = runPipeline(raw, oracle.lang, {}, c);
    expect(r.outline.source).toBe('contents page');
    expect(r.outline.entries).toBe(oracle.contents.entries.length);
    expect(r.outline.inOrder / r.outline.entries).toBeGreaterThanOrEqual(0.9);
    expect(r.outline.largestUnitShare).toBeLessThanOrEqual(0.3);
    expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
    expect(r.warnings.filter((w) => w.startsWith('outline:'))).toEqual([]);
    // no running header or footer (with its folio or not) is left as a heading
    const headings = r.sections.flatMap((x) => x.mdx.split('\n').filter((l) => /^\s*#{1,6} /.test(l)));
    for (const f of oracle.runningFurniture) expect(headings.filter((h) => h.includes(f))).toEqual([]);
    // units are titled as the contents prints them (in the heading's case where the contents prints capitals)
    const titles = new Set(r.sections.map((s) => s.title.toLowerCase()));
    const unitTitles = oracle.contents.entries.filter((e) => titles.has(e.title.toLowerCase())).length;
    expect(unitTitles + r.parts.length).toBeGreaterThanOrEqual(0.9 * oracle.contents.entries.length);
  });
});

describe('entry forms', () => {
  it.each([
    ['About this Report ........................ 3', { title: 'About this Report', page: 3 }],
    ['多元、平等和共融\t050-053', { title: '多元、平等和共融', page: 50, pageEnd: 53, pages: '050-053' }],
    ['关于本报告……………3', { title: '关于本报告', page: 3 }],
    ['4.2 Use of Resources 10', { title: '4.2 Use of Resources', page: 10 }],
    ['Board Oversight\t5', { title: 'Board Oversight', page: 5 }],
    ['About this Report ........................ P.4', { title: 'About this Report', page: 4, pages: '4' }],
  ])('%s', (line, want) => {
    expect(parseEntryLine(line, 0)[0]).toMatchObject(want);
  });
  it('the contents list prints each entry as the report does, leaders as …', () => {
    expect(printedLine('About this Report ........................ P.4')).toBe('About this Report … P.4');
    expect(printedLine("04   Chairman's Statement")).toBe("04 Chairman's Statement");
    expect(printedLine('第一章 可持續發展管治  6')).toBe('第一章 可持續發展管治 … 6');
    expect(printedLine('多元、平等和共融\t050-053')).toBe('多元、平等和共融 … 050-053');
  });
  it('two entries glued on one line are two entries; a title holding a number is one', () => {
    expect(parseEntryLine('Emissions 8 Use of Resources 10', 0, 6).map((e) => [e.title, e.page])).toEqual([['Emissions', 8], ['Use of Resources', 10]]);
    expect(parseEntryLine('Scope 1 Emissions 25', 0, 20).map((e) => [e.title, e.page])).toEqual([['Scope 1 Emissions', 25]]);
  });
  it('running text ending in a number is no entry', () => {
    expect(parseEntryLine('"Report") for the year ended 31 December 2019. This report covers the period from 1', 0)[0].page).toBeUndefined();
  });
});

describe('a report without a contents page', () => {
  it('says so, and which evidence it used', () => {
    const f = join(ROOT, 'content/reports/jd-health/2024/source/jd-health-2024.zh-Hant.txt');
    const r = runPipeline(readFileSync(f), 'zh-Hant', {}, f);
    expect(r.outline).toMatchObject({ entries: 0, source: 'detected headings' });
    expect(r.warnings).toContain('outline: no contents page printed; outline from detected headings');
  });
});

describe('English body headings', () => {
  const r = runPipeline(readFileSync(join(TOC, 'en-continued', 'input.txt')), 'en', {}, 'en-continued');
  const body = r.sections.map((s) => s.mdx).join('\n');
  it('a date under a signature is no heading', () => {
    expect(body).not.toMatch(/^\s*#{2,3} \d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/m);
  });
  it('numbered lines one under the other are a list, not headings', () => {
    expect(body).not.toMatch(/^\s*#{2,3} [1-6] \S/m);
    expect(body).toMatch(/^\s*- 1\\?\.? \S.*\n\s*- 2\\?\.? \S/m);
  });
});
