/**
 * Measurements shared by the benchmarks (scripts/bench.ts, scripts/bench-scale.ts):
 *
 * - `runMeasured`: runs a command and measures its wall time and peak memory. Two figures, because a
 *   build is a tree of processes (scripts/build.ts spawns `astro build`; Pagefind's Node API spawns
 *   its binary):
 *   - `maxRssKb`: the largest peak RSS of any single process of the tree: GNU time's
 *     (`/usr/bin/time -v`, "Maximum resident set size", i.e. getrusage of the waited-for children)
 *     or, if larger, the largest VmHWM sampled. GNU time alone misses a process nobody waited for:
 *     the Pagefind binary of Pagefind's Node API is not reaped by the build script (measured: GNU
 *     time 1750 MB, the Pagefind binary's VmHWM 1914 MB);
 *   - `treeKb`: the peak of the summed memory of every live process of the tree, sampled every
 *     200 ms: PSS from /proc/<pid>/smaps_rollup (shared pages split between the processes sharing
 *     them; RSS summed would count them once per process), VmRSS where PSS cannot be read;
 *     children found through /proc/<pid>/task/<pid>/children;
 *   - `perProcess`: the peak RSS (VmHWM) of each kind of process seen while sampling: `astro build`,
 *     `pagefind` (the binary Pagefind's Node API runs), or the script a `node` process runs.
 *     Without /usr/bin/time `maxRssKb` is the largest VmHWM seen while sampling.
 * - `siteStats`: HTML pages, total bytes, and per page type (./page-types.ts) the count and the
 *   largest page's raw HTML bytes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PAGE_TYPES, pageType, type PageType } from './page-types.ts';

export interface MeasuredRun {
  status: number | null;
  wallMs: number;
  /** largest peak RSS of one process of the tree (kB) */
  maxRssKb: number;
  /** peak of the tree's summed PSS, sampled every 200 ms (kB) */
  treeKb: number;
  /** peak RSS (VmHWM) per kind of process (kB) */
  perProcess: Record<string, number>;
  /** where maxRssKb came from */
  rssSource: 'time -v' | 'VmHWM samples';
  stdout: string;
  stderr: string;
}

const TIME = '/usr/bin/time';

function statusField(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function pss(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no smaps_rollup (old kernel) or gone
  }
  return statusField(pid, 'VmRSS');
}

/** `astro build`, `pagefind`, or the script a node process runs (its basename). */
function processKind(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    if (argv.some((a) => a.endsWith('astro.mjs'))) return 'astro build';
    if (argv.some((a) => /pagefind/.test(path.basename(a)))) return 'pagefind';
    const script = argv.slice(1).find((a) => !a.startsWith('-'));
    return script ? `${path.basename(argv[0]!)} ${path.basename(script)}` : path.basename(argv[0] ?? '?');
  } catch {
    return '?';
  }
}

function descendants(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      const text = readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    } catch {
      // gone
    }
  }
  return out;
}

/** Runs `cmd` in `cwd`; resolves when it exits. Output is captured (and echoed to stderr with `echo`). */
export function runMeasured(cmd: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean }): Promise<MeasuredRun> {
  const useTime = existsSync(TIME);
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-time-'));
  const timeFile = path.join(tmp, 'time.txt');
  const argv = useTime ? [TIME, '-v', '-o', timeFile, ...cmd] : cmd;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (opts.echo) process.stderr.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      if (opts.echo) process.stderr.write(d);
    });
    let treeKb = 0;
    let hwmKb = 0;
    const perProcess: Record<string, number> = {};
    const kinds = new Map<number, string>();
    const sample = () => {
      if (child.pid === undefined) return;
      let sum = 0;
      // the first process is /usr/bin/time itself (or the command)
      for (const pid of descendants(child.pid)) {
        if (useTime && pid === child.pid) continue;
        sum += pss(pid);
        const hwm = statusField(pid, 'VmHWM');
        hwmKb = Math.max(hwmKb, hwm);
        if (!kinds.has(pid)) kinds.set(pid, processKind(pid));
        const kind = kinds.get(pid)!;
        perProcess[kind] = Math.max(perProcess[kind] ?? 0, hwm);
      }
      treeKb = Math.max(treeKb, sum);
    };
    const timer = setInterval(sample, 200);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      const wallMs = Math.round(performance.now() - t0);
      let maxRssKb = hwmKb;
      let rssSource: MeasuredRun['rssSource'] = 'VmHWM samples';
      if (useTime && existsSync(timeFile)) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
        if (m && Number(m[1]) >= hwmKb) {
          maxRssKb = Number(m[1]);
          rssSource = 'time -v';
        }
      }
      rmSync(tmp, { recursive: true, force: true });
      resolve({ status, wallMs, maxRssKb, treeKb, perProcess, rssSource, stdout, stderr });
    });
  });
}

export interface TypeFigures {
  pages: number;
  /** raw bytes of the largest page's HTML */
  largest: number;
  largestUrl: string;
  /** summed raw HTML bytes */
  bytes: number;
}

export interface SiteStats {
  htmlPages: number;
  files: number;
  totalBytes: number;
  pagefindBytes: number;
  perType: Record<PageType, TypeFigures>;
}

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out;
}

/** Pages and bytes of a built site (every `*.html` outside pagefind/ is a page). */
export function siteStats(dist: string): SiteStats {
  const perType = Object.fromEntries(PAGE_TYPES.map((t) => [t, { pages: 0, largest: 0, largestUrl: '', bytes: 0 }])) as Record<PageType, TypeFigures>;
  let totalBytes = 0;
  let pagefindBytes = 0;
  let htmlPages = 0;
  const files = walk(dist).sort();
  for (const f of files) {
    const size = statSync(path.join(dist, f)).size;
    totalBytes += size;
    if (f.startsWith('pagefind/')) {
      pagefindBytes += size;
      continue;
    }
    if (!f.endsWith('.html')) continue;
    htmlPages++;
    const url = `/${f.replace(/(^|\/)index\.html$/, '$1')}`;
    const t = perType[pageType(url)];
    t.pages++;
    t.bytes += size;
    if (size > t.largest) {
      t.largest = size;
      t.largestUrl = url;
    }
  }
  return { htmlPages, files: files.length, totalBytes, pagefindBytes, perType };
}

export const kb = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} kB`);
export const mb = (kbytes: number): string => `${(kbytes / 1024).toFixed(0)} MB`;
export const sec = (ms: number | undefined): string => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
export const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);

export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(cells[0]!), w.map((n) => '─'.repeat(n)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
