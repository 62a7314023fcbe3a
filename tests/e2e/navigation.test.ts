// Real-browser navigation: the language switcher keeps the section; a code chip leads to its
// HKEX index row, and the row's section link leads back to a section page.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../support/locales.ts';
import type { Locale } from '../support/locales.ts';
import { paths, sample, useSite } from '../support/e2e.ts';
import { loadReports, sectionsFor } from '../support/content.ts';

const site = useSite();
const htmlLang = Object.fromEntries(LOCALES.map((l) => [l.locale, l.htmlLang])) as Record<Locale, string>;

describe('language switcher', () => {
  it('keeps the section: en → tc → sc → en, and <html lang> follows', async () => {
    const { server, newPage } = site();
    const { report, section } = sample('en');
    const page = await newPage();
    const start = paths.section('en', report, section.id);
    const res = await page.goto(server.url(start));
    expect(res?.status(), `GET ${start}`).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    for (const to of ['tc', 'sc', 'en'] as Locale[]) {
      const from = new URL(page.url()).pathname;
      const link = page.locator(`nav[data-language-switcher] a[data-locale="${to}"]`).first();
      const want = paths.section(to, report, section.id);
      await Promise.all([page.waitForURL((u) => u.pathname === want), link.click()]);
      expect(new URL(page.url()).pathname, `switch ${from} → ${to}`).toBe(want);
      expect(await page.getAttribute('html', 'lang'), `<html lang> on ${want}`).toBe(htmlLang[to]);
      expect(await page.locator('main#main h1').count(), `${want} has an h1 in main#main`).toBeGreaterThan(0);
    }
  });
});

describe('code chip → HKEX index row → section', () => {
  for (const { locale } of LOCALES) {
    it(`works in /${locale}/`, async () => {
      const { server, newPage } = site();
      const { report, tagged } = sample(locale);
      const { code } = tagged;
      const page = await newPage();
      await page.goto(server.url(paths.section(locale, report, tagged.section.id)));

      // 1. the chip for the code
      const chip = page.locator(`a.code-chip[data-code="${code}"]`).first();
      const indexPath = paths.index(locale, report);
      await Promise.all([page.waitForURL((u) => u.pathname === indexPath && u.hash === `#code-${code}`), chip.click()]);

      // 2. the row is the :target and is scrolled into view
      const rowId = `code-${code}`;
      await page.waitForFunction((id) => document.querySelector(':target')?.id === id, rowId);
      const row = page.locator(`tr[id="${rowId}"]`);
      expect(await row.getAttribute('data-status'), `row ${code} status`).toBe('disclosed');
      const inView = await row.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
      });
      expect(inView, `row ${rowId} is in the viewport after following the chip`).toBe(true);

      // 3. a section link in that row (one of the sections that tag the code) → that section page
      const tagging = sectionsFor(loadReports().find((r) => r.issuer === report.issuer && r.year === report.year)!, locale)
        .filter((s) => s.codes.includes(code))
        .map((s) => s.id);
      const links = row.locator('a[data-section]');
      expect(await links.count(), `row ${rowId} has section links`).toBeGreaterThan(0);
      const target = (await links.first().getAttribute('data-section'))!;
      expect(tagging, `row ${rowId} links to a section that tags ${code}`).toContain(target);
      const sectionPath = paths.section(locale, report, target);
      await Promise.all([page.waitForURL((u) => u.pathname === sectionPath), links.first().click()]);
      expect(new URL(page.url()).pathname).toBe(sectionPath);
      expect(await page.getAttribute('html', 'lang')).toBe(htmlLang[locale]);
      expect(await page.locator(`a.code-chip[data-code="${code}"]`).count(), `${sectionPath} shows the ${code} chip`).toBeGreaterThan(0);
    });
  }
});

describe('static server', () => {
  it('serves /404.html with status 404 for an unknown URL', async () => {
    const { server, newPage } = site();
    const page = await newPage();
    const res = await page.goto(server.url('/en/no-such-page/'));
    expect(res?.status()).toBe(404);
    expect(await page.locator('body').innerText()).not.toBe('');
  });
});
