/**
 * Reads every `content/reports/<issuer>/<year>/redirects.yaml` (a YAML list of `{ from, to, lang? }`).
 * For the content collection and the sitemap filter; `npm run check` validates the files with line
 * numbers, so a malformed entry is skipped here rather than reported twice.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Redirect } from './redirects.ts';

export const REDIRECTS_FILE = 'redirects.yaml';

export interface ReportRedirects {
  issuer: string;
  year: string;
  /** Path of the file as given (reportsDir joined with issuer/year). */
  file: string;
  redirects: Redirect[];
}

const dirs = (d: string) => (existsSync(d) ? readdirSync(d).filter((n) => statSync(join(d, n)).isDirectory()).sort() : []);

export function readRedirectFiles(reportsDir: string): ReportRedirects[] {
  const out: ReportRedirects[] = [];
  for (const issuer of dirs(reportsDir)) {
    for (const year of dirs(join(reportsDir, issuer))) {
      const file = join(reportsDir, issuer, year, REDIRECTS_FILE);
      if (!existsSync(file)) continue;
      let list: unknown;
      try {
        list = parse(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      const redirects = (Array.isArray(list) ? list : []).filter(
        (r): r is Redirect => typeof r === 'object' && r !== null && typeof r.from === 'string' && typeof r.to === 'string',
      );
      out.push({ issuer, year, file, redirects });
    }
  }
  return out;
}
