/**
 * rehype plugin: give every heading an id (a slug of its text unless it has one, e.g. the
 * `s01` anchors of numbered sections) and add a self-link after each h2–h4 so readers can copy
 * a link to it. The link sits beside the heading, not inside it, so the heading's accessible
 * name stays its text. Label language follows the file's edition (converted later for /sc/).
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface Options {
  /** Heading ranks that get a link. */
  ranks?: number[];
}

const LABELS = { en: 'Link to this heading', 'zh-Hant': '連結至此標題', 'zh-Hans': '链接至此标题' };

function labelFor(file: VFile | undefined): string {
  const lang = /\/(zh-Hant|zh-Hans)\//.exec((file?.path ?? '').replaceAll('\\', '/'))?.[1] as 'zh-Hant' | 'zh-Hans' | undefined;
  return LABELS[lang ?? 'en'];
}

export default function rehypeHeadingLinks(options: Options = {}) {
  const ranks = new Set((options.ranks ?? [2, 3, 4]).map((r) => `h${r}`));
  return (tree: Root, file: VFile) => {
    const label = labelFor(file);
    const slugger = new GithubSlugger();
    const headings: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
    });
    // Reserve the ids set earlier so generated slugs never collide with them.
    for (const h of headings) if (typeof h.properties.id === 'string') slugger.slug(h.properties.id);
    for (const h of headings) if (typeof h.properties.id !== 'string') h.properties.id = slugger.slug(toString(h));
    const wrap = (children: (ElementContent | Root['children'][number])[]): void => {
      for (let i = 0; i < children.length; i++) {
        const node = children[i]!;
        if (node.type !== 'element') continue;
        if (ranks.has(node.tagName) && typeof node.properties.id === 'string') {
          const id = node.properties.id;
          const link: Element = {
            type: 'element',
            tagName: 'a',
            properties: { className: ['heading-link'], href: `#${id}` },
            children: [
              { type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: `${label}: ${toString(node)}` }] },
              { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
            ],
          };
          const wrapper: Element = {
            type: 'element',
            tagName: 'div',
            properties: { className: ['heading-wrapper', `level-${node.tagName}`] },
            children: [node, link],
          };
          children[i] = wrapper;
        } else {
          wrap(node.children);
        }
      }
    };
    wrap(tree.children);
  };
}
