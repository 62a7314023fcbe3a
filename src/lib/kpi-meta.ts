/** What the KPI downloads say about their report (issuer, stock code, period, edition, URLs). */
import type { Archive } from './archive.ts';
import { kpiUrl, type ReportKpi } from './kpi-data.ts';

export function reportMeta<E>(archive: Archive<E>, data: ReportKpi): Record<string, unknown> {
  const report = archive.reports.find((r) => r.data.issuer === data.issuer && r.data.year === data.year);
  return {
    issuer: data.issuer,
    year: data.year,
    stockCode: report?.issuer.stockCode,
    issuerName: report?.issuer.name,
    title: report?.data.title,
    yearLabel: report?.data.yearLabel,
    period: report?.data.period,
    languages: report?.data.languages,
    hkexEdition: report?.data.hkexEdition,
    csv: kpiUrl.csv(data.issuer, data.year),
    json: kpiUrl.json(data.issuer, data.year),
  };
}
