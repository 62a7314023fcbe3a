// Shared locations for the build and e2e suites.
// DIST_DIR overrides the built site (e.g. a hand-made fixture or a temp build).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.resolve(ROOT, process.env.DIST_DIR ?? 'dist');
export const CONTENT = path.resolve(ROOT, process.env.CONTENT_DIR ?? 'content');

export const MISSING_DIST_MESSAGE = `dist/ not found at ${DIST} — run npm run build first`;

/** Throws a clear error when the site has not been built. */
export function assertDistBuilt(dir: string = DIST): void {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(
      existsSync(dir)
        ? `${dir}/index.html is missing — the build is incomplete; run npm run build first`
        : MISSING_DIST_MESSAGE,
    );
  }
}
