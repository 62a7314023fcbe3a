// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkSectionAnchors from './src/markdown/remark-section-anchors.ts';
import rehypeHeadingLinks from './src/markdown/rehype-heading-links.ts';
import remarkHkexLinks from './src/markdown/remark-hkex-links.ts';
import { codesOfEdition, editionOfSectionFile } from './src/lib/report-editions.ts';
import { LOCALES } from './src/i18n/locales.ts';
import mdxErrors from './src/integrations/mdx-errors.ts';
import { readRedirectFiles } from './src/lib/redirect-files.ts';
import { redirectPaths } from './src/lib/redirects.ts';

/** The public origin; canonical URLs, hreflang and the sitemap are absolute against it. */
const site = process.env.SITE_URL ?? 'https://esg-reports.example.org';
/** Old section URLs (redirects.yaml): redirect pages, which stay out of the sitemap. */
const redirected = redirectPaths(Object.keys(LOCALES), readRedirectFiles(new URL('./content/reports/', import.meta.url).pathname));

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  // Per checkout, not under node_modules: a copy of the project that links node_modules (tests,
  // helpers) must not share the content data store with this one.
  cacheDir: './.cache/astro',
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
    sitemap({
      i18n: {
        defaultLocale: 'en',
        locales: Object.fromEntries(Object.entries(LOCALES).map(([key, l]) => [key, l.htmlLang])),
      },
      filter: (page) => !page.endsWith('/404/') && !redirected.has(new URL(page).pathname),
    }),
  ],
});
