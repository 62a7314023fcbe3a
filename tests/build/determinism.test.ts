// Builds the site again into a temporary directory with the real pipeline
// (node scripts/build.ts --out <tmp>) and compares every file's sha256 with dist/: the same
// input must build byte-identical pages (and search index). `npm run bench` reports it too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT, assertDistBuilt } from '../support/paths.ts';
import { diffManifests, hashTree } from '../support/site.ts';

describe('deterministic build', () => {
  it('a second build is byte-identical to dist/', { timeout: 15 * 60_000 }, () => {
    assertDistBuilt();
    const work = mkdtempSync(path.join(tmpdir(), 'esg-determinism-'));
    const out = path.join(work, 'dist');
    try {
      const res = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.ts'), '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(res.status, `scripts/build.ts --out ${out} failed:\n${res.stdout}\n${res.stderr}`).toBe(0);
      const diff = diffManifests(hashTree(DIST).files, hashTree(out).files);
      expect(diff, `${diff.length} files differ between dist/ and a fresh build`).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
