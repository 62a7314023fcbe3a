/** Lists the content files `npm run check` reads. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentFile } from '../../src/lib/content-check.ts';

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
