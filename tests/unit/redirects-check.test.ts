// npm run check on redirects.yaml (src/lib/content-check.ts): the fixture passes on the real
// archive; each broken variant is one error at the line of the offending entry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentFile } from '../../src/lib/content-check.ts';
import { readContentFiles } from '../../scripts/lib/content-files.ts';
import { loadEditions } from '../../src/lib/frameworks.ts';

// The issuers and the one report, section bodies left out: the rules read ids, and MDX checks are slow.
const files = readContentFiles(process.cwd())
  .filter((f) => f.path.startsWith('content/issuers/') || f.path.startsWith('content/reports/alibaba-health/2018/'))
  .map((f) => (f.path.endsWith('.mdx') ? { ...f, text: f.text.replace(/^(---\n[\s\S]*?\n---\n)[\s\S]*$/, '$1') } : f));
const editions = loadEditions();
const FIXTURE = readFileSync('tests/fixtures/redirects/alibaba-health-2018.redirects.yaml', 'utf8');
const PATH = 'content/reports/alibaba-health/2018/redirects.yaml';

function errors(text: string, path = PATH): { line: number; message: string; lineText: string }[] {
  const all: ContentFile[] = [...files.filter((f) => f.path !== path), { path, text }];
  return checkContent(all, editions)
    .filter((p) => p.severity === 'error')
    .map((p) => {
      expect(p.file).toBe(path);
      return { line: p.line, message: p.message, lineText: text.split('\n')[p.line - 1] ?? '' };
    });
}
const edit = (from: string, to: string) => {
  expect(FIXTURE).toContain(from);
  return FIXTURE.replace(from, to);
};

describe('redirects.yaml in npm run check', () => {
  it('the fixture is valid against the real report, and so is an empty file', () => {
    expect(errors(FIXTURE)).toEqual([]);
    expect(errors('# nothing moved yet\n')).toEqual([]);
  });

  it('an old id that is a current section id is an error naming its file', () => {
    const [e, ...rest] = errors(edit('from: transparent-laboratory', 'from: p1-c3'));
    expect(rest).toEqual([]);
    expect(e!.lineText).toContain('from: p1-c3');
    expect(e!.message).toMatch(/"p1-c3" is a current section id \(content\/reports\/alibaba-health\/2018\/[a-zA-Z-]+\/07-p1-c3\.mdx\)/);
  });

  it('an old id that is a report page (hkex-index, data) is an error', () => {
    const [e] = errors(edit('from: reader-survey', 'from: hkex-index'));
    expect(e!.lineText).toContain('hkex-index');
    expect(e!.message).toMatch(/page of every report/);
  });

  it('a target that is not a section (in the edition the entry applies to) is an error', () => {
    const [e, ...rest] = errors(edit('to: p1-c2', 'to: p1-c9'));
    expect(rest).toEqual([]);
    expect(e!.lineText).toContain('p1-c9');
    expect(e!.message).toMatch(/to "p1-c9" is not a section id of this report in en, zh-Hant/);
    const [f] = errors(edit('lang: en', 'lang: zh-Hans'));
    expect(f!.message).toMatch(/lang "zh-Hans" is not one of the report's languages/);
  });

  it('a target that is itself an old id (a chain left in the file) is an error', () => {
    const [e] = errors(edit('to: p1-c1', 'to: transparent-laboratory'));
    expect(e!.line).toBe(3);
    expect(e!.message).toMatch(/not a section id/);
  });

  it('the same old id twice is an error at the second entry', () => {
    const [e] = errors(`${FIXTURE}- { from: reader-survey, to: p1-c1 }\n`);
    expect(e!.line).toBe(FIXTURE.split('\n').length);
    expect(e!.message).toMatch(/redirected twice/);
  });

  it('schema errors name the field: not a list entry, a bad id, an unknown key', () => {
    const [a] = errors(edit('to: /', 'to: Reader Survey'));
    expect(a!.lineText).toContain('Reader Survey');
    expect(a!.message).toMatch(/^2\.to: .*report home/);
    const [b] = errors(edit('lang: en', 'language: en'));
    expect(b!.message).toMatch(/language/);
    const [c] = errors('from: a\nto: b\n');
    expect(c!.message).toMatch(/expected array/);
  });

  it('a redirects.yaml without a report.yaml is an error', () => {
    const [e] = errors(FIXTURE, 'content/reports/alibaba-health/2017/redirects.yaml');
    expect(e!.message).toMatch(/no report\.yaml next to it/);
  });
});
