import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { SOURCE } from './helpers.ts';

describe('overrides', () => {
  const text = readFileSync(join(SOURCE, 'overrides.yaml'), 'utf8');
  it('the report overrides are few and well formed', () => {
    const o = parseOverrides(text);
    expect(o.chapters!.length).toBe(18);
    expect(o.parts?.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(o.sections?.length).toBe(2);
    expect(text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length).toBeLessThanOrEqual(36);
  });
  it('rejects broken files with a message naming the file', () => {
    expect(() => parseOverrides('chapters: [', 'o.yaml')).toThrow(/o\.yaml: not valid YAML/);
    expect(() => parseOverrides('chapters: []', 'o.yaml')).toThrow(/o\.yaml: "chapters", when given, must be a non-empty list/);
    expect(() => parseOverrides('- a', 'o.yaml')).toThrow(/o\.yaml: must be a YAML mapping/);
    expect(() => parseOverrides('outline: { splat: [] }', 'o.yaml')).toThrow(/unknown outline key "splat"/);
    expect(() => parseOverrides('outline: { split: [{ title: x }] }', 'o.yaml')).toThrow(/needs an "at" text/);
    expect(() => parseOverrides('drop: x', 'o.yaml')).toThrow(/"drop" must be a list of strings/);
    expect(() => parseOverrides('mapIndex: [a]', 'o.yaml')).toThrow(/"mapIndex" must map strings to strings/);
    expect(parseOverrides('', 'o.yaml').chapters).toBeUndefined();
    expect(() => parseOverrides('chapters: [{id: A, page: 1}]', 'o.yaml')).toThrow(/not kebab-case/);
    expect(() => parseOverrides('chapters: [{id: a, page: 3}, {id: b, page: 2}]', 'o.yaml')).toThrow(/"b" needs an integer page/);
    expect(() => parseOverrides('chapters: [{id: a, page: 1, part: p9}]', 'o.yaml')).toThrow(/unknown part "p9"/);
    expect(() => parseOverrides('chapters: [{id: a, page: 1}]\nsections: [{chapter: x, number: 1, title: {}}]', 'o.yaml')).toThrow(/unknown chapter "x"/);
  });
});
