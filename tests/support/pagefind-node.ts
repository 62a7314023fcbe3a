/**
 * Runs Pagefind's own browser JS (dist/pagefind/pagefind.js, the shipped 1.6.0 bundle) in Node
 * against a built site: `document` is stubbed so Pagefind detects the wanted `<html lang>`, and
 * `fetch` reads files from the site, counting the bytes a browser would transfer.
 * Not a re-implementation: every search goes through Pagefind's WASM and index chunks.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi } from '../../src/lib/search-query.ts';
import { parse as parseYaml } from 'yaml';
import { indexedText } from '../../src/lib/search-text.ts';
import { parseHtml } from './html.ts';
import { listFiles, fileToUrlPath } from './site.ts';
import { ROOT } from './paths.ts';

export interface Transfer {
  /** bytes of every file fetched so far (as served, i.e. Pagefind's own compressed files) */
  bytes: number;
  files: string[];
}

export interface NodePagefind {
  /** A Pagefind instance on the index of `htmlLang` (e.g. 'zh-Hant-HK'). */
  instance(htmlLang: string): Promise<PagefindApi>;
  transfer: Transfer;
  /** Forget which files were fetched (a new visitor: nothing cached). */
  resetTransfer(): void;
  close(): void;
}

interface PagefindModule {
  createInstance(opts: Record<string, unknown>): PagefindApi & { init(): Promise<void>; destroy(): Promise<void> };
}

export async function loadPagefind(dist: string): Promise<NodePagefind> {
  const bundle = path.join(dist, 'pagefind');
  const tmp = mkdtempSync(path.join(tmpdir(), 'pagefind-node-'));
  const transfer: Transfer = { bytes: 0, files: [] };
  const g = globalThis as Record<string, unknown>;
  const saved = { document: g.document, fetch: g.fetch };
  let lang = 'en';
  g.document = { currentScript: null, querySelector: (sel: string) => (sel === 'html' ? { getAttribute: () => lang } : null) };
  g.fetch = async (input: string | URL) => {
    const u = new URL(String(input), 'http://site.invalid/');
    const file = path.join(dist, decodeURIComponent(u.pathname));
    if (!file.startsWith(path.resolve(dist))) throw new Error(`outside the site: ${u.pathname}`);
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return new Response('not found', { status: 404 });
    }
    transfer.bytes += body.length;
    transfer.files.push(u.pathname);
    const type = file.endsWith('.json') ? 'application/json' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    return new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': type } });
  };
  const instances: (PagefindApi & { destroy(): Promise<void> })[] = [];
  return {
    transfer,
    resetTransfer() {
      transfer.bytes = 0;
      transfer.files = [];
    },
    async instance(htmlLang: string) {
      // Each instance gets its own copy of the module: Pagefind keeps its WASM in module state,
      // and two languages (en has its own WASM) must not share it.
      const copy = path.join(tmp, `pagefind-${instances.length}.mjs`);
      copyFileSync(path.join(bundle, 'pagefind.js'), copy);
      const mod = (await import(pathToFileURL(copy).href)) as PagefindModule;
      lang = htmlLang; // read synchronously by createInstance (detectLanguage)
      const inst = mod.createInstance({ basePath: '/pagefind/', baseUrl: '/' });
      instances.push(inst);
      await inst.init();
      return inst;
    },
    close() {
      for (const i of instances) void i.destroy().catch(() => {});
      g.document = saved.document;
      g.fetch = saved.fetch;
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// ── Ground truth: the text Pagefind indexes on each built page (data-pagefind-body minus
// data-pagefind-ignore and the exclude selectors, src/lib/search-text.ts), per locale.

export type SearchLocale = 'en' | 'tc' | 'sc';
export const HTML_LANG: Record<SearchLocale, string> = { en: 'en', tc: 'zh-Hant-HK', sc: 'zh-Hans-CN' };

/** url path → indexed text, for every indexed page of a locale. */
export function indexedPages(dist: string, locale: SearchLocale): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of listFiles(dist)) {
    if (!file.startsWith(`${locale}/`) || !file.endsWith('.html')) continue;
    const text = indexedText(parseHtml(readFileSync(path.join(dist, file), 'utf8')));
    if (text !== undefined) out.set(fileToUrlPath(file), text);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pages whose indexed text contains the term (English: at a word start, any case). */
export function truthFor(pages: Map<string, string>, locale: SearchLocale, term: string): Set<string> {
  const re = locale === 'en' ? new RegExp(`\\b${escape(term)}`, 'i') : undefined;
  return new Set([...pages].filter(([, text]) => (re ? re.test(text) : text.includes(term))).map(([url]) => url));
}

export interface Golden {
  chinese: { hant: string; hans: string }[];
  english: string[];
}

export function loadGolden(): Golden {
  return parseYaml(readFileSync(path.join(ROOT, 'tests/build/search-golden.yaml'), 'utf8')) as Golden;
}