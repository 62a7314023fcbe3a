// Checks the BUILT site in dist/ against the site contract. Expectations (reports, section ids,
// tagged codes) come from content/, never from hard-coded lists. Run `npm run build` first.
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, findAll, findFirst, hasAttr, hasClass, tag, text as text_, visibleBodyText } from '../support/html.ts';
import type { Element } from '../support/html.ts';
import { loadCatalogue, loadReports, sectionsFor } from '../support/content.ts';
import type { ReportInfo } from '../support/content.ts';
import { LOCALES, localeOfPath } from '../support/locales.ts';
import type { Locale } from '../support/locales.ts';
import { CONTENT, DIST, assertDistBuilt } from '../support/paths.ts';
import { hashTree, readSite, redirectOf, resolveUrlPath } from '../support/site.ts';
import type { Page, Site } from '../support/site.ts';
import { existsSync, readFileSync } from 'node:fs';
import { createConverter, loadDictionaries } from '../../src/lib/script-convert.ts';
import { checkLinks, fileToUrl, internalUrl as siteInternalUrl, type BrokenLink } from '../../src/lib/site-links.ts';
import path from 'node:path';

let site: Site;
let reports: ReportInfo[];
/** Origin of the public site, taken from the canonical URL of the English archive home. */
let siteOrigin: string | undefined;

beforeAll(() => {
  assertDistBuilt(); // "dist/ not found … — run npm run build first"
  site = readSite(DIST);
  reports = loadReports();
  const canonical = site.pages.get('/en/') && linkRel(site.pages.get('/en/')!, 'canonical')[0];
  const href = canonical && attr(canonical, 'href');
  if (href && /^https?:\/\//.test(href)) siteOrigin = new URL(href).origin;
});

// ---------- helpers ----------

function linkRel(page: Page, rel: string): Element[] {
  return findAll(page.tree, (el) => el.tagName === 'link' && (attr(el, 'rel') ?? '').split(/\s+/).includes(rel));
}

function htmlLang(page: Page): string | undefined {
  const html = findFirst(page.tree, tag('html'));
  return html && attr(html, 'lang');
}

function pagesOfLocale(locale: Locale): Page[] {
  return [...site.pages.values()].filter((p) => localeOfPath(p.urlPath) === locale);
}

const reportPath = (l: Locale, r: ReportInfo) => `/${l}/${r.issuer}/${r.year}/`;

/** Expected locale pages, derived from content/. */
function expectedPages(): { locale: Locale; urlPath: string; kind: string }[] {
  const out: { locale: Locale; urlPath: string; kind: string }[] = [];
  for (const { locale } of LOCALES) {
    out.push({ locale, urlPath: `/${locale}/`, kind: 'archive home' });
    for (const r of reports) {
      out.push({ locale, urlPath: reportPath(locale, r), kind: 'report home' });
      out.push({ locale, urlPath: `${reportPath(locale, r)}hkex-index/`, kind: 'HKEX index' });
      for (const s of sectionsFor(r, locale)) out.push({ locale, urlPath: `${reportPath(locale, r)}${s.id}/`, kind: `section ${s.id}` });
    }
  }
  return out;
}

/** A link of `page` as a site-internal URL (absolute ones on the site's origin included), else undefined. */
const internalUrl = (page: Page, value: string): URL | undefined => siteInternalUrl(page.urlPath, value, siteOrigin);

function fail(problems: string[], what: string): void {
  if (problems.length) {
    const shown = problems.slice(0, 60).join('\n  ');
    expect.fail(`${problems.length} ${what}:\n  ${shown}${problems.length > 60 ? `\n  … and ${problems.length - 60} more` : ''}`);
  }
}

// ---------- tests ----------

describe('content expectations', () => {
  it('content/ has at least one report with English and Traditional Chinese sections', () => {
    expect(reports.length, 'no content/reports/<issuer>/<year>/report.yaml found').toBeGreaterThan(0);
    for (const r of reports) {
      for (const { locale } of LOCALES) {
        expect(sectionsFor(r, locale).length, `${r.issuer}/${r.year} has no sections for /${locale}/`).toBeGreaterThan(0);
      }
    }
  });
});

describe('pages', () => {
  it('has the language chooser /index.html linking to every locale', () => {
    const root = site.pages.get('/');
    expect(root, 'dist/index.html').toBeDefined();
    const hrefs = findAll(root!.tree, tag('a')).map((a) => internalUrl(root!, attr(a, 'href') ?? '')?.pathname);
    for (const { locale } of LOCALES) expect(hrefs, `/index.html links to /${locale}/`).toContain(`/${locale}/`);
  });

  it('has every archive home, report home, HKEX index and section page in every locale', () => {
    const missing = expectedPages()
      .filter((p) => !site.pages.has(p.urlPath))
      .map((p) => `${p.urlPath} (${p.kind}) → expected dist${p.urlPath}index.html`);
    fail(missing, 'expected pages missing');
  });

  it('publishes the same section ids in every locale of a report', () => {
    for (const r of reports) {
      const ids = (l: Locale) =>
        pagesOfLocale(l)
          .filter((p) => !redirectOf(p)) // old URLs may be redirected in one edition only
          .map((p) => p.urlPath)
          .filter((u) => u.startsWith(reportPath(l, r)) && u.split('/').length === 6)
          .map((u) => u.split('/')[4])
          .sort();
      expect(ids('tc'), `${r.issuer}/${r.year}: /tc/ vs /en/ page set`).toEqual(ids('en'));
      expect(ids('sc'), `${r.issuer}/${r.year}: /sc/ vs /en/ page set`).toEqual(ids('en'));
    }
  });

  it('section pages show the title of the edition they come from in their <h1> (converted to the locale script when not authored in it)', () => {
    const bad: string[] = [];
    const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
    const dictionary = loadDictionaries(path.join(CONTENT, 'dictionaries'));
    const toHant = createConverter({ from: 'zh-Hans', to: 'zh-Hant', dictionary });
    const toHans = createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary });
    for (const r of reports) {
      const authored = Object.keys(r.sections);
      for (const locale of ['en', 'tc', 'sc'] as const) {
        for (const s of sectionsFor(r, locale)) {
          const page = site.pages.get(`${reportPath(locale, r)}${s.id}/`);
          if (!page) continue;
          const main = findFirst(page.tree, (el) => el.tagName === 'main');
          const h1 = main && findFirst(main, tag('h1'));
          const text = h1 ? norm(text_(h1)) : '';
          const title =
            locale === 'tc' && !authored.includes('zh-Hant') ? toHant(s.title) : locale === 'sc' && !authored.includes('zh-Hans') ? toHans(s.title) : s.title;
          if (!text.includes(norm(title))) bad.push(`${page.urlPath}: <h1> "${text}" does not contain "${s.title}" (${path.relative(CONTENT, s.file)})`);
        }
      }
    }
    fail(bad, 'section titles not from the expected content language');
  });

  it('has /404.html', () => {
    expect(site.pages.has('/404.html'), 'dist/404.html').toBe(true);
  });

  it('reports page counts per locale', () => {
    const counts = Object.fromEntries(LOCALES.map(({ locale }) => [locale, pagesOfLocale(locale).length]));
    console.log(`[site] ${site.pages.size} HTML pages, ${site.files.length} files; per locale: ${JSON.stringify(counts)}`);
    for (const { locale } of LOCALES) expect(counts[locale]).toBeGreaterThan(0);
  });
});

describe('<html lang>', () => {
  for (const { locale, htmlLang: expected } of LOCALES) {
    it(`every /${locale}/ page has lang="${expected}"`, () => {
      const pages = pagesOfLocale(locale);
      expect(pages.length).toBeGreaterThan(0);
      const wrong = pages.filter((p) => htmlLang(p) !== expected).map((p) => `${p.urlPath}: lang=${JSON.stringify(htmlLang(p))}`);
      fail(wrong, `/${locale}/ pages with a wrong <html lang> (expected "${expected}")`);
    });
  }

  it('the language chooser and 404 page declare a lang', () => {
    for (const u of ['/', '/404.html']) {
      const p = site.pages.get(u);
      if (p) expect(htmlLang(p), `${u} <html lang>`).toBeTruthy();
    }
  });
});

describe('links', () => {
  // The checker `npm run check` runs on a built site (src/lib/site-links.ts), over dist/.
  const links = () =>
    checkLinks(
      [...site.pages.values()].map((p) => ({ file: p.file, html: p.html })),
      site.files,
      { origin: siteOrigin, trees: new Map([...site.pages.values()].map((p) => [p.file, p.tree])) },
    );
  const shown = (b: BrokenLink) => `${fileToUrl(b.page)}: <${b.tag} ${b.attr}="${b.value}"> → ${b.target}${b.fragment === undefined ? ' not in dist/' : ` has no id="${b.fragment}"`}`;

  it('every internal link, src and srcset resolves to a file in dist/', () => {
    const report = links();
    expect(report.links).toBeGreaterThan(report.pages);
    fail(report.broken.filter((b) => b.kind === 'missing').map(shown), 'broken internal links');
  });

  it('every #fragment resolves to an id in its target page', () => {
    const report = links();
    expect(report.anchors).toBeGreaterThan(0);
    fail(report.broken.filter((b) => b.kind === 'anchor').map(shown), 'dangling #anchors');
  });

  it('every locale page has a language switcher with links to en, tc and sc', () => {
    const bad: string[] = [];
    for (const { locale } of LOCALES) {
      for (const page of pagesOfLocale(locale)) {
        const nav = findFirst(page.tree, (el) => el.tagName === 'nav' && hasAttr(el, 'data-language-switcher'));
        if (!nav) {
          bad.push(`${page.urlPath}: no <nav data-language-switcher>`);
          continue;
        }
        if (!attr(nav, 'aria-label')) bad.push(`${page.urlPath}: language switcher <nav> has no aria-label`);
        const locales = findAll(nav, (el) => el.tagName === 'a' && hasAttr(el, 'data-locale')).map((a) => attr(a, 'data-locale'));
        for (const l of LOCALES) if (!locales.includes(l.locale)) bad.push(`${page.urlPath}: switcher has no <a data-locale="${l.locale}">`);
      }
    }
    fail(bad, 'language switcher problems');
  });

  it('the language switcher keeps the page: /en/x/ ↔ /tc/x/ ↔ /sc/x/', () => {
    const bad: string[] = [];
    for (const { locale } of LOCALES) {
      for (const page of pagesOfLocale(locale)) {
        const nav = findFirst(page.tree, (el) => el.tagName === 'nav' && hasAttr(el, 'data-language-switcher'));
        if (!nav || redirectOf(page)) continue; // reported above; a redirect page's switcher goes to the new page
        for (const a of findAll(nav, (el) => el.tagName === 'a' && hasAttr(el, 'data-locale'))) {
          const to = attr(a, 'data-locale')!;
          const target = internalUrl(page, attr(a, 'href') ?? '')?.pathname;
          const expected = page.urlPath.replace(/^\/(en|tc|sc)\//, `/${to}/`);
          if (site.pages.has(expected) && target !== expected) bad.push(`${page.urlPath}: data-locale="${to}" → ${target}, expected ${expected}`);
        }
      }
    }
    fail(bad, 'language switcher links that do not keep the page');
  });
});

describe('landmarks', () => {
  it('every locale page has one <main id="main"> and a skip link <a class="skip-link" href="#main"> before it', () => {
    const bad: string[] = [];
    for (const { locale } of LOCALES) {
      for (const page of pagesOfLocale(locale)) {
        const mains = findAll(page.tree, tag('main'));
        if (mains.length !== 1 || attr(mains[0], 'id') !== 'main') bad.push(`${page.urlPath}: ${mains.length} <main>, id=${JSON.stringify(mains[0] && attr(mains[0], 'id'))}`);
        const links = findAll(page.tree, (el) => el.tagName === 'a' && attr(el, 'href') !== undefined);
        const skip = links.findIndex((a) => hasClass(a, 'skip-link') && attr(a, 'href') === '#main');
        if (skip === -1) bad.push(`${page.urlPath}: no <a class="skip-link" href="#main">`);
        else if (skip !== 0) bad.push(`${page.urlPath}: the skip link is link #${skip + 1}, not the first link in the document`);
      }
    }
    fail(bad, 'landmark / skip link problems');
  });
});

describe('head: hreflang alternates and canonical', () => {
  it('the site origin is known from the canonical URL of /en/', () => {
    expect(siteOrigin, '/en/ has <link rel="canonical" href="https://…">').toMatch(/^https?:\/\//);
  });

  it('every locale page has hreflang alternates for en, zh-Hant-HK and zh-Hans-CN pointing to existing pages in that language', () => {
    const bad: string[] = [];
    for (const { locale } of LOCALES) {
      for (const page of pagesOfLocale(locale)) {
        if (redirectOf(page)) continue; // a redirect page names no alternates (redirects.test.ts)
        const alternates = linkRel(page, 'alternate').filter((l) => hasAttr(l, 'hreflang'));
        for (const want of LOCALES) {
          const alt = alternates.find((l) => attr(l, 'hreflang') === want.htmlLang);
          if (!alt) {
            bad.push(`${page.urlPath}: no <link rel="alternate" hreflang="${want.htmlLang}">`);
            continue;
          }
          const href = attr(alt, 'href') ?? '';
          const u = internalUrl(page, href);
          const file = u && resolveUrlPath(DIST, u.pathname);
          const target = file && site.pageByFile.get(file);
          if (!target) bad.push(`${page.urlPath}: hreflang="${want.htmlLang}" href="${href}" does not resolve to a page in dist/`);
          else if (htmlLang(target) !== want.htmlLang)
            bad.push(`${page.urlPath}: hreflang="${want.htmlLang}" → ${target.urlPath} which has lang=${JSON.stringify(htmlLang(target))}`);
          else if (want.locale === locale && target.urlPath !== page.urlPath)
            bad.push(`${page.urlPath}: its own hreflang="${want.htmlLang}" points to ${target.urlPath}, not to itself`);
        }
      }
    }
    fail(bad, 'hreflang problems');
  });

  it('every page except 404 has exactly one absolute canonical URL equal to its own URL', () => {
    const bad: string[] = [];
    for (const page of site.pages.values()) {
      if (page.urlPath === '/404.html' || page.urlPath.startsWith('/pagefind/') || redirectOf(page)) continue; // redirects.test.ts: canonical = new page
      const links = linkRel(page, 'canonical');
      if (links.length !== 1) {
        bad.push(`${page.urlPath}: ${links.length} <link rel="canonical">`);
        continue;
      }
      const href = attr(links[0], 'href') ?? '';
      if (!/^https?:\/\//.test(href)) bad.push(`${page.urlPath}: canonical "${href}" is not absolute`);
      else if (new URL(href).origin !== siteOrigin) bad.push(`${page.urlPath}: canonical "${href}" not on ${siteOrigin}`);
      else if (new URL(href).pathname !== page.urlPath) bad.push(`${page.urlPath}: canonical "${href}" is not this page`);
    }
    fail(bad, 'canonical problems');
  });
});

describe('sitemap', () => {
  const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));

  it('sitemap-index.xml points to sitemap-0.xml', () => {
    const index = readFileSync(path.join(DIST, 'sitemap-index.xml'), 'utf8');
    expect(locs(index).map((u) => new URL(u).pathname)).toContain('/sitemap-0.xml');
  });

  it('sitemap-0.xml lists every expected page, each existing in dist/, and not 404', () => {
    const xml = readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8');
    const listed = locs(xml);
    expect(listed.length).toBeGreaterThan(0);
    const paths = new Set(listed.map((u) => new URL(u).pathname));
    const problems: string[] = [];
    for (const u of listed) {
      if (siteOrigin && new URL(u).origin !== siteOrigin) problems.push(`${u}: not on ${siteOrigin}`);
      if (!resolveUrlPath(DIST, new URL(u).pathname)) problems.push(`${u}: listed but not in dist/`);
    }
    for (const p of expectedPages()) if (!paths.has(p.urlPath)) problems.push(`${p.urlPath} (${p.kind}): not listed`);
    // and every other locale page too (e.g. later /{l}/hkex/… and /{l}/search/ pages)
    const expected = new Set(expectedPages().map((p) => p.urlPath));
    for (const { locale } of LOCALES)
      for (const page of pagesOfLocale(locale)) {
        if (redirectOf(page)) {
          if (paths.has(page.urlPath)) problems.push(`${page.urlPath}: a redirect page, listed`);
        } else if (!expected.has(page.urlPath) && !paths.has(page.urlPath)) problems.push(`${page.urlPath}: in dist/ but not listed`);
      }
    if (paths.has('/404.html') || paths.has('/404/')) problems.push('404 page is listed');
    fail(problems, 'sitemap problems');
  });
});

describe('HKEX codes', () => {
  it('every code a section tags has a code chip on the section page linking to its index row', () => {
    const bad: string[] = [];
    for (const r of reports) {
      for (const { locale } of LOCALES) {
        for (const s of sectionsFor(r, locale)) {
          const page = site.pages.get(`${reportPath(locale, r)}${s.id}/`);
          if (!page) continue; // reported in "pages"
          const chips = findAll(page.tree, (el) => el.tagName === 'a' && hasClass(el, 'code-chip'));
          for (const code of s.codes) {
            const chip = chips.find((c) => attr(c, 'data-code') === code);
            const want = `${reportPath(locale, r)}hkex-index/#code-${code}`;
            if (!chip) bad.push(`${page.urlPath}: no <a class="code-chip" data-code="${code}">`);
            else if (attr(chip, 'href') !== want) bad.push(`${page.urlPath}: chip ${code} href="${attr(chip, 'href')}", expected "${want}"`);
          }
        }
      }
    }
    fail(bad, 'code chip problems');
  });

  it('the HKEX index has a row per tagged code (disclosed, linking to the section) and per comply entry', () => {
    const bad: string[] = [];
    const STATUSES = ['disclosed', 'not-applicable', 'explained', 'not-reported', 'no-data', 'deleted'];
    for (const r of reports) {
      for (const { locale } of LOCALES) {
        const page = site.pages.get(`${reportPath(locale, r)}hkex-index/`);
        if (!page) continue;
        const trs = findAll(page.tree, (el) => el.tagName === 'tr' && (attr(el, 'id') ?? '').startsWith('code-'));
        const rows = new Map(trs.map((tr) => [attr(tr, 'id')!.slice(5), tr]));
        if (rows.size === 0) bad.push(`${page.urlPath}: no <tr id="code-…"> rows`);
        for (const [code, tr] of rows) {
          const st = attr(tr, 'data-status');
          if (!st || !STATUSES.includes(st)) bad.push(`${page.urlPath}: <tr id="code-${code}"> data-status=${JSON.stringify(st)}, expected one of ${STATUSES.join('|')}`);
        }
        // one row per catalogue item of the report's edition
        const catalogue = r.hkexEdition ? loadCatalogue(r.hkexEdition) : [];
        if (r.hkexEdition && catalogue.length === 0) bad.push(`content/frameworks/${r.hkexEdition}.yaml has no items`);
        for (const item of catalogue) {
          if (item.kind === 'area') continue; // subject areas (A, B) are headings, not disclosures
          const n = trs.filter((tr) => attr(tr, 'id') === `code-${item.code}`).length;
          if (n !== 1) bad.push(`${page.urlPath}: ${n} <tr id="code-${item.code}"> rows for catalogue item ${item.code}${item.kind ? ` (${item.kind})` : ''}, expected 1`);
        }
        const tagged = new Map<string, string[]>();
        for (const s of sectionsFor(r, locale)) for (const c of s.codes) tagged.set(c, [...(tagged.get(c) ?? []), s.id]);
        for (const [code, ids] of tagged) {
          const tr = rows.get(code);
          if (!tr) {
            bad.push(`${page.urlPath}: no <tr id="code-${code}"> (tagged in ${ids.join(', ')})`);
            continue;
          }
          if (attr(tr, 'data-status') !== 'disclosed') bad.push(`${page.urlPath}: row ${code} data-status="${attr(tr, 'data-status')}", expected "disclosed"`);
          const links = findAll(tr, (el) => el.tagName === 'a' && hasAttr(el, 'data-section'));
          for (const id of ids) {
            const a = links.find((l) => attr(l, 'data-section') === id);
            if (!a) bad.push(`${page.urlPath}: row ${code} has no <a data-section="${id}">`);
            else if (internalUrl(page, attr(a, 'href') ?? '')?.pathname !== `${reportPath(locale, r)}${id}/`)
              bad.push(`${page.urlPath}: row ${code} section link href="${attr(a, 'href')}"`);
          }
        }
        for (const c of r.comply) {
          if (tagged.has(c.code)) continue;
          const tr = rows.get(c.code);
          if (!tr) bad.push(`${page.urlPath}: no <tr id="code-${c.code}"> (comply: ${c.status})`);
          else if (attr(tr, 'data-status') !== c.status) bad.push(`${page.urlPath}: row ${c.code} data-status="${attr(tr, 'data-status')}", expected "${c.status}"`);
        }
      }
    }
    fail(bad, 'HKEX index problems');
  });
});

describe('Simplified Chinese', () => {
  interface Script {
    /** Traditional-only characters left in a text (traditionalOnlyChars from src/lib/script-convert.ts). */
    tradOnly: (text: string) => string[];
    /** zh-Hans → zh-Hant conversion (to spot Simplified text labelled as Traditional). */
    toHant: (text: string) => string;
  }
  let script: Script | undefined;
  async function scriptTools(): Promise<Script> {
    if (script) return script;
    const mod = (await import('../../src/lib/script-convert.ts').catch((err: unknown) => {
      throw new Error(`src/lib/script-convert.ts could not be imported (expected export traditionalOnlyChars): ${String(err)}`);
    })) as Record<string, unknown>;
    const fn = mod.traditionalOnlyChars as ((text: string, dict?: unknown) => string[]) | undefined;
    if (typeof fn !== 'function') throw new Error(`src/lib/script-convert.ts has no function "traditionalOnlyChars" (exports: ${Object.keys(mod).join(', ')})`);
    const load = mod.loadDictionaries as ((dir: string) => unknown) | undefined;
    const dictDir = path.join(CONTENT, 'dictionaries');
    const dictionary = typeof load === 'function' && existsSync(dictDir) ? load(dictDir) : undefined;
    const create = mod.createConverter as ((o: Record<string, unknown>) => (t: string) => string) | undefined;
    script = {
      tradOnly: (text) => fn(text, dictionary),
      toHant: typeof create === 'function' ? create({ from: 'zh-Hans', to: 'zh-Hant', dictionary, quotes: false }) : (t) => t,
    };
    return script;
  }

  /**
   * Elements that declare a language other than Simplified Chinese (lang="en", lang="zh-Hant-HK", …),
   * or hold authored Simplified text (class no-convert): the check is about converted text.
   */
  const otherLang = (el: Element) => {
    const l = attr(el, 'lang');
    if ((attr(el, 'class') ?? '').split(/\s+/).includes('no-convert')) return true;
    return l !== undefined && l !== '' && !l.toLowerCase().startsWith('zh-hans');
  };
  const visibleTitle = (el: Element) => el.children.map((c) => ('value' in c ? String(c.value) : '')).join('');

  /**
   * Reader-facing text of an /sc/ page: body text, <title>, and alt/title/aria-label/placeholder,
   * minus subtrees explicitly in another language (e.g. the switcher's "繁體中文" in <a lang="zh-Hant-HK">).
   */
  function simplifiedText(page: Page): string {
    const exempt = new Set<Element>();
    for (const el of findAll(page.tree, otherLang)) for (const d of findAll(el, () => true)) exempt.add(d);
    const attrText = findAll(page.tree, (el) => !exempt.has(el))
      .flatMap((el) => ['alt', 'title', 'aria-label', 'placeholder'].map((a) => attr(el, a) ?? ''))
      .filter(Boolean);
    const title = findFirst(page.tree, tag('title'));
    return [visibleBodyText(page.tree, otherLang), title ? visibleTitle(title) : '', ...attrText].join('\n');
  }

  it('/sc/ text (body, <title>, alt/title/aria-label/placeholder) has no Traditional-only characters', async () => {
    const { tradOnly } = await scriptTools();
    // Pages of a report authored in Simplified show the issuer's own text, not a conversion.
    const authoredPrefixes = reports.filter((r) => r.sections['zh-Hans']?.length).map((r) => `${reportPath('sc', r)}`);
    const pages = pagesOfLocale('sc').filter((p) => !authoredPrefixes.some((prefix) => p.urlPath.startsWith(prefix)));
    expect(pages.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const page of pages) {
      const text = simplifiedText(page);
      const found = tradOnly(text);
      if (found.length) {
        const where = found.slice(0, 8).map((c) => {
          const i = text.indexOf(c);
          return `${c} in "…${text.slice(Math.max(0, i - 8), i + 9).replace(/\s+/g, ' ')}…"`;
        });
        bad.push(`${page.urlPath}: ${found.join('')}\n      ${where.join('\n      ')}`);
      }
    }
    fail(bad, '/sc/ pages with Traditional-only characters');
  });

  it('/sc/ pages do not label Simplified text as Traditional (lang="zh-Hant…" on converted text)', async () => {
    const { toHant } = await scriptTools();
    const bad: string[] = [];
    for (const page of pagesOfLocale('sc')) {
      const hant = findAll(page.tree, (el) => (attr(el, 'lang') ?? '').toLowerCase().startsWith('zh-hant'));
      for (const el of hant) {
        const text = visibleBodyText({ type: 'root', children: [{ type: 'element', tagName: 'body', properties: {}, children: [el] }] }).trim();
        if (text && toHant(text) !== text) bad.push(`${page.urlPath}: <${el.tagName} lang="${attr(el, 'lang')}">${text.slice(0, 40)}</${el.tagName}> is Simplified text`);
      }
    }
    fail(bad, 'elements with a Traditional lang holding Simplified text on /sc/');
  });

  it('the check is not vacuous: /tc/ pages do contain Traditional-only characters', async () => {
    const { tradOnly } = await scriptTools();
    const hits = pagesOfLocale('tc').filter((p) => tradOnly(visibleBodyText(p.tree)).length > 0);
    expect(hits.length, 'traditionalOnlyChars finds nothing in any /tc/ page').toBeGreaterThan(0);
  });
});

describe('deterministic output', () => {
  it('lists a content hash of every file in dist/', () => {
    const { files, digest } = hashTree(DIST);
    expect(files.size).toBe(site.files.length);
    console.log(`[site] dist/ digest ${digest} over ${files.size} files (npm run bench builds twice and compares)`);
  });
});
