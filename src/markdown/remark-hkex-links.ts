/**
 * remark plugin: links HKEX ESG code mentions in prose (`A1.1`, `KPI B6.5`, `關鍵績效指標 A1.1`,
 * `Aspect B1`, `層面A2`) to the code's page in the edition the report references. Headings,
 * links, code and inline code are left alone; bare aspect codes (`A1`, `B2`) are only linked
 * after a keyword, and a code is linked only if the edition defines it (no false matches such
 * as `B2B`, `A1.5%` of a list or an unknown `A9.1`).
 */
import type { Root, PhrasingContent } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import type { VFile } from 'vfile';
import { parseCode } from '../lib/frameworks.ts';

export interface Options {
  /** The edition a section file's report references, from the file path (undefined: no links). */
  editionOf: (filePath: string) => string | undefined;
  /** Codes an edition defines. */
  codesOf: (edition: string) => ReadonlySet<string>;
  /** URL of a code page relative to a section page (default: `../../../hkex/<edition>/<code>/`). */
  href?: (edition: string, code: string) => string;
}

const KEYWORD = String.raw`(?:KPIs?|關鍵績效指標|关键绩效指标|Aspects?|層面|层面|General\s+Disclosures?\s+(?:of|for)|一般披露)`;
/** A keyword (optional for KPI codes) followed by a code; the code must not run on into more digits or letters. */
export const CODE_MENTION = new RegExp(
  String.raw`(?<![A-Za-z0-9./])(?<!(?<!\d)-)(?:(${KEYWORD})[\s:：]*)?([AB][1-9]\d?)(\.\d{1,2})?(?![A-Za-z0-9]|\.\d|%|-(?![AB]\d)[A-Za-z0-9])`,
  'g',
);

export default function remarkHkexLinks(options: Options) {
  const href = options.href ?? ((edition, code) => `../../../hkex/${edition}/${code}/`);
  return (tree: Root, file: VFile) => {
    const edition = file.path ? options.editionOf(file.path) : undefined;
    if (!edition) return;
    const codes = options.codesOf(edition);
    findAndReplace(
      tree,
      [
        [
          CODE_MENTION,
          (whole: string, keyword: string | undefined, aspect: string, kpi: string | undefined): PhrasingContent | false => {
            if (!kpi && !keyword) return false; // a bare `A1` is too ambiguous to link
            const code = parseCode(`${aspect}${kpi ?? ''}`);
            if (!code || !codes.has(code)) return false;
            return {
              type: 'link',
              url: href(edition, code),
              data: { hProperties: { className: ['code-link'], dataCode: code } },
              children: [{ type: 'text', value: whole }],
            };
          },
        ],
      ],
      { ignore: ['heading', 'link', 'linkReference', 'inlineCode', 'code', 'definition'] },
    );
  };
}
