/** Reads the HKEX catalogues in content/frameworks/ once and answers the site's questions. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Locale } from '../i18n/locales.ts';
import { pick } from './archive.ts';
import { compareCodes, parseCatalogue, type Catalogue } from './frameworks.ts';

let catalogues: Map<string, Catalogue> | undefined;

export function loadCatalogues(dir = join(process.cwd(), 'content', 'frameworks')): Map<string, Catalogue> {
  if (catalogues) return catalogues;
  catalogues = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const path = join(dir, file);
    const catalogue = parseCatalogue(parse(readFileSync(path, 'utf8')), path);
    catalogues.set(catalogue.id, catalogue);
  }
  return catalogues;
}

export function catalogue(edition: string): Catalogue {
  const found = loadCatalogues().get(edition);
  if (!found) throw new Error(`No HKEX catalogue "${edition}" in content/frameworks/ (have: ${[...loadCatalogues().keys()].join(', ')})`);
  return found;
}

export function editionName(edition: string, locale: Locale): string {
  return pick(catalogue(edition).name, locale);
}

export function sortCodes(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort(compareCodes);
}
