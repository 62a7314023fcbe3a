import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { SOURCE } from './helpers.ts';

describe('overrides', () => {
  const text = readFileSync(join(SOURCE, 'overrides.yaml'), 'utf8');
  it('the report overrides are few and well formed', () => {
    const o = parseOverrides(text);
    expect(o.chapters.length).toBe(18);
    expect(o.parts?.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(o.sections?.length).toBe(2);
    expect(text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length).toBeLessThanOrEqual(36);
  });
  it('rejects broken files with a message naming the file', () => {
    expect(() => parseOverrides('chapters: [', 'o.yaml')).toThrow(/o\.yaml: not valid YAML/);
    expect(() => parseOverrides('parts: []', 'o.yaml')).toThrow(/o\.yaml: needs a non-empty "chapters" list/);
    expect(() => parseOverrides('chapters: [{id: A, page: 1}]', 'o.yaml')).toThrow(/not kebab-case/);
    expect(() => parseOverrides('chapters: [{id: a, page: 3}, {id: b, page: 2}]', 'o.yaml')).toThrow(/"b" needs an integer page/);
    expect(() => parseOverrides('chapters: [{id: a, page: 1, part: p9}]', 'o.yaml')).toThrow(/unknown part "p9"/);
    expect(() => parseOverrides('chapters: [{id: a, page: 1}]\nsections: [{chapter: x, number: 1, title: {}}]', 'o.yaml')).toThrow(/unknown chapter "x"/);
  });
});
