/**
 * Reader: a Word document (.docx) → the text the pipeline reads, with what the document says about
 * each line (read/structured.ts). mammoth turns the document into HTML: Word's heading styles give
 * `<h1>`–`<h6>`, real numbering `<ul>`/`<ol>`, tables `<table>`, footnotes `<sup><a href=#footnote-N>`
 * and a closing `<ol>` of definitions, images `<img>` with the picture's description as alt text.
 *
 * Bad input is recognised from the first bytes before mammoth sees it (mammoth's own messages are
 * jszip's: "Can't find end of central directory"), so the message says what to do.
 */
import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { ImportError } from '../types.ts';
import { structuredText, type StructuredSource } from './structured.ts';
import { promoteFormattedHeadings } from './docx-formatted-headings.ts';

/** Word 97–2003 and other OLE2 compound files */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

// Word's contents (`toc 1` …, style ids `TOC1` …) keep their level; the contents heading is text
const STYLE_MAP = [1, 2, 3, 4].flatMap((n) => [`p[style-name='toc ${n}'] => p.toc${n}:fresh`, `p[style-name='TOC${n}'] => p.toc${n}:fresh`])
  .concat(["p[style-name='TOC Heading'] => p:fresh", "p[style-name='Title'] => p:fresh", "p[style-name='Subtitle'] => p:fresh"]);

/** Throws ImportError with one line naming the file and what to do. */
export function checkDocxBytes(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) throw new ImportError(`${name}: file is empty (0 bytes); export the Word draft again as .docx`);
  if (startsWith(bytes, OLE2)) throw new ImportError(`${name}: a Word 97–2003 .doc (or another OLE2 file), not a .docx; open it in Word and save it as "Word Document (.docx)"`);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) throw new ImportError(`${name}: a PDF with a .docx name; rename it to .pdf and import that`);
  if (!startsWith(bytes, ZIP)) throw new ImportError(`${name}: not a .docx (no zip header); the file is damaged or of another kind: save the draft again as .docx`);
}

export async function readDocx(bytes: Uint8Array, name: string): Promise<StructuredSource> {
  checkDocxBytes(bytes, name);
  const images: { bytes: Uint8Array; contentType: string }[] = [];
  let html: string;
  try {
    const r = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, {
      styleMap: STYLE_MAP,
      // headings set by bold, larger type only (no heading style) get Word's heading styles
      transformDocument: promoteFormattedHeadings,
      // the picture's bytes are kept; the HTML carries a key (`image:N`) the pipeline turns into a file name
      convertImage: mammoth.images.imgElement(async (img) => {
        images.push({ bytes: await img.readAsBuffer(), contentType: img.contentType });
        const alt = (img as typeof img & { altText?: string }).altText?.trim(); // the picture's description (not in mammoth's types)
        return { src: `image:${images.length}`, ...(alt ? { alt } : {}) };
      }),
    });
    html = r.value;
  } catch (e) {
    const why = String((e as Error)?.message ?? e).split('\n')[0];
    throw new ImportError(`${name}: damaged .docx (${why}); open it in Word and save it again as .docx`);
  }
  const src = structuredText(unified().use(rehypeParse, { fragment: true }).parse(html));
  if (!src.text.trim()) throw new ImportError(`${name}: the Word document has no text; check it is the report draft`);
  src.assets = new Map(images.map((im, i) => [`image:${i + 1}`, { bytes: im.bytes, ext: extensionOf(im.contentType) }]));
  return src;
}

/** A Word draft as the pipeline's input: its text and structure, hashed as given. */
export interface DocxInput extends StructuredSource {
  /** sha256 of the .docx as given */
  sha256: string;
}

export async function readDocxInput(bytes: Uint8Array, name: string): Promise<DocxInput> {
  return { ...(await readDocx(bytes, name)), sha256: createHash('sha256').update(bytes).digest('hex') };
}

function extensionOf(contentType: string): string {
  const sub = contentType.split('/')[1] ?? 'bin';
  return { jpeg: 'jpg', 'svg+xml': 'svg', 'x-emf': 'emf', 'x-wmf': 'wmf' }[sub] ?? sub.replace(/[^a-z0-9]/g, '');
}
