/** The KPI series of an issuer's reports as the site shows them (kpi-series.ts with the archive's data and script folding). */
import { createConverter } from './script-convert.ts';
import { loadKpiArchive } from './kpi-data.ts';
import { issuerSeries, type KpiSeries, type SeriesLink } from './kpi-series.ts';

/** Traditional → Simplified, for keys that compare texts across scripts. */
export const toSimplified = createConverter({ from: 'zh-Hant', to: 'zh-Hans', quotes: false });
const cache = new Map<string, KpiSeries[]>();

export function loadIssuerSeries(issuer: string): KpiSeries[] {
  let s = cache.get(issuer);
  if (!s) {
    const reports = loadKpiArchive().filter((r) => r.issuer === issuer);
    const links = new Map<string, SeriesLink[]>(reports.map((r) => [r.year, r.series ?? []]));
    s = issuerSeries(reports, links, toSimplified);
    cache.set(issuer, s);
  }
  return s;
}

/** Issuers with KPI data in more than one report. */
export function issuersWithSeries(): string[] {
  const years = new Map<string, number>();
  for (const r of loadKpiArchive()) years.set(r.issuer, (years.get(r.issuer) ?? 0) + 1);
  return [...years].filter(([, n]) => n > 1).map(([i]) => i).sort();
}
