/**
 * The PDF route (read/pdf.ts → read/pdf-layout.ts → the pipeline) against the text route, on the
 * route fixtures: the same report printed by Chromium and as a text extraction
 * (tests/fixtures/import/routes/README.md), and the error cases made with qpdf and Chromium.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { runPipeline, type PipelineResult } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { readPdfInput, type PreparedInput } from '../../../scripts/import/read/pdf-input.ts';
import { foldRadicals, garbageShare, readPdf, uprightOnPage, type PdfLine } from '../../../scripts/import/read/pdf.ts';
import { readingOrder } from '../../../scripts/import/read/pdf-layout.ts';
import type { Lang } from '../../../scripts/import/types.ts';
import { ROOT } from './helpers.ts';

const ROUTES = join(ROOT, 'tests/fixtures/import/routes');
const ERRORS = join(ROOT, 'tests/fixtures/import/pdf-errors');
const CASES = ['en-waterworks', 'zh-hant-transit'] as const;

interface Source { lang: Lang; running: string; pages: { chapter?: string; columns?: number; blocks?: Record<string, any>[] }[] }
const source = (c: string) => parse(readFileSync(join(ROUTES, c, 'report.yaml'), 'utf8')) as Source;
const blocksOf = (s: Source) => s.pages.flatMap((p) => p.blocks ?? []);
const squash = (s: string) => s.replace(/\s+/g, '');
const body = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
/** MDX body as plain text: links as their text, escapes removed */
const plain = (mdx: string) => body(mdx).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\(?=\S)/g, '');
const noOverrides = () => parseOverrides('', '(none)');

const pdf = new Map<string, PreparedInput>();
const viaPdf = new Map<string, PipelineResult>();
const viaText = new Map<string, PipelineResult>();
beforeAll(async () => {
  for (const c of CASES) {
    const lang = source(c).lang;
    const p = await readPdfInput(readFileSync(join(ROUTES, c, 'report.pdf')), `${c}/report.pdf`);
    pdf.set(c, p);
    viaPdf.set(c, runPipeline(p.text, lang, noOverrides(), `${c}/report.pdf`, { facts: p.facts, sha256: p.sha256, warnings: p.warnings }));
    viaText.set(c, runPipeline(readFileSync(join(ROUTES, c, 'report.txt')), lang, noOverrides(), `${c}/report.txt`));
  }
});

describe.each(CASES)('PDF and text routes: %s', (c) => {
  it('give the same sections: ids, titles, numbers; the outline from the contents page, every entry matched in order', () => {
    const a = viaPdf.get(c)!, b = viaText.get(c)!;
    expect(a.sections.map((s) => [s.id, s.number, s.title])).toEqual(b.sections.map((s) => [s.id, s.number, s.title]));
    const chapters = blocksOf(source(c)).filter((x) => x.h1).length;
    expect(a.sections.filter((s) => /^c\d+$/.test(s.id))).toHaveLength(chapters);
    for (const r of [a, b]) {
      expect(r.outline.source).toBe('contents page');
      expect([r.outline.entries, r.outline.matched, r.outline.inOrder]).toEqual([chapters, chapters, chapters]);
    }
  });

  it('keeps the text: fidelity at least 99.5%, every paragraph of the source in its section', () => {
    const r = viaPdf.get(c)!;
    expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
    const all = squash(r.sections.map((s) => plain(s.mdx)).join('\n'));
    for (const b of blocksOf(source(c))) if (b.p) expect(all).toContain(squash(b.p));
  });

  it('knows the pages and the running headers from the PDF: printed pages of each chapter, furniture dropped by place', () => {
    const src = source(c);
    const r = viaPdf.get(c)!;
    expect(r.pageCount).toBe(src.pages.length);
    const chapters = src.pages.flatMap((p, k) => (p.blocks ?? []).filter((b) => b.h1).map(() => k + 1));
    const units = r.sections.filter((s) => /^c\d+$/.test(s.id));
    units.forEach((s, k) => expect(s.pages?.from, s.id).toBe(chapters[k]));
    const bodyPages = src.pages.filter((p) => p.chapter).length;
    const headers = r.dropped.filter((d) => d.text.replace(/\s/g, '') === src.running.replace(/\s/g, ''));
    expect(headers).toHaveLength(bodyPages);
    expect(headers.every((d) => d.why.endsWith('(place on the page)'))).toBe(true);
    // and no running header or chapter name is left in the text
    for (const s of r.sections) expect(squash(body(s.mdx))).not.toContain(squash(src.running));
  });

  it('rebuilds the KPI table from the column positions: every cell in its column', () => {
    const t = blocksOf(source(c)).find((b) => b.table)!.table as { header: string[]; rows: string[][] };
    const mdx = viaPdf.get(c)!.sections.map((s) => s.mdx).join('\n');
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    expect(mdx).toContain(row(t.header));
    for (const r of t.rows) expect(mdx).toContain(row(r));
  });

  it('sets the printed sub-headings as headings (type size)', () => {
    const mdx = viaPdf.get(c)!.sections.map((s) => body(s.mdx)).join('\n');
    const headings = [...mdx.matchAll(/^#{2,3} (.+)$/gm)].map((m) => squash(m[1]));
    for (const b of blocksOf(source(c))) if (b.h2) expect(headings).toContain(squash(b.h2));
  });

  it('reads two-column pages column by column: paragraphs in the order printed', () => {
    const text = squash(pdf.get(c)!.text);
    const twoColumn = source(c).pages.filter((p) => p.columns === 2).flatMap((p) => (p.blocks ?? []).filter((b) => b.p).map((b) => squash(b.p)));
    expect(twoColumn.length).toBeGreaterThan(3);
    const at = twoColumn.map((p) => text.indexOf(p));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });
});

describe('CJK text from a Chromium-printed PDF', () => {
  it('folds the Kangxi radicals the PDF maps its glyphs to, and nothing else', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROUTES, 'zh-hant-transit/report.pdf')));
    const task = getDocument({ data: bytes, verbosity: 0 });
    const doc = await task.promise;
    let raw = '';
    for (let p = 1; p <= doc.numPages; p++) raw += (await (await doc.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    await task.destroy();
    const kangxi = raw.match(/[\u2F00-\u2FDF]/g) ?? [];
    expect(kangxi.length).toBeGreaterThan(20); // the producer really does this
    const text = pdf.get('zh-hant-transit')!.text;
    expect(text).not.toMatch(/[\u2E80-\u2EFF\u2F00-\u2FDF]/);
    expect(text).toContain('目錄');
    expect(text).toContain('車長'); // ⻑ (CJK Radicals Supplement) in the PDF
    // full-width punctuation stays
    for (const ch of '，。（）「」：') expect(text).toContain(ch);
  });

  it('foldRadicals: Kangxi block by NFKC, whole-character supplement radicals by table, components and punctuation kept', () => {
    expect(foldRadicals('⽬錄 ⼒量 ⼀⼆ ⽉⽇')).toBe('目錄 力量 一二 月日');
    expect(foldRadicals('⻑者 ⻋辆 ⻔')).toBe('長者 车辆 门');
    expect(foldRadicals('⺡⺘')).toBe('⺡⺘');
    expect(foldRadicals('，（）：；！？')).toBe('，（）：；！？');
  });
});

describe('reading order', () => {
  const line = (text: string, x: number, right: number, y: number): PdfLine => ({ page: 1, text, x, right, y, size: 10, bold: false, cells: [{ text, x, right }] });
  it('reads a two-column band left column first even when the producer interleaves the columns', () => {
    const lines: PdfLine[] = [line('Heading across both columns', 50, 545, 780)];
    for (let k = 0; k < 5; k++) lines.push(line(`L${k}`, 50, 290, 750 - 14 * k), line(`R${k}`, 305, 545, 750 - 14 * k));
    lines.push(line('A table row across the gutter', 50, 545, 600), line('L5', 50, 290, 580), line('R5', 305, 545, 580), line('L6', 50, 290, 566), line('R6', 305, 545, 566), line('L7', 50, 290, 552), line('R7', 305, 545, 552));
    expect(readingOrder({ number: 1, width: 595, height: 842, lines }).map((l) => l.text)).toEqual([
      'Heading across both columns', 'L0', 'L1', 'L2', 'L3', 'L4', 'R0', 'R1', 'R2', 'R3', 'R4',
      'A table row across the gutter', 'L5', 'L6', 'L7', 'R5', 'R6', 'R7',
    ]);
  });
  it('leaves a one-column page in stream order', () => {
    const lines = [0, 1, 2, 3, 4, 5, 6].map((k) => line(`line ${k} of running text across the page`, 50, k % 2 ? 545 : 400, 750 - 14 * k));
    expect(readingOrder({ number: 1, width: 595, height: 842, lines })).toEqual(lines);
  });
});

describe('garbage text', () => {
  it('a PDF damaged in the middle (a third of its bytes zeroed) opens, and its garbled pages are reported by number, not passed on', async () => {
    const b = new Uint8Array(readFileSync(join(ROUTES, 'zh-hant-transit/report.pdf')));
    b.fill(0, Math.floor(b.length / 3), Math.floor((2 * b.length) / 3));
    const doc = await readPdf(b, 'damaged.pdf');
    expect(doc.unreadable.length).toBeGreaterThan(0);
    for (const p of doc.unreadable) expect(doc.pages[p - 1].lines).toEqual([]);
    // the pages left are clean text
    for (const p of doc.pages) for (const l of p.lines) expect(garbageShare(l.text)).toBeLessThan(0.05);
  });
  it('garbageShare: control characters and Latin-1 junk count, CJK, English and a few accents do not', () => {
    expect(garbageShare('本集團每月監察每公里燃油消耗，並為表現欠佳之車長安排駕駛技巧培訓')).toBe(0);
    expect(garbageShare('The Café Group® reports its Scope 1 emissions.')).toBeLessThan(0.01);
    expect(garbageShare('\u0000+ \u0000 D\u0000U\u0001')).toBeGreaterThan(0.5);
    expect(garbageShare('一、—ó 本報告 • 一– 報告\u000e 圍 ÷ T Y 士) 股有限公司（…本公司†）')).toBeGreaterThan(0.05);
  });
});

describe('rotated and off-page text', () => {
  it('the chapter tab set vertically at the page edge is in the PDF but not in the lines read', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROUTES, 'en-waterworks/report.pdf')));
    const task = getDocument({ data: bytes.slice(), verbosity: 0 });
    const doc = await task.promise;
    const rotated: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      for (const i of (await (await doc.getPage(p)).getTextContent()).items) if ('str' in i && i.str.trim() && i.transform[1] !== 0) rotated.push(i.str);
    }
    await task.destroy();
    const chapters = source('en-waterworks').pages.filter((p) => p.chapter).map((p) => p.chapter);
    expect(rotated).toEqual(chapters); // one tab a body page
    const read = await readPdf(bytes, 'report.pdf');
    const right = read.pages.flatMap((p) => p.lines.filter((l) => l.right > p.width - 40));
    expect(right).toEqual([]);
  });
  it('uprightOnPage: rotated, mirrored and outside the page box are dropped', () => {
    const view = [0, 0, 595, 842];
    expect(uprightOnPage([10, 0, 0, 10, 50, 400], 100, view)).toBe(true);
    expect(uprightOnPage([0, -9, 9, 0, 565, 478], 80, view)).toBe(false); // rotated 90°
    expect(uprightOnPage([-10, 0, 0, 10, 300, 400], 100, view)).toBe(false); // mirrored
    expect(uprightOnPage([10, 0, 0, 10, 620, 400], 100, view)).toBe(false); // right of the page
    expect(uprightOnPage([10, 0, 0, 10, -200, 400], 100, view)).toBe(false); // left of it
    expect(uprightOnPage([10, 0, 0, 10, 50, 900], 100, view)).toBe(false); // above it
  });
});

describe('type size as outline evidence', () => {
  it('without a contents page, the chapter titles come from the largest heading size', () => {
    const p = pdf.get('en-waterworks')!;
    // the same PDF with its contents page (page 2) left out
    const keep = p.text.split('\n').map((_, i) => p.facts[i]?.page !== 2);
    const text = p.text.split('\n').filter((_, i) => keep[i]).join('\n');
    const facts = p.facts.filter((_, i) => keep[i]);
    const r = runPipeline(text, 'en', noOverrides(), 'no-contents.pdf', { facts });
    expect(r.outline.source).toBe('type size');
    const want = viaPdf.get('en-waterworks')!.sections.filter((s) => /^c\d+$/.test(s.id)).map((s) => [s.id, s.number, s.title]);
    expect(r.sections.filter((s) => /^c\d+$/.test(s.id)).map((s) => [s.id, s.number, s.title])).toEqual(want);
  });
});

// each case runs the CLI in a child process (node start-up and the importer's imports: seconds)
describe('bad PDFs: one line naming the file and what to do, exit 1, nothing written; restricted and partly scanned ones import', { timeout: 120_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'import-pdf-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const cli = (file: string, out: string) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), file, '--issuer', 'test-co', '--year', '2024', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const original = readFileSync(join(ROUTES, 'en-waterworks/report.pdf'));
  writeFileSync(join(tmp, 'empty.pdf'), '');
  writeFileSync(join(tmp, 'damaged.pdf'), original.subarray(0, Math.floor(original.length / 3)));
  const cases: [string, string, RegExp][] = [
    ['encrypted', join(ERRORS, 'encrypted.pdf'), /encrypted .*password.*unprotected copy/],
    ['scanned', join(ERRORS, 'scanned.pdf'), /no page has a text layer .*scanned.*OCR/],
    ['damaged', join(tmp, 'damaged.pdf'), /not a readable PDF .*damaged.*download it again/],
    ['empty', join(tmp, 'empty.pdf'), /empty \(0 bytes\)/],
    ['no pages', join(ERRORS, 'no-pages.pdf'), /no pages/],
  ];
  it.each(cases)('%s', (name, file, message) => {
    const out = join(tmp, `out-${name.replace(/ /g, '-')}`);
    const r = cli(file, out);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file.replace(`${ROOT}/`, '').split('/').pop());
    expect(lines[0]).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
  it('a PDF whose owner password denies printing and copying (no user password) imports like the original', async () => {
    const restricted = await readPdfInput(readFileSync(join(ERRORS, 'restricted.pdf')), 'restricted.pdf');
    expect(restricted.text).toBe(pdf.get('en-waterworks')!.text);
  });
  it('a scanned page inside a PDF with text: imported, the page reported by number', () => {
    const out = join(tmp, 'out-mixed');
    const r = cli(join(ERRORS, 'mixed.pdf'), out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/page 7 of the file: no text layer .*OCR/);
    expect(existsSync(join(out, 'report.yaml'))).toBe(true);
  });
});

describe('the guide: you have the filed PDF (docs/ir-guide.md)', { timeout: 180_000 }, () => {
  it('imports the PDF from source/ into the report folder, records its hash, and a re-run changes nothing', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'import-guide-'));
    try {
      const src = join(tmp, 'content/reports/evergrove/2024/source');
      mkdirSync(src, { recursive: true });
      const pdfFile = join(src, 'evergrove-2024.en.pdf');
      copyFileSync(join(ROUTES, 'en-waterworks/report.pdf'), pdfFile);
      const cli = (...more: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), 'content/reports/evergrove/2024/source/evergrove-2024.en.pdf', '--issuer', 'evergrove', '--year', '2024', ...more], { cwd: tmp, encoding: 'utf8' });
      const dry = cli('--dry-run');
      expect(dry.status, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/dry run: would write/);
      expect(existsSync(join(tmp, 'content/reports/evergrove/2024/en'))).toBe(false);
      const real = cli();
      expect(real.status, real.stderr).toBe(0);
      const out = join(tmp, 'content/reports/evergrove/2024');
      expect(readdirSync(join(out, 'en')).sort()).toEqual(viaPdf.get('en-waterworks')!.sections.map((s) => s.file.replace(/^en\//, '')).sort());
      const report = parse(readFileSync(join(out, 'report.yaml'), 'utf8'));
      expect(report.sources).toEqual([{ lang: 'en', file: 'source/evergrove-2024.en.pdf', sha256: createHash('sha256').update(readFileSync(pdfFile)).digest('hex') }]);
      const again = cli('--dry-run');
      expect(again.status).toBe(0);
      expect(again.stdout).not.toMatch(/^\s+(create|overwrite|update|delete) /m);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
