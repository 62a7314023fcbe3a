// The archive model (src/lib/archive.ts) built from content/ without Astro: report.yaml, the
// issuer files and every section's frontmatter, for unit tests of the pure cross-archive logic.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildArchive, type Archive, type IssuerData, type ReportData, type SectionData } from '../../src/lib/archive.ts';
import { CONTENT } from './paths.ts';

const yamlOf = (file: string) => parse(readFileSync(file, 'utf8'));
const frontmatterOf = (file: string) => parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))![1]!);

/** Every report of content/reports (or those given as `issuer/year`), as the site models them; `entry` is the MDX file path. */
export function archiveModel(only?: readonly string[], content = CONTENT): Archive<string> {
  const issuers = readdirSync(join(content, 'issuers')).filter((f) => f.endsWith('.yaml')).map((f) => yamlOf(join(content, 'issuers', f)) as IssuerData);
  const reports: { data: ReportData; filePath: string }[] = [];
  const sections: { data: SectionData; filePath: string; entry: string }[] = [];
  const root = join(content, 'reports');
  for (const issuer of readdirSync(root).sort()) {
    for (const year of readdirSync(join(root, issuer)).sort()) {
      const dir = join(root, issuer, year);
      if (only && !only.includes(`${issuer}/${year}`)) continue;
      if (!existsSync(join(dir, 'report.yaml'))) continue;
      const data = yamlOf(join(dir, 'report.yaml'));
      reports.push({ data: { comply: [], chapters: [], indexLost: false, ...data }, filePath: join(dir, 'report.yaml') });
      for (const lang of data.languages as string[]) {
        for (const f of readdirSync(join(dir, lang)).filter((n) => n.endsWith('.mdx')).sort()) {
          const fm = frontmatterOf(join(dir, lang, f));
          const filePath = join(dir, lang, f);
          sections.push({ data: { ...fm, frameworks: { hkex: [], ...fm.frameworks } }, filePath, entry: filePath });
        }
      }
    }
  }
  return buildArchive(issuers, reports, sections);
}
