/**
 * The `sections` collection as data only, for the cross-archive build (ESG_BUILD_PART=cross,
 * src/lib/build-part.ts; docs/scale.md, *Sharded builds*). The cross pages read a section's
 * frontmatter, file path and `body` text (excerpts, descriptions) but render no section, so this
 * loader stores exactly what Astro's `glob` loader stores for an `.mdx` file — the same id, the
 * same `data` (frontmatter parsed as @astrojs/mdx parses it, then the collection schema), the same
 * `body` and `filePath` — without `deferredRender`: no entry is renderable, no MDX module is
 * imported, so Astro compiles no section MDX into the bundle.
 *
 * Reads `<base>/*\/*\/*\/*.mdx` (issuer/year/language/section, the glob of content.config.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { slug as githubSlug } from 'github-slugger';
import type { Loader, LoaderContext } from 'astro/loaders';

export const SECTION_DATA_LOADER = 'section-data-loader';

/** Folder levels between the base and a section file: issuer, year, language. */
const DEPTH = 3;

/** Section files under `dir`, as `/`-separated paths relative to it, sorted; dot-names skipped (as glob does). */
export function sectionFiles(dir: string, depth = DEPTH, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.filter((x) => !x.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (depth > 0 && e.isDirectory()) out.push(...sectionFiles(dir, depth - 1, path));
    else if (depth === 0 && e.isFile() && e.name.endsWith('.mdx')) out.push(path);
  }
  return out;
}

/**
 * The id the glob loader gives a file (astro/dist/content/loaders/glob.js `generateIdDefault`):
 * the frontmatter `slug` if set, else every path segment (extension dropped) slugged as
 * github-slugger does, a final `/index` dropped.
 */
export function globEntryId(path: string, data: Record<string, unknown>): string {
  if (data.slug) return String(data.slug);
  return path
    .replace(/\.mdx$/, '')
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

/** A section file's frontmatter and body as the MDX integration's `getEntryInfo` returns them. */
export function sectionEntryInfo(contents: string, file: string): { data: Record<string, unknown>; body: string } {
  try {
    const parsed = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
    return { data: parsed.frontmatter, body: parsed.content.trim() };
  } catch (error) {
    throw new Error(`${file}: frontmatter: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The sections under `base` (relative to the project root) as data entries; see the file comment. */
export function sectionDataLoader({ base }: { base: string }): Loader {
  return {
    name: SECTION_DATA_LOADER,
    load: async ({ config, store, parseData, generateDigest, logger, watcher }: LoaderContext) => {
      const root = fileURLToPath(config.root);
      const dir = join(root, base);
      const sync = async () => {
        // Entries a glob-loaded build left in the cached store (a shard built in the same
        // checkout) are renderable: clear them, or their MDX would be compiled after all.
        store.clear();
        for (const path of sectionFiles(dir)) {
          const file = join(dir, path);
          const contents = readFileSync(file, 'utf8');
          const { data, body } = sectionEntryInfo(contents, file);
          const id = globEntryId(path, data);
          // as glob: the later file wins, with a warning
          if (store.has(id)) logger.warn(`${file}: section id "${id}" is also the id of another section file`);
          store.set({
            id,
            data: await parseData({ id, data, filePath: file }),
            body,
            filePath: relative(root, file).replaceAll('\\', '/'),
            // Not glob's digest of the contents: a glob-loaded build in the same checkout must
            // not take this non-renderable entry for its own unchanged one.
            digest: generateDigest(`${SECTION_DATA_LOADER}\n${contents}`),
          });
        }
      };
      await sync();
      watcher?.on('all', (_event, path) => {
        if (path.endsWith('.mdx')) void sync();
      });
    },
  };
}
