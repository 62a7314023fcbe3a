/**
 * The authoring loop of `npm run dev` (nothing here runs in `astro build`): a saved section file
 * updates the open pages, and an MDX mistake names its file and line, in the terminal and in the
 * browser's error overlay.
 *
 * - Terminal: when a `.mdx` file under content/ is saved, it is compiled and a syntax error is
 *   printed as `content/…/NN-id.mdx:line:column: error: MDX: <reason>` (the format of
 *   `npm run check`); `… MDX compiles again` once fixed. Astro's own message for a failed MDX
 *   compile names the file and line only some of the time, and only once a page that renders the
 *   file is requested.
 * - Overlay: some MDX errors (an unclosed `<aside>`) carry their position only in the message,
 *   "(32:1-32:20)"; @astrojs/mdx then reports no line, so the overlay named the file alone. The
 *   position is copied into the error's location.
 * - Saves: the watcher reports a file once it is completely written. An editor truncates, then
 *   writes; the content loader could read the empty file in between, reject the section
 *   ("id: Required") and keep showing the old text until the next save.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { MDX_POSITION, mdxSyntaxError } from '../lib/mdx-syntax.ts';
import type { AstroIntegration } from 'astro';
import type { Plugin as VitePlugin } from 'vite';

/** Vite plugin: MDX compile errors whose position is only in the message get it as their location. */
function mdxErrorLocation(): VitePlugin {
  return {
    name: 'mdx-error-location',
    configResolved(config) {
      const mdx = config.plugins.find((p) => p.name.startsWith('@mdx-js/'));
      const transform = mdx?.transform as { handler?: (...args: unknown[]) => unknown } | undefined;
      const handler = transform?.handler;
      if (!transform || typeof handler !== 'function') return;
      // Not an async function: an `await` here would add this file to the error's stack, which
      // Astro may print as the error's place.
      transform.handler = function (this: unknown, ...args: unknown[]) {
        return Promise.resolve(handler.apply(this, args)).catch((error: unknown) => {
          const e = error as { message?: string; loc?: { file?: string; line?: number; column?: number } };
          const at = e.loc && e.loc.line == null ? MDX_POSITION.exec(e.message ?? '') : null;
          if (e.loc && at) {
            e.loc.line = Number(at[1]);
            e.loc.column = Number(at[2]);
          }
          throw error;
        });
      };
    },
  };
}

export default function mdxErrors(): AstroIntegration {
  return {
    name: 'mdx-errors',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({
          vite: {
            plugins: [mdxErrorLocation()],
            server: { watch: { awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 } } },
          },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = server.config.root;
        const contentDir = path.join(root, 'content') + path.sep;
        const broken = new Set<string>();
        const check = async (file: string) => {
          if (!file.endsWith('.mdx') || !file.startsWith(contentDir)) return;
          const rel = path.relative(root, file).split(path.sep).join('/');
          let text: string;
          try {
            text = await readFile(file, 'utf8');
          } catch {
            return; // deleted or moved meanwhile
          }
          const fm = splitFrontmatter(text);
          const problem = fm ? mdxSyntaxError(fm.body, fm.bodyLine) : mdxSyntaxError(text);
          if (problem) {
            broken.add(file);
            logger.error(`${rel}:${problem.line}:${problem.column}: error: MDX: ${problem.reason}`);
          } else if (broken.delete(file)) {
            logger.info(`${rel}: MDX compiles again`);
          }
        };
        server.watcher.on('add', check);
        server.watcher.on('change', check);
        server.watcher.on('unlink', (file) => broken.delete(file));
      },
    },
  };
}
