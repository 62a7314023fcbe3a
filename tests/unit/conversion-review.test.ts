import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  alternativesFromPairs,
  dictionaryAllowList,
  parseAllowList,
  reviewConversion,
  type Alternatives,
  type AuthoredText,
  type ConvertedText,
} from '../../src/lib/conversion-review.ts';
import { conversionAlternatives, createConverter, loadDictionaries, makeDictionary, parseDictionary } from '../../src/lib/script-convert.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { loadEditions } from '../../src/lib/frameworks.ts';
import { readContentFiles } from '../../scripts/lib/content-files.ts';
import { conversionCheck, readSeedTexts } from '../../scripts/lib/conversion-check.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Section bodies of one language folder of a report, as { file, text }. */
function sections(dir: string): { file: string; text: string }[] {
  return readdirSync(`${root}${dir}`)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(`${root}${dir}/${f}`, 'utf8') }));
}

describe('alternativesFromPairs', () => {
  it('keeps source characters with two or more target forms, through the variant map', () => {
    const alts = alternativesFromPairs(
      [
        ['发', '發'],
        ['头发', '頭髮'],
        ['里', '裏'],
        ['公里', '公里'],
        ['天', '天'],
        ['长短', '長'], // lengths differ: ignored
      ],
      (c) => (c === '裏' ? '裡' : c),
    );
    expect(alts.get('发')).toEqual(['發', '髮']);
    expect(alts.get('里')).toEqual(['裡', '里']);
    expect(alts.has('天')).toBe(false);
    expect(alts.has('头')).toBe(false);
  });
  it('opencc-js dictionaries give 发 → 發/髮, 系 → 係/系/繫, 乾 → 乾/干', () => {
    const alts = conversionAlternatives();
    expect(alts['zh-Hant'].get('发')).toEqual(expect.arrayContaining(['發', '髮']));
    expect(alts['zh-Hant'].get('系')).toEqual(expect.arrayContaining(['係', '系', '繫']));
    expect(alts['zh-Hant'].get('云')).toEqual(expect.arrayContaining(['云', '雲']));
    expect(alts['zh-Hans'].get('乾')).toEqual(expect.arrayContaining(['乾', '干']));
    expect(alts['zh-Hans'].get('覆')).toEqual(expect.arrayContaining(['覆', '复']));
  });
});

describe('reviewConversion on written fixtures', () => {
  const alts: Alternatives = {
    'zh-Hant': new Map([
      ['发', ['發', '髮']],
      ['系', ['係', '系']],
    ]),
    'zh-Hans': new Map([['覆', ['覆', '复']]]),
  };
  const authored: AuthoredText[] = [
    { script: 'zh-Hant', text: '推動可持續發展，完善管理系統。我們與員工保持良好關係。' },
    { script: 'zh-Hans', text: '对数据进行复核。' },
  ];
  const conv = (text: string, source: string, script: ConvertedText['script'] = 'zh-Hant'): ConvertedText => ({ file: 'a.mdx', line: 7, text, source, script });

  it('flags a converted word whose bigram authored text never writes, with the other form', () => {
    const found = reviewConversion(authored, [conv('支持員工的人生髮展。', '支持员工的人生发展。')], alts);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'a.mdx', line: 7, script: 'zh-Hant', word: '人生髮展', bigram: '髮展', authoredBigram: '發展', suggestion: '人生發展' });
    expect(found[0]!.why).toContain('发 has the forms 發/髮');
  });
  it('one finding per character; quiet on what authored text writes', () => {
    expect(reviewConversion(authored, [conv('上線清關係統。', '上线清关系统。')], alts).map((f) => f.word)).toEqual(['清關係統']);
    expect(reviewConversion(authored, [conv('可持續發展的管理系統', '可持续发展的管理系统')], alts)).toEqual([]);
  });
  it('no alternative attested: nothing to say (頭髮 and 頭發 both unknown)', () => {
    expect(reviewConversion(authored, [conv('頭髮', '头发')], alts)).toEqual([]);
  });
  it('Traditional → Simplified too', () => {
    const found = reviewConversion(authored, [conv('定期进行覆核', '定期進行覆核', 'zh-Hans')], alts);
    expect(found.map((f) => f.suggestion)).toEqual(['进行复核']);
  });
  it('allow entries and dictionary spellings silence the character they cover', () => {
    const line = conv('上線清關係統。', '上线清关系统。');
    expect(reviewConversion(authored, [line], alts, [{ script: 'zh-Hant', writes: '關係統', reason: 'test' }])).toEqual([]);
    expect(reviewConversion(authored, [line], alts, [{ script: 'zh-Hans', writes: '關係統', reason: 'other script' }])).toHaveLength(1);
    expect(reviewConversion(authored, [line], alts, [{ script: 'zh-Hant', writes: '上線清', reason: 'does not cover 係' }])).toHaveLength(1);
    const dict = makeDictionary(parseDictionary({ terms: [{ 'zh-Hant': '清關係統', 'zh-Hans': '清关系统' }] }, 't.yaml'));
    expect(reviewConversion(authored, [line], alts, dictionaryAllowList(dict))).toEqual([]);
  });
  it('a line whose length changed in conversion cannot be aligned and is skipped', () => {
    expect(reviewConversion(authored, [conv('人生髮展', '人生发展了')], alts)).toEqual([]);
  });
});

describe('parseAllowList', () => {
  it('reads { zh-Hant | zh-Hans, reason }', () => {
    expect(parseAllowList({ allow: [{ 'zh-Hant': '頭髮', reason: 'hair' }] })).toEqual([{ script: 'zh-Hant', writes: '頭髮', reason: 'hair' }]);
    expect(parseAllowList(null)).toEqual([]);
  });
  it('one clear line for a bad entry', () => {
    expect(() => parseAllowList({ allow: [{ 'zh-Hant': '頭髮' }] }, 'x.yaml')).toThrow(/^x\.yaml: allow\[0\]: give one of zh-Hant \/ zh-Hans \(the converted text\) and a reason$/);
    expect(() => parseAllowList({ allows: [] }, 'x.yaml')).toThrow(/^x\.yaml: expected a mapping with one key, allow:/);
  });
  it('the committed allow-list parses, each entry with a reason', () => {
    const list = parseAllowList(parseYaml(readFileSync(`${root}content/conversion-allow.yaml`, 'utf8')), 'content/conversion-allow.yaml');
    expect(list.length).toBeGreaterThan(10);
    for (const a of list) expect(a.reason.length).toBeGreaterThan(3);
  });
});

describe('the archive: Alibaba FY2023 converted to Traditional', () => {
  // The dictionaries without the fixes this review led to (content/dictionaries/conversion-fixes.yaml).
  const before = makeDictionary(
    ['issuers.yaml', 'hkex-terms.yaml'].flatMap((f) => parseDictionary(parseYaml(readFileSync(`${root}content/dictionaries/${f}`, 'utf8')), f)),
  );
  const toHantBefore = createConverter({ from: 'zh-Hans', to: 'zh-Hant', dictionary: before });
  const authored: AuthoredText[] = [
    ...sections('content/reports/jd-health/2024/zh-Hant').map((s) => ({ script: 'zh-Hant' as const, text: s.text })),
    ...sections('content/reports/alibaba-health/2018/zh-Hant').map((s) => ({ script: 'zh-Hant' as const, text: s.text })),
    ...readSeedTexts(root),
  ];
  const converted: ConvertedText[] = sections('content/reports/alibaba/2023/zh-Hans').flatMap((s) =>
    s.text.split('\n').map((line, i) => ({ file: s.file, line: i + 1, text: toHantBefore(line), source: line, script: 'zh-Hant' as const })),
  );

  it('before the fixes, the review flags 人生髮展, 清關係統 and 相關係統 at their lines', () => {
    const found = reviewConversion(authored, converted, conversionAlternatives());
    const at = (word: string) => found.filter((f) => f.word.includes(word)).map((f) => `${f.file.replace(/.*\//, '')}:${f.line} ${f.suggestion}`);
    expect(at('人生髮展')).toEqual(['06-f06.mdx:73 人生發展', '15-c02-s03.mdx:10 人生發展']);
    expect(at('清關係統')).toEqual(['29-c05-s02.mdx:58 清關系統']);
    expect(at('相關係統')).toEqual(['29-c05-s02.mdx:166 相關系統']);
    const lines = readFileSync(`${root}content/reports/alibaba/2023/zh-Hans/29-c05-s02.mdx`, 'utf8').split('\n');
    expect(lines[57]).toContain('清关系统');
    expect(lines[165]).toContain('相关系统');
  });

  it('npm run check: no conversion warning on the committed archive (fixes in the dictionary, the rest allowed)', () => {
    const problems = checkContent(readContentFiles(root), loadEditions(), conversionCheck(root));
    expect(problems.filter((p) => p.message.startsWith('conversion to'))).toEqual([]);
  });

  it('npm run check warns with file:line when a converted section says 人生发展 in a phrase the dictionary does not pin (头发展)', () => {
    const files = readContentFiles(root).map((f) =>
      f.path.endsWith('alibaba/2023/zh-Hans/15-c02-s03.mdx') ? { ...f, text: f.text.replace('人生发展', '头发展') } : f,
    );
    const warnings = checkContent(files, loadEditions(), conversionCheck(root)).filter((p) => p.message.startsWith('conversion to'));
    expect(warnings).toHaveLength(1);
    expect(`${warnings[0]!.file}:${warnings[0]!.line}`).toBe('content/reports/alibaba/2023/zh-Hans/15-c02-s03.mdx:10');
    expect(warnings[0]!.message).toMatch(/^conversion to zh-Hant writes \S*頭髮展\S*; authored Traditional text writes 發展, never 髮展 \(likely \S*頭發展\S*: add a dictionary entry/);
  });
});

describe('dictionary fixes from the review', () => {
  const dictionary = loadDictionaries(`${root}content/dictionaries`);
  it('every fix is in content/dictionaries/conversion-fixes.yaml with a note', () => {
    const fixes = dictionary.entries.filter((e) => e.source?.endsWith('conversion-fixes.yaml'));
    expect(fixes.length).toBeGreaterThanOrEqual(20);
    for (const e of fixes) expect(e.note, e['zh-Hant'][0]).toBeTruthy();
  });
  it('合於 reads as 合于 on /sc/ (Alibaba FY2025: 整合於單一模型)', () => {
    const toHans = createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary });
    expect(toHans('將推理能力整合於單一模型中')).toBe('将推理能力整合于单一模型中');
  });
});
