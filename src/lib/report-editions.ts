/**
 * For Markdown plugins, which run per file before Astro's collections exist: the HKEX edition a
 * section file's report references (read from its report.yaml), and the codes an edition defines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadEdition } from './frameworks.ts';

const editions = new Map<string, string | undefined>();
const codes = new Map<string, ReadonlySet<string>>();

/** `…/content/reports/<issuer>/<year>/<lang>/NN-id.mdx` → the report's `hkexEdition`. */
export function editionOfSectionFile(filePath: string): string | undefined {
  const m = /^(.*[\\/]reports[\\/][^\\/]+[\\/][^\\/]+)[\\/](?:en|zh-Hant|zh-Hans)[\\/][^\\/]+\.mdx$/.exec(filePath);
  if (!m) return undefined;
  const reportFile = join(m[1]!, 'report.yaml');
  if (!editions.has(reportFile)) {
    const report = parse(readFileSync(reportFile, 'utf8')) as { hkexEdition?: string } | null;
    editions.set(reportFile, report?.hkexEdition);
  }
  return editions.get(reportFile);
}

export function codesOfEdition(edition: string): ReadonlySet<string> {
  let set = codes.get(edition);
  if (!set) {
    set = new Set(loadEdition(edition).items.map((i) => i.code));
    codes.set(edition, set);
  }
  return set;
}
