// The importer writes redirects.yaml when a re-import changes section ids: a copy of the seed report
// whose files carry other ids (as an earlier import might have written them) is re-imported.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LANGS, ROOT, SOURCE, sourcePath } from './helpers.ts';
import { checkContent } from '../../../src/lib/content-check.ts';
import { loadEditions } from '../../../src/lib/frameworks.ts';
import { readContentFiles } from '../../../scripts/lib/content-files.ts';

const tmp = mkdtempSync(join(tmpdir(), 'import-redirects-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const d = join(tmp, 'content/reports/alibaba-health/2018');
const SLOW = 120_000; // each import runs the pipeline in a child process
const cli = (lang: string, ...more: string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), join(d, 'source', `r.${lang}.txt`), '--issuer', 'alibaba-health', '--year', '2018', '--lang', lang, '--out', d, ...more], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** Gives the section `id` of every edition another id (and, with `retitle`, another title), as an older import would have. */
function renameSection(id: string, oldId: string, retitle?: string): void {
  for (const lang of LANGS) {
    const name = readdirSync(join(d, lang)).find((f) => f.endsWith(`-${id}.mdx`))!;
    const file = join(d, lang, name);
    let text = readFileSync(file, 'utf8').replace(`\nid: ${id}\n`, `\nid: ${oldId}\n`);
    if (retitle) text = text.replace(/\ntitle: .*\n/, `\ntitle: ${retitle}\n`);
    writeFileSync(file, text);
    renameSync(file, join(d, lang, name.replace(`-${id}.mdx`, `-${oldId}.mdx`)));
  }
}

const redirectsFile = () => parse(readFileSync(join(d, 'redirects.yaml'), 'utf8'));

describe('import CLI: redirects of changed section ids', () => {
  it('sets up a report imported in both languages, then renamed as an older import would have it', () => {
    mkdirSync(join(d, 'source'), { recursive: true });
    for (const lang of LANGS) copyFileSync(sourcePath(lang), join(d, 'source', `r.${lang}.txt`));
    copyFileSync(join(SOURCE, 'overrides.yaml'), join(d, 'source/overrides.yaml'));
    for (const lang of LANGS) expect(cli(lang).code).toBe(0);
    renameSection('p1-c1', 'healthy-living');
    renameSection('esg-index', 'reporting-guide-index', 'Old index title');
    for (const lang of LANGS) writeFileSync(join(d, lang, '19-reader-survey.mdx'), '---\nid: reader-survey\ntitle: Survey\norder: 19\n---\n\nTell us what you think of this report by mail.\n');
    writeFileSync(join(d, 'redirects.yaml'), '- { from: older-living, to: healthy-living }\n');
  }, SLOW);

  it('re-importing one edition plans the redirects but writes none while the other edition still has the old ids', () => {
    const r = cli('en', '--force');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('redirects: 3 old id(s) gone');
    expect(r.out).toMatch(/healthy-living → p1-c1 \(same title\) \(not written: still a section of another edition\)/);
    expect(r.out).toMatch(/reporting-guide-index → esg-index \(shared text \d+%\)/);
    expect(r.out).toMatch(/reader-survey → \/ \(no same title or shared text: report home\)/);
    expect(redirectsFile()).toEqual([{ from: 'older-living', to: 'healthy-living' }]);
  }, SLOW);

  it('re-importing the other edition writes them, chaining the earlier entry', () => {
    const r = cli('zh-Hant', '--force', '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.redirects).toEqual([
      { from: 'healthy-living', to: 'p1-c1', why: 'title', written: true },
      { from: 'reporting-guide-index', to: 'esg-index', why: expect.stringMatching(/^text \d+%$/), written: true },
      { from: 'reader-survey', to: '/', why: 'home', written: true },
    ]);
    expect(redirectsFile()).toEqual([
      { from: 'older-living', to: 'p1-c1' },
      { from: 'healthy-living', to: 'p1-c1' },
      { from: 'reporting-guide-index', to: 'esg-index' },
      { from: 'reader-survey', to: '/' },
    ]);
  }, SLOW);

  it('the written report passes npm run check, and a second import changes nothing', () => {
    const all = [...readContentFiles(ROOT).filter((f) => f.path.startsWith('content/issuers/')), ...readContentFiles(tmp)];
    expect(all.some((f) => f.path === 'content/reports/alibaba-health/2018/redirects.yaml')).toBe(true);
    expect(checkContent(all, loadEditions()).filter((p) => p.severity === 'error')).toEqual([]);
    for (const lang of LANGS) {
      const r = cli(lang, '--dry-run');
      expect(r.out).toContain('redirects: 0 old id(s) gone');
      expect(r.out).not.toMatch(/^\s+(create|overwrite|update|delete) /m);
    }
  }, SLOW);

  it('a broken redirects.yaml stops the import with one line naming it', () => {
    writeFileSync(join(d, 'redirects.yaml'), '- { from: Bad Id, to: p1-c1 }\n');
    const r = cli('en', '--force');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/redirects\.yaml: 0\.from: use lowercase letters.*fix it/);
  }, SLOW);
});
