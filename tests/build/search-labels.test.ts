// Each report's search.json (src/pages/[locale]/[issuer]/[year]/search.json.ts): how the search
// page labels results and lists a report's chapters without carrying the archive itself.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportSearchLabel } from '../../src/lib/search-labels.ts';
import { loadDictionaries, traditionalOnlyChars } from '../../src/lib/script-convert.ts';
import { loadReports } from '../support/content.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';

assertDistBuilt();
const reports = loadReports();
const dictionary = loadDictionaries();
const read = (locale: string, issuer: string, year: string) =>
  JSON.parse(readFileSync(path.join(DIST, locale, issuer, year, 'search.json'), 'utf8')) as ReportSearchLabel;
const texts = (l: ReportSearchLabel) => [l.issuer, l.year, l.title, ...l.chapters.map((c) => c.title)];

describe("each report's search label", () => {
  it('exists for every report in every locale, with the chapters of report.yaml as filter values', () => {
    for (const r of reports) {
      const chapters = ((r.meta.chapters ?? []) as { id: string }[]).map((c) => `${r.issuer}/${r.year}/${c.id}`);
      for (const locale of ['en', 'tc', 'sc']) {
        const file = path.join(DIST, locale, r.issuer, r.year, 'search.json');
        expect(existsSync(file), file).toBe(true);
        const label = read(locale, r.issuer, r.year);
        expect(label.chapters.map((c) => c.value), `${locale} ${r.issuer}/${r.year}`).toEqual(chapters);
        for (const t of texts(label)) expect(t.text.trim(), `${locale} ${r.issuer}/${r.year}`).not.toBe('');
      }
    }
    expect(reports.some((r) => ((r.meta.chapters ?? []) as unknown[]).length > 0)).toBe(true);
  });

  it("is written in the locale's script: /sc/ text has no Traditional-only character", () => {
    let chinese = 0;
    for (const r of reports) {
      for (const t of texts(read('sc', r.issuer, r.year))) {
        if (t.lang) continue;
        expect(traditionalOnlyChars(t.text, dictionary), `${r.issuer}/${r.year}: ${t.text}`).toEqual([]);
        if (traditionalOnlyChars(t.text, dictionary).length === 0 && /\p{Script=Han}/u.test(t.text)) chinese++;
      }
    }
    expect(chinese).toBeGreaterThan(0);
  });

  it('marks Chinese text on /en/ with its language (a report without an English edition)', () => {
    const chineseOnly = reports.filter((r) => !r.sections.en?.length);
    expect(chineseOnly.length).toBeGreaterThan(0);
    for (const r of chineseOnly) {
      const title = read('en', r.issuer, r.year).title;
      if (/\p{Script=Han}/u.test(title.text)) expect(title.lang, `${r.issuer}/${r.year}`).toMatch(/^zh-Han[st]-/);
    }
  });

  it('keeps the search page free of report lists: no chapter option and no report title in it', () => {
    for (const locale of ['en', 'tc', 'sc']) {
      const html = readFileSync(path.join(DIST, locale, 'search', 'index.html'), 'utf8');
      expect(html).not.toContain('data-search-reports');
      expect((html.match(/<option/g) ?? []).length, locale).toBeLessThan(40);
      for (const r of reports) expect(html, `${locale} ${r.issuer}/${r.year}`).not.toContain(read(locale, r.issuer, r.year).title.text);
    }
  });
});
