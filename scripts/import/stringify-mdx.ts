/**
 * Stage: mdast → MDX text with the field's own serializer (mdast-util-to-markdown through
 * remark-stringify, with the GFM and MDX extensions), which owns escaping: `{`, `<`, Markdown
 * punctuation, block starts, `|` in cells. Tables are written unpadded (`| a | b |`, `| - | - |`)
 * so that a changed cell does not re-pad its whole column.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';

/**
 * A paragraph starting with `import `/`export ` would be read back as ESM (and fail to parse):
 * the serializer has no `unsafe` entry for it, so add one (the first letter becomes `&#x69;`).
 */
export function mdxSafe(this: Processor) {
  const data = this.data();
  (data.toMarkdownExtensions ??= []).push({
    unsafe: [
      { atBreak: true, character: 'i', after: 'mport\\b' },
      { atBreak: true, character: 'e', after: 'xport\\b' },
    ],
  });
}

const processor = unified()
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkMdx)
  .use(mdxSafe)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
    incrementListMarker: true,
    tightDefinitions: true,
  })
  .freeze();

/** The MDX body of a section tree (ends with one newline). */
export function stringifyMdx(tree: Root): string {
  return processor.stringify(tree);
}
