/** Lists the content files `npm run check` reads, and the codes each HKEX catalogue defines. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { CatalogueCodes, ContentFile } from '../../src/lib/content-check.ts';

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? (e.name === 'source' ? [] : walk(join(dir, e.name))) : [join(dir, e.name)]))
    .sort();
}

export function readContentFiles(root: string): ContentFile[] {
  return [...walk(join(root, 'content', 'issuers')), ...walk(join(root, 'content', 'reports'))]
    .filter((f) => /\.(ya?ml|mdx)$/.test(f))
    .map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));
}

export function readCatalogueCodes(root: string): CatalogueCodes {
  const codes: CatalogueCodes = {};
  for (const f of walk(join(root, 'content', 'frameworks')).filter((f) => f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(f, 'utf8')) as { id?: string; items?: { code: string }[] };
    if (doc?.id && Array.isArray(doc.items)) codes[doc.id] = new Set(doc.items.map((i) => i.code));
  }
  return codes;
}
