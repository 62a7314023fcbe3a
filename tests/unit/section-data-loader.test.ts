// The cross build's `sections` loader (src/lib/section-data-loader.ts) against Astro's own glob
// loader with the MDX integration's entry type, both run with the same context over the archive:
// the same ids, data (through the section schema), body and file paths; no entry renderable and no
// module import (so no MDX is compiled); a store left by a glob-loaded build is replaced.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { globEntryId, sectionDataLoader, sectionFiles } from '../../src/lib/section-data-loader.ts';
import { sectionSchema } from '../../src/lib/schemas.ts';

interface Stored {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
  digest?: string;
  deferredRender?: boolean;
  rendered?: unknown;
}

/** What Astro's store keeps of a loader run (the parts a page reads) and the MDX modules it imports. */
class FakeStore {
  entries = new Map<string, Stored>();
  /** as Astro's store writes them: the files of the renderable entries */
  get moduleImports(): Set<string> {
    return new Set(this.values().flatMap((e) => (e.deferredRender && e.filePath ? [e.filePath] : [])));
  }
  set(entry: Stored) {
    const existing = this.entries.get(entry.id);
    if (entry.digest && existing?.digest === entry.digest) return false;
    // as Astro's store: an empty body is not kept
    const { body, ...rest } = entry;
    this.entries.set(entry.id, body ? entry : rest);
    return true;
  }
  get = (id: string) => this.entries.get(id);
  has = (id: string) => this.entries.has(id);
  keys = () => [...this.entries.keys()];
  values = () => [...this.entries.values()];
  delete = (id: string) => void this.entries.delete(id);
  clear = () => this.entries.clear();
  addModuleImport = () => {};
  addAssetImports = () => {};
}

/** The entry type @astrojs/mdx registers for `.mdx` (what the glob loader parses frontmatter with). */
async function mdxEntryType(): Promise<unknown> {
  let type: unknown;
  const setup = mdx().hooks['astro:config:setup'] as (params: Record<string, unknown>) => Promise<void>;
  await setup({ config: {}, updateConfig() {}, addRenderer() {}, addPageExtension() {}, addContentEntryType: (t: unknown) => (type = t) });
  return type;
}

async function run(loader: Loader, root: string, store = new FakeStore()): Promise<FakeStore> {
  const context = {
    collection: 'sections',
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`), prerenderConflictBehavior: 'warn' },
    store,
    logger: { warn() {}, error() {}, info() {}, debug() {} },
    parseData: async ({ data }: { data: Record<string, unknown> }) => sectionSchema.parse(data),
    generateDigest: (data: string | Record<string, unknown>) => createHash('sha1').update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex'),
    entryTypes: new Map([['.mdx', await mdxEntryType()]]),
  } as unknown as LoaderContext;
  await loader.load(context);
  return store;
}

const globLoader = () => glob({ pattern: '*/*/*/*.mdx', base: './content/reports' });
const dataLoader = () => sectionDataLoader({ base: './content/reports' });
const view = (s: FakeStore) =>
  new Map([...s.entries].map(([id, e]) => [id, { id: e.id, data: e.data, body: e.body, filePath: e.filePath }]));

describe('the cross build’s sections loader', () => {
  it('stores every section of the archive as glob does (ids, schema-parsed data, body, file path), none renderable, no module import', async () => {
    const root = process.cwd();
    const byGlob = await run(globLoader(), root);
    const byData = await run(dataLoader(), root);
    expect(byGlob.entries.size).toBeGreaterThan(100);
    expect([...byData.entries.keys()].sort()).toEqual([...byGlob.entries.keys()].sort());
    expect(view(byData)).toEqual(view(byGlob));
    // the ids the site's section routes rely on: <issuer>/<year>/<lang, slugged>/<file name>
    expect(byData.has('alibaba/2025/zh-hant/01-f01')).toBe(true);
    for (const e of byData.values()) {
      expect(e.filePath).toMatch(/^content\/reports\/[^/]+\/\d{4}\/(en|zh-Hant|zh-Hans)\/[^/]+\.mdx$/);
      expect(e.body ?? '').not.toMatch(/^---|^\s/);
      expect(e.deferredRender).toBeUndefined();
      expect(e.rendered).toBeUndefined();
    }
    expect(byData.values().filter((e) => e.body).length).toBeGreaterThan(100);
    // glob's entries are renderable (their MDX is imported into the bundle); these are not
    expect([...byGlob.values()].every((e) => e.deferredRender)).toBe(true);
    expect(byGlob.moduleImports.size).toBe(byGlob.entries.size);
    expect(byData.moduleImports.size).toBe(0);
  });

  it('replaces a store a glob-loaded build left (same checkout), and keys its digests apart so glob re-renders after it', async () => {
    const root = process.cwd();
    const store = await run(globLoader(), root);
    const gone = 'content/reports/gone/2020/en/01-gone.mdx';
    store.set({ id: 'gone/2020/en/01-gone', data: {}, filePath: gone, digest: 'x', deferredRender: true });
    await run(dataLoader(), root, store);
    expect(store.has('gone/2020/en/01-gone')).toBe(false);
    expect(store.moduleImports.size).toBe(0);
    expect(store.values().some((e) => e.deferredRender)).toBe(false);
    await run(globLoader(), root, store);
    expect(store.values().every((e) => e.deferredRender)).toBe(true);
  });

  describe('on files glob treats specially', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'section-loader-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    write('content/reports/acme/2024/en/01-Intro Text.mdx', '---\nid: intro\ntitle: Intro\norder: 1\n---\n\nBody *one*.\n\n');
    write('content/reports/acme/2024/en/02-empty.mdx', '---\nid: empty\ntitle: Empty\norder: 2\n---\n');
    write('content/reports/acme/2024/en/.03-hidden.mdx', '---\nid: hidden\ntitle: Hidden\norder: 3\n---\nx\n');
    write('content/reports/acme/2024/en/nested/04-deep.mdx', '---\nid: deep\ntitle: Deep\norder: 4\n---\nx\n');
    write('content/reports/acme/2024/report.mdx', '---\nid: shallow\ntitle: Shallow\norder: 5\n---\nx\n');

    it('slugs ids as glob does, keeps an empty body empty, and reads only issuer/year/language/*.mdx', async () => {
      const byGlob = await run(globLoader(), root);
      const byData = await run(dataLoader(), root);
      expect(view(byData)).toEqual(view(byGlob));
      expect(byData.keys().sort()).toEqual(['acme/2024/en/01-intro-text', 'acme/2024/en/02-empty']);
      expect(byData.get('acme/2024/en/01-intro-text')?.body).toBe('Body *one*.');
      expect(byData.get('acme/2024/en/02-empty')?.body).toBeUndefined();
      expect(sectionFiles(path.join(root, 'content/reports'))).toEqual(['acme/2024/en/01-Intro Text.mdx', 'acme/2024/en/02-empty.mdx']);
      expect(globEntryId('a/2024/en/01-x.mdx', { slug: 'custom/id' })).toBe('custom/id');
    });

    it('names the file of broken frontmatter', async () => {
      write('content/reports/acme/2024/en/09-broken.mdx', '---\nid: [broken\n---\nx\n');
      await expect(run(dataLoader(), root)).rejects.toThrow(/09-broken\.mdx: frontmatter/);
    });
  });
});
