/**
 * `/data/{issuer}/{year}.csv`: the report's data/kpi.csv as committed (UTF-8 with a BOM so Excel
 * reads the Chinese labels; schema in docs/kpi-data.md).
 */
import { buildsIssuer } from '../../../lib/build-part.ts';
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKpiArchive } from '../../../lib/kpi-data.ts';

export function getStaticPaths() {
  return loadKpiArchive().filter((r) => buildsIssuer(r.issuer)).map((r) => ({ params: { issuer: r.issuer, year: r.year } }));
}

export const GET: APIRoute = ({ params }) => {
  const file = join(process.cwd(), process.env.CONTENT_DIR ?? 'content', 'reports', params.issuer!, params.year!, 'data', 'kpi.csv');
  let text = readFileSync(file, 'utf8');
  if (!text.startsWith('\uFEFF')) text = '\uFEFF' + text;
  return new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
