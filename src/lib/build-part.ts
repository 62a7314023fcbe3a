/**
 * Which part of the site a build makes (docs/scale.md, *Sharded builds*). `ESG_BUILD_PART`:
 *   unset        the whole site (one build);
 *   `shard:K/N`  the pages of the issuers of shard K of N: issuer pages, report homes, sections,
 *                HKEX index and data pages, redirects, downloads (everything under an issuer);
 *   `cross`      the pages over the whole archive: archive home, listings, issuer directory,
 *                HKEX catalogue and code pages, coverage, search page, archive.json.
 * A shard holds whole issuers, so every page that shows an issuer's other reports (years, same
 * topic, KPI series) has them in its own build. Issuers go to shards by a hash of their id, so
 * adding an issuer never moves another one to a different shard.
 */
import { existsSync, readdirSync } from 'node:fs';

export type BuildPart = { kind: 'all' } | { kind: 'shard'; k: number; n: number } | { kind: 'cross' };

/** Parses `K/N` (1 ≤ K ≤ N); throws a message that says what to give. */
export function parseShard(spec: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) throw new Error(`shard "${spec}": give K/N with 1 ≤ K ≤ N, e.g. --shard 2/4`);
  return { k, n };
}

export function buildPart(env: Record<string, string | undefined> = process.env): BuildPart {
  const raw = env.ESG_BUILD_PART;
  if (!raw) return { kind: 'all' };
  if (raw === 'cross') return { kind: 'cross' };
  if (raw.startsWith('shard:')) return { kind: 'shard', ...parseShard(raw.slice(6)) };
  throw new Error(`ESG_BUILD_PART=${raw}: give shard:K/N or cross, or leave it unset for the whole site`);
}

/** FNV-1a (32 bit) of the id: a stable spread of issuers over shards. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The shard (1…n) an issuer's pages are built in. */
export function shardOf(issuer: string, n: number): number {
  return (fnv1a(issuer) % n) + 1;
}

/** Whether this build makes the pages of `issuer`. */
export function buildsIssuer(issuer: string, part: BuildPart = buildPart()): boolean {
  return part.kind === 'all' || (part.kind === 'shard' && shardOf(issuer, part.n) === part.k);
}

/** Issuer ids (folders of `reportsDir`, sorted) whose pages `part` builds. */
export function issuersInPart(reportsDir: string, part: BuildPart = buildPart()): string[] {
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && buildsIssuer(e.name, part))
    .map((e) => e.name)
    .sort();
}

/** Whether this build makes the pages over the whole archive. */
export function buildsCrossPages(part: BuildPart = buildPart()): boolean {
  return part.kind !== 'shard';
}

/** Whether this build makes any issuer's pages. */
export function buildsIssuerPages(part: BuildPart = buildPart()): boolean {
  return part.kind !== 'cross';
}
