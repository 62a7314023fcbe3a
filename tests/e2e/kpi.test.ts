// KPI data pages in a real browser: axe (WCAG 2.2 AA tags) with zero violations in all three
// locales for every report that has data, charts as accessible SVG images, no client script,
// downloads served with the BOM / as JSON.
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/e2e.ts';
import { formatViolations, runAxe } from '../support/axe.ts';
import { CONTENT } from '../support/paths.ts';

const site = useSite();
const reports = readdirSync(path.join(CONTENT, 'reports')).flatMap((i) =>
  readdirSync(path.join(CONTENT, 'reports', i)).filter((y) => existsSync(path.join(CONTENT, 'reports', i, y, 'data', 'kpi.csv'))).map((y) => ({ issuer: i, year: y })));

describe('KPI data pages', () => {
  it('there is KPI data to test', () => expect(reports.length).toBeGreaterThan(0));
  for (const { issuer, year } of reports) {
    for (const locale of ['en', 'tc', 'sc'] as const) {
      it(`/${locale}/${issuer}/${year}/data/: axe finds no violations; charts are labelled images; no scripts of its own`, async () => {
        const { server, newPage } = site();
        const page = await newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
        const res = await page.goto(`${server.origin}/${locale}/${issuer}/${year}/data/`);
        expect(res?.status()).toBe(200);
        const violations = await runAxe(page);
        expect(violations, formatViolations(`/${locale}/${issuer}/${year}/data/`, violations)).toEqual([]);
        const charts = await page.$$eval('figure.kpi-chart svg', (svgs) => svgs.map((s) => ({
          role: s.getAttribute('role'),
          named: (s.getAttribute('aria-labelledby') ?? '').split(' ').every((id) => (document.getElementById(id)?.textContent ?? '').trim().length > 0),
          table: !!s.closest('.kpi-block')?.querySelector('table'),
        })));
        for (const c of charts) expect(c).toEqual({ role: 'img', named: true, table: true });
        expect(await page.locator('table.kpi-table').count()).toBeGreaterThan(0);
        expect(await page.locator('main script, .kpi-block [onclick]').count()).toBe(0);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }
  it('downloads: CSV with a BOM, JSON with numbers', async () => {
    const { server } = site();
    const { issuer, year } = reports[0];
    const csv = Buffer.from(await (await fetch(`${server.origin}/data/${issuer}/${year}.csv`)).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = await (await fetch(`${server.origin}/data/${issuer}/${year}.json`)).json();
    const values = json.rows.flatMap((r: { values: Record<string, unknown> }) => Object.values(r.values));
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v === null || typeof v === 'number').toBe(true);
    const archive = await (await fetch(`${server.origin}/data/archive.json`)).json();
    expect(archive.reports.map((r: { issuer: string; year: string }) => `${r.issuer}/${r.year}`)).toEqual(reports.map((r) => `${r.issuer}/${r.year}`));
  });
});
