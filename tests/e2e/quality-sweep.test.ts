// Quality sweep over EVERY HTML page of dist/ (the list comes from readSite, so new pages are swept
// automatically), in one Chromium page reused with page.goto (@sparticuz/chromium runs single-process).
// On every page:
//   - no console error and no uncaught script error;
//   - no failed request (network failure, or a status ≥ 400) — the page itself must answer 200;
//   - no request to any host other than the local static server (the site is self-contained).
// axe-core with the helper's default tags (wcag2a wcag2aa wcag21a wcag21aa wcag22aa), zero violations,
// on every page too. axe is installed once as an init script (tests/support/axe.ts installAxe), so
// each document gets it before its own scripts; about 0.15 s per page with the load checks, some
// 2 minutes for the archive on the 2-core reference machine. One `it` per page, so a failure names it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, installAxe, runAxe } from '../support/axe.ts';
import { useSite } from '../support/e2e.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';
import { readSite, redirectOf } from '../support/site.ts';

assertDistBuilt();
const builtPages = readSite(DIST).pages;
const urlPaths = [...builtPages.keys()].sort();
/** Redirect pages (old section URLs) refresh to the new page at once; axe must see them before that. */
const redirects = new Set(urlPaths.filter((u) => redirectOf(builtPages.get(u)!)));

// per page: a load plus one axe run take ~0.15 s; 30 s leaves room for a slow machine
const PAGE_TIMEOUT = 30_000;

const site = useSite();
let page: Page;
let origin: string;
/** problems seen since the last navigation started (reset per test) */
let problems: string[] = [];

// Registered after useSite(), so it runs after the server and browser have started.
beforeAll(async () => {
  const { server, newPage } = site();
  origin = server.origin;
  page = await newPage();
  await installAxe(page);
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
    let reqOrigin: string;
    try {
      reqOrigin = new URL(url).origin;
    } catch {
      reqOrigin = url;
    }
    if (reqOrigin !== origin) problems.push(`request to another host: ${url}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().resourceType()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed ${r.url()}: ${r.failure()?.errorText}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
});

describe(`quality sweep: all ${urlPaths.length} pages of dist/ load with no console error, no failed or off-site request, and pass axe (WCAG 2.2 AA) with zero violations`, () => {
  it('finds the whole site', () => {
    // guard against a vacuous sweep (the build suite checks the exact page set)
    expect(urlPaths.length).toBeGreaterThan(100);
    expect(urlPaths).toContain('/en/');
  });

  for (const urlPath of urlPaths) {
    it(urlPath, async () => {
      problems = [];
      const href = new URL(urlPath, origin + '/').href;
      // A redirect page is served without its refresh, so axe checks it and not the page it leads to
      // (tests/build/redirects.test.ts checks where it leads).
      if (redirects.has(urlPath)) {
        await page.route(href, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/i, '');
          await route.fulfill({ response, body });
        });
      }
      const res = await page.goto(href, { waitUntil: 'load' }).finally(() => (redirects.has(urlPath) ? page.unroute(href) : undefined));
      expect(res?.status(), `GET ${urlPath}`).toBe(200);
      const violations = await runAxe(page);
      if (violations.length) expect.fail(formatViolations(urlPath, violations));
      expect(problems, `${urlPath}: console errors, failed or off-site requests`).toEqual([]);
    }, PAGE_TIMEOUT);
  }
});
