/**
 * A copy of the built site whose search index is written again in parts of `partBytes`
 * (src/lib/search-parts.ts): with a budget of one byte, every report is a part of its own.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSearchIndex, type SearchIndexResult } from '../../scripts/lib/search-index.ts';

export async function partedCopy(dist: string, partBytes: number): Promise<{ dir: string; index: SearchIndexResult }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'esg-parted-'));
  cpSync(dist, dir, { recursive: true, filter: (src) => path.relative(dist, src) !== 'pagefind' });
  const index = await buildSearchIndex(dir, { partBytes });
  return { dir, index };
}

export function removeCopy(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
