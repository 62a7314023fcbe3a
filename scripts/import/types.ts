/** Shared types of the importer pipeline. */
export type Lang = 'en' | 'zh-Hant' | 'zh-Hans';
export const LANGS: readonly Lang[] = ['en', 'zh-Hant', 'zh-Hans'];

/** One physical line of the source text. */
export interface Line {
  /** 1-based line number in the source (for messages only). */
  n: number;
  /** Text without leading/trailing whitespace. */
  text: string;
  /** Number of leading spaces in the source line. */
  lead: number;
  /** The source line ended with a space. */
  trail: boolean;
  /** Printed page (filled by split-pages). */
  page: number;
  /** The tab-separated fields of the source line (trimmed, empty ones kept), when it holds a tab. */
  cells?: string[];
  /** Type size in points and bold weight, where the source tells them (a PDF). */
  size?: number;
  bold?: boolean;
  /** What a structured source (a .docx) says about the line: read/structured.ts. */
  doc?: DocLine;
}

/**
 * A line of a structured source's text: a Word heading (with its outline level), or the first line
 * of a block the document gives whole (a table, a list, a footnote, an image). Later lines of the
 * same block carry no `doc`.
 */
export interface DocLine {
  /** the heading's outline level (Heading 1 → 1) */
  heading?: number;
  /** a heading at a level that cuts units (the contents' depth) */
  unit?: boolean;
  block?: Block;
  /** the line is empty by itself (an image without alt text), not blanked by a stage */
  empty?: boolean;
}

/** A block of the body after paragraph joining. */
export type Block =
  | { kind: 'para'; text: string; page: number }
  | { kind: 'heading'; level: 2 | 3; text: string; page: number; number?: string }
  /** `depths`: each item's nesting (0 = top; a Word list's levels), absent when flat */
  | { kind: 'list'; items: string[]; page: number; ordered?: boolean; depths?: number[] }
  | { kind: 'quote'; text: string; page: number }
  | { kind: 'table'; caption?: string; header?: string[]; rows: string[][]; page: number }
  | { kind: 'box'; title: string; blocks: Block[]; page: number }
  | { kind: 'footnote'; n: number; text: string; page: number }
  /** `src`: the source's asset key until the pipeline names the file beside the section */
  | { kind: 'image'; src: string; alt: string; page: number };

/**
 * A repair of the printed text (a join of letters, a removed space, a split glyph), with what in
 * the text proves it: `word "office" occurs unsplit 12×`, `spaced-out run`, `CJK punctuation spacing`.
 */
export interface Repair {
  kind: 'letter-spacing' | 'word-join' | 'hyphenation' | 'line-break' | 'cjk-spacing' | 'bullet' | 'footnote' | 'markup';
  /** 1-based source line (for messages) */
  line: number;
  before: string;
  after: string;
  proof: string;
}

export class ImportError extends Error {}
