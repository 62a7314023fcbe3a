/**
 * Read a PDF: pdfjs-dist's text items → positioned lines, page by page. This module only reads
 * (what is printed where, in which size and weight); laying the lines out as the pipeline's input
 * is pdf-layout.ts, as PDF.js keeps its evaluator (items) apart from its text layer (rendering).
 *
 * - Items join into lines in content-stream order; a line ends where the baseline moves by more
 *   than half the type size or the text jumps back left (a new line or column). A superscript
 *   (footnote mark) stays on its line.
 * - Gaps wider than two type sizes split a line into cells (table columns, a contents entry's
 *   title and page): the layout rebuilds tables from the cells' positions.
 * - Rotated text (a spine, a vertical label) and text outside the page box are dropped.
 * - The Kangxi Radicals block (U+2F00–U+2FDF) is folded to the unified ideographs: PDF producers
 *   map common CJK glyphs to it (⼒ for 力, ⽬ for 目), so readers and search would not find the
 *   words. Chromium also maps 長 to ⻑ (U+2ED1, CJK Radicals Supplement, with no compatibility
 *   mapping): the Supplement's radicals that print a whole ideograph are folded by a table
 *   (RADICAL_SUPPLEMENT); its component forms (⺡ for 氵) and full-width punctuation stay.
 * - Predefined CMaps (older Big5 / CNS fonts) and the standard fonts are read from pdfjs-dist's own
 *   package folders.
 *
 * An encrypted, damaged, empty or scanned (no text layer) PDF throws an ImportError naming the
 * file and what to do. Pages whose text is unreadable are listed (`unreadable`) for the caller.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ImportError } from '../types.ts';

export interface PdfCell { text: string; x: number; right: number }

export interface PdfLine {
  /** physical page, 1-based */
  page: number;
  text: string;
  /** left edge, right edge and baseline (PDF points, y from the page bottom) */
  x: number;
  right: number;
  y: number;
  /** type size of the line's largest text (points) */
  size: number;
  /** most of the line's letters are set in a bold (or heavier) face */
  bold: boolean;
  /** the line's pieces separated by wide gaps (one cell for running text) */
  cells: PdfCell[];
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  lines: PdfLine[];
}

export interface PdfDocument {
  pages: PdfPage[];
  /** pages with no text at all (scanned, or image-only) */
  noText: number[];
  /** pages whose text is mostly control characters or replacement marks (damaged, or a font without a Unicode map) */
  unreadable: number[];
}

/**
 * CJK Radicals Supplement characters that print a whole ideograph, with that ideograph (by their
 * Unicode names: CJK RADICAL LONG ONE ⻑ = 長, C-SIMPLIFIED CART ⻋ = 车 …).
 */
const RADICAL_SUPPLEMENT: Record<string, string> = Object.fromEntries(
  '⺟母 ⺠民 ⺝月 ⺩王 ⺬示 ⻁虎 ⻄西 ⻅见 ⻆角 ⻉贝 ⻋车 ⻑長 ⻓长 ⻔门 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻨麦 ⻩黄 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻲亀 ⻳龟'
    .split(' ').map((p) => [p[0], p[1]]),
);
const RADICALS = /[\u2E80-\u2EFF\u2F00-\u2FDF]/g;
/** Kangxi radicals (NFKC of that block) and whole-character Supplement radicals → unified ideographs. */
export const foldRadicals = (s: string) =>
  s.replace(RADICALS, (c) => (c >= '\u2F00' ? c.normalize('NFKC') : RADICAL_SUPPLEMENT[c] ?? c));

const BOLD_FONT = /Bold|Black|Heavy|Semi-?bold|Demi|W[6-9]\b/i;
const pkgDir = () => dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

interface Item { str: string; x: number; right: number; y: number; size: number; bold: boolean }

/** Items of one page as lines in reading order of the content stream. */
export function itemsToLines(items: Item[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: { items: Item[]; y: number; size: number } | null = null;
  const flush = () => { if (cur) lines.push(toLine(cur.items, page)); cur = null; };
  for (const it of items) {
    if (cur) {
      const last = cur.items[cur.items.length - 1];
      const size = Math.max(cur.size, it.size);
      const sameBaseline = Math.abs(it.y - cur.y) <= 0.5 * size;
      const forward = it.x >= last.right - 0.5 * size;
      if (!sameBaseline || !forward) flush();
    }
    if (!cur) cur = { items: [], y: it.y, size: it.size };
    // the baseline of the line is that of its largest text (not of a superscript)
    if (it.size > cur.size) { cur.y = it.y; cur.size = it.size; }
    cur.items.push(it);
  }
  flush();
  return lines;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

function toLine(items: Item[], page: number): PdfLine {
  const size = Math.max(...items.map((i) => i.size));
  const cells: PdfCell[] = [];
  let cell: PdfCell | null = null;
  for (const it of items) {
    const gap = cell ? it.x - cell.right : 0;
    if (cell && gap > 2 * size) { cells.push(cell); cell = null; }
    if (!cell) { cell = { text: it.str.trim(), x: it.x, right: it.right }; continue; }
    const a = cell.text.slice(-1);
    const b = it.str.trimStart().charAt(0);
    // a space where the gap shows one, never between CJK characters or before a superscript mark
    const space = gap > (CJK.test(a) && CJK.test(b) ? 0.2 : 0.15) * size && !(it.size < 0.8 * size && /^\d{1,2}$/.test(it.str.trim()));
    cell.text = (cell.text + (space && !/\s$/.test(cell.text) ? ' ' : '') + it.str).replace(/\s+/g, ' ');
    cell.right = Math.max(cell.right, it.right);
  }
  if (cell) cells.push(cell);
  for (const c of cells) c.text = c.text.trim();
  const kept = cells.filter((c) => c.text);
  const letters = (s: string) => s.replace(/\s/g, '').length;
  const boldChars = items.filter((i) => i.bold).reduce((n, i) => n + letters(i.str), 0);
  const allChars = items.reduce((n, i) => n + letters(i.str), 0);
  return {
    page,
    text: kept.map((c) => c.text).join(' '),
    x: kept[0]?.x ?? 0,
    right: kept[kept.length - 1]?.right ?? 0,
    y: items.find((i) => i.size === size)!.y,
    size: Math.round(size * 10) / 10,
    bold: allChars > 0 && boldChars * 2 > allChars,
    cells: kept,
  };
}

/** Is a text item set upright (not rotated or mirrored) and inside the page box? */
export function uprightOnPage(transform: number[], width: number, view: number[]): boolean {
  const [a, b, c, d, x, y] = transform;
  const [x0, y0, x1, y1] = view;
  if (Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d) || a <= 0 || d <= 0) return false;
  return x + width >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/**
 * Share of a page's text that no reader can use: control characters, replacement marks and private
 * use code points, and Latin-1 symbols and accented letters (a damaged font program decodes CJK text
 * as `—ó`, `Ï`, `¶`). The last count towards the share only beyond what an accented language uses.
 */
export function garbageShare(text: string): number {
  const chars = text.replace(/\s/g, '');
  if (!chars) return 0;
  const count = (re: RegExp) => (chars.match(re) ?? []).length;
  const broken = count(/[\u0000-\u001f\u007f-\u009f\uFFFD\uE000-\uF8FF]/g);
  const latin1 = count(/[\u00a1-\u00ff\u2020\u2021\u2026\u201e\u2039\u203a\u02c6\u02dc]/g);
  return (broken + Math.max(0, latin1 - 0.05 * chars.length)) / chars.length;
}

const fileHint = 'give the PDF as filed, or its text extraction';

/** Open and read every page. `name` is the file as the user gave it (for messages). */
export async function readPdf(bytes: Uint8Array, name: string): Promise<PdfDocument> {
  if (bytes.length === 0) throw new ImportError(`${name}: the file is empty (0 bytes); ${fileHint}`);
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const asset = (d: string) => join(pkgDir(), d) + '/';
  const task = getDocument({
    data: new Uint8Array(bytes), // a copy: pdf.js takes the array over, and refuses a Buffer
    cMapUrl: asset('cmaps'),
    standardFontDataUrl: asset('standard_fonts'),
    wasmUrl: asset('wasm'),
    iccUrl: asset('iccs'),
    verbosity: VerbosityLevel.ERRORS,
    fontExtraProperties: true, // keeps the font's name (its weight) on the font object
    maxImageSize: 1, // fonts are read with the operator list; images are not decoded
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    const err = e as { name?: string; code?: number; message?: string };
    if (err?.name === 'PasswordException') throw new ImportError(`${name}: the PDF is encrypted (it asks for a password); save an unprotected copy (e.g. print to PDF, or qpdf --decrypt with the password) and import that`);
    if (err?.name === 'InvalidPDFException') throw new ImportError(`${name}: not a readable PDF (${err.message?.replace(/\.$/, '')}); the file is damaged or not a PDF: download it again from HKEXnews`);
    throw new ImportError(`${name}: the PDF cannot be opened (${err?.message ?? String(e)}); download it again from HKEXnews`);
  }
  try {
    if (doc.numPages === 0) throw new ImportError(`${name}: the PDF has no pages; ${fileHint}`);
    const pages: PdfPage[] = [];
    const noText: number[] = [];
    const unreadable: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [x0, y0, x1, y1] = page.view;
      await page.getOperatorList(); // loads the fonts, whose names tell the weight
      const tc = await page.getTextContent();
      const items: Item[] = [];
      let raw = '';
      for (const it of tc.items) {
        if (!('str' in it) || !it.str) continue;
        raw += it.str;
        if (!it.str.trim()) continue; // pdf.js's spaces across gaps: positions tell the gaps
        if (!uprightOnPage(it.transform, it.width, page.view)) continue;
        const [a, b, , , x, y] = it.transform;
        const size = Math.hypot(a, b);
        const font = page.commonObjs.has(it.fontName) ? (page.commonObjs.get(it.fontName) as { name?: string }).name ?? '' : '';
        items.push({ str: foldRadicals(it.str), x, right: x + it.width, y, size, bold: BOLD_FONT.test(font.replace(/^[A-Z]{6}\+/, '')) });
      }
      if (!raw.replace(/\s/g, '')) noText.push(p);
      else if (garbageShare(raw) > 0.05) unreadable.push(p);
      pages.push({ number: p, width: x1 - x0, height: y1 - y0, lines: unreadable.includes(p) ? [] : itemsToLines(items, p) });
      page.cleanup();
    }
    if (noText.length === pages.length) {
      throw new ImportError(`${name}: no page has a text layer (a scanned or image-only PDF); run OCR on it first (e.g. ocrmypdf) and import the result`);
    }
    if (unreadable.length + noText.length === pages.length) {
      throw new ImportError(`${name}: the text of every page is unreadable (damaged file or fonts without a Unicode map); download it again from HKEXnews, or import a text extraction`);
    }
    return { pages, noText, unreadable };
  } finally {
    await task.destroy();
  }
}
