import { describe, expect, it } from 'vitest';
import { checkContent, type ContentFile } from '../../src/lib/content-check.ts';
import { readContentFiles } from '../../scripts/lib/content-files.ts';
import { loadEditions } from '../../src/lib/frameworks.ts';

const root = process.cwd();
const files = readContentFiles(root);
const catalogues = loadEditions();
const errorsOf = (problems: ReturnType<typeof checkContent>) => problems.filter((p) => p.severity === 'error');

function mutate(match: RegExp, edit: (text: string) => string): ContentFile[] {
  let hit = false;
  const out = files.map((f) => {
    if (!hit && match.test(f.path)) {
      hit = true;
      return { ...f, text: edit(f.text) };
    }
    return f;
  });
  expect(hit, `no content file matches ${match}`).toBe(true);
  return out;
}

describe('npm run check on the committed archive', () => {
  it('finds content and no problems', () => {
    expect(files.some((f) => f.path.endsWith('.mdx'))).toBe(true);
    expect(errorsOf(checkContent(files, catalogues))).toEqual([]);
  });
  it('an issuer id that is a page of the site (years, issuers, hkex, search) is refused, naming the file and what to do', () => {
    const broken = mutate(/issuers\/jd-health\.yaml$/, (t) => t.replace(/^id: jd-health$/m, 'id: years'));
    const problems = errorsOf(checkContent(broken, catalogues));
    expect(problems.some((p) => p.file.endsWith('issuers/jd-health.yaml') && /page of the site.*choose another issuer id/.test(p.message))).toBe(true);
  });
  it('names the file, line and field of a schema error', () => {
    const broken = mutate(/report\.yaml$/, (t) => t.replace(/(start:\s*)\d{4}-\d{2}-\d{2}/, '$1April 2017'));
    const problems = errorsOf(checkContent(broken, catalogues));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toMatch(/report\.yaml$/);
    expect(problems[0]!.message).toMatch(/period\.start.*YYYY-MM-DD/);
    const lineText = broken.find((f) => f.path === problems[0]!.file)!.text.split('\n')[problems[0]!.line - 1];
    expect(lineText).toContain('April 2017');
  });
  it('a report.yaml without title, yearLabel, period or hkexEdition: the field, an example and where to look, not a zod message', () => {
    const fields: [string, RegExp, RegExp][] = [
      ['title', /^title:\n(?: {2}.*\n)+/m, /^missing title; e\.g\. title: \{ en: "Environmental, Social and Governance Report 2024" \}; look for the report's name on the cover/],
      ['yearLabel', /^yearLabel:\n(?: {2}.*\n)+/m, /^missing yearLabel; e\.g\. yearLabel: \{ en: FY2025 \} .*; look for FY2025 \/ 2025財年/],
      ['period', /^period: .*\n/m, /^missing period; e\.g\. period: \{ start: 2024-01-01, end: 2024-12-31 \}; look for "This report covers the period…" \/ 報告期 in About this Report$/],
      ['hkexEdition', /^hkexEdition: .*\n/m, /^missing hkexEdition; e\.g\. hkexEdition: hkex-2020; look for "prepared in accordance with/],
    ];
    for (const [field, remove, message] of fields) {
      const broken = mutate(/alibaba-health\/2018\/report\.yaml$/, (t) => t.replace(remove, ''));
      const problems = errorsOf(checkContent(broken, catalogues));
      expect(problems.map((p) => p.message), field).toHaveLength(1);
      expect(problems[0]!.file).toMatch(/alibaba-health\/2018\/report\.yaml$/);
      expect(problems[0]!.message, field).toMatch(message);
    }
    // a field that is there but wrong keeps the schema's own message
    const wrong = errorsOf(checkContent(mutate(/alibaba-health\/2018\/report\.yaml$/, (t) => t.replace(/^hkexEdition: .*$/m, 'hkexEdition: hkex-2019')), catalogues));
    expect(wrong.map((p) => p.message)).toEqual([expect.stringMatching(/^hkexEdition: /)]);
  }, 60_000); // five runs of the whole check
  it('reports a code the edition does not define, at its line in the frontmatter', () => {
    const broken = mutate(/\/en\/.*\.mdx$/, (t) => t.replace(/hkex: \[[^\]]*\]/, 'hkex: [A1, Z9.9]'));
    const problems = errorsOf(checkContent(broken, catalogues));
    const problem = problems.find((p) => /Z9\.9|HKEX codes/.test(p.message));
    expect(problem).toBeDefined();
    const lineText = broken.find((f) => f.path === problem!.file)!.text.split('\n')[problem!.line - 1];
    expect(lineText).toContain('Z9.9');
  });
  it('checks derived tags (frameworks.hkexDerived) against the edition too, at their line', () => {
    const ok = mutate(/\/en\/.*\.mdx$/, (t) => t.replace(/(hkex: \[[^\]]*\])/, '$1\n  hkexDerived: [B1, B1.1]'));
    expect(errorsOf(checkContent(ok, catalogues))).toEqual([]);
    const broken = mutate(/\/en\/.*\.mdx$/, (t) => t.replace(/(hkex: \[[^\]]*\])/, '$1\n  hkexDerived: [B1, A9.9]'));
    const problems = errorsOf(checkContent(broken, catalogues));
    expect(problems.map((p) => p.message)).toEqual(['A9.9 is not a code of hkex-2015']);
    expect(broken.find((f) => f.path === problems[0]!.file)!.text.split('\n')[problems[0]!.line - 1]).toBe('  hkexDerived: [B1, A9.9]');
  });
  it('reports a section that one language edition lacks', () => {
    const dropped = files.filter((f) => !/\/en\/01-[^/]+\.mdx$/.test(f.path));
    expect(dropped.length).toBe(files.length - 1);
    const problems = errorsOf(checkContent(dropped, catalogues));
    expect(problems.some((p) => /exists in zh-Hant but not in en/.test(p.message))).toBe(true);
  });
  it('warns about figures that only one language edition prints, naming the line', () => {
    const problems = checkContent(files, catalogues).filter((p) => p.severity === 'warning' && /does not appear in its/.test(p.message));
    // The filed Alibaba Health report: zh says the programme started in 2003 (從2003年開始), en omits it.
    expect(problems.some((p) => p.file.endsWith('zh-Hant/12-p2-c4.mdx') && p.message.startsWith('2003 '))).toBe(true);
    for (const p of problems) {
      const line = files.find((f) => f.path === p.file)!.text.split('\n')[p.line - 1]!;
      expect(line.replaceAll(',', ''), `${p.file}:${p.line}`).toContain(p.message.split(' ')[0]!.replace('%', ''));
    }
  });
  it('warns about items of the edition that no section tags and no comply entry covers', () => {
    const trimmed = mutate(/alibaba-health\/2018\/report\.yaml$/, (t) => t.replace(/^\s*- \{ code: A2\.5, status: not-applicable \}\n/m, ''));
    const problems = checkContent(trimmed, catalogues).filter((p) => /neither tagged in a section nor listed under comply/.test(p.message));
    expect(problems.some((p) => p.file.includes('alibaba-health') && /\bA2\.5\b/.test(p.message))).toBe(true);
    const before = checkContent(files, catalogues).filter((p) => p.file.includes('alibaba-health') && /neither tagged/.test(p.message));
    expect(before).toEqual([]);
  });
});
