// axe-core (WCAG 2.0/2.1 A+AA, 2.2 AA) on the archive home, a report home, a section page and the
// HKEX index page, a code page and the coverage matrix, in each of the three locales: zero violations (and no failed subresource or
// script error while the page loads).
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../support/locales.ts';
import { formatViolations, runAxe } from '../support/axe.ts';
import { paths, sample, useSite } from '../support/e2e.ts';
import { loadReports, sectionsFor } from '../support/content.ts';

const site = useSite();

describe('axe: zero violations', () => {
  for (const { locale } of LOCALES) {
    const { report, section, tagged } = sample(locale);
    const pages: Record<string, string> = {
      'archive home': paths.archive(locale),
      'report home': paths.report(locale, report),
      [`section ${section.id}`]: paths.section(locale, report, section.id),
      'HKEX index': paths.index(locale, report),
      [`HKEX code page ${tagged.code}`]: `/${locale}/hkex/${String(report.hkexEdition)}/${tagged.code}/`,
      'HKEX coverage matrix': `/${locale}/hkex/coverage/`,
      [`year listing ${report.year}`]: `/${locale}/years/${report.year}/`,
      'issuer directory by stock code': `/${locale}/issuers/`,
      'issuer directory by name': `/${locale}/issuers/by-name/`,
    };
    // Every report's home and first section too: converted and fallback editions carry their own lang marks.
    for (const r of loadReports()) {
      const first = sectionsFor(r, locale)[0];
      pages[`report home ${r.issuer}/${r.year}`] = paths.report(locale, r);
      if (first) pages[`section ${r.issuer}/${r.year}/${first.id}`] = paths.section(locale, r, first.id);
    }
    for (const [kind, urlPath] of Object.entries(pages)) {
      it(`/${locale}/ ${kind} (${urlPath})`, async () => {
        const { server, newPage } = site();
        const page = await newPage();
        // also: no failed subresource and no script error while loading the page
        const problems: string[] = [];
        page.on('response', (r) => {
          if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`${r.status()} ${r.url()}`);
        });
        page.on('requestfailed', (r) => problems.push(`failed ${r.url()}: ${r.failure()?.errorText}`));
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        const res = await page.goto(server.url(urlPath), { waitUntil: 'load' });
        expect(res?.status(), `GET ${urlPath}`).toBe(200);
        const violations = await runAxe(page);
        if (violations.length) expect.fail(formatViolations(`/${locale}/ ${kind} ${urlPath}`, violations));
        expect(problems, `${urlPath}: subresource or script errors`).toEqual([]);
        await page.close();
      });
    }
  }
});
