/**
 * A plain-text summary of an MDX body for `<meta name="description">`: the first prose
 * paragraphs with Markdown and JSX syntax removed, cut at a sentence or word boundary.
 */
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export function describeSection(mdxBody: string, maxLength = 160): string {
  const prose = mdxBody
    // a JSX tag alone on its line (`<aside class="box">`, `</aside>`) opens or closes a box, whose content is prose
    .replace(/^[ \t]*<\/?[A-Za-z][\w.:-]*(?:\s[^>]*)?>[ \t]*$/gm, '')
    .split(/\n{2,}/)
    .map((block) => block.trim())
    // MDX comments (`{/* … */}`: markers for the author) and pictures (`![alt](src)`) are not prose
    .filter((block) => block !== '' && !/^(#|<|\||>|```|\[\^|import |export |\{\/\*|!\[)/.test(block))
    .map((block) =>
      block
        .replace(/^[-*+]\s+|^\d+\.\s+/gm, '')
        .replace(/\[\^[^\]]+\]/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(?<!\\)[*_`]/g, '')
        // one pass: a backslash escape of any ASCII punctuation, or a character reference (`&#x69;`, `&lt;`)
        .replace(/\\([!-/:-@[-`{-~])|&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot));/gi, (_, c: string, hex: string, dec: string, name: string) =>
          c ?? (hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ENTITIES[name.toLowerCase()]!))
        .replace(/\s*\n\s*/g, ' '),
    )
    .join(' ')
    .trim();
  if (prose.length <= maxLength) return prose;
  const cut = prose.slice(0, maxLength);
  const sentenceEnd = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '), cut.lastIndexOf('！'), cut.lastIndexOf('？'));
  if (sentenceEnd > maxLength * 0.5) return cut.slice(0, sentenceEnd + 1).trim();
  const space = cut.lastIndexOf(' ');
  // Chinese has no spaces: cut at the limit; English: at the last word boundary.
  return (space > maxLength * 0.6 ? cut.slice(0, space) : cut).trim() + '…';
}
