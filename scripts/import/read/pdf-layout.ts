/**
 * Lay out a read PDF (pdf.ts) as the pipeline's input: the text of a text extraction, plus the
 * facts the PDF knows and an extraction has lost, one per text line (`LineFacts`).
 *
 * - Reading order: a page whose lines stand side by side in two columns is read band by band
 *   (a band ends at a line spanning the gutter: a heading across both columns, a table), the left
 *   column then the right one.
 * - Running headers and footers are known from their place, not guessed: a line in the top or
 *   bottom tenth of the page whose text (digits aside) recurs there on another page, the lines next
 *   to it in that band (the chapter name of a running header), and a bare page number there. They
 *   stay in the text (as an extraction prints them) and are marked as furniture; the page number
 *   printed in the band numbers the page.
 * - Paragraphs: a blank line where the baseline gap is wider than the page's usual line spacing, or
 *   the type size or weight changes.
 * - Tables: consecutive lines of three or more cells; the columns are the spans the cells share,
 *   so a row with an empty cell keeps its columns; rows are written tab-separated (the pipeline's
 *   tab tables).
 * - Pages: each page's first line starts with one space, as a form feed reads in an extraction.
 */
import type { PdfDocument, PdfLine, PdfPage } from './pdf.ts';

export interface LineFacts {
  /** printed page */
  page: number;
  size?: number;
  bold?: boolean;
  /** furniture found by its place on the page */
  furniture?: 'running header' | 'page number';
}

export interface LaidOut {
  text: string;
  /** facts of each text line (index = line index) */
  facts: LineFacts[];
  /** printed page of each physical page (index = physical page - 1) */
  printed: number[];
  warnings: string[];
}

/** Lines of a page in reading order: two-column bands left column first. */
export function readingOrder(page: PdfPage): PdfLine[] {
  const lines = page.lines;
  if (lines.length < 6) return lines;
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.right));
  const gutter = (left + right) / 2;
  const side = (l: PdfLine) => (l.right <= gutter + 1 ? 'L' : l.x >= gutter - 1 ? 'R' : 'S');
  const ls = lines.filter((l) => side(l) === 'L');
  const rs = lines.filter((l) => side(l) === 'R' && l.right - l.x > 0.25 * (right - left));
  // two columns: at least three lines on each side at heights the other side also uses
  const overlap = (a: PdfLine[], b: PdfLine[]) => a.filter((l) => b.some((m) => Math.abs(m.y - l.y) < 3 * l.size)).length;
  if (ls.length < 3 || rs.length < 3 || overlap(rs, ls) < 3) return lines;
  const byY = [...lines].sort((a, b) => b.y - a.y);
  const out: PdfLine[] = [];
  let band: PdfLine[] = [];
  const flush = () => {
    out.push(...band.filter((l) => side(l) !== 'R'), ...band.filter((l) => side(l) === 'R'));
    band = [];
  };
  for (const l of byY) {
    if (side(l) === 'S') { flush(); out.push(l); } else band.push(l);
  }
  flush();
  return out;
}

const BAND = 0.1;
const FOLIO = /^(?:(?:page|p\.)\s*)?(\d{1,4})(?:\s*(?:\/|of)\s*\d{1,4})?$/i;
const keyOf = (s: string) => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

type Zone = 'top' | 'bottom' | '';
const zoneOf = (l: PdfLine, p: PdfPage): Zone => (l.y > p.height * (1 - BAND) ? 'top' : l.y < p.height * BAND ? 'bottom' : '');

/** Furniture of every page: line → kind, and the printed page number found in the bands. */
export function findFurniture(pages: PdfPage[]): { kind: Map<PdfLine, 'running header' | 'page number'>; folio: Map<number, number> } {
  const kind = new Map<PdfLine, 'running header' | 'page number'>();
  const folio = new Map<number, number>();
  const pagesOf = new Map<string, Set<number>>();
  // a band line's keys: its text, and each of its cells when it has several (the report title at
  // the left and the chapter name at the right of one line: the title recurs, the line may not)
  const keysOf = (l: PdfLine, z: Zone) => [l.text, ...(l.cells.length > 1 ? l.cells.map((c) => c.text) : [])]
    .filter((t) => !FOLIO.test(t)).map((t) => `${z}:${keyOf(t)}`);
  for (const p of pages) for (const l of p.lines) {
    const z = zoneOf(l, p);
    if (!z || FOLIO.test(l.text)) continue;
    for (const k of new Set(keysOf(l, z))) (pagesOf.get(k) ?? pagesOf.set(k, new Set()).get(k)!).add(p.number);
  }
  for (const p of pages) {
    const marked: PdfLine[] = [];
    for (const l of p.lines) {
      const z = zoneOf(l, p);
      if (!z) continue;
      const f = FOLIO.exec(l.text);
      if (f) { kind.set(l, 'page number'); folio.set(p.number, Number(f[1])); marked.push(l); }
      else if (keysOf(l, z).some((k) => (pagesOf.get(k)?.size ?? 0) >= 2)) { kind.set(l, 'running header'); marked.push(l); }
    }
    // a line beside a running header in its band (the chapter name printed under the report title)
    for (const l of p.lines) {
      const z = zoneOf(l, p);
      if (!z || kind.has(l)) continue;
      if (marked.some((m) => zoneOf(m, p) === z && kind.get(m) === 'running header' && Math.abs(m.y - l.y) <= 2.5 * Math.max(m.size, l.size) && l.size <= m.size * 1.25)) kind.set(l, 'running header');
    }
  }
  return { kind, folio };
}

/** Columns of a run of table rows: the union of the cells' overlapping spans, left to right. */
export function tableColumns(rows: PdfLine[]): { x: number; right: number }[] {
  const spans = rows.flatMap((r) => r.cells.map((c) => ({ x: c.x, right: c.right }))).sort((a, b) => a.x - b.x);
  const cols: { x: number; right: number }[] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s.x <= last.right + 1) last.right = Math.max(last.right, s.right);
    else cols.push({ ...s });
  }
  // two neighbouring spans no row fills both of are one column whose cells are aligned differently
  // (a unit column: `persons` set left, `%` set right)
  const used = (c: { x: number; right: number }, r: PdfLine) => r.cells.some((x) => x.x <= c.right && x.right >= c.x);
  for (let k = cols.length - 1; k > 0; k--) {
    const [a, b] = [cols[k - 1], cols[k]];
    if (rows.some((r) => used(a, r) && used(b, r))) continue;
    a.right = Math.max(a.right, b.right);
    cols.splice(k, 1);
  }
  return cols;
}

/** A table row's cells in the table's columns (empty where the row prints nothing). */
export function rowCells(row: PdfLine, cols: { x: number; right: number }[]): string[] {
  const out = cols.map(() => '');
  for (const c of row.cells) {
    const k = cols.findIndex((col) => c.x <= col.right && c.right >= col.x);
    if (k >= 0) out[k] = out[k] ? `${out[k]} ${c.text}` : c.text;
  }
  return out;
}

/** The usual baseline distance (in type sizes) between consecutive text lines of one size, over the document. */
export function lineSpacing(pages: PdfLine[][]): number {
  const gaps: number[] = [];
  for (const lines of pages) for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1], b = lines[i];
    if (a.size === b.size && a.y > b.y && a.cells.length === 1 && b.cells.length === 1) gaps.push((a.y - b.y) / a.size);
  }
  gaps.sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 1.5;
}

export function layOut(doc: PdfDocument): LaidOut {
  const warnings: string[] = [];
  for (const p of doc.noText) warnings.push(`page ${p} of the file: no text layer (a scanned or image-only page); its text is missing: OCR the page or give its text in the overrides`);
  for (const p of doc.unreadable) warnings.push(`page ${p} of the file: the text is unreadable (damaged file or a font without a Unicode map); its text is missing`);
  const { kind, folio } = findFurniture(doc.pages);
  // printed = physical + offset, the offset the page numbers in the bands agree on
  const offsets = new Map<number, number>();
  for (const [p, v] of folio) offsets.set(v - p, (offsets.get(v - p) ?? 0) + 1);
  const offset = [...offsets].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const printed = doc.pages.map((p) => p.number + offset);

  const out: string[] = [];
  const facts: LineFacts[] = [];
  const push = (text: string, f: LineFacts) => { out.push(text); facts.push(f); };
  const ordered = doc.pages.map(readingOrder);
  const spacing = lineSpacing(ordered.map((ls) => ls.filter((l) => !kind.has(l))));
  doc.pages.forEach((p, k) => {
    const page = printed[k];
    const lines = ordered[k];
    // a column's right edge: a line ending well before it ends its paragraph (at a column break)
    const colRight = (l: PdfLine) => Math.max(...lines.filter((m) => !kind.has(m) && m.size === l.size && Math.abs(m.x - l.x) < l.size).map((m) => m.right));
    if (k > 0) push('', { page: printed[k - 1] });
    let first = true;
    let prev: PdfLine | undefined;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      // a run of table rows: three or more cells each
      if (!kind.has(l) && l.cells.length >= 3) {
        let j = i + 1;
        while (j < lines.length && !kind.has(lines[j]) && lines[j].cells.length >= 2 && Math.abs(lines[j - 1].y - lines[j].y) < 4 * l.size) j++;
        if (j - i >= 2) {
          const rows = lines.slice(i, j);
          const cols = tableColumns(rows);
          if (prev && !first) push('', { page });
          for (const r of rows) {
            push((first ? ' ' : '') + rowCells(r, cols).join('\t'), { page, size: r.size, bold: r.bold });
            first = false;
          }
          push('', { page });
          prev = undefined;
          i = j - 1;
          continue;
        }
      }
      const furniture = kind.get(l);
      const gap = prev && !furniture && !kind.has(prev) && (
        prev.size !== l.size || prev.bold !== l.bold
        || prev.y - l.y > (spacing + 0.35) * l.size // wider than a line
        || (prev.y < l.y && prev.right < colRight(prev) - 1.5 * prev.size) // a new column after a paragraph's last line
      );
      if (gap && out[out.length - 1] !== '') push('', { page });
      push((first ? ' ' : '') + l.text, { page, size: l.size, bold: l.bold, ...(furniture ? { furniture } : {}) });
      first = false;
      prev = l;
    }
  });
  return { text: out.join('\n') + '\n', facts, printed, warnings };
}
