// Old section URLs (content/reports/<issuer>/<year>/redirects.yaml): for every entry and every locale
// it applies to, the built page at the old URL refreshes at once to the new page, names it as its
// canonical URL and links to it; it is not indexed (robots noindex, no data-pagefind-body), not in
// the sitemap, and a real page of its locale (html lang, title, main, skip link). The locales it does
// not apply to (an entry with `lang`) have no page there.
// 1. dist/ against content/ (the archive's own redirects, as many as it has);
// 2. a one-report copy of the project with tests/fixtures/redirects/alibaba-health-2018.redirects.yaml,
//    built with astro build and passed through npm run check's built-site checks (links, html-validate).
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, findAll, findFirst, hasAttr, hasClass, tag, text } from '../support/html.ts';
import { loadReports, sectionsFor, type ReportInfo } from '../support/content.ts';
import { LOCALES, type Locale } from '../support/locales.ts';
import { CONTENT, DIST, ROOT, assertDistBuilt } from '../support/paths.ts';
import { readSite, redirectOf, type Page, type Site } from '../support/site.ts';
import { copyProject } from '../support/project-copy.ts';
import { readRedirectFiles } from '../../src/lib/redirect-files.ts';
import { REPORT_HOME } from '../../src/lib/redirects.ts';
import { buildSite, checkSite } from '../../scripts/lib/site-check.ts';
import { readContentFiles } from '../../scripts/lib/content-files.ts';

const PREFS: Record<Locale, string[]> = { en: ['en', 'zh-Hant', 'zh-Hans'], tc: ['zh-Hant', 'zh-Hans', 'en'], sc: ['zh-Hans', 'zh-Hant', 'en'] };
/** The content folder a locale's pages come from (its own, else converted, else a fallback). */
const editionLang = (r: ReportInfo, l: Locale) => PREFS[l].find((lang) => r.sections[lang]?.length);

interface Result {
  /** (entry, locale) pairs that must have a redirect page, and did. */
  pages: string[];
  problems: string[];
}

/** Every redirect of `contentDir` checked against the site built from it in `distDir`. */
function checkRedirects(site: Site, contentDir: string): Result {
  const out: Result = { pages: [], problems: [] };
  const bad = (where: string, what: string) => out.problems.push(`${where}: ${what}`);
  const reports = loadReports(contentDir);
  const sitemap = readFileSync(path.join(site.dist, 'sitemap-0.xml'), 'utf8');
  const origin = new URL(/<loc>([^<]+)<\/loc>/.exec(sitemap)![1]!).origin;
  for (const file of readRedirectFiles(path.join(contentDir, 'reports'))) {
    const report = reports.find((r) => r.issuer === file.issuer && r.year === file.year);
    if (!report) {
      bad(file.file, 'no report');
      continue;
    }
    for (const entry of file.redirects) {
      for (const { locale, htmlLang } of LOCALES) {
        const base = `/${locale}/${file.issuer}/${file.year}/`;
        const old = `${base}${entry.from}/`;
        const page = site.pages.get(old);
        if (entry.lang && entry.lang !== editionLang(report, locale)) {
          if (page) bad(old, `a page, though the entry is for ${entry.lang} and /${locale}/ shows ${editionLang(report, locale)}`);
          continue;
        }
        const want = entry.to === REPORT_HOME ? base : `${base}${entry.to}/`;
        if (!page) {
          bad(old, `no redirect page (expected dist${old}index.html → ${want})`);
          continue;
        }
        out.pages.push(old);
        const target = site.pages.get(want);
        if (!target) bad(old, `target ${want} is not a built page`);
        else if (redirectOf(target)) bad(old, `target ${want} is itself a redirect`);
        if (entry.to !== REPORT_HOME && !sectionsFor(report, locale).some((s) => s.id === entry.to)) bad(old, `target ${entry.to} is not a section of /${locale}/`);
        checkPage(page, want, htmlLang, origin, (what) => bad(old, what));
        if (sitemap.includes(`${origin}${old}<`)) bad(old, 'listed in the sitemap');
      }
    }
  }
  return out;
}

function checkPage(page: Page, want: string, htmlLang: string, origin: string, bad: (what: string) => void): void {
  if (redirectOf(page) !== want) bad(`meta refresh to ${JSON.stringify(redirectOf(page))}, expected ${want}`);
  const refresh = findFirst(page.tree, (el) => el.tagName === 'meta' && hasAttr(el, 'http-equiv'));
  if (!/^0;/.test(attr(refresh!, 'content') ?? '')) bad('the refresh is not instant (0;url=…)');
  const canonical = findAll(page.tree, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical');
  if (canonical.length !== 1 || attr(canonical[0]!, 'href') !== `${origin}${want}`) bad(`canonical ${canonical.map((c) => attr(c, 'href')).join(', ')}, expected ${origin}${want}`);
  const robots = findFirst(page.tree, (el) => el.tagName === 'meta' && attr(el, 'name') === 'robots');
  if (!robots || attr(robots, 'content') !== 'noindex') bad('no <meta name="robots" content="noindex">');
  if (findAll(page.tree, (el) => el.tagName === 'link' && hasAttr(el, 'hreflang')).length) bad('names hreflang alternates');
  const html = findFirst(page.tree, tag('html'));
  if (attr(html!, 'lang') !== htmlLang) bad(`<html lang="${attr(html!, 'lang')}">, expected ${htmlLang}`);
  const title = findFirst(page.tree, tag('title'));
  if (!title || !text(title).trim()) bad('no <title>');
  const mains = findAll(page.tree, tag('main'));
  if (mains.length !== 1 || attr(mains[0]!, 'id') !== 'main') bad('not exactly one <main id="main">');
  else {
    const links = findAll(mains[0]!, (el) => el.tagName === 'a' && attr(el, 'href') === want);
    if (links.length !== 1 || !text(links[0]!).trim()) bad(`<main> has no visible link to ${want}`);
    if (!text(findFirst(mains[0]!, tag('h1')) ?? mains[0]!).trim()) bad('no <h1>');
  }
  const first = findAll(page.tree, (el) => el.tagName === 'a' && hasAttr(el, 'href'))[0];
  if (!first || !hasClass(first, 'skip-link')) bad('the skip link is not the first link');
  if (findFirst(page.tree, (el) => hasAttr(el, 'data-pagefind-body'))) bad('has data-pagefind-body (would be in the search index)');
  const switcher = findFirst(page.tree, (el) => el.tagName === 'nav' && hasAttr(el, 'data-language-switcher'));
  if (!switcher) bad('no language switcher');
}

describe('redirect pages of the archive (dist/ against content/)', () => {
  let site: Site;
  beforeAll(() => {
    assertDistBuilt();
    site = readSite(DIST);
  });

  it('every redirects.yaml entry has its page in every locale it applies to, leading to the new page', () => {
    const result = checkRedirects(site, CONTENT);
    console.log(`[redirects] ${result.pages.length} redirect page(s) in dist/ from ${readRedirectFiles(path.join(CONTENT, 'reports')).length} redirects.yaml file(s)`);
    expect(result.problems).toEqual([]);
  });

  it('every page that refreshes is one of them (no stray redirect)', () => {
    const expected = new Set(checkRedirects(site, CONTENT).pages);
    const stray = [...site.pages.values()].filter((p) => redirectOf(p) && !expected.has(p.urlPath)).map((p) => p.urlPath);
    expect(stray).toEqual([]);
  });
});

describe('redirect pages of a one-report copy with the fixture redirects.yaml', () => {
  const fixture = path.join(ROOT, 'tests/fixtures/redirects/alibaba-health-2018.redirects.yaml');
  let copy: string;
  let dist: string | undefined;
  let site: Site;
  let result: Result;

  beforeAll(() => {
    copy = copyProject({ reports: ['alibaba-health/2018'], prefix: 'redirects-' });
    copyFileSync(fixture, path.join(copy, 'content/reports/alibaba-health/2018/redirects.yaml'));
    const built = buildSite(copy);
    if ('error' in built) throw new Error(built.error);
    dist = built.dir;
    site = readSite(dist);
    result = checkRedirects(site, path.join(copy, 'content'));
  }, 300_000);

  afterAll(() => {
    if (dist) rmSync(dist, { recursive: true, force: true });
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('has a page per entry and locale (the lang: en entry in /en/ only), each leading to the new page', () => {
    expect(result.problems).toEqual([]);
    // 3 entries × 3 locales + 1 entry for the English edition only
    expect(result.pages).toHaveLength(10);
    expect(result.pages).toContain('/en/alibaba-health/2018/esg-reporting-guide-index/');
    expect(existsSync(path.join(dist!, 'tc/alibaba-health/2018/esg-reporting-guide-index/index.html'))).toBe(false);
    expect(redirectOf(site.pages.get('/sc/alibaba-health/2018/reader-survey/')!)).toBe('/sc/alibaba-health/2018/');
  });

  it('passes the built-site checks of npm run check (links, anchors, html-validate) with no error', () => {
    const { problems } = checkSite(dist!, '<build>', readContentFiles(copy), copy);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  }, 120_000);

  it('the old URLs stay out of the sitemap while the new pages are in it', () => {
    const sitemap = readFileSync(path.join(dist!, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/en/alibaba-health/2018/p1-c1/<');
    expect(sitemap).not.toContain('one-stop-healthy-living-services');
  });
});
