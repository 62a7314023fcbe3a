/**
 * PDF import throughput: node scripts/bench-import-pdf.ts [--case C] [--runs N] [--json]
 *
 * Prints a route fixture (tests/fixtures/import/routes/<case>, default en-waterworks) with its body
 * pages repeated 1×, 4× and 16× (Chromium, as the fixture generator does), then times the PDF route
 * on each: reading (pdfjs-dist: text and fonts of every page), laying out, and the pipeline. Prints
 * MB per second and pages per second at each size and the ratio of time per byte 16× / 1×
 * (about 1 = linear). Best of N runs (default 3) after one warm-up. No thresholds.
 */
import { fileURLToPath } from 'node:url';
import { readCase, toHtml, type Source } from './fixtures/make-route-fixtures.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { readPdf } from './import/read/pdf.ts';
import { layOut } from './import/read/pdf-layout.ts';
import { runPipeline } from './import/pipeline.ts';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};
const name = opt('--case', 'en-waterworks');
const runs = Math.max(1, Number(opt('--runs', '3')));
const asJson = argv.includes('--json');

/** The report with its body pages (those after the contents page) repeated `times` times. */
function repeated(src: Source, times: number): Source {
  const at = src.pages.findIndex((p) => p.contents) + 1;
  const bodyPages = src.pages.slice(at);
  return { ...src, pages: [...src.pages.slice(0, at), ...Array.from({ length: times }, () => bodyPages).flat()] };
}

async function printAll(src: Source, sizes: number[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const times of sizes) {
    const browser = await launchChromium(); // single-process Chromium: one browser a print
    try {
      const page = await browser.newPage();
      await page.setContent(toHtml(repeated(src, times)), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      out.push(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    } finally {
      await browser.close();
    }
  }
  return out;
}

interface Row { times: number; bytes: number; pages: number; readMs: number; layoutMs: number; pipelineMs: number; ms: number; mbPerSecond: number; pagesPerSecond: number }

async function once(pdf: Buffer, lang: Source['lang']): Promise<Omit<Row, 'times' | 'mbPerSecond' | 'pagesPerSecond'>> {
  const t0 = performance.now();
  const doc = await readPdf(new Uint8Array(pdf), 'bench.pdf');
  const t1 = performance.now();
  const laid = layOut(doc);
  const t2 = performance.now();
  runPipeline(laid.text, lang, {}, 'bench.pdf', { facts: laid.facts });
  const t3 = performance.now();
  return { bytes: pdf.length, pages: doc.pages.length, readMs: t1 - t0, layoutMs: t2 - t1, pipelineMs: t3 - t2, ms: t3 - t0 };
}

if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  const src = readCase(name);
  const sizes = [1, 4, 16];
  const pdfs = await printAll(src, sizes);
  await once(pdfs[0], src.lang); // warm-up
  const rows: Row[] = [];
  for (const [k, pdf] of pdfs.entries()) {
    let best: Awaited<ReturnType<typeof once>> | undefined;
    for (let r = 0; r < runs; r++) {
      const m = await once(pdf, src.lang);
      if (!best || m.ms < best.ms) best = m;
    }
    const b = best!;
    rows.push({ times: sizes[k], ...b, readMs: Math.round(b.readMs), layoutMs: Math.round(b.layoutMs), pipelineMs: Math.round(b.pipelineMs), ms: Math.round(b.ms),
      mbPerSecond: Number((b.bytes / 1e6 / (b.ms / 1000)).toFixed(2)), pagesPerSecond: Math.round(b.pages / (b.ms / 1000)) });
  }
  const perByte = (r: Row) => r.ms / r.bytes;
  const perPage = (r: Row) => r.ms / r.pages;
  const ratio16to1 = Number((perByte(rows[2]) / perByte(rows[0])).toFixed(2));
  const pageRatio16to1 = Number((perPage(rows[2]) / perPage(rows[0])).toFixed(2));
  if (asJson) console.log(JSON.stringify({ case: name, rows, ratio16to1, pageRatio16to1 }, null, 2));
  else {
    console.log(`PDF import throughput: tests/fixtures/import/routes/${name} printed by Chromium, body pages repeated; best of ${runs}`);
    for (const r of rows) {
      console.log(`  ${String(r.times).padStart(2)}×  ${String(r.pages).padStart(3)} pages  ${(r.bytes / 1e6).toFixed(2).padStart(6)} MB  ${String(r.ms).padStart(6)} ms (read ${r.readMs}, layout ${r.layoutMs}, pipeline ${r.pipelineMs})  ${r.mbPerSecond.toFixed(2).padStart(6)} MB/s  ${String(r.pagesPerSecond).padStart(4)} pages/s`);
    }
    console.log(`  time per byte, 16× vs 1×: ${ratio16to1}; time per page: ${pageRatio16to1} (1 = linear; 16 = quadratic)`);
  }
}
