/** `/data/archive.json`: the KPI data of every report of the archive, one entry per report. */
import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/load-archive.ts';
import { loadKpiArchive, reportJson } from '../../lib/kpi-data.ts';
import { reportMeta } from '../../lib/kpi-meta.ts';

export const GET: APIRoute = async () => {
  const archive = await loadArchive();
  const reports = loadKpiArchive().map((data) => reportJson(data, reportMeta(archive, data)));
  return new Response(JSON.stringify({ schema: 'kpi-archive/1', reports }, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
