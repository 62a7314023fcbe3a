/**
 * What a shard's pages are made from, as one digest: its issuers' files (issuer yaml, every report
 * file but the source/ extractions), the shared content (catalogues, dictionaries, conversion
 * allow-list), the engine (src/, public/, scripts/build.ts and scripts/lib/, astro.config.mjs,
 * tsconfig.json, package-lock.json) and the settings that change pages (SITE_URL, ESG_PAGE_SIZE).
 * An unchanged digest means the shard's last output can be reused as it is.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { issuersInPart } from '../../src/lib/build-part.ts';

/** Issuers (ids, sorted) whose pages shard K of N builds. */
export function shardIssuers(root: string, k: number, n: number): string[] {
  return issuersInPart(join(root, 'content', 'reports'), { kind: 'shard', k, n });
}

function files(path: string, skip: (rel: string) => boolean, root: string, out: string[] = []): string[] {
  if (!existsSync(path)) return out;
  if (statSync(path).isFile()) {
    out.push(path);
    return out;
  }
  for (const entry of readdirSync(path).sort()) {
    const p = join(path, entry);
    if (skip(relative(root, p).split(sep).join('/'))) continue;
    files(p, skip, root, out);
  }
  return out;
}

const ENGINE = ['src', 'public', 'scripts/build.ts', 'scripts/lib', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json'];
const SHARED = ['content/frameworks', 'content/dictionaries', 'content/conversion-allow.yaml'];

/** The input files of shard K of N, relative to the project, in a fixed order. */
export function shardInputFiles(root: string, k: number, n: number): string[] {
  const skip = (rel: string) => rel.split('/').includes('source') || rel.split('/').includes('.DS_Store');
  const paths = [
    ...ENGINE,
    ...SHARED,
    ...shardIssuers(root, k, n).flatMap((issuer) => [`content/issuers/${issuer}.yaml`, `content/reports/${issuer}`]),
  ];
  return paths.flatMap((p) => files(join(root, p), skip, root)).map((f) => relative(root, f).split(sep).join('/'));
}

export function shardDigest(root: string, k: number, n: number, env: Record<string, string | undefined> = process.env): string {
  const hash = createHash('sha256');
  hash.update(`shard ${k}/${n}\nSITE_URL=${env.SITE_URL ?? ''}\nESG_PAGE_SIZE=${env.ESG_PAGE_SIZE ?? ''}\n`);
  for (const rel of shardInputFiles(root, k, n)) {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
