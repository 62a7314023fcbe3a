// Search in Chromium: header box → search page → narrow by issuer and year → open a sub-result →
// land on its heading; the same on /sc/ with a Traditional query (results in Simplified); English
// readers widening to the Chinese reports; no JavaScript; axe on the search page with results.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, runAxe } from '../support/axe.ts';
import { useSite } from '../support/e2e.ts';
import { loadGolden } from '../support/pagefind-node.ts';
import { createConverter, loadDictionaries, traditionalOnlyChars } from '../../src/lib/script-convert.ts';
import { FIRST_PAGE } from '../../src/lib/search-config.ts';
import { loadReports } from '../support/content.ts';

const site = useSite();
// Chromium runs --single-process: one page for the whole file, never a second context.
let shared: Page | undefined;
async function thePage(): Promise<Page> {
  shared ??= await site().newPage();
  return shared;
}
const golden = loadGolden();

async function resultLinks(page: Page): Promise<string[]> {
  return page.$$eval('[data-search-results] a[href]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
}

async function waitForResults(page: Page) {
  await page.waitForFunction(() => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === null && (document.querySelector('[data-search-status]')?.textContent ?? '') !== '');
}

/** Types into the header box of a page and submits with Enter. */
async function headerSearch(page: Page, query: string) {
  const box = page.locator('form[data-site-search] input[name="q"]');
  await box.fill(query);
  await box.press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  await waitForResults(page);
}

/** Narrows by the issuer and year of the first result that has a heading sub-result. */
async function narrowAndOpen(page: Page, locale: string) {
  const links = await resultLinks(page);
  const deep = links.find((l) => l.includes('#'));
  expect(deep, 'a result deep-links to a heading').toBeTruthy();
  const [, , issuer, year] = deep!.split('/');
  await page.selectOption('#search-issuer', issuer!);
  await page.waitForURL(new RegExp(`issuer=${issuer}`));
  await waitForResults(page);
  await page.selectOption('#search-year', year!);
  await page.waitForURL(new RegExp(`year=${year}`));
  await waitForResults(page);
  const narrowed = await resultLinks(page);
  expect(narrowed.length).toBeGreaterThan(0);
  for (const l of narrowed) expect(l.startsWith(`/${locale}/${issuer}/${year}/`), l).toBe(true);
  // open a sub-result with the keyboard
  const target = narrowed.find((l) => l.includes('#'))!;
  const link = page.locator(`[data-search-results] .search-subresults a[href="${target}"]`).first();
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname + u.hash === target);
  const id = decodeURIComponent(target.split('#')[1]!);
  const landed = await page.evaluate((hid) => {
    const h = document.getElementById(hid);
    if (!h) return null;
    const r = h.getBoundingClientRect();
    return { target: h.matches(':target'), tag: h.tagName, inView: r.top >= 0 && r.top < window.innerHeight };
  }, id);
  expect(landed, `heading #${id}`).toEqual({ target: true, tag: expect.stringMatching(/^H[1-6]$/), inView: true });
}

describe('search in the browser', () => {
  it('/en/: header box → search page → narrow by issuer and year → land on the heading', async () => {
    const { server } = site();
    const page = await thePage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url('/en/'));
    // Pagefind is not loaded before the search is used
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(before.filter((n) => n.includes('/pagefind/'))).toEqual([]);
    // a golden English term with a deep link somewhere: the first one that gives one
    let found = false;
    for (const term of golden.english) {
      await headerSearch(page, term);
      if ((await resultLinks(page)).some((l) => l.includes('#'))) {
        found = true;
        break;
      }
      await page.goto(server.url('/en/'));
    }
    expect(found).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(0);
    await narrowAndOpen(page, 'en');
    expect(errors).toEqual([]);
  });

  it('/sc/: a Traditional query finds Simplified results; narrow and land on the heading', async () => {
    const { server } = site();
    const page = await thePage();
    const dictionary = loadDictionaries();
    const toHans = createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary });
    // a golden term whose Traditional spelling differs from the Simplified one
    const term = golden.chinese.find((g) => g.hant !== g.hans && g.hant.length >= 4)!;
    await page.goto(server.url('/sc/'));
    await headerSearch(page, term.hant);
    const links = await resultLinks(page);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.startsWith('/sc/'), l).toBe(true);
    const text = await page.locator('[data-search-results]').innerText();
    expect(traditionalOnlyChars(text, dictionary), 'results are shown in Simplified').toEqual([]);
    expect(text).toContain(toHans(term.hant));
    // the same sections as the Simplified query
    await page.goto(server.url(`/sc/search/?q=${encodeURIComponent(term.hans)}`));
    await waitForResults(page);
    expect((await resultLinks(page)).filter((l) => !l.includes('#')).sort()).toEqual(links.filter((l) => !l.includes('#')).sort());
    await page.goto(server.url(`/sc/search/?q=${encodeURIComponent(term.hant)}`));
    await waitForResults(page);
    await narrowAndOpen(page, 'sc');
  });

  it('/tc/: a Simplified query lists Traditional results, a first page and "more", exact words highlighted', async () => {
    const { server } = site();
    const page = await thePage();
    const dictionary = loadDictionaries();
    // the first golden term spelt differently in the two scripts (環境: more than ten results)
    const term = golden.chinese.find((g) => g.hant !== g.hans)!;
    await page.goto(server.url(`/tc/search/?q=${encodeURIComponent(term.hans)}`));
    await waitForResults(page);
    const items = page.locator('[data-search-results] > ol > li');
    expect(await items.count()).toBe(FIRST_PAGE);
    const text = await page.locator('[data-search-results]').innerText();
    expect(text).toContain(term.hant);
    expect(traditionalOnlyChars(text, dictionary).length, 'results are in Traditional').toBeGreaterThan(0);
    expect(await page.locator(`[data-search-results] li:not([data-partial]) .search-excerpt mark:text-is("${term.hant}")`).count()).toBeGreaterThan(0);
    await page.locator('[data-search-more]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > ol > li').length > n, FIRST_PAGE);
    // focus moves to the first new result
    expect(await page.evaluate((n) => document.activeElement?.closest('li')?.parentElement?.children[n]?.contains(document.activeElement), FIRST_PAGE)).toBe(true);
    // newest year first
    await page.selectOption('#search-sort', 'year-desc');
    await page.waitForURL(/sort=year-desc/);
    await waitForResults(page);
    const years = (await resultLinks(page)).filter((l) => !l.includes('#')).map((l) => Number(l.split('/')[3]));
    expect(years.length).toBeGreaterThan(1);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
  });

  it("/tc/: results are labelled by their report; issuer and year list that report's chapters, and a chapter narrows to it", async () => {
    const { server } = site();
    const page = await thePage();
    const report = loadReports().find((r) => ((r.meta.chapters ?? []) as unknown[]).length > 1)!;
    const chapters = (report.meta.chapters as { id: string }[]).map((c) => `${report.issuer}/${report.year}/${c.id}`);
    const term = golden.chinese[0]!.hant;
    await page.goto(server.url(`/tc/search/?q=${encodeURIComponent(term)}`));
    await waitForResults(page);
    // every result shown carries its report's label (issuer · year) from the report's search.json
    const sources = await page.locator('[data-search-results] > ol > li > .search-result-source').allInnerTexts();
    expect(sources.length).toBeGreaterThan(0);
    for (const text of sources) expect(text).toMatch(/ · /);
    // before an issuer and a year are chosen the chapter filter only offers "all"
    expect(await page.locator('#search-chapter option').count()).toBe(1);
    await page.selectOption('#search-issuer', report.issuer);
    await page.waitForURL(new RegExp(`issuer=${report.issuer}`));
    await page.selectOption('#search-year', report.year);
    await page.waitForURL(new RegExp(`year=${report.year}`));
    await waitForResults(page);
    await page.waitForFunction((n) => document.querySelectorAll('#search-chapter option').length === n, chapters.length + 1);
    expect(await page.$$eval('#search-chapter option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['', ...chapters]);
    await page.selectOption('#search-chapter', chapters[0]!);
    await page.waitForURL(/chapter=/);
    await waitForResults(page);
    for (const l of await resultLinks(page)) expect(l.startsWith(`/tc/${report.issuer}/${report.year}/`), l).toBe(true);
    // a reload keeps the chosen chapter
    await page.reload();
    await waitForResults(page);
    await page.waitForFunction((v) => (document.querySelector('#search-chapter') as HTMLSelectElement | null)?.value === v, chapters[0]!);
    // another year drops the chapter, which belongs to one report
    const otherYear = await page.$$eval('#search-year option', (os, y) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v && v !== y), report.year);
    if (otherYear) {
      await page.selectOption('#search-year', otherYear);
      await page.waitForURL((u) => u.searchParams.get('year') === otherYear);
      expect(new URL(page.url()).searchParams.get('chapter')).toBeNull();
    }
  });

  it('/en/: widening to the Chinese reports labels Chinese results', async () => {
    const { server } = site();
    const page = await thePage();
    const term = golden.chinese[0]!;
    await page.goto(server.url(`/en/search/?q=${encodeURIComponent(term.hans)}`));
    await waitForResults(page);
    expect(await page.locator('[data-search-chinese]').count()).toBe(0);
    await page.check('#search-zh');
    await page.waitForURL(/zh=1/);
    await waitForResults(page);
    const chinese = page.locator('.search-result:has([data-search-chinese])');
    expect(await chinese.count()).toBeGreaterThan(0);
    const href = await chinese.first().locator('h3 a').getAttribute('href');
    expect(href).toMatch(/^\/tc\//);
    expect(await chinese.first().locator('h3').getAttribute('lang')).toBe('zh-Hant-HK');
    // narrowing back to the English reports drops the Chinese results again
    await page.uncheck('#search-zh');
    await page.waitForURL((u) => !u.search.includes('zh=1'));
    await waitForResults(page);
    expect(await page.locator('[data-search-chinese]').count()).toBe(0);
  });

  it('the search page and its results pass axe in every locale', async () => {
    const { server } = site();
    const page = await thePage();
    for (const [locale, q] of [
      ['en', golden.english[0]!],
      ['tc', golden.chinese[0]!.hant],
      ['sc', golden.chinese[0]!.hans],
    ] as const) {
      await page.goto(server.url(`/${locale}/search/?q=${encodeURIComponent(q)}`));
      await waitForResults(page);
      expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
      const violations = await runAxe(page);
      if (violations.length) expect.fail(formatViolations(`/${locale}/search/`, violations));
      }
  });

  it('without JavaScript the search page says search needs it', async () => {
    const { server } = site();
    const page = await thePage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(server.url('/tc/search/?q=x'));
    expect(await page.locator('[data-search-nojs]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-results] a').count()).toBe(0);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    await cdp.detach();
  });
});
