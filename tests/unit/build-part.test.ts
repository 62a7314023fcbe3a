import { describe, expect, it } from 'vitest';
import { buildPart, buildsCrossPages, buildsIssuer, buildsIssuerPages, parseShard, shardOf } from '../../src/lib/build-part.ts';
import { shardInputFiles, shardIssuers } from '../../scripts/lib/shard-inputs.ts';

const ROOT = process.cwd();

describe('build parts', () => {
  it('reads ESG_BUILD_PART: unset is the whole site, shard:K/N and cross are parts, anything else an error that says what to give', () => {
    expect(buildPart({})).toEqual({ kind: 'all' });
    expect(buildPart({ ESG_BUILD_PART: 'shard:2/5' })).toEqual({ kind: 'shard', k: 2, n: 5 });
    expect(buildPart({ ESG_BUILD_PART: 'cross' })).toEqual({ kind: 'cross' });
    expect(() => buildPart({ ESG_BUILD_PART: 'half' })).toThrow(/give shard:K\/N or cross/);
    expect(() => parseShard('0/3')).toThrow(/1 ≤ K ≤ N/);
    expect(() => parseShard('4/3')).toThrow(/1 ≤ K ≤ N/);
  });
  it('puts every issuer in exactly one shard, the same one whatever other issuers exist', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `issuer-${i}`);
    for (const n of [1, 2, 7, 32]) {
      const counts = new Array(n).fill(0);
      for (const id of ids) {
        const k = shardOf(id, n);
        expect(k).toBeGreaterThanOrEqual(1);
        expect(k).toBeLessThanOrEqual(n);
        counts[k - 1]++;
        expect(Array.from({ length: n }, (_, j) => buildsIssuer(id, { kind: 'shard', k: j + 1, n })).filter(Boolean)).toHaveLength(1);
      }
      // spread: no shard holds more than twice its share
      expect(Math.max(...counts)).toBeLessThanOrEqual((2 * ids.length) / n);
    }
  });
  it('a shard builds its issuers’ pages only, the cross part the archive’s only, the whole build both', () => {
    expect(buildsIssuer('alibaba', { kind: 'all' })).toBe(true);
    expect(buildsIssuer('alibaba', { kind: 'cross' })).toBe(false);
    expect(buildsCrossPages({ kind: 'shard', k: 1, n: 2 })).toBe(false);
    expect(buildsCrossPages({ kind: 'cross' })).toBe(true);
    expect(buildsIssuerPages({ kind: 'cross' })).toBe(false);
  });
  it('a shard’s inputs are its issuers’ files (no source extractions), the shared catalogues and the engine', () => {
    const all = [1, 2].flatMap((k) => shardIssuers(ROOT, k, 2));
    expect(all.sort()).toEqual(['alibaba', 'alibaba-health', 'jd-health']);
    const k = shardOf('alibaba', 2);
    const files = shardInputFiles(ROOT, k, 2);
    expect(files).toContain('content/reports/alibaba/2025/report.yaml');
    expect(files).toContain('content/issuers/alibaba.yaml');
    expect(files).toContain('content/frameworks/hkex-2025.yaml');
    expect(files).toContain('src/lib/build-part.ts');
    expect(files).toContain('package-lock.json');
    expect(files.some((f) => f.includes('/source/'))).toBe(false);
    expect(files.some((f) => f.startsWith('content/reports/jd-health/'))).toBe(shardOf('jd-health', 2) === k);
  });
});

describe('the Pages workflow', () => {
  it('runs one matrix job per shard 1…SHARDS and merges them, keyed by each shard’s input digest', async () => {
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const wf = parse(readFileSync(`${ROOT}/.github/workflows/pages.yml`, 'utf8'));
    const n = Number(wf.env.SHARDS);
    expect(wf.jobs.shard.strategy.matrix.shard).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const steps = JSON.stringify(wf.jobs.shard.steps);
    expect(steps).toContain('npm run build -- --shard ${{ matrix.shard }}/$SHARDS');
    expect(steps).toContain('node scripts/shard-digest.ts');
    expect(wf.jobs.merge.needs).toContain('shard');
    expect(JSON.stringify(wf.jobs.merge.steps)).toContain('npm run build -- --merge shards/shard-*');
  });
});
