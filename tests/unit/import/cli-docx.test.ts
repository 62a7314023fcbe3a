/**
 * `npm run import -- report.docx …` as a user runs it (child processes): what it writes (sections,
 * pictures beside them, report.yaml naming the .docx), a re-run that changes nothing, and the
 * files it refuses — a Word 97–2003 .doc, a damaged or truncated .docx, an empty file, a document
 * with no text — each with one line naming the file and what to do, a non-zero exit, nothing written.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Document, Packer, Paragraph } from 'docx';
import { ROOT } from './helpers.ts';
import { checkContent } from '../../../src/lib/content-check.ts';
import { loadEditions } from '../../../src/lib/frameworks.ts';
import { readContentFiles } from '../../../scripts/lib/content-files.ts';

const cli = (args: string[], cwd = ROOT) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'import-docx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const DRAFT = join(ROOT, 'tests/fixtures/import/docx/zh-hant-draft/report.docx');

describe('import CLI with a .docx', () => {
  it('writes the sections and the pictures beside them; report.yaml names the .docx; a re-run writes nothing', () => {
    const out = join(tmp, 'content/reports/greenridge/2024');
    const r = cli([DRAFT, '--issuer', 'greenridge', '--year', '2024', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/outline: the document's contents, 7 entries; 7 matched \(100%\), 7 in order \(100%\); from document headings/);
    expect(r.out).toMatch(/fidelity: 100\.00%/);
    const files = readdirSync(join(out, 'zh-Hant')).sort();
    expect(files.filter((f) => f.endsWith('.png'))).toEqual(['c01-s01-1.png', 'c01-s02-1.png']);
    expect(files.filter((f) => f.endsWith('.mdx'))).toHaveLength(7);
    expect(readFileSync(join(out, 'zh-Hant/04-c01-s01.mdx'), 'utf8')).toContain('](./c01-s01-1.png)');
    const y = parse(readFileSync(join(out, 'report.yaml'), 'utf8'));
    expect(y.sources[0].file).toMatch(/report\.docx$/);
    expect(y.sources[0].sha256).toBe(createHash('sha256').update(readFileSync(DRAFT)).digest('hex'));
    const again = cli([DRAFT, '--issuer', 'greenridge', '--year', '2024', '--out', out]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/\(10 file\(s\) unchanged\)/);
    expect(again.out).not.toMatch(/^\s+(create|overwrite|update|delete) /m);
    // what it wrote passes npm run check's content checks (schemas, MDX, parity) with its issuer file
    mkdirSync(join(tmp, 'content/issuers'), { recursive: true });
    writeFileSync(join(tmp, 'content/issuers/greenridge.yaml'), 'id: greenridge\nstockCode: "02279"\nname: { zh-Hant: 翠嶺物流控股有限公司 }\nshortName: { zh-Hant: 翠嶺物流 }\n');
    const problems = checkContent(readContentFiles(tmp), loadEditions());
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // the picture without alt text is a warning at its line
    const alt = problems.filter((p) => /picture without alt text/.test(p.message));
    expect(alt.map((p) => [p.file.replace(/^.*content\//, ''), p.severity])).toEqual([['reports/greenridge/2024/zh-Hant/05-c01-s02.mdx', 'warning']]);
    expect(readFileSync(join(out, 'zh-Hant/05-c01-s02.mdx'), 'utf8').split('\n')[alt[0].line - 1]).toMatch(/ALT TEXT NEEDED/);
  }, 120_000);

  // name → bytes, why (the message's reason); the file name is what the user typed
  const good = () => readFileSync(DRAFT);
  const ole2 = () => { const b = Buffer.alloc(4096); Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b); return b; };
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['draft.doc', ole2, /Word 97–2003 \.doc.*save it as "Word Document \(\.docx\)"/],
    ['legacy-named.docx', ole2, /Word 97–2003 \.doc/],
    ['truncated.docx', () => good().subarray(0, 4000), /damaged \.docx \(.*\); open it in Word and save it again as \.docx/],
    ['garbage.docx', () => Buffer.from('this is not a Word document\n'.repeat(20)), /not a \.docx \(no zip header\)/],
    ['zero.docx', () => new Uint8Array(0), /file is empty \(0 bytes\)/],
    ['blank.docx', () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })), /the Word document has no text/],
  ];

  it.each(cases)('refuses %s: one line naming the file and what to do, exit 1, nothing written', async (name, bytes, why) => {
    const dir = join(tmp, 'bad', name.replace(/\W/g, '-'));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    writeFileSync(file, await bytes());
    const out = join(dir, 'out');
    const r = cli([file, '--issuer', 'acme', '--year', '2024', '--out', out], dir);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^import: ${name.replace('.', '\\.')}: `));
    expect(lines[0]).toMatch(why);
    expect(r.out).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
