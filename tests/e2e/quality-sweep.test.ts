// Quality sweep over EVERY HTML page of dist/ (the list comes from readSite, so new pages are swept
// automatically), in one Chromium page reused with page.goto (@sparticuz/chromium runs single-process).
// On every page:
//   - no console error and no uncaught script error;
//   - no failed request (network failure, or a status ≥ 400) — the page itself must answer 200;
//   - no request to any host other than the local static server (the site is self-contained).
// axe-core with the helper's default tags (wcag2a wcag2aa wcag21a wcag21aa wcag22aa), zero violations,
// on every page EXCEPT 4 of every 5 HKEX code pages: axe over all 836 pages took 248 s on the 2-core
// reference machine (more than the ~4 minute budget for this file), and the ~500 code pages
// (/{locale}/hkex/<edition>/<code>/) share one template. So axe runs on every page of every other kind
// (language chooser, 404, archive homes, report homes, HKEX home/edition/coverage pages, each report's
// hkex-index and data page, search pages, every section page) and on every 5th code page of each
// locale and edition in sorted order (the 1st, 6th, 11th, …). One `it` per page, so a failure names the
// page; the title says whether axe ran. About 2.5 minutes in all.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, runAxe } from '../support/axe.ts';
import { useSite } from '../support/e2e.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';
import { readSite } from '../support/site.ts';

assertDistBuilt();
const urlPaths = [...readSite(DIST).pages.keys()].sort();

/** '/en/hkex/hkex-2020/A1.1/' → 'en/hkex-2020' for an HKEX code page, else undefined */
const codePageGroup = (urlPath: string) => /^\/([^/]+)\/hkex\/(hkex-[^/]+)\/[^/]+\/$/.exec(urlPath)?.slice(1).join('/');
const AXE_EVERY_NTH_CODE_PAGE = 5;
const seenInGroup = new Map<string, number>();
const axeOn = new Set(
  urlPaths.filter((u) => {
    const group = codePageGroup(u);
    if (!group) return true;
    const i = seenInGroup.get(group) ?? 0;
    seenInGroup.set(group, i + 1);
    return i % AXE_EVERY_NTH_CODE_PAGE === 0;
  }),
);
const codePages = urlPaths.filter((u) => codePageGroup(u)).length;

// per page: a load plus one axe run take ~0.25 s; 30 s leaves room for a slow machine
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

describe(`quality sweep: all ${urlPaths.length} pages of dist/ load with no console error, no failed or off-site request; axe WCAG 2.2 AA zero violations on ${axeOn.size} of them (every page but the HKEX code pages, and every ${AXE_EVERY_NTH_CODE_PAGE}th of the ${codePages} code pages)`, () => {
  it('finds the whole site', () => {
    // guard against a vacuous sweep (the build suite checks the exact page set)
    expect(urlPaths.length).toBeGreaterThan(100);
    expect(urlPaths).toContain('/en/');
    expect(codePages, 'code pages recognised').toBeGreaterThan(0);
  });

  for (const urlPath of urlPaths) {
    const withAxe = axeOn.has(urlPath);
    it(`${urlPath}${withAxe ? ' (+ axe)' : ' (load checks only: code page, axe on every 5th)'}`, async () => {
      problems = [];
      const res = await page.goto(new URL(urlPath, origin + '/').href, { waitUntil: 'load' });
      expect(res?.status(), `GET ${urlPath}`).toBe(200);
      if (withAxe) {
        const violations = await runAxe(page);
        if (violations.length) expect.fail(formatViolations(urlPath, violations));
      }
      expect(problems, `${urlPath}: console errors, failed or off-site requests`).toEqual([]);
    }, PAGE_TIMEOUT);
  }
});
