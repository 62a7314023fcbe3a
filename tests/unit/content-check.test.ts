import { describe, expect, it } from 'vitest';
import { checkContent, type ContentFile } from '../../src/lib/content-check.ts';
import { readCatalogueCodes, readContentFiles } from '../../scripts/lib/content-files.ts';

const root = process.cwd();
const files = readContentFiles(root);
const catalogues = readCatalogueCodes(root);

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
    expect(checkContent(files, catalogues)).toEqual([]);
  });
  it('names the file, line and field of a schema error', () => {
    const broken = mutate(/report\.yaml$/, (t) => t.replace(/(start:\s*)\d{4}-\d{2}-\d{2}/, '$1April 2017'));
    const problems = checkContent(broken, catalogues);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toMatch(/report\.yaml$/);
    expect(problems[0]!.message).toMatch(/period\.start.*YYYY-MM-DD/);
    const lineText = broken.find((f) => f.path === problems[0]!.file)!.text.split('\n')[problems[0]!.line - 1];
    expect(lineText).toContain('April 2017');
  });
  it('reports a code the edition does not define, at its line in the frontmatter', () => {
    const broken = mutate(/\/en\/.*\.mdx$/, (t) => t.replace(/hkex: \[[^\]]*\]/, 'hkex: [A1, Z9.9]'));
    const problems = checkContent(broken, catalogues);
    const problem = problems.find((p) => /Z9\.9|HKEX codes/.test(p.message));
    expect(problem).toBeDefined();
    const lineText = broken.find((f) => f.path === problem!.file)!.text.split('\n')[problem!.line - 1];
    expect(lineText).toContain('Z9.9');
  });
  it('reports a section that one language edition lacks', () => {
    const dropped = files.filter((f) => !/\/en\/01-[^/]+\.mdx$/.test(f.path));
    expect(dropped.length).toBe(files.length - 1);
    const problems = checkContent(dropped, catalogues);
    expect(problems.some((p) => /exists in zh-Hant but not in en/.test(p.message))).toBe(true);
  });
});
