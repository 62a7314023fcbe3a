// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkSectionAnchors from './src/markdown/remark-section-anchors.ts';
import rehypeHeadingLinks from './src/markdown/rehype-heading-links.ts';
import remarkHkexLinks from './src/markdown/remark-hkex-links.ts';
import { codesOfEdition, editionOfSectionFile } from './src/lib/report-editions.ts';
import mdxErrors from './src/integrations/mdx-errors.ts';
import { siteUrl } from './src/lib/site-url.ts';

/** The public origin; canonical URLs and hreflang are absolute against it (the sitemap: scripts/lib/sitemap.ts). */
const site = siteUrl();
/** A part of a sharded build (src/lib/build-part.ts) keeps its own content data store: parts may build at once. */
const part = process.env.ESG_BUILD_PART?.replace(/[^a-z0-9]+/gi, '-');

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  // Per checkout, not under node_modules: a copy of the project that links node_modules (tests,
  // helpers) must not share the content data store with this one.
  cacheDir: part ? `./.cache/astro-${part}` : './.cache/astro',
  markdown: {
    processor: unified({
      // Publish the issuer's punctuation as written: no typographic rewriting.
      smartypants: false,
      remarkPlugins: [remarkSectionAnchors, [remarkHkexLinks, { editionOf: editionOfSectionFile, codesOf: codesOfEdition }]],
      rehypePlugins: [rehypeHeadingLinks],
    }),
  },
  integrations: [
    mdx(),
    // `astro dev` only: MDX errors with file and line in the terminal and the overlay (see the file)
    mdxErrors(),
  ],
});
