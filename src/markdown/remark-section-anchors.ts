/**
 * remark plugin: a heading that starts with a printed section number ("01 Visible Security",
 * "1  便捷豐富…") gets the anchor `s01` / `s1`, identical in every language edition, so links
 * and the language switcher can land on the same heading. Other headings keep the default slug.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export interface Options {
  /** Prefix of the generated anchor. */
  prefix?: string;
}

const NUMBERED = /^\s*(\d{1,2})(?:\s|\.(?:\s|$))/u;

export function sectionAnchor(text: string, prefix = 's'): string | undefined {
  const match = NUMBERED.exec(text);
  return match ? `${prefix}${match[1]}` : undefined;
}

export default function remarkSectionAnchors(options: Options = {}) {
  const prefix = options.prefix ?? 's';
  return (tree: Root) => {
    const used = new Map<string, number>();
    visit(tree, 'heading', (node: Heading) => {
      if (node.depth !== 2) return;
      const base = sectionAnchor(toString(node), prefix);
      if (!base) return;
      const count = used.get(base) ?? 0;
      used.set(base, count + 1);
      const id = count === 0 ? base : `${base}-${count}`;
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
    });
  };
}
