import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redirectEntrySchema, issuerSchema, reportSchema, sectionSchema } from './lib/schemas.ts';
import { REDIRECTS_FILE, readRedirectFiles } from './lib/redirect-files.ts';
import { buildPart, issuersInPart } from './lib/build-part.ts';
import { sectionDataLoader } from './lib/section-data-loader.ts';

/**
 * A shard build (src/lib/build-part.ts) loads only its issuers' reports and sections, so its
 * memory and time follow its own size, not the archive's. Other builds load every report.
 */
function reportsGlob(rest: string): string {
  if (buildPart().kind !== 'shard') return `*/${rest}`;
  const mine = issuersInPart('./content/reports');
  if (mine.length === 0) return `__no-issuer-in-this-shard__/${rest}`;
  return mine.length === 1 ? `${mine[0]}/${rest}` : `{${mine.join(',')}}/${rest}`;
}

const issuers = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/issuers' }),
  schema: issuerSchema,
});

const reports = defineCollection({
  loader: glob({ pattern: reportsGlob('*/report.yaml'), base: './content/reports' }),
  schema: reportSchema,
});

/**
 * The cross-archive build renders no section: it loads them as data (frontmatter, body, file
 * path; src/lib/section-data-loader.ts), so no section MDX is compiled. Other builds render them.
 */
const sections = defineCollection({
  loader:
    buildPart().kind === 'cross'
      ? sectionDataLoader({ base: './content/reports' })
      : glob({ pattern: reportsGlob('*/*/*.mdx'), base: './content/reports' }),
  schema: sectionSchema,
});

/** One entry per line of every `<issuer>/<year>/redirects.yaml` (a list, which the glob loader cannot split). */
const redirectsLoader: Loader = {
  name: 'redirects-loader',
  load: async ({ config, store, parseData, generateDigest, watcher }) => {
    const root = fileURLToPath(config.root);
    const sync = async () => {
      store.clear();
      // only redirect pages of issuers whose pages this build makes (none in the cross part)
      const issuers = new Set(issuersInPart(`${root}/content/reports`));
      for (const file of readRedirectFiles(`${root}/content/reports`).filter((f) => issuers.has(f.issuer))) {
        const filePath = relative(root, file.file).replaceAll('\\', '/');
        for (const r of file.redirects) {
          const id = `${file.issuer}/${file.year}/${r.lang ?? '*'}/${r.from}`;
          const data = await parseData({ id, data: { ...r, issuer: file.issuer, year: file.year }, filePath: file.file });
          store.set({ id, data, digest: generateDigest(data), filePath });
        }
      }
    };
    await sync();
    watcher?.on('all', (_event, path) => {
      if (path.endsWith(REDIRECTS_FILE)) void sync();
    });
  },
};

const redirects = defineCollection({ loader: redirectsLoader, schema: redirectEntrySchema });

export const collections = { issuers, reports, sections, redirects };
