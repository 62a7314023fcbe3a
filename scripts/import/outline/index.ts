/**
 * Stage: the outline. One function combines the evidence in a fixed order of trust:
 *
 * 0. the overrides' `chapters` list (the user's explicit outline: cut by printed page, cut-sections.ts);
 * 1. the report's contents page (evidence/contents-page.ts), its entries matched in the body where
 *    the type size (a PDF) sets headings first (match-contents.ts);
 * 2. chapter titles by type size, where the source tells sizes (a PDF; evidence/type-headings.ts):
 *    the strongest heading evidence once no contents page gives the outline;
 * 3. the printed ESG index's section names and pages (evidence/esg-index.ts);
 * 4. English running-header chapter names (evidence/running-header-chapters.ts);
 * 5. English numbered and roman chapter headings (evidence/numbered-headings.ts);
 * 6. the cues of a designed layout: nav bars, cover title cloud, ToC lists, chapter ordinals,
 *    strategy pages, appendix and footer titles (evidence/designed-layout.ts).
 *
 * The most trusted source that yields units gives the outline (rank.ts); the `outline:` overrides
 * demote and split units, the size guards (guards.ts) check an outline read from heading-like lines
 * (source 6, where no printed outline answers for the units), ids are assigned, and merge / rename
 * come last (overrides.ts).
 */
import type { Lang, Line } from '../types.ts';
import type { ChapterSpec, Overrides } from '../overrides.ts';
import type { PageMap } from '../split-pages.ts';
import { cutChapters, moveSectionStarts, type Cut } from '../cut-sections.ts';
import { findHkexIndex } from '../english-outline.ts';
import { findContentsPage, type ContentsPage } from './contents-page.ts';
import { matchContents, type EntryMatch } from './match-contents.ts';
import { checkOutline, type OutlineCheck } from './contents-outline.ts';
import type { Evidence, OutlineInput } from './types.ts';
import { contentsPage } from './evidence/contents-page.ts';
import { esgIndex } from './evidence/esg-index.ts';
import { typeHeadings } from './evidence/type-headings.ts';
import { runningHeaderChapters } from './evidence/running-header-chapters.ts';
import { numberedHeadings } from './evidence/numbered-headings.ts';
import { designedLayout } from './evidence/designed-layout.ts';
import { assignIds, close, pickEvidence, toUnits } from './rank.ts';
import { cutLargeUnits, dropEmptyUnits } from './guards.ts';
import { demoteAndSplit, findGivenTitles, mergeAndRename } from './overrides.ts';
import type { View } from './view.ts';

export { findNavBars } from './nav-bars.ts';

export interface OutlineOptions {
  lines: Line[];
  lang: Lang;
  overrides: Overrides;
  pm: PageMap;
  /** the running headers' chapter name of each page (running-headers layout) */
  chapterOfPage?: Map<number, string>;
  /** the page map comes from running headers (printed page numbers are reliable) */
  runningHeaders: boolean;
  nav: { lines: Set<number>; titles: string[] };
}

export type OutlineSource = 'overrides (chapters)' | 'contents page' | 'type size' | 'ESG index' | 'English chapter headings' | 'detected headings';

export interface OutlineResult {
  /** chapter-level units in text order (title lines already blanked) */
  units: Cut[];
  /** parts (chapter groups) of a detected outline */
  parts: { id: string; title: string }[];
  source: OutlineSource;
  /** the unit printing the HKEX index */
  index?: ChapterSpec;
  /** the printed contents page, when one was found */
  contents?: ContentsPage;
  /** printed page numbers of units can be trusted */
  pagesReliable: boolean;
  /** the outline checked against the contents page (the pipeline adds the largest unit's share) */
  check: Omit<OutlineCheck, 'largestUnitShare'>;
  warnings: string[];
}

/** Trust order of the detected outline; the last is read from heading-like lines and is size-guarded. */
const SOURCES = [contentsPage, typeHeadings, esgIndex, runningHeaderChapters, numberedHeadings, designedLayout];

export function outline(o: OutlineOptions): OutlineResult {
  const { lines, lang, overrides: ov } = o;
  const warnings: string[] = [];
  if (ov.chapters) {
    const units = cutChapters(lines, o.pm, ov, lang, warnings);
    moveSectionStarts(lines, units, o.pm, ov, warnings);
    const check = checkOutline(lines, 'overrides (chapters)', undefined, []);
    warnings.push('outline: no contents page printed; outline from overrides (chapters)');
    finalWarnings(check, warnings);
    return { units, parts: [], source: 'overrides (chapters)', index: ov.chapters.find((c) => c.index === 'hkex'), pagesReliable: false, check, warnings };
  }
  const contents = findContentsPage(lines);
  // printed page numbers are trusted where the text carries folios for a good part of the pages
  const pagesReliable = o.runningHeaders || (!!contents && o.pm.folios.length >= Math.max(3, 0.25 * Math.max(...contents.entries.map((e) => e.pageEnd ?? e.page ?? 0))));
  const matches: EntryMatch[] = contents ? matchContents(lines, contents.entries, contents.end, { pagesReliable }) : [];
  const doc: OutlineInput = { lines, lang, nav: o.nav, chapterOfPage: o.chapterOfPage ?? new Map(), contents, matches };
  const picked = pickEvidence(SOURCES.map((read) => () => read(doc)));
  warnings.push(...picked.warnings);
  const chosen: Evidence = picked.chosen!; // the designed layout always yields a front unit
  const source = chosen.source as OutlineSource;
  const view: View = { lines, skip: new Set(o.nav.lines) };
  const units = toUnits(chosen.candidates);
  const given = demoteAndSplit(view, units, ov.outline ?? {}, warnings);
  if (picked.at === SOURCES.length - 1) {
    dropEmptyUnits(view, units);
    cutLargeUnits(view, units, warnings);
  }
  const parts = assignIds(view, units);
  const givenIds = new Set([...given].map((u) => u.id));
  for (const id of mergeAndRename(units, ov.outline ?? {}, warnings)) givenIds.add(id);
  const closed = close(units, lines.length);
  findGivenTitles(view, closed, (u) => givenIds.has(u.id));

  for (const l of lines) l.text = l.text.replace(/^[●▪■◆]\s*(?=\S)/u, '• '); // other bullet glyphs read as `•`
  const cuts = closed.map((u): Cut => {
    for (const i of u.titleLines) lines[i].text = '';
    const title = (u.cover && ov.report?.title?.[lang]) || u.title; // a title-cloud cover carries the report title
    return { spec: { id: u.id, page: lines[u.from].page, part: u.group, title: { [lang]: title }, ...(u.number ? { number: u.number } : {}) }, from: u.from, to: u.to, title, partIntro: [] };
  });
  const byContents = source === 'contents page';
  const check = checkOutline(lines, source, contents, byContents ? matches : []);
  if (!contents) warnings.push(`outline: no contents page printed; outline from ${source}`);
  finalWarnings(check, warnings);
  const index = picked.at === SOURCES.length - 1 ? undefined : findHkexIndex(lines, cuts)?.spec;
  return { units: cuts, parts, source, index, contents, pagesReliable, check, warnings };
}

function finalWarnings(check: Omit<OutlineCheck, 'largestUnitShare'>, warnings: string[]): void {
  if (check.entries && check.inOrder < 0.9 * check.entries) warnings.push(`outline: ${check.inOrder} of ${check.entries} contents entries became units in order (under 90%); not found: ${check.unmatched.slice(0, 5).join('; ')}`);
}
