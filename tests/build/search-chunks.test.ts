// The shipped word index is re-split into small chunks (scripts/lib/pagefind-rechunk.ts). This
// checks the bundle in dist/ holds together, and that it returns exactly what one unsplit index
// per language returns: the same bundle merged back into one chunk, queried through Pagefind's
// own JS and the query layer readers use, for every golden term.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkFor, readChunkWords, readMetaChunks, rechunkBundle, unpack } from '../../scripts/lib/pagefind-rechunk.ts';
import { runQuery } from '../../src/lib/search-query.ts';
import type { ScriptMap } from '../../src/lib/search-script-map.ts';
import { HTML_LANG, loadGolden, loadPagefind, loadScriptMap, sourceFor, type SearchLocale } from '../support/pagefind-node.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';

const bundle = path.join(DIST, 'pagefind');
const entry = () => JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
const golden = loadGolden();
let unsplit: string;

beforeAll(() => {
  assertDistBuilt();
  unsplit = mkdtempSync(path.join(tmpdir(), 'unsplit-'));
  cpSync(bundle, path.join(unsplit, 'pagefind'), { recursive: true });
  const summary = rechunkBundle(path.join(unsplit, 'pagefind'), { targetBytes: Number.POSITIVE_INFINITY });
  expect(summary.every((s) => s.chunksAfter === 1)).toBe(true);
});
afterAll(() => rmSync(unsplit, { recursive: true, force: true }));

describe('the shipped word index', () => {
  for (const [lang, { hash }] of Object.entries(entry().languages)) {
    it(`${lang}: every word is in the chunk Pagefind's lookup loads for it, and every chunk file is listed`, () => {
      const meta = unpack(readFileSync(path.join(bundle, `pagefind.${hash}.pf_meta`)), hash);
      const chunks = readMetaChunks(meta, hash);
      let words = 0;
      chunks.forEach((c, i) => {
        for (const w of readChunkWords(unpack(readFileSync(path.join(bundle, 'index', `${c.hash}.pf_index`)), c.hash), c.hash)) {
          words++;
          if (chunkFor(chunks, w.word) !== i) expect.fail(`${lang}: “${w.word}” is in chunk ${i} but the lookup loads ${chunkFor(chunks, w.word)}`);
        }
      });
      console.log(`${lang}: ${words} words in ${chunks.length} chunks`);
      const onDisk = readdirSync(path.join(bundle, 'index')).filter((f) => f.startsWith(`${lang}_`)).sort();
      expect(onDisk).toEqual(chunks.map((c) => `${c.hash}.pf_index`).sort());
    });
  }
});

describe('results equal those of one unsplit index', () => {
  let scriptMap: ScriptMap;
  beforeAll(() => {
    scriptMap = loadScriptMap(DIST);
  });

  /** Hit ids (tier and page) per term; one bundle at a time, as loadPagefind stubs globals. */
  async function hitsOf(site: string, locale: SearchLocale, terms: string[]): Promise<string[][]> {
    const pf = await loadPagefind(site);
    try {
      const source = sourceFor(await pf.instance(HTML_LANG[locale]), locale, scriptMap);
      const out: string[][] = [];
      for (const term of terms) out.push((await runQuery([source], term)).map((h) => `${h.tier}:${h.result.id}`));
      return out;
    } finally {
      pf.close();
    }
  }

  const cases: [SearchLocale, string[]][] = [
    ['en', golden.english],
    ['tc', golden.chinese.map((g) => g.hant)],
    ['sc', golden.chinese.map((g) => g.hans)],
  ];
  for (const [locale, terms] of cases) {
    it(`/${locale}/: every golden term returns the same pages in the same order`, async () => {
      const got = await hitsOf(DIST, locale, terms);
      const want = await hitsOf(unsplit, locale, terms);
      terms.forEach((term, i) => expect(got[i], term).toEqual(want[i]));
      const hits = got.reduce((a, h) => a + h.length, 0);
      console.log(`/${locale}/: ${terms.length} golden terms, ${hits} hits, identical with one unsplit chunk`);
      expect(hits).toBeGreaterThan(terms.length);
    }, 120_000);
  }
});
