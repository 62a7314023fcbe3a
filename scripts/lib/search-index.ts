/** Builds the Pagefind search index of a built site through Pagefind's Node API. */
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  pages: number;
  files: number;
}

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count, files: 0 };
  } finally {
    await pagefind.close();
  }
}
