/**
 * Splits Pagefind's word-index chunks into smaller ones, after Pagefind has written them.
 *
 * Why: Pagefind 1.6 cuts each language's word index into chunks of 20,000 word locations (about
 * 35 KB gzip), a constant in its Rust code, and the browser fetches one chunk per query term.
 * A Chinese query has several terms (Pagefind indexes every character pair), so a first query
 * fetched 3–4 chunks, 105–140 KB, and long terms broke the 200 KB budget. Smaller chunks cut
 * that cost in proportion. Results do not get worse; they are those of one unsplit index:
 *
 * - every word entry (its pages and locations) is copied byte for byte, in Pagefind's order;
 * - chunks only break between words that differ in their first `keepPrefix` characters (1: the
 *   first character), so a query term finds all its prefix extensions in one chunk. Pagefind's
 *   own boundaries fall anywhere: 用電 on /tc/ found 30 pages with them, 44 without;
 * - each chunk's `[from, to]` range is chosen so the WASM's lookup (the first chunk with
 *   `from <= term <= to`) finds every indexed word, and every prefix of one, in its own chunk.
 *   Pagefind cuts `to` to a prefix, which misses a chunk's longer last words unless the WASM
 *   falls back to a wider lookup (it does only when no term of the query was found); ours keep
 *   the last word whole.
 *
 * The formats are those of the pinned Pagefind version (`SUPPORTED_VERSION`): a `.pf_meta` or
 * `.pf_index` file is gzip of `pagefind_dcd` + CBOR. Anything unexpected stops the build.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export const SUPPORTED_VERSION = '1.6.0';
const SIGNATURE = Buffer.from('pagefind_dcd');
/** Field of the meta array that lists the word-index chunks as [from, to, hash]. */
const META_CHUNKS_FIELD = 2;

export interface RechunkOptions {
  /** Uncompressed bytes a chunk grows to before it may end (Pagefind's chunks are ~75 KB). */
  targetBytes?: number;
  /** Words sharing this many leading characters are never split across chunks. */
  keepPrefix?: number;
}

export const DEFAULT_TARGET_BYTES = 8 * 1024;

// ── CBOR, just enough to walk Pagefind's files (definite lengths only, as minicbor writes them).

interface Head {
  major: number;
  /** the length of a string/array/map, or the value of an integer */
  value: number;
  /** offset just past the head */
  next: number;
}

export function readHead(buf: Buffer, pos: number): Head {
  const initial = buf[pos];
  if (initial === undefined) throw new Error(`CBOR: unexpected end at byte ${pos}`);
  const major = initial >> 5;
  const info = initial & 31;
  if (info < 24) return { major, value: info, next: pos + 1 };
  if (info === 24) return { major, value: buf.readUInt8(pos + 1), next: pos + 2 };
  if (info === 25) return { major, value: buf.readUInt16BE(pos + 1), next: pos + 3 };
  if (info === 26) return { major, value: buf.readUInt32BE(pos + 1), next: pos + 5 };
  if (info === 27) return { major, value: Number(buf.readBigUInt64BE(pos + 1)), next: pos + 9 };
  throw new Error(`CBOR: unsupported head 0x${initial.toString(16)} at byte ${pos}`);
}

/** Offset just past the CBOR item that starts at `pos`. */
export function skipItem(buf: Buffer, pos: number): number {
  const h = readHead(buf, pos);
  switch (h.major) {
    case 0:
    case 1:
    case 7:
      return h.next;
    case 2:
    case 3:
      return h.next + h.value;
    case 4: {
      let p = h.next;
      for (let i = 0; i < h.value; i++) p = skipItem(buf, p);
      return p;
    }
    case 5: {
      let p = h.next;
      for (let i = 0; i < 2 * h.value; i++) p = skipItem(buf, p);
      return p;
    }
    default:
      throw new Error(`CBOR: unsupported major type ${h.major} at byte ${pos}`);
  }
}

/** Byte ranges of the items of the array that starts at `pos`. */
export function arrayItems(buf: Buffer, pos: number): { start: number; end: number }[] {
  const h = readHead(buf, pos);
  if (h.major !== 4) throw new Error(`CBOR: expected an array at byte ${pos}`);
  const out: { start: number; end: number }[] = [];
  let p = h.next;
  for (let i = 0; i < h.value; i++) {
    const end = skipItem(buf, p);
    out.push({ start: p, end });
    p = end;
  }
  return out;
}

export function readText(buf: Buffer, pos: number): string {
  const h = readHead(buf, pos);
  if (h.major !== 3) throw new Error(`CBOR: expected a text string at byte ${pos}`);
  return buf.toString('utf8', h.next, h.next + h.value);
}

export function encodeHead(major: number, value: number): Buffer {
  const m = major << 5;
  if (value < 24) return Buffer.from([m | value]);
  if (value < 0x100) return Buffer.from([m | 24, value]);
  if (value < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = m | 25;
    b.writeUInt16BE(value, 1);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = m | 26;
  b.writeUInt32BE(value, 1);
  return b;
}

export const encodeText = (s: string): Buffer => {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([encodeHead(3, bytes.length), bytes]);
};

export const encodeArray = (items: Buffer[]): Buffer => Buffer.concat([encodeHead(4, items.length), ...items]);

// ── Pagefind's compressed files.

export function unpack(file: Buffer, name: string): Buffer {
  let raw = file;
  if (!file.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    try {
      raw = gunzipSync(file);
    } catch {
      throw new Error(`${name}: not a Pagefind file (neither gzip nor the pagefind_dcd signature)`);
    }
  }
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${name}: not a Pagefind file (no pagefind_dcd signature)`);
  return raw.subarray(SIGNATURE.length);
}

export const pack = (cbor: Buffer): Buffer => gzipSync(Buffer.concat([SIGNATURE, cbor]), { level: 9 });

// ── Word index chunks.

export interface WordEntry {
  word: string;
  /** the entry's CBOR, copied as is */
  bytes: Buffer;
}

/** The word entries of a `.pf_index` chunk (a one-field array holding the array of words). */
export function readChunkWords(cbor: Buffer, name: string): WordEntry[] {
  const top = arrayItems(cbor, 0);
  if (top.length !== 1) throw new Error(`${name}: expected a word index with 1 field, found ${top.length}`);
  return arrayItems(cbor, top[0]!.start).map(({ start, end }) => {
    const fields = arrayItems(cbor, start);
    if (fields.length < 2) throw new Error(`${name}: a word entry at byte ${start} has ${fields.length} fields`);
    return { word: readText(cbor, fields[0]!.start), bytes: cbor.subarray(start, end) };
  });
}

export const writeChunk = (words: WordEntry[]): Buffer => encodeArray([encodeArray(words.map((w) => w.bytes))]);

const chars = (s: string): string[] => Array.from(s);

export function commonPrefixLength(a: string, b: string): number {
  const x = chars(a);
  const y = chars(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** Groups consecutive words into chunks of about `targetBytes`, breaking only where allowed. */
export function splitWords(words: WordEntry[], options: RechunkOptions = {}): WordEntry[][] {
  const target = options.targetBytes ?? DEFAULT_TARGET_BYTES;
  const keep = options.keepPrefix ?? 1;
  const chunks: WordEntry[][] = [];
  let current: WordEntry[] = [];
  let size = 0;
  for (const w of words) {
    const prev = current.at(-1);
    if (prev && size >= target && commonPrefixLength(prev.word, w.word) < keep) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(w);
    size += w.bytes.length;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

export interface ChunkRange {
  from: string;
  to: string;
}

/**
 * `[from, to]` per chunk for Pagefind's lookup (first chunk with from <= term <= to): `from` is the
 * first word cut to one character past what it shares with the previous chunk's last word (so
 * shorter prefixes of it land here); `to` is the last word, whole. The first chunk starts at ''.
 */
export function chunkRanges(chunks: WordEntry[][]): ChunkRange[] {
  return chunks.map((chunk, i) => {
    const first = chunk[0]!.word;
    const to = chunk.at(-1)!.word;
    if (i === 0) return { from: '', to };
    const prevLast = chunks[i - 1]!.at(-1)!.word;
    return { from: chars(first).slice(0, commonPrefixLength(prevLast, first) + 1).join(''), to };
  });
}

/** The chunk Pagefind's WASM loads for `term` (strict lookup), or -1. */
export function chunkFor(ranges: ChunkRange[], term: string): number {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const t = utf8(term);
  return ranges.findIndex((r) => Buffer.compare(t, utf8(r.from)) >= 0 && Buffer.compare(t, utf8(r.to)) <= 0);
}

// ── One language's index.

export interface MetaChunk {
  from: string;
  to: string;
  hash: string;
}

export interface LanguageIndex {
  /** the meta's CBOR (after the signature) */
  meta: Buffer;
  /** reads `index/<hash>.pf_index` */
  readChunk(hash: string): Buffer;
}

export interface RechunkedLanguage {
  meta: Buffer;
  chunks: { hash: string; file: Buffer }[];
  oldHashes: string[];
  words: number;
}

export function readMetaChunks(meta: Buffer, name: string): MetaChunk[] {
  const fields = arrayItems(meta, 0);
  const version = readText(meta, fields[0]!.start);
  if (version !== SUPPORTED_VERSION) {
    throw new Error(`${name}: Pagefind ${version} index, but scripts/lib/pagefind-rechunk.ts reads the ${SUPPORTED_VERSION} format. Check the format and update SUPPORTED_VERSION.`);
  }
  const list = fields[META_CHUNKS_FIELD];
  if (!list) throw new Error(`${name}: no chunk list in the meta`);
  return arrayItems(meta, list.start).map(({ start }) => {
    const f = arrayItems(meta, start);
    if (f.length !== 3) throw new Error(`${name}: a chunk entry at byte ${start} has ${f.length} fields, expected [from, to, hash]`);
    return { from: readText(meta, f[0]!.start), to: readText(meta, f[1]!.start), hash: readText(meta, f[2]!.start) };
  });
}

function shortHash(data: Buffer, taken: Set<string>, prefix: string, length: number): string {
  const hex = createHash('sha256').update(data).digest('hex');
  let n = length;
  while (taken.has(`${prefix}${hex.slice(0, n)}`)) n++;
  const hash = `${prefix}${hex.slice(0, n)}`;
  taken.add(hash);
  return hash;
}

/**
 * Re-splits one language's word index. `language` is the hash prefix Pagefind uses for its files
 * (e.g. `zh-hant-hk`). Returns the new meta CBOR and chunk files; the caller writes them.
 */
export function rechunkLanguage(index: LanguageIndex, language: string, options: RechunkOptions = {}): RechunkedLanguage {
  const old = readMetaChunks(index.meta, `${language} meta`);
  const words: WordEntry[] = old.flatMap((c) => readChunkWords(unpack(index.readChunk(c.hash), `${c.hash}.pf_index`), `${c.hash}.pf_index`));
  for (let i = 1; i < words.length; i++) {
    if (Buffer.compare(Buffer.from(words[i - 1]!.word), Buffer.from(words[i]!.word)) >= 0) {
      throw new Error(`${language}: words out of order in Pagefind's index (“${words[i - 1]!.word}” before “${words[i]!.word}”)`);
    }
  }
  const groups = splitWords(words, options);
  const ranges = chunkRanges(groups);
  const taken = new Set<string>();
  const chunks = groups.map((g) => {
    const cbor = writeChunk(g);
    return { hash: shortHash(cbor, taken, `${language}_`, 7), file: pack(cbor) };
  });
  const list = encodeArray(chunks.map((c, i) => encodeArray([encodeText(ranges[i]!.from), encodeText(ranges[i]!.to), encodeText(c.hash)])));
  const fields = arrayItems(index.meta, 0);
  const meta = encodeArray(fields.map((f, i) => (i === META_CHUNKS_FIELD ? list : index.meta.subarray(f.start, f.end))));
  return { meta, chunks, oldHashes: old.map((c) => c.hash), words: words.length };
}

/** The meta's file hash, `<language>_<hex>`, as Pagefind names `pagefind.<hash>.pf_meta`. */
export const metaHash = (meta: Buffer, language: string): string =>
  `${language}_${createHash('sha256').update(meta).digest('hex').slice(0, 18)}`;

// ── A written bundle (dist/pagefind/).

export interface RechunkSummary {
  language: string;
  words: number;
  chunksBefore: number;
  chunksAfter: number;
  largestChunk: number;
}

/** Re-splits every language of the bundle in `pagefindDir` in place and updates pagefind-entry.json. */
export function rechunkBundle(pagefindDir: string, options: RechunkOptions = {}): RechunkSummary[] {
  const entryPath = join(pagefindDir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { languages: Record<string, { hash: string }> };
  const summary: RechunkSummary[] = [];
  for (const info of Object.values(entry.languages)) {
    const language = info.hash.slice(0, info.hash.lastIndexOf('_'));
    const metaPath = join(pagefindDir, `pagefind.${info.hash}.pf_meta`);
    const meta = unpack(readFileSync(metaPath), metaPath);
    const out = rechunkLanguage({ meta, readChunk: (h) => readFileSync(join(pagefindDir, 'index', `${h}.pf_index`)) }, language, options);
    for (const h of out.oldHashes) rmSync(join(pagefindDir, 'index', `${h}.pf_index`));
    for (const c of out.chunks) writeFileSync(join(pagefindDir, 'index', `${c.hash}.pf_index`), c.file);
    rmSync(metaPath);
    info.hash = metaHash(out.meta, language);
    writeFileSync(join(pagefindDir, `pagefind.${info.hash}.pf_meta`), pack(out.meta));
    summary.push({
      language,
      words: out.words,
      chunksBefore: out.oldHashes.length,
      chunksAfter: out.chunks.length,
      largestChunk: Math.max(...out.chunks.map((c) => c.file.length)),
    });
  }
  writeFileSync(entryPath, JSON.stringify(entry));
  return summary;
}
