/**
 * The DOCX route: a Word draft (written by the `docx` package, scripts/fixtures/make-docx-fixtures.ts)
 * imported through mammoth and the same pipeline as a text extraction. Section by section against
 * the text route of the same report (tests/fixtures/import/routes/<case>/report.txt), and against
 * the report's own source (report.yaml): the tables, footnotes, lists and pictures it holds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readDocx } from '../../../scripts/import/read/docx.ts';
import type { StructuredSource } from '../../../scripts/import/read/structured.ts';
import { runPipeline, type PipelineResult } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { reportInputs } from '../../../scripts/import/report-inputs.ts';
import { fidelity } from '../../../scripts/import/fidelity.ts';
import { readSource, toLines } from '../../../scripts/import/read-source.ts';
import { mdxSyntaxError } from '../../../src/lib/mdx-syntax.ts';
import type { Lang } from '../../../scripts/import/types.ts';
import { splitNumber } from '../../../scripts/import/outline/contents-page.ts';
import { readPdfInput } from '../../../scripts/import/read/pdf-input.ts';
import { ROOT } from './helpers.ts';

const ROUTES = join(ROOT, 'tests/fixtures/import/routes');
const DRAFTS = join(ROOT, 'tests/fixtures/import/docx');
const dirs = (d: string) => readdirSync(d, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

interface Source { lang: Lang; pages: { blocks?: Record<string, any>[] }[] }
const sourceOf = (dir: string): Source => parse(readFileSync(join(dir, 'report.yaml'), 'utf8'));
const blocksOf = (src: Source) => src.pages.flatMap((p) => p.blocks ?? []);
const bodyOf = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');

/** One import as the CLI runs it (no overrides file; report inputs from the text). */
function importText(data: Uint8Array | string, lang: Lang, name: string, doc?: StructuredSource): PipelineResult {
  const ov = parseOverrides('', '(no overrides file)');
  const inputs = reportInputs(data, lang, ov, null, ROOT);
  return runPipeline(data, lang, inputs.ov, name, { catalogue: inputs.catalogue, aspects: inputs.aspects, codes: inputs.codes, structure: doc?.lines, imageExt: doc && new Map([...doc.assets].map(([k, a]) => [k, a.ext])) });
}
async function importDocx(file: string, lang: Lang): Promise<{ doc: StructuredSource; r: PipelineResult }> {
  const doc = await readDocx(readFileSync(file), file);
  return { doc, r: importText(Buffer.from(doc.text), lang, file, doc) };
}

/** A GFM table row as the MDX writer prints it. */
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

describe.each(dirs(ROUTES))('route fixture %s: DOCX vs text vs PDF', (name) => {
  const dir = join(ROUTES, name);
  const src = sourceOf(dir);
  let docx: PipelineResult;
  let text: PipelineResult;
  let pdf: PipelineResult;
  let pdfText = '';
  beforeAll(async () => {
    docx = (await importDocx(join(dir, 'report.docx'), src.lang)).r;
    text = importText(readFileSync(join(dir, 'report.txt')), src.lang, 'report.txt');
    const p = await readPdfInput(readFileSync(join(dir, 'report.pdf')), 'report.pdf');
    pdfText = p.text;
    const inputs = reportInputs(p.text, src.lang, parseOverrides('', '(none)'), null, ROOT); // as the CLI runs it
    pdf = runPipeline(p.text, src.lang, inputs.ov, 'report.pdf', { catalogue: inputs.catalogue, aspects: inputs.aspects, codes: inputs.codes, facts: p.facts, sha256: p.sha256, warnings: p.warnings });
  });

  it('gives the same sections (ids, titles, numbers) as the text extraction and the PDF', () => {
    const outline = (r: PipelineResult) => r.sections.map((s) => ({ id: s.id, title: s.title, number: s.number, chapter: s.chapter }));
    expect(outline(docx)).toEqual(outline(text));
    expect(outline(docx)).toEqual(outline(pdf));
    // and every chapter heading of the source is a unit
    const h1 = blocksOf(src).filter((b) => 'h1' in b).map((b) => b.h1 as string);
    expect(docx.sections.filter((s) => s.number).map((s) => ({ number: s.number, title: s.title }))).toEqual(h1.map((t) => { const p = splitNumber(t); return { number: p.number, title: p.title }; }));
  });

  it('outline: the Word headings, checked against the Word contents (every entry a unit, in order)', () => {
    expect(docx.outline.source).toBe('document headings');
    expect(docx.outline.entries).toBeGreaterThanOrEqual(3);
    expect(docx.outline.inOrder).toBe(docx.outline.entries);
    expect(docx.outline.unmatched).toEqual([]);
  });

  it('keeps ≥ 99.5% of the document text, of the text extraction and of the PDF text', () => {
    expect(docx.fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
    // the text route's source (furniture it dropped aside) found in the DOCX route's output
    const dropped = new Set(text.dropped.map((d) => d.line));
    const lines = toLines(readSource(readFileSync(join(dir, 'report.txt')))).filter((l) => !dropped.has(l.n)).map((l) => l.text);
    const out = docx.sections.map((s) => (s.number ? s.number + ' ' : '') + s.title + '\n' + bodyOf(s.mdx)).join('\n');
    expect(fidelity(lines, out).fidelity).toBeGreaterThanOrEqual(0.995);
    // and the PDF's text (its furniture aside)
    const pdfDropped = new Set(pdf.dropped.map((d) => d.line));
    const pdfLines = toLines(readSource(pdf.sections.length ? pdfText : '')).filter((l) => !pdfDropped.has(l.n)).map((l) => l.text);
    expect(fidelity(pdfLines, out).fidelity).toBeGreaterThanOrEqual(0.995);
  });

  it('keeps each table as a table: header and every row, cell by cell, in the section the PDF has it', () => {
    const tables = blocksOf(src).filter((b) => 'table' in b).map((b) => b.table);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const s = docx.sections.find((x) => x.mdx.includes(row(t.header)))!;
      expect(s, t.caption).toBeDefined();
      expect(s.mdx).toContain(`${row(t.header)}\n${row(t.header.map(() => '-'))}\n${t.rows.map(row).join('\n')}\n`);
      expect(s.mdx).toContain(`**${t.caption}**`);
      expect(pdf.sections.find((x) => x.id === s.id)!.mdx).toContain(t.rows[0][0]);
    }
  });

  it('writes each footnote as an MDX footnote in the section of its paragraph', () => {
    const notes = blocksOf(src).filter((b) => b.note);
    expect(notes.length).toBeGreaterThan(0);
    notes.forEach((b, k) => {
      const s = docx.sections.find((x) => x.mdx.includes(b.p))!;
      expect(s, b.p).toBeDefined();
      expect(s.mdx).toContain(`${b.p}[^${k + 1}]`);
      expect(s.mdx).toContain(`[^${k + 1}]: ${b.note}`);
    });
  });

  it('writes MDX that compiles, and nothing from Word headers (running header) in the body', () => {
    for (const s of docx.sections) expect(mdxSyntaxError(bodyOf(s.mdx)), s.id).toBeUndefined();
    expect(docx.dropped).toEqual([]); // no page furniture in a Word body: the running header is a Word header
  });
});

describe.each(dirs(DRAFTS))('Word draft %s', (name) => {
  const dir = join(DRAFTS, name);
  const src = sourceOf(dir);
  let r: PipelineResult;
  let doc: StructuredSource;
  let all: string;
  const sectionWith = (t: string) => r.sections.find((s) => s.mdx.includes(t))!;
  beforeAll(async () => {
    ({ r, doc } = await importDocx(join(dir, 'report.docx'), src.lang));
    all = r.sections.map((s) => bodyOf(s.mdx)).join('\n');
  });

  it('cuts units at the headings the Word contents lists, and keeps deeper headings as headings', () => {
    const depth = (src as any).contentsDepth ?? 1;
    const listed = blocksOf(src).flatMap((b) => (b.h1 ? [b.h1] : depth >= 2 && b.h2 ? [b.h2] : []));
    expect(r.outline.source).toBe('document headings');
    expect(r.outline.entries).toBe(listed.length);
    expect(r.outline.inOrder).toBe(listed.length);
    // each Heading 2 (listed) opens its own unit, titled without its number
    for (const h of blocksOf(src).filter((b) => b.h2).map((b) => b.h2 as string)) {
      const [number, ...title] = h.split(' ');
      expect(r.sections.some((s) => s.number === number && s.title === title.join(' ')), h).toBe(true);
    }
    // Heading 3 stays a heading inside its unit
    for (const h of blocksOf(src).filter((b) => b.h3).map((b) => b.h3 as string)) expect(all).toMatch(new RegExp(`^## ${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
  });

  it('keeps bulleted lists (nested levels included) and numbered lists as lists', () => {
    for (const b of blocksOf(src).filter((x) => x.ul)) {
      const md = (b.ul as (string | string[])[]).map((it) => (Array.isArray(it) ? [`- ${it[0]}`, ...it.slice(1).map((s) => `  - ${s}`)].join('\n') : `- ${it}`)).join('\n');
      expect(all).toContain(md);
    }
    for (const b of blocksOf(src).filter((x) => x.ol)) expect(all).toContain((b.ol as string[]).map((it, i) => `${i + 1}. ${it}`).join('\n'));
  });

  it('copies each picture beside its section, with its alt text or a marker asking for one', () => {
    const pics = blocksOf(src).filter((b) => b.img).map((b) => b.img);
    expect(r.images.length).toBe(pics.length);
    pics.forEach((p, k) => {
      const im = r.images[k];
      const s = r.sections.find((x) => new RegExp(`^${x.lang}/${x.id}-\\d+\\.png$`).test(im.file))!;
      expect(s, im.file).toBeDefined();
      const rel = `./${im.file.split('/')[1]}`;
      expect(doc.assets.get(im.key)!.bytes.subarray(1, 4).toString()).toBe('PNG'); // the picture's own bytes
      if (p.alt) expect(s.mdx).toContain(`![${p.alt}](${rel})`);
      else {
        expect(s.mdx).toContain(`![](${rel})`);
        expect(s.mdx).toContain(`{/* ALT TEXT NEEDED: describe ${rel}`);
        expect(r.warnings.some((w) => w.includes(im.file) && /no alt text/.test(w))).toBe(true);
      }
    });
  });

  it('writes footnotes, tables with captions, and mixed Chinese and English text as the draft has them', () => {
    const notes = blocksOf(src).filter((b) => b.note);
    notes.forEach((b, k) => {
      const s = sectionWith(b.p);
      expect(s.mdx).toContain(`${b.p}[^${k + 1}]`);
      expect(s.mdx).toContain(`[^${k + 1}]: ${b.note}`);
    });
    for (const t of blocksOf(src).filter((b) => b.table).map((b) => b.table)) {
      expect(all).toContain(`**${t.caption}**\n\n${row(t.header)}\n${row(t.header.map(() => '-'))}\n${t.rows.map(row).join('\n')}\n`);
    }
    for (const b of blocksOf(src).filter((x) => x.p)) expect(all).toContain(b.p);
    for (const s of r.sections) expect(mdxSyntaxError(bodyOf(s.mdx)), s.id).toBeUndefined();
  });
});
