/** `/data/{issuer}/series.json`: the issuer's KPI series across reports (schema `kpi-series/1`, docs/kpi-data.md). */
import { buildsIssuer } from '../../../lib/build-part.ts';
import type { APIRoute } from 'astro';
import { issuersWithSeries, loadIssuerSeries } from '../../../lib/load-series.ts';

export function getStaticPaths() {
  return issuersWithSeries().filter((issuer) => buildsIssuer(issuer)).map((issuer) => ({ params: { issuer } }));
}

export const GET: APIRoute = ({ params }) => {
  const body = { schema: 'kpi-series/1', issuer: params.issuer, series: loadIssuerSeries(params.issuer!) };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
