// Shared setup for the e2e suite: one static server over dist/ and one Chromium per test file.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { loadReports, sectionsFor } from './content.ts';
import type { ReportInfo, SectionInfo } from './content.ts';
import type { Locale } from './locales.ts';
import { DIST, assertDistBuilt } from './paths.ts';
import { startStaticServer } from './server.ts';
import type { StaticServer } from './server.ts';

export interface E2E {
  server: StaticServer;
  browser: Browser;
  /** A fresh page in a fresh context (1280×800, reduced motion), closed after the file. */
  newPage(): Promise<Page>;
}

export function useSite(): () => E2E {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    assertDistBuilt();
    server = await startStaticServer(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });
  return () => {
    if (!server || !browser) throw new Error('e2e setup failed (see beforeAll error)');
    const b = browser;
    return {
      server,
      browser: b,
      async newPage() {
        const context = await b.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
        contexts.push(context);
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        return page;
      },
    };
  };
}

export interface Sample {
  report: ReportInfo;
  /** a section of the report in reading order (the first one) */
  section: SectionInfo;
  /** a section that tags at least one HKEX code, and the code */
  tagged: { section: SectionInfo; code: string };
}

/** Pages to drive, chosen from content/: the first report with a section that tags a code; its first section; that tagged section. */
export function sample(locale: Locale = 'en'): Sample {
  const reports = loadReports();
  if (reports.length === 0) throw new Error('content/reports has no report.yaml');
  for (const report of reports) {
    const sections = sectionsFor(report, locale);
    const withCode = sections.find((s) => s.codes.length > 0);
    if (withCode) return { report, section: sections[0], tagged: { section: withCode, code: withCode.codes[0] } };
  }
  throw new Error(`no report in content/ has a section that tags an HKEX code for /${locale}/`);
}

export const paths = {
  archive: (l: Locale) => `/${l}/`,
  report: (l: Locale, r: ReportInfo) => `/${l}/${r.issuer}/${r.year}/`,
  section: (l: Locale, r: ReportInfo, id: string) => `/${l}/${r.issuer}/${r.year}/${id}/`,
  index: (l: Locale, r: ReportInfo) => `/${l}/${r.issuer}/${r.year}/hkex-index/`,
};
