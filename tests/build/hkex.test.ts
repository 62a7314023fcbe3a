// The HKEX cross-links in the BUILT site: the printed index of a report reproduced with the same
// statuses, a page for every code of every edition, every tagged section listed on its code page,
// in-text code links, and the coverage matrix. Expectations come from content/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, findAll, findFirst, text } from '../support/html.ts';
import { loadCatalogue, loadReports, sectionsFor } from '../support/content.ts';
import type { ReportInfo } from '../support/content.ts';
import { LOCALES } from '../support/locales.ts';
import { CONTENT, DIST, assertDistBuilt } from '../support/paths.ts';
import { readSite } from '../support/site.ts';
import type { Site } from '../support/site.ts';

let site: Site;
let reports: ReportInfo[];

beforeAll(() => {
  assertDistBuilt();
  site = readSite(DIST);
  reports = loadReports();
});

function page(urlPath: string) {
  const p = site.pages.get(urlPath);
  if (!p) throw new Error(`${urlPath} is not in dist/`);
  return p;
}

/** Rows of a printed index kept as a GFM table in a section (`| code | text | location |`). */
function printedIndexRows(file: string): { code: string; status: string }[] {
  const rows: { code: string; status: string }[] = [];
  let aspect = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim().replace(/\*\*/g, ''));
    if (cells.length < 3) continue;
    const [first, , location] = cells as [string, string, string];
    if (/^[AB]\d$/.test(first)) {
      aspect = first;
      continue;
    }
    const code = /^[AB]\d\.\d+$/.test(first) ? first : /^(一般披露|General Disclosure)$/.test(first) ? aspect : undefined;
    if (!code) continue;
    const status = /^(—|-)$/.test(location) ? 'not-reported' : /^(N\/A|不適用)$/.test(location) ? 'not-applicable' : 'disclosed';
    rows.push({ code, status });
  }
  return rows;
}

describe('a report index reproduces its printed index', () => {
  it('has every printed row with the printed status, in every locale', () => {
    let checked = 0;
    for (const report of reports) {
      const dir = path.join(CONTENT, 'reports', report.issuer, report.year, 'zh-Hant');
      if (!existsSync(dir)) continue;
      const indexFile = readdirSync(dir).find((f) => /-esg-index\.mdx$/.test(f));
      if (!indexFile) continue;
      const printed = printedIndexRows(path.join(dir, indexFile));
      expect(printed.length, `${indexFile}: printed rows`).toBeGreaterThan(0);
      expect(new Set(printed.map((r) => r.code)).size, `${indexFile}: codes are unique`).toBe(printed.length);
      for (const { locale } of LOCALES) {
        const index = page(`/${locale}/${report.issuer}/${report.year}/hkex-index/`);
        for (const row of printed) {
          const tr = findFirst(index.tree, (el) => el.tagName === 'tr' && attr(el, 'id') === `code-${row.code}`);
          expect(tr, `${index.urlPath}: row ${row.code}`).toBeDefined();
          expect(attr(tr!, 'data-status'), `${index.urlPath}: status of ${row.code}`).toBe(row.status);
          checked++;
        }
      }
    }
    expect(checked, 'no printed index was found in content/').toBeGreaterThan(0);
  });

  it('alibaba-health 2018: the 43 items of its printed index (11 general disclosures + 32 KPIs)', () => {
    const rows = printedIndexRows(path.join(CONTENT, 'reports/alibaba-health/2018/zh-Hant/17-esg-index.mdx'));
    expect(rows).toHaveLength(43);
    expect(rows.filter((r) => !r.code.includes('.'))).toHaveLength(11);
    expect(rows.filter((r) => r.status === 'not-applicable').map((r) => r.code)).toEqual(['A2.5']);
    expect(rows.filter((r) => r.status === 'not-reported').map((r) => r.code)).toEqual(['B1.2', 'B2.1', 'B2.2', 'B4.2', 'B7.1']);
  });
});

describe('editions with deleted items', () => {
  it('mark the deleted items of the referenced edition as deleted on the report index (JD Health: 2025 Code)', async () => {
    const { loadEdition, isDeleted } = await import('../../src/lib/frameworks.ts');
    let checked = 0;
    for (const report of reports) {
      const edition = loadEdition(String(report.hkexEdition), path.join(CONTENT, 'frameworks'));
      const deleted = edition.items.filter(isDeleted).map((i) => i.code);
      for (const { locale } of LOCALES) {
        const index = page(`/${locale}/${report.issuer}/${report.year}/hkex-index/`);
        for (const code of deleted) {
          const tr = findFirst(index.tree, (el) => el.tagName === 'tr' && attr(el, 'id') === `code-${code}`);
          expect(attr(tr!, 'data-status'), `${index.urlPath} ${code}`).toBe('deleted');
          checked++;
        }
      }
    }
    expect(checked, 'a report in the archive references an edition with deleted items').toBeGreaterThan(0);
  });
});

describe('code pages', () => {
  it('exist for every aspect, KPI and paragraph of every edition, in every locale', () => {
    const editions = readdirSync(path.join(CONTENT, 'frameworks')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(editions.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const edition of editions) {
      for (const item of loadCatalogue(edition).filter((i) => i.kind !== 'area')) {
        for (const { locale } of LOCALES) {
          const urlPath = `/${locale}/hkex/${edition}/${item.code}/`;
          const p = site.pages.get(urlPath);
          if (!p) missing.push(urlPath);
          else expect(attr(findFirst(p.tree, (el) => el.tagName === 'main')!, 'data-code')).toBe(item.code);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('list every section that tags the code, in every locale', () => {
    let checked = 0;
    for (const report of reports) {
      for (const { locale } of LOCALES) {
        for (const section of sectionsFor(report, locale)) {
          for (const code of section.codes) {
            const codePage = page(`/${locale}/hkex/${report.hkexEdition}/${code}/`);
            const href = `/${locale}/${report.issuer}/${report.year}/${section.id}/`;
            const links = findAll(codePage.tree, (el) => el.tagName === 'a' && attr(el, 'href') === href && attr(el, 'data-section') === section.id);
            expect(links.length, `${codePage.urlPath} lists ${href}`).toBeGreaterThan(0);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('in-text code links', () => {
  it('link code mentions in prose to a code page of the report edition, never inside headings', () => {
    let links = 0;
    for (const [urlPath, p] of site.pages) {
      const m = /^\/(en|tc|sc)\/([^/]+)\/([^/]+)\/([^/]+)\/$/.exec(urlPath);
      if (!m || m[2] === 'hkex') continue;
      const report = reports.find((r) => r.issuer === m[2] && r.year === m[3]);
      if (!report) continue;
      for (const a of findAll(p.tree, (el) => el.tagName === 'a' && (attr(el, 'class') ?? '').split(' ').includes('code-link'))) {
        const code = attr(a, 'data-code')!;
        const target = new URL(attr(a, 'href')!, `https://x${urlPath}`).pathname;
        expect(target, `${urlPath}: ${text(a)}`).toBe(`/${m[1]}/hkex/${report.hkexEdition}/${code}/`);
        expect(text(a)).toContain(code);
        links++;
      }
      for (const h of findAll(p.tree, (el) => /^h[1-6]$/.test(el.tagName))) {
        expect(findAll(h, (el) => (attr(el, 'class') ?? '').includes('code-link')), `${urlPath}: code link inside a heading`).toEqual([]);
      }
    }
    expect(links, 'the archive mentions codes in prose (the printed index at least)').toBeGreaterThan(0);
  });
});

describe('coverage matrix', () => {
  it('has a table per edition in use, a column per report, a status in text for every cell', () => {
    for (const { locale } of LOCALES) {
      const p = page(`/${locale}/hkex/coverage/`);
      const tables = findAll(p.tree, (el) => el.tagName === 'table');
      const editions = new Set(reports.map((r) => r.hkexEdition));
      expect(tables.map((t) => attr(t, 'data-edition')).sort()).toEqual([...editions].sort());
      for (const table of tables) {
        const edition = attr(table, 'data-edition')!;
        const cols = reports.filter((r) => r.hkexEdition === edition).length;
        const cells = findAll(table, (el) => el.tagName === 'td');
        const items = loadCatalogue(edition).filter((i) => i.kind !== 'area').length;
        expect(cells.length, `${p.urlPath} ${edition}`).toBe(cols * items);
        for (const td of cells) expect(text(td).replace(/\s+/g, ' ').trim()).toMatch(/^\S+ \S.*/);
      }
    }
  });
});
