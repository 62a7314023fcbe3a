import { describe, expect, it } from 'vitest';
import {
  arrayItems,
  chunkFor,
  chunkRanges,
  encodeArray,
  encodeHead,
  encodeText,
  pack,
  readChunkWords,
  readMetaChunks,
  rechunkLanguage,
  skipItem,
  splitWords,
  unpack,
  writeChunk,
  type WordEntry,
} from '../../scripts/lib/pagefind-rechunk.ts';

const int = (n: number) => (n >= 0 ? encodeHead(0, n) : encodeHead(1, -1 - n));
/** A word entry the way Pagefind 1.6 writes it: [word, [[page, [locs…], []]…], []]. */
function entry(word: string, pages: [number, number[]][]): WordEntry {
  const bytes = encodeArray([encodeText(word), encodeArray(pages.map(([p, locs]) => encodeArray([int(p), encodeArray(locs.map(int)), encodeArray([])]))), encodeArray([])]);
  return { word, bytes };
}

// Sorted by UTF-8 bytes (環 U+74B0 < 生 U+751F < 用 U+7528), as Pagefind sorts them.
const WORDS = [
  entry('emission', [[0, [-25, 3, 90]], [4, [-25, 17]]]),
  entry('emissions', [[1, [-25, 8, 400, 1200]]]),
  entry('energy', [[2, [-25, 44]]]),
  entry('water', [[3, [-25, 5, 6, 7, 8, 9, 10, 11]]]),
  entry('環境', [[0, [-25, 1]], [1, [-25, 2]], [2, [-25, 3]]]),
  entry('生物', [[1, [-25, 40, 41]], [2, [-25, 7]]]),
  entry('生物多樣性', [[1, [-25, 40]]]),
  entry('生產', [[5, [-25, 100, 300]]]),
  entry('用水', [[2, [-25, 12]]]),
  entry('用電', [[2, [-25, 13]], [6, [-25, 2]]]),
  entry('用電量', [[6, [-25, 2, 90, 91]]]),
];

describe('CBOR walking', () => {
  it('skips nested items and reads the entries of a written chunk back byte for byte', () => {
    const chunk = writeChunk(WORDS);
    expect(skipItem(chunk, 0)).toBe(chunk.length);
    const back = readChunkWords(chunk, 'test');
    expect(back.map((w) => w.word)).toEqual(WORDS.map((w) => w.word));
    expect(Buffer.concat(back.map((w) => w.bytes)).equals(Buffer.concat(WORDS.map((w) => w.bytes)))).toBe(true);
  });

  it('encodes lengths in the smallest head, as minicbor does', () => {
    expect([...encodeHead(4, 23)]).toEqual([0x97]);
    expect([...encodeHead(4, 24)]).toEqual([0x98, 24]);
    expect([...encodeHead(4, 2081)]).toEqual([0x99, 0x08, 0x21]);
    expect([...encodeHead(3, 70000)]).toEqual([0x7a, 0, 1, 0x11, 0x70]);
  });

  it('packs with the pagefind_dcd signature and unpacks gzip or plain', () => {
    const cbor = writeChunk(WORDS.slice(0, 2));
    expect(unpack(pack(cbor), 'x').equals(cbor)).toBe(true);
    expect(unpack(Buffer.concat([Buffer.from('pagefind_dcd'), cbor]), 'x').equals(cbor)).toBe(true);
    expect(() => unpack(Buffer.from('not a pagefind file'), 'index/x.pf_index')).toThrow('index/x.pf_index: not a Pagefind file');
  });
});

describe('splitting the word list', () => {
  it('never separates words that share a first character (a term finds all its extensions)', () => {
    const chunks = splitWords(WORDS, { targetBytes: 1 });
    expect(chunks.map((c) => c.map((w) => w.word))).toEqual([
      ['emission', 'emissions', 'energy'],
      ['water'],
      ['環境'],
      ['生物', '生物多樣性', '生產'],
      ['用水', '用電', '用電量'],
    ]);
  });

  it('with keepPrefix 2, splits inside a first-character group but never inside a two-character one', () => {
    const chunks = splitWords(WORDS, { targetBytes: 1, keepPrefix: 2 });
    expect(chunks.map((c) => c.map((w) => w.word))).toContainEqual(['用電', '用電量']);
    expect(chunks.map((c) => c.map((w) => w.word))).toContainEqual(['生物', '生物多樣性']);
  });

  it('fills chunks up to the target before breaking', () => {
    const total = WORDS.reduce((a, w) => a + w.bytes.length, 0);
    expect(splitWords(WORDS, { targetBytes: total })).toHaveLength(1);
    const half = splitWords(WORDS, { targetBytes: Math.ceil(total / 2) });
    expect(half.length).toBeGreaterThan(1);
    expect(half.flat().map((w) => w.word)).toEqual(WORDS.map((w) => w.word));
  });
});

describe('chunk ranges for the WASM lookup (first chunk with from <= term <= to)', () => {
  const chunks = splitWords(WORDS, { targetBytes: 1 });
  const ranges = chunkRanges(chunks);

  it('finds every word in its own chunk, including a chunk’s longer last words', () => {
    chunks.forEach((chunk, i) => {
      for (const w of chunk) expect(chunkFor(ranges, w.word), w.word).toBe(i);
    });
  });

  it('sends a prefix of indexed words to the chunk that holds them', () => {
    expect(chunkFor(ranges, '用')).toBe(4);
    expect(chunkFor(ranges, '生物多')).toBe(3);
    expect(chunkFor(ranges, 'emis')).toBe(0);
    expect(chunkFor(ranges, 'w')).toBe(1);
  });

  it('starts the first chunk at the empty string and keeps last words whole', () => {
    expect(ranges[0]).toEqual({ from: '', to: 'energy' });
    expect(ranges[3]).toEqual({ from: '生', to: '生產' });
  });
});

describe('rechunkLanguage', () => {
  // A meta like Pagefind 1.6's: [version, pages, chunks, filters, sorts, meta fields].
  const oldChunks = [WORDS.slice(0, 6), WORDS.slice(6)];
  const files = new Map(oldChunks.map((c, i) => [`zh-hant-hk_old${i}`, pack(writeChunk(c))]));
  const meta = (version: string) =>
    encodeArray([
      encodeText(version),
      encodeArray([encodeArray([encodeText('zh-hant-hk_page0'), int(120), encodeText('')])]),
      encodeArray([...files.keys()].map((h, i) => encodeArray([encodeText(oldChunks[i]![0]!.word), encodeText(oldChunks[i]!.at(-1)!.word), encodeText(h)]))),
      encodeArray([encodeArray([encodeText('year'), encodeText('zh-hant-hk_f0')])]),
      encodeArray([]),
      encodeArray([encodeText('title')]),
    ]);

  it('rewrites only the chunk list of the meta and keeps every word entry', () => {
    const out = rechunkLanguage({ meta: meta('1.6.0'), readChunk: (h) => files.get(h)! }, 'zh-hant-hk', { targetBytes: 1 });
    expect(out.oldHashes).toEqual(['zh-hant-hk_old0', 'zh-hant-hk_old1']);
    expect(out.words).toBe(WORDS.length);
    const list = readMetaChunks(out.meta, 'new meta');
    expect(list.map((c) => c.hash)).toEqual(out.chunks.map((c) => c.hash));
    expect(list.every((c) => /^zh-hant-hk_[0-9a-f]{7,}$/.test(c.hash))).toBe(true);
    const words = out.chunks.flatMap((c) => readChunkWords(unpack(c.file, c.hash), c.hash));
    expect(Buffer.concat(words.map((w) => w.bytes)).equals(Buffer.concat(WORDS.map((w) => w.bytes)))).toBe(true);
    // the other fields are copied as they were
    const before = arrayItems(meta('1.6.0'), 0);
    const after = arrayItems(out.meta, 0);
    for (const i of [0, 1, 3, 4, 5]) {
      expect(out.meta.subarray(after[i]!.start, after[i]!.end).equals(meta('1.6.0').subarray(before[i]!.start, before[i]!.end))).toBe(true);
    }
  });

  it('is deterministic', () => {
    const a = rechunkLanguage({ meta: meta('1.6.0'), readChunk: (h) => files.get(h)! }, 'zh-hant-hk', { targetBytes: 1 });
    const b = rechunkLanguage({ meta: meta('1.6.0'), readChunk: (h) => files.get(h)! }, 'zh-hant-hk', { targetBytes: 1 });
    expect(a.meta.equals(b.meta)).toBe(true);
    expect(a.chunks.map((c) => c.file.toString('hex'))).toEqual(b.chunks.map((c) => c.file.toString('hex')));
  });

  it('stops on an index written by another Pagefind version, naming what to check', () => {
    expect(() => rechunkLanguage({ meta: meta('1.7.0'), readChunk: (h) => files.get(h)! }, 'zh-hant-hk')).toThrow(
      'zh-hant-hk meta: Pagefind 1.7.0 index, but scripts/lib/pagefind-rechunk.ts reads the 1.6.0 format',
    );
  });
});
