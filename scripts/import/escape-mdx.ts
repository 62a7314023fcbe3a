/**
 * Stage: escape text for MDX (strict JSX parsing) and Markdown: `{ } < >` and Markdown
 * punctuation in prose, line starts that would open a block construct, `import`/`export` at a
 * paragraph start (ESM in MDX), and bare URLs (written as explicit links, because an autolink
 * literal would swallow the CJK text after it). Footnote placeholders become `[^n]`.
 */
const URL_RE = /https?:\/\/[A-Za-z0-9./_~%?=&#:+\-]*[A-Za-z0-9/_~#=+\-]/g;

function escapeInline(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/[{}[\]*`~|]/g, (c) => '\\' + c)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(^|[^\p{L}\p{N}])_/gu, '$1\\_')
    .replace(/_(?=$|[^\p{L}\p{N}])/gu, '\\_');
}

/** Escape one paragraph, heading or cell of prose. */
export function escapeMdx(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    out += escapeInline(text.slice(last, m.index));
    out += `[${m[0].replace(/_/g, '\\_')}](${m[0]})`;
    last = m.index! + m[0].length;
  }
  out += escapeInline(text.slice(last));
  out = out
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(import|export)\b/, (w) => `&#${w.charCodeAt(0)};${w.slice(1)}`);
  return out.replace(/\u0000FN(\d+)\u0000/g, '[^$1]');
}

/** Escape a GFM table cell (also `|`, already covered); a line break (paragraphs of one cell) becomes `<br />`. */
export function escapeCell(text: string): string {
  return text.split('\n').map((p) => escapeMdx(p.trim())).filter(Boolean).join('<br />');
}
