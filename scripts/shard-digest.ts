/**
 * node scripts/shard-digest.ts K/N — prints the input digest of shard K of N (scripts/lib/shard-inputs.ts):
 * the cache key under which CI keeps the shard's built pages (.github/workflows/pages.yml).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSync } from 'node:fs';
import { parseShard } from '../src/lib/build-part.ts';
import { shardDigest } from './lib/shard-inputs.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
try {
  const { k, n } = parseShard(process.argv[2] ?? '');
  console.log(shardDigest(root, k, n));
} catch (error) {
  writeSync(2, `shard-digest: ${(error as Error).message}\n`);
  process.exit(2);
}
