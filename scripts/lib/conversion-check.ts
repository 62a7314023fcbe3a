/** What `npm run check` needs for the conversion review of the archive (src/lib/conversion-review.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { conversionAlternatives, createConverter, emptyDictionary, loadDictionaries } from '../../src/lib/script-convert.ts';
import { dictionaryAllowList, parseAllowList, type AuthoredText } from '../../src/lib/conversion-review.ts';
import type { ConversionCheck } from '../../src/lib/content-check.ts';

/** The seed extractions (content/reports/<issuer>/<year>/source/*.zh-Hant.txt / *.zh-Hans.txt): authored text too. */
export function readSeedTexts(root: string): AuthoredText[] {
  const reports = join(root, 'content', 'reports');
  if (!existsSync(reports)) return [];
  const out: AuthoredText[] = [];
  for (const issuer of readdirSync(reports, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    for (const year of readdirSync(join(reports, issuer.name)).sort()) {
      const source = join(reports, issuer.name, year, 'source');
      if (!existsSync(source)) continue;
      for (const f of readdirSync(source).sort()) {
        const m = /\.(zh-Hant|zh-Hans)\.txt$/.exec(f);
        if (m) out.push({ script: m[1] as AuthoredText['script'], text: readFileSync(join(source, f), 'utf8') });
      }
    }
  }
  return out;
}

/** The conversion review (src/lib/conversion-review.ts) over every section the site converts. */
export function conversionCheck(root: string): ConversionCheck {
  const dir = join(root, 'content', 'dictionaries');
  const dictionary = existsSync(dir) ? loadDictionaries(dir) : emptyDictionary;
  const allowFile = join(root, 'content', 'conversion-allow.yaml');
  return {
    convert: {
      'zh-Hant': createConverter({ from: 'zh-Hans', to: 'zh-Hant', dictionary }),
      'zh-Hans': createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary }),
    },
    alternatives: conversionAlternatives(),
    allow: [
      ...(existsSync(allowFile) ? parseAllowList(parseYaml(readFileSync(allowFile, 'utf8')), relative(root, allowFile)) : []),
      ...dictionaryAllowList(dictionary),
    ],
    authored: readSeedTexts(root),
  };
}

