// Launches Chromium for the e2e suite through playwright-core.
// Default: the Chromium shipped by the npm package @sparticuz/chromium (decompressed into /tmp on
// first use), so a fresh clone needs nothing but `npm ci`. Playwright's own browser download is not
// used. Fallbacks, in order: $CHROMIUM_PATH, then Debian's /usr/bin/chromium if it exists.
import { existsSync } from 'node:fs';
import { chromium as playwright } from 'playwright-core';
import type { Browser } from 'playwright-core';

const EXTRA_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  source: string;
}

export async function resolveChromium(): Promise<ChromiumLaunch> {
  if (process.env.CHROMIUM_PATH) {
    return { executablePath: process.env.CHROMIUM_PATH, args: EXTRA_ARGS, source: '$CHROMIUM_PATH' };
  }
  let npmError: unknown;
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    const executablePath = await sparticuz.executablePath();
    // The package's own flags include --headless='shell'; Playwright sets headless mode itself.
    const args = sparticuz.args.filter((a: string) => !a.startsWith('--headless'));
    return { executablePath, args: [...args, ...EXTRA_ARGS], source: '@sparticuz/chromium' };
  } catch (err) {
    npmError = err;
  }
  if (existsSync('/usr/bin/chromium')) {
    return { executablePath: '/usr/bin/chromium', args: EXTRA_ARGS, source: '/usr/bin/chromium' };
  }
  throw new Error(`Cannot start Chromium: @sparticuz/chromium failed (${String(npmError)}) and /usr/bin/chromium does not exist`);
}

export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await resolveChromium();
  return playwright.launch({ executablePath, args, headless: true });
}
