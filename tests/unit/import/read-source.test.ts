import { describe, expect, it } from 'vitest';
import { readSource, toLines } from '../../../scripts/import/read-source.ts';
import { ImportError } from '../../../scripts/import/types.ts';
import { sourceBytes, sourceLines } from './helpers.ts';

describe('read-source', () => {
  it('strips a BOM and turns CRLF into LF on a real passage', () => {
    const real = sourceBytes('zh-Hant').toString('utf8').split('\n').slice(0, 3).join('\n');
    const crlf = '\uFEFF' + real.replace(/\n/g, '\r\n');
    expect(readSource(new TextEncoder().encode(crlf))).toBe(real);
  });
  it('refuses empty and binary input with a message naming the file', () => {
    expect(() => readSource(new Uint8Array(), 'x.txt')).toThrow(ImportError);
    expect(() => readSource(new TextEncoder().encode('  \n \n'), 'x.txt')).toThrow(/x\.txt: file is empty/);
    expect(() => readSource(new Uint8Array([0x41, 0, 0x42]), 'y.txt')).toThrow(/y\.txt: binary/);
  });
  it('keeps the leading-space and trailing-space cues', () => {
    const zh = sourceLines('zh-Hant');
    expect(zh[0]).toMatchObject({ n: 1, text: '關於本報告', lead: 1 });
    expect(zh.length).toBe(1756);
    const en = sourceLines('en');
    expect(en[1]).toMatchObject({ lead: 0, trail: true });
    expect(en[1].text.endsWith(' ')).toBe(false);
    expect(toLines('a\n  b ')[1]).toMatchObject({ text: 'b', lead: 2, trail: true });
  });
});
