/** Shared types of the outline stage: the input facts, evidence candidates, units. */
import type { Lang, Line } from '../types.ts';
import type { ContentsPage } from './contents-page.ts';
import type { EntryMatch } from './match-contents.ts';

export interface OutlineOverrides {
  /** start a unit at the first standalone line equal to `at` (after the first line equal to `after`) */
  split?: { at: string; after?: string; title?: string }[];
  /** a detected unit title that is not a unit start */
  demote?: string[];
  /** unit ids merged into the unit before them */
  merge?: string[];
  /** unit id → title */
  rename?: Record<string, string>;
}

/** What every evidence source reads: the lines (furniture already blanked) and facts found once. */
export interface OutlineInput {
  lines: Line[];
  lang: Lang;
  /** nav-bar lines (not text) and the titles they list */
  nav: { lines: Set<number>; titles: string[] };
  /** chapter name printed in each page's running header */
  chapterOfPage: Map<number, string>;
  /** the printed contents page and its entries matched in the body */
  contents?: ContentsPage;
  matches: EntryMatch[];
}

export type UnitKind = 'front' | 'chapter' | 'section' | 'appendix';

/** One proposed unit start. */
export interface Candidate {
  /** first line of the unit */
  line: number;
  /** lines printing the title (blanked from the body) */
  lines: number[];
  title: string;
  kind: UnitKind;
  /** 1: a chapter that is a part (its sections follow it) */
  level?: number;
  /** a section of a part printed with no text of its own: the part's title */
  part?: string;
  /** printed heading number (`1.1`, `IV`) */
  number?: string;
  /** a cover page (title cloud): its title is the report's title where the overrides give one */
  cover?: boolean;
  source: string;
  score: number;
}

export interface Evidence {
  source: string;
  candidates: Candidate[];
  warnings: string[];
}

export type EvidenceSource = (doc: OutlineInput) => Evidence;

export interface Unit {
  id: string;
  kind: UnitKind;
  title: string;
  /** first line index of the unit */
  from: number;
  /** line indices of the printed title (blanked in the body) */
  titleLines: number[];
  /** chapter group id (c01 …) for parts and their sections */
  group?: string;
  cover?: boolean;
  number?: string;
  level?: number;
  part?: string;
}

export interface Outline {
  units: (Unit & { to: number })[];
  groups: { id: string; title: string }[];
  warnings: string[];
}
