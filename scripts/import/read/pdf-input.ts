/** A PDF file as the pipeline's input: read (pdf.ts), laid out (pdf-layout.ts), hashed as given. */
import { createHash } from 'node:crypto';
import { readPdf } from './pdf.ts';
import { layOut, type LineFacts } from './pdf-layout.ts';

export interface PreparedInput {
  /** the text the pipeline reads */
  text: string;
  /** what the source knows of each text line */
  facts: LineFacts[];
  /** sha256 of the file as given */
  sha256: string;
  /** the reader's findings (pages without a text layer, unreadable pages) */
  warnings: string[];
  pages: number;
}

export async function readPdfInput(bytes: Uint8Array, shown: string): Promise<PreparedInput> {
  const sha256 = createHash('sha256').update(bytes).digest('hex'); // before pdf.js takes the bytes
  const doc = await readPdf(bytes, shown);
  const laid = layOut(doc);
  return { text: laid.text, facts: laid.facts, sha256, warnings: laid.warnings, pages: doc.pages.length };
}
