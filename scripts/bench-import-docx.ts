/**
 * DOCX import throughput: node scripts/bench-import-docx.ts [--case DIR] [--base N] [--runs N] [--json]
 *
 * Writes a Word document with the `docx` package from a fixture report (default
 * tests/fixtures/import/docx/zh-hant-draft: headings, lists, a table, footnotes, pictures), its
 * pages repeated `--base` times (default 10, a report of ordinary length) and then 1×, 4× and 16×
 * that, and times the whole import as the CLI runs it: mammoth reading the .docx
 * (read/docx.ts) and the pipeline. Each copy's pictures are distinct photo-like (noise) PNGs, so the
 * file grows with the copies as a real report's does (repeated text alone compresses away in the
 * zip). Prints MB of .docx per second, MB of text per second and characters per second at each
 * size, and the ratios of time per byte and per character (16× / 1×; about 1 = linear, 16 =
 * quadratic). Best of N runs (default 3) after a warm-up. No thresholds: it reports figures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Packer } from 'docx';
import { toDocx } from './fixtures/make-docx-fixtures.ts';
import { readDocx } from './import/read/docx.ts';
import { runPipeline } from './import/pipeline.ts';
import type { Lang } from './import/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};

export interface DocxBenchRow { times: number; bytes: number; pictures: number; chars: number; ms: number; mbPerSecond: number; textMbPerSecond: number; charsPerSecond: number; sections: number; fidelity: number }

/** The fixture's pages after the cover and contents, repeated `times` times (each copy's pictures its own), as a .docx. */
export async function docxOf(src: any, times: number): Promise<Uint8Array> {
  const [front, body] = [src.pages.filter((p: any) => p.cover || p.contents), src.pages.filter((p: any) => !p.cover && !p.contents)];
  let seed = 0;
  const copy = () => body.map((p: any) => ({ ...p, blocks: p.blocks?.map((b: any) => (b.img ? { img: { ...b.img, noise: ++seed } } : b)) }));
  return Packer.toBuffer(toDocx({ ...src, pages: [...front, ...Array.from({ length: times }, copy).flat()] }));
}

async function importOnce(bytes: Uint8Array, lang: Lang) {
  const doc = await readDocx(bytes, 'bench.docx');
  const r = runPipeline(Buffer.from(doc.text), lang, {}, 'bench.docx', { structure: doc.lines, imageExt: new Map([...doc.assets].map(([k, a]) => [k, a.ext])) });
  return { doc, r };
}

export async function benchDocx(src: any, base: number, sizes = [1, 4, 16], n = 3): Promise<DocxBenchRow[]> {
  await importOnce(await docxOf(src, base), src.lang); // warm-up
  const rows: DocxBenchRow[] = [];
  for (const times of sizes) {
    const bytes = await docxOf(src, base * times);
    let best = Infinity;
    let last: Awaited<ReturnType<typeof importOnce>> | undefined;
    for (let k = 0; k < n; k++) {
      const t = performance.now();
      last = await importOnce(bytes, src.lang);
      best = Math.min(best, performance.now() - t);
    }
    rows.push({
      times, bytes: bytes.length, pictures: last!.doc.assets.size, chars: last!.doc.text.length, ms: Math.round(best),
      mbPerSecond: Number((bytes.length / 1e6 / (best / 1000)).toFixed(3)),
      textMbPerSecond: Number((Buffer.byteLength(last!.doc.text) / 1e6 / (best / 1000)).toFixed(3)),
      charsPerSecond: Math.round((last!.doc.text.length / best) * 1000),
      sections: last!.r.sections.length, fidelity: Number(last!.r.fidelity.fidelity.toFixed(4)),
    });
  }
  return rows;
}

if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = resolve(opt('--case', join(root, 'tests/fixtures/import/docx/zh-hant-draft')));
  const base = Math.max(1, Number(opt('--base', '10')));
  const runs = Math.max(1, Number(opt('--runs', '3')));
  const src = parse(readFileSync(join(dir, 'report.yaml'), 'utf8'));
  const rows = await benchDocx(src, base, [1, 4, 16], runs);
  const ratio = (per: (r: DocxBenchRow) => number, a: number, b: number) => Number((per(rows[a]) / per(rows[b])).toFixed(2));
  const perByte = (r: DocxBenchRow) => r.ms / r.bytes;
  const perChar = (r: DocxBenchRow) => r.ms / r.chars;
  const ratio16to1 = ratio(perByte, 2, 0), ratio16to4 = ratio(perByte, 2, 1), charRatio16to1 = ratio(perChar, 2, 0), charRatio16to4 = ratio(perChar, 2, 1);
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ case: relative(root, dir), base, rows, ratio16to1, ratio16to4, charRatio16to1, charRatio16to4 }, null, 2));
  } else {
    console.log(`DOCX import throughput: ${relative(root, dir)} (${src.lang}), body ×${base} as 1×, best of ${runs} (mammoth + pipeline)`);
    for (const r of rows) {
      console.log(`  ${String(r.times).padStart(2)}×  ${(r.bytes / 1e6).toFixed(2).padStart(6)} MB (${r.pictures} pictures)  ${String(r.chars).padStart(8)} chars  ${String(r.ms).padStart(6)} ms  ${r.mbPerSecond.toFixed(2).padStart(6)} MB/s  text ${r.textMbPerSecond.toFixed(3)} MB/s  ${String(r.charsPerSecond).padStart(8)} chars/s  (${r.sections} sections, fidelity ${r.fidelity})`);
    }
    console.log(`  time per byte, 16× vs 1×: ${ratio16to1}; 16× vs 4×: ${ratio16to4}; per character: ${charRatio16to1}; ${charRatio16to4} (1 = linear; 4 or 16 = quadratic)`);
  }
}
