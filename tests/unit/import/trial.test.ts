/**
 * Issue 14's acceptance trial: reports written for the trial in layouts unlike the route fixtures,
 * typeset by ordinary tools (Chromium for the PDF, the `docx` package for the Word drafts, one with
 * headings by direct formatting only), imported with no overrides by every route and measured
 * against the headings each document carries (tests/fixtures/import/trial/README.md,
 * scripts/fixtures/make-trial-fixtures.ts, scripts/fixtures/trial-measure.ts).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { expectedOf, importRoute, measure, routeFile, ROUTES, type Measured, type Route } from '../../../scripts/fixtures/trial-measure.ts';

/** The measured figures: sections (h2) found, tables kept as printed, furniture lines left in the text. */
const FIGURES: Record<string, Partial<Record<Route, Pick<Measured, 'sectionsFound' | 'tablesKept'> & { furnitureLeft: number; units: number }>>> = {
  'en-harbourland': {
    text: { units: 18, sectionsFound: 13, tablesKept: 2, furnitureLeft: 5 },
    pdf: { units: 18, sectionsFound: 13, tablesKept: 2, furnitureLeft: 0 },
    docx: { units: 18, sectionsFound: 13, tablesKept: 3, furnitureLeft: 0 },
    'docx-direct': { units: 18, sectionsFound: 13, tablesKept: 3, furnitureLeft: 0 },
  },
  'zh-hant-lingdong': {
    text: { units: 6, sectionsFound: 0, tablesKept: 3, furnitureLeft: 6 },
    pdf: { units: 6, sectionsFound: 11, tablesKept: 3, furnitureLeft: 0 },
    docx: { units: 6, sectionsFound: 11, tablesKept: 3, furnitureLeft: 0 },
    'docx-direct': { units: 14, sectionsFound: 11, tablesKept: 3, furnitureLeft: 0 },
  },
};

describe.each(Object.keys(FIGURES))('trial %s', (c) => {
  const e = expectedOf(c);
  it.each(ROUTES.filter((r) => existsSync(routeFile(c, r))))('%s route: every chapter found, in order, nothing else; fidelity ≥ 99.5 %', async (route) => {
    const r = await importRoute(c, route);
    const m = measure(r, e);
    expect([m.recall, m.precision, m.inOrder], `${route}: extra ${m.extra.join(', ')}; missing ${m.missing.join(', ')}`).toEqual([1, 1, true]);
    expect(m.fidelity).toBeGreaterThanOrEqual(0.995);
    expect(m.strayTitles).toEqual([]); // no unit titled with a sentence fragment or a cover line
    expect(m.largestShare).toBeLessThan(0.3);
    const f = FIGURES[c][route]!;
    expect({ units: m.units, sectionsFound: m.sectionsFound, tablesKept: m.tablesKept, furnitureLeft: m.furnitureLeft.length }).toEqual(f);
  });
});
