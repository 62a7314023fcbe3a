// `astro dev` in a temporary copy of the project (./project-copy.ts), for tests of the authoring
// loop. The server runs in its own process group, which stop() kills (also when the test process
// exits early).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { copyProject, type ProjectCopyOptions } from './project-copy.ts';

export interface DevServer {
  /** e.g. http://localhost:4321 (as the server printed it) */
  origin: string;
  url(pathname: string): string;
  /** Everything the server printed so far (stdout and stderr, ANSI colours removed). */
  output(): string;
  /** Waits until the output printed after character `from` matches `re`; returns the match. */
  waitForOutput(re: RegExp, options?: { from?: number; timeout?: number }): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/**
 * The environment of this process without what a test runner adds: with VITEST set, Astro's dev
 * server installs no request handler (every page is a 404); NODE_ENV=test would change its mode.
 */
function serverEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^VITEST/.test(k) && k !== 'TEST' && k !== 'NODE_ENV'));
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Starts `astro dev` in `dir` and resolves once it prints its local URL. */
export async function startDevServer(dir: string, { timeout = 90_000 } = {}): Promise<DevServer> {
  const child: ChildProcess = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', '0'], {
    cwd: dir,
    detached: true, // its own process group: stop() kills astro and anything it started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...serverEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', BROWSER: 'none' },
  });
  let log = '';
  let exited: string | undefined;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const onData = (chunk: Buffer) => {
    log += chunk.toString('utf8').replace(ANSI, '');
    notify();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  child.on('exit', (code, signal) => {
    exited = `astro dev exited (${signal ?? code})`;
    notify();
  });

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);

  const waitForOutput: DevServer['waitForOutput'] = (re, { from = 0, timeout: ms = 30_000 } = {}) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const m = log.slice(from).match(re);
        if (m) return done(() => resolve(m));
        if (exited) return done(() => reject(new Error(`${exited} before printing ${re}:\n${log}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`astro dev did not print ${re} within ${ms} ms; it printed:\n${log.slice(from)}`))), ms);
      const done = (fn: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        fn();
      };
      waiters.add(check);
      check();
    });

  const stop = async () => {
    process.removeListener('exit', onExit);
    if (exited) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
    killGroup('SIGKILL'); // stragglers in the group
  };

  try {
    // Port 0: the OS picks a free port; Astro prints the one it got.
    const m = await waitForOutput(/Local\s+(http:\/\/[^\s/]+)\//, { timeout });
    const origin = m[1]!;
    return { origin, url: (p) => new URL(p, origin + '/').href, output: () => log, waitForOutput, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** copyProject + startDevServer; `cleanup` stops the server and removes the copy. */
export async function startDevCopy(options: ProjectCopyOptions): Promise<{ dir: string; server: DevServer; cleanup(): Promise<void> }> {
  const dir = copyProject({ prefix: 'esg-dev-', ...options });
  let server: DevServer;
  try {
    server = await startDevServer(dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    dir,
    server,
    async cleanup() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
