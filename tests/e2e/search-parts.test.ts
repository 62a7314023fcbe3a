// Search over an index in parts (src/lib/search-parts.ts) in Chromium: the built archive indexed
// again with a part per report. A first query searches the newest report only and says so; the
// reader widens it part by part with the keyboard until the whole archive is searched; a year
// filter starts from that year's part; axe passes with the widen button on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatViolations, runAxe } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../support/server.ts';
import { partedCopy, removeCopy } from '../support/parted-site.ts';
import { searchParts } from '../support/pagefind-node.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';
import type { SearchParts } from '../../src/lib/search-parts.ts';

let dir: string | undefined;
let manifest: SearchParts;
let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  assertDistBuilt();
  dir = (await partedCopy(DIST, 1)).dir;
  manifest = searchParts(dir);
  server = await startStaticServer(dir);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeCopy(dir);
});

async function waitForResults() {
  await page.waitForFunction(() => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === null && (document.querySelector('[data-search-status]')?.textContent ?? '') !== '');
}

/** Presses "More results" until every result is listed. */
async function showAll() {
  for (;;) {
    const more = page.locator('[data-search-more]');
    if ((await more.count()) === 0) return;
    const n = await page.locator('[data-search-results] > ol > li').count();
    await more.click();
    await page.waitForFunction((k) => document.querySelectorAll('[data-search-results] > ol > li').length > k, n);
  }
}

/** issuer/year of every result page listed */
async function reportsFound(): Promise<Set<string>> {
  const links = await page.$$eval('[data-search-results] > ol > li h3 a[href]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return new Set(links.map((l) => l.split('/').slice(2, 4).join('/')));
}

describe('search over an index in parts', () => {
  it('/tc/: the first query searches the newest report and says so; widening part by part reaches every report', async () => {
    expect(manifest.parts.length).toBeGreaterThanOrEqual(3);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // 報告: in every report
    await page.goto(server!.url(`/tc/search/?q=${encodeURIComponent('報告')}`));
    await waitForResults();
    const first = manifest.parts[0]!.from;
    expect([...(await reportsFound())]).toEqual([`${first.issuer}/${first.year}`]);
    expect(await page.locator('[data-search-status]').innerText()).toContain(`最新的 1 份`);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
    expect(fetched.filter((p) => p.startsWith('/pagefind/part-'))).toEqual([]);
    for (let n = 2; n <= manifest.parts.length; n++) {
      const wider = page.locator('[data-search-wider]');
      await wider.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((k) => (document.querySelector('[data-search-status]')?.textContent ?? '').includes(`最新的 ${k} 份`) || !document.querySelector('[data-search-wider]'), n);
      await waitForResults();
      // focus lands on the first result, not on the body
      expect(await page.evaluate(() => document.activeElement?.closest('[data-search-results]') !== null)).toBe(true);
    }
    expect(await page.locator('[data-search-wider]').count()).toBe(0);
    expect(await page.locator('[data-search-status]').innerText()).not.toContain('最新的');
    // all reports now: show every result and count the reports
    await showAll();
    expect((await reportsFound()).size).toBe(manifest.reports);
    expect(errors).toEqual([]);
  });

  it('/sc/: a year filter starts from the part that holds the year', async () => {
    const oldest = manifest.parts.at(-1)!.from;
    await page.goto(server!.url(`/sc/search/?q=${encodeURIComponent('报告')}&year=${oldest.year}`));
    await waitForResults();
    await showAll();
    expect([...(await reportsFound())]).toEqual([`${oldest.issuer}/${oldest.year}`]);
  });

  it('/en/: widening to the Chinese reports searches the Chinese index of the parts searched', async () => {
    await page.goto(server!.url(`/en/search/?q=${encodeURIComponent('報告')}&zh=1`));
    await waitForResults();
    const first = manifest.parts[0]!.from;
    expect([...(await reportsFound())]).toEqual([`${first.issuer}/${first.year}`]);
    await page.locator('[data-search-wider]').click();
    await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '').includes('newest 2 '));
    await waitForResults();
    await showAll();
    expect((await reportsFound()).size).toBe(2);
  });

  it('axe passes with the widen button on the page', async () => {
    await page.goto(server!.url(`/tc/search/?q=${encodeURIComponent('環境')}`));
    await waitForResults();
    expect(await page.locator('[data-search-wider]').count()).toBe(1);
    const violations = await runAxe(page);
    expect(violations, formatViolations('/tc/search/ (parts)', violations)).toEqual([]);
  });
});
