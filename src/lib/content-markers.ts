/** Markers the tools write into content for a person to resolve; `npm run check` reports each with its line. */

/** above a picture whose Word draft gives no alt text (written by scripts/import/to-mdast.ts): a warning */
export const ALT_TEXT_MARKER = 'ALT TEXT NEEDED';
