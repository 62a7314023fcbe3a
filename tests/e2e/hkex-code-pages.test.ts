// Real-browser navigation across the HKEX cross-links: section chip → index row → code page
// (the edition the report references) → the same section, and back through the browser history.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../support/locales.ts';
import { paths, sample, useSite } from '../support/e2e.ts';

const site = useSite();

describe('section chip → code page → section', () => {
  for (const { locale } of LOCALES) {
    it(`works in /${locale}/`, async () => {
      const { server, newPage } = site();
      const { report, tagged } = sample(locale);
      const { code } = tagged;
      const edition = String(report.hkexEdition);
      const page = await newPage();
      const sectionPath = paths.section(locale, report, tagged.section.id);
      await page.goto(server.url(sectionPath));

      await Promise.all([
        page.waitForURL((u) => u.hash === `#code-${code}`),
        page.locator(`a.code-chip[data-code="${code}"]`).first().click(),
      ]);
      const codePath = `/${locale}/hkex/${edition}/${code}/`;
      await Promise.all([
        page.waitForURL((u) => u.pathname === codePath),
        page.locator(`tr[id="code-${code}"] a[data-code-page]`).click(),
      ]);
      expect(await page.locator('main#main').getAttribute('data-code')).toBe(code);
      expect(await page.locator('main#main').getAttribute('data-edition')).toBe(edition);

      // The code page lists this very section among the archive's disclosures.
      const back = page.locator(`[data-disclosures] a[data-section="${tagged.section.id}"][href="${sectionPath}"]`);
      expect(await back.count(), `${codePath} links back to ${sectionPath}`).toBe(1);
      await Promise.all([page.waitForURL((u) => u.pathname === sectionPath), back.click()]);
      expect(await page.locator(`a.code-chip[data-code="${code}"]`).count()).toBeGreaterThan(0);

      await page.goBack();
      expect(new URL(page.url()).pathname).toBe(codePath);
    });
  }
});
