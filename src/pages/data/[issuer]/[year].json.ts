/** `/data/{issuer}/{year}.json`: the report's KPI data with numbers as numbers (docs/kpi-data.md). */
import { buildsIssuer } from '../../../lib/build-part.ts';
import type { APIRoute } from 'astro';
import { loadArchive } from '../../../lib/load-archive.ts';
import { loadKpiArchive, reportJson, type ReportKpi } from '../../../lib/kpi-data.ts';
import { reportMeta } from '../../../lib/kpi-meta.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  return loadKpiArchive().filter((r) => buildsIssuer(r.issuer)).map((data) => ({
    params: { issuer: data.issuer, year: data.year },
    props: { data, meta: reportMeta(archive, data) },
  }));
}

export const GET: APIRoute = ({ props }) => {
  const { data, meta } = props as { data: ReportKpi; meta: Record<string, unknown> };
  return new Response(JSON.stringify(reportJson(data, meta), null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
