/** Stage 1: decode a source text, normalise BOM and line ends, and cut it into Lines. */
import { ImportError, type Line } from './types.ts';

/** Decode and normalise. Throws ImportError on empty or binary input. */
export function readSource(data: Uint8Array | string, name = 'input'): string {
  let text: string;
  if (typeof data === 'string') text = data;
  else {
    if (data.includes(0)) throw new ImportError(`${name}: binary file (contains NUL bytes); give a plain UTF-8 text extraction of the report`);
    text = new TextDecoder('utf-8', { fatal: false }).decode(data);
  }
  if (text.includes('\u0000')) throw new ImportError(`${name}: binary file (contains NUL bytes); give a plain UTF-8 text extraction of the report`);
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n ');
  if (text.trim() === '') throw new ImportError(`${name}: file is empty; give the text extraction of the report`);
  if ((text.match(/\uFFFD/g) ?? []).length > text.length / 100) {
    throw new ImportError(`${name}: not UTF-8 text; convert it to UTF-8 first`);
  }
  return text;
}

/** Cut normalised text into Lines, keeping leading-space and trailing-space cues. */
export function toLines(text: string): Line[] {
  return text.split('\n').map((raw, i) => {
    const t = raw.replace(/\t/g, ' ');
    const lead = t.length - t.replace(/^ +/, '').length;
    const l: Line = { n: i + 1, text: t.trim(), lead, trail: / $/.test(t), page: 0 };
    if (raw.includes('\t')) l.cells = raw.split('\t').map((c) => c.trim());
    return l;
  });
}
