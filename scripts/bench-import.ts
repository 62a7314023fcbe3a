/**
 * Importer throughput: node scripts/bench-import.ts [--file F] [--lang L] [--runs N] [--json]
 *
 * Runs the importer pipeline (scripts/import/pipeline.ts, detected outline: no overrides, since a
 * repeated report has no consistent printed pages) on a real seed text repeated 1×, 4× and 16×,
 * and prints characters per second at each size and the ratios of time per character
 * (16× / 1× and 16× / 4×): about 1 means time grows linearly with the input; a quadratic stage
 * shows as a ratio near the size ratio (4 or 16). Best of N runs (default 3) after one warm-up.
 * Also prints the fidelity look-up counter (output characters read) per input character.
 * No thresholds: it reports figures, it does not judge them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline } from './import/pipeline.ts';
import type { Lang } from './import/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};
const file = resolve(opt('--file', join(root, 'content/reports/alibaba-health/2018/source/alibaba-health-fy2018.en.txt')));
const lang = opt('--lang', /\.(en|zh-Hant|zh-Hans)\.txt$/.exec(file)?.[1] ?? 'en') as Lang;
const runs = Math.max(1, Number(opt('--runs', '3')));
const asJson = argv.includes('--json');

export interface BenchRow { times: number; chars: number; ms: number; charsPerSecond: number; sections: number; fidelity: number; fidelityOpsPerChar: number }

export function benchImport(text: string, lang: Lang, sizes = [1, 4, 16], n = 3): BenchRow[] {
  runPipeline(text, lang, {}); // warm-up
  return sizes.map((times) => {
    const input = Array(times).fill(text).join('\n');
    let best = Infinity;
    let r: ReturnType<typeof runPipeline> | undefined;
    for (let k = 0; k < n; k++) {
      const t = performance.now();
      r = runPipeline(input, lang, {});
      best = Math.min(best, performance.now() - t);
    }
    return {
      times,
      chars: input.length,
      ms: Math.round(best),
      charsPerSecond: Math.round((input.length / best) * 1000),
      sections: r!.sections.length,
      fidelity: Number(r!.fidelity.fidelity.toFixed(4)),
      fidelityOpsPerChar: Number(((r!.fidelity.ops ?? 0) / input.length).toFixed(1)),
    };
  });
}

if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(file, 'utf8');
  const rows = benchImport(text, lang, [1, 4, 16], runs);
  const perChar = (r: BenchRow) => r.ms / r.chars;
  const ratio16to1 = Number((perChar(rows[2]) / perChar(rows[0])).toFixed(2));
  const ratio16to4 = Number((perChar(rows[2]) / perChar(rows[1])).toFixed(2));
  if (asJson) {
    console.log(JSON.stringify({ file: relative(root, file), lang, rows, ratio16to1, ratio16to4 }, null, 2));
  } else {
    console.log(`importer throughput: ${relative(root, file)} (${lang}), best of ${runs}`);
    for (const r of rows) {
      console.log(`  ${String(r.times).padStart(2)}×  ${String(r.chars).padStart(9)} chars  ${String(r.ms).padStart(6)} ms  ${String(r.charsPerSecond).padStart(9)} chars/s  (${r.sections} sections, fidelity ${r.fidelity}, fidelity reads ${r.fidelityOpsPerChar}/char)`);
    }
    console.log(`  time per character, 16× vs 1×: ${ratio16to1}; 16× vs 4×: ${ratio16to4} (1 = linear; 4 or 16 = quadratic)`);
  }
}
