/**
 * npm run bench [-- --scale N [--json] [--keep]]
 *
 * Without --scale: the benches in order, each in its own process, as `npm run bench` always ran
 * them: scripts/bench.ts (build, pages, bytes, search, determinism, the bare baseline side by side),
 * then the importer's throughput on text, PDF and .docx. Arguments are passed to every one.
 * With --scale N: only the scale benchmark (scripts/bench-scale.ts) on a synthetic archive of N reports.
 * Stops at the first bench that fails, with its exit code.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const benches = args.includes('--scale') ? ['bench-scale.ts'] : ['bench.ts', 'bench-import.ts', 'bench-import-pdf.ts', 'bench-import-docx.ts'];
for (const bench of benches) {
  const res = spawnSync(process.execPath, [join(here, bench), ...args], { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
