/**
 * `/data/{issuer}/series.csv`: the issuer's KPI series across reports (kpi-series.ts), one line per
 * printed value with the report that printed it and whether it restates an earlier report's value.
 */
import { buildsIssuer } from '../../../lib/build-part.ts';
import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { issuersWithSeries, loadIssuerSeries } from '../../../lib/load-series.ts';
import { seriesCsvRows } from '../../../lib/kpi-series.ts';

export function getStaticPaths() {
  return issuersWithSeries().filter((issuer) => buildsIssuer(issuer)).map((issuer) => ({ params: { issuer } }));
}

export const GET: APIRoute = ({ params }) => {
  const text = '\uFEFF' + stringify(seriesCsvRows(loadIssuerSeries(params.issuer!)), { record_delimiter: '\r\n' });
  return new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
