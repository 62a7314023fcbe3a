/**
 * Sharded and incremental builds (scripts/build.ts, src/lib/build-part.ts, docs/scale.md) on a copy
 * of the archive with pages of two entries (ESG_PAGE_SIZE=2, so paged code pages, coverage and
 * listings are split too): two shards merged equal one build byte for byte; a second run reuses
 * both shards; after an edit to one section only that section's shard is rebuilt and the edit is
 * on the page; bad shard arguments are refused with a message.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../support/project-copy.ts';
import { diffManifests, hashTree } from '../support/site.ts';
import { shardOf } from '../../src/lib/build-part.ts';
import { checkLinks } from '../../src/lib/site-links.ts';

let copy: string;
const env: NodeJS.ProcessEnv = { ...process.env, ESG_PAGE_SIZE: '2' };
delete env.ESG_SHARDS;
function build(...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/build.ts', ...args], { cwd: copy, env, encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}\n${run.stderr}`, timings: existsSync(path.join(copy, '.cache/build-timings.json')) ? JSON.parse(readFileSync(path.join(copy, '.cache/build-timings.json'), 'utf8')) : undefined };
}
const issuers = () => readdirSync(path.join(copy, 'content/reports')).sort();

describe('sharded and incremental builds (two shards, pages of two)', () => {
  let single: ReturnType<typeof hashTree>;
  let first: ReturnType<typeof build>;
  beforeAll(() => {
    copy = copyProject({ reports: readdirSync(path.join(process.cwd(), 'content/reports')), prefix: 'shards-' });
    const one = build('--out', 'single');
    if (one.status !== 0) throw new Error(one.out);
    single = hashTree(path.join(copy, 'single'));
    first = build('--shards', '2', '--out', 'merged');
    if (first.status !== 0) throw new Error(first.out);
  }, 900_000);
  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('both shards hold issuers, and the merged site equals the single build byte for byte (pages, sitemap, search index)', () => {
    const shards = new Set(issuers().map((i) => shardOf(i, 2)));
    expect([...shards].sort()).toEqual([1, 2]);
    expect(first.timings.shards).toBe(2);
    expect(first.timings.reusedShards).toEqual([]);
    const merged = hashTree(path.join(copy, 'merged'));
    expect(diffManifests(single.files, merged.files)).toEqual([]);
    expect(single.files.size).toBeGreaterThan(1000);
    // the merge's search index was built in a folder of its own beside the cross build: nothing of it is left
    expect(readdirSync(copy).filter((e) => /\.(search|staging)-\d+$/.test(e))).toEqual([]);
    // the small pages really split: a code page with a second page
    expect([...merged.files.keys()].some((f) => /^tc\/hkex\/hkex-2020\/[^/]+\/2\/index\.html$/.test(f))).toBe(true);
  });

  it('every internal link and anchor of the paged site resolves (pager links to further code, coverage, year and directory pages)', () => {
    const dir = path.join(copy, 'merged');
    const files = [...hashTree(dir).files.keys()];
    const pages = files.filter((f) => f.endsWith('.html')).map((file) => ({ file, html: readFileSync(path.join(dir, file), 'utf8') }));
    const report = checkLinks(pages, files);
    expect(report.broken.map((b) => `${b.page}: ${b.value} (${b.kind})`)).toEqual([]);
    const pagerTargets = files.filter((f) => /^(en|tc|sc)\/(hkex\/coverage\/[^/]+|years\/[^/]+|issuers)\/2\/index\.html$/.test(f));
    expect(pagerTargets.length).toBeGreaterThanOrEqual(3);
  });

  it('a second build reuses both unchanged shards and gives the same site', () => {
    const again = build('--shards', '2', '--out', 'merged');
    expect(again.status, again.out).toBe(0);
    expect(again.timings.reusedShards).toEqual(['1/2', '2/2']);
    expect(diffManifests(single.files, hashTree(path.join(copy, 'merged')).files)).toEqual([]);
  });

  it('after an edit to one section, only its shard is rebuilt and the edit is on the page', () => {
    const dir = path.join(copy, 'content/reports/alibaba/2025/zh-Hant');
    const file = readdirSync(dir).find((f) => f.endsWith('.mdx'))!;
    appendFileSync(path.join(dir, file), '\n\n分片增量建置測試段落。\n');
    const edited = build('--shards', '2', '--out', 'merged');
    expect(edited.status, edited.out).toBe(0);
    const mine = shardOf('alibaba', 2);
    expect(edited.timings.reusedShards).toEqual([`${3 - mine}/2`]);
    const id = file.replace(/^\d+-/, '').replace(/\.mdx$/, '');
    expect(readFileSync(path.join(copy, 'merged/tc/alibaba/2025', id, 'index.html'), 'utf8')).toContain('分片增量建置測試段落');
    expect(readFileSync(path.join(copy, 'merged/sc/alibaba/2025', id, 'index.html'), 'utf8')).toContain('分片增量建置测试段落');
  });

  it('refuses a shard outside 1…N and a merge without every shard, writing nothing', () => {
    const bad = build('--shard', '3/2');
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/shard "3\/2": give K\/N with 1 ≤ K ≤ N/);
    const partial = build('--merge', '.cache/shards/1-of-2/site', '--out', 'partial');
    expect(partial.status).toBe(1);
    expect(partial.out).toMatch(/a merge needs every shard 1\/N … N\/N of one N exactly once/);
    expect(existsSync(path.join(copy, 'partial'))).toBe(false);
    // a shard holds no search index (the merge writes it): a stray one is refused, the last good site kept
    const stray = path.join(copy, '.cache/shards/1-of-2/site/pagefind');
    mkdirSync(stray);
    const before = hashTree(path.join(copy, 'merged'));
    const refused = build('--merge', '.cache/shards/1-of-2/site', '.cache/shards/2-of-2/site', '--out', 'merged');
    rmSync(stray, { recursive: true });
    expect(refused.status).toBe(1);
    expect(refused.out).toMatch(/1-of-2\/site\/pagefind exists: a shard holds no search index/);
    expect(refused.out).toMatch(/The last good site in .*merged was left as it was/);
    expect(diffManifests(before.files, hashTree(path.join(copy, 'merged')).files)).toEqual([]);
  });
});
