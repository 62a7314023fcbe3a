/**
 * Headings a Word draft sets only by direct formatting (bold, larger type; no heading style), as
 * many drafts do: on mammoth's document tree (its `transformDocument` hook, before the style map),
 * such paragraphs get the built-in style `Heading 1`–`Heading 3`, so the rest of the route reads
 * them as it reads styled headings.
 *
 * Only in a document that uses no heading style at all (a styled draft keeps its own outline). A
 * paragraph is a candidate when every run with text is bold, it is short (a title, not a sentence:
 * no clause end), it is not in a table and its type size is given and larger than the body's (the
 * size most characters of plain paragraphs are set in; a body left at the document default counts
 * as smaller than any size given). Candidates are grouped by type size; a size is a heading level
 * when most of its paragraphs are followed by running text or by a candidate of a smaller size
 * (a cover's bold lines are followed by other cover lines, a caption by its table). The heading
 * sizes, largest first, are levels 1–3; at least two headings are needed.
 */

interface MNode { type: string; children?: MNode[]; value?: string; isBold?: boolean; fontSize?: number | null; styleName?: string | null; styleId?: string | null }

const runsOf = (n: MNode): MNode[] => (n.type === 'run' ? [n] : (n.children ?? []).flatMap(runsOf));
const textOf = (n: MNode): string => (n.type === 'text' ? n.value ?? '' : (n.children ?? []).map(textOf).join(''));
const han = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
const short = (s: string) => (han(s) ? han(s) <= 40 : s.length <= 100);
/** running text: a clause end, or a long line */
const running = (s: string) => /[.!?。！？；;]["”」』）)]?$/u.test(s) || (han(s) ? han(s) > 30 : s.length > 80);
const MAX_LEVELS = 3;

interface Para { node: MNode; text: string; bold: boolean; size: number | null }

export function promoteFormattedHeadings<T>(doc: T): T {
  const root = doc as unknown as MNode;
  // body paragraphs in reading order (tables are not walked: a bold cell is no heading)
  const paras: Para[] = [];
  const walk = (n: MNode) => {
    for (const c of n.children ?? []) {
      if (c.type === 'paragraph') {
        const runs = runsOf(c).filter((r) => textOf(r).trim());
        const text = textOf(c).trim();
        const sizes = runs.map((r) => r.fontSize ?? null);
        paras.push({ node: c, text, bold: runs.length > 0 && runs.every((r) => r.isBold), size: sizes.every((s) => s !== null) && sizes.length ? Math.max(...(sizes as number[])) : null });
      } else if (c.type !== 'table') walk(c);
    }
  };
  walk(root);
  if (paras.some((p) => /^heading\s*\d/i.test(p.node.styleName ?? '') || /^Heading\d/.test(p.node.styleId ?? ''))) return doc;
  const chars = new Map<number | null, number>();
  for (const p of paras) if (p.text && !p.bold && !p.node.styleName) chars.set(p.size, (chars.get(p.size) ?? 0) + p.text.length);
  const body = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const candidate = (p: Para) => p.bold && !!p.text && p.size !== null && (body === null || p.size > body) && short(p.text) && !running(p.text) && !p.node.styleName;
  const bySize = new Map<number, number[]>();
  paras.forEach((p, i) => { if (candidate(p)) (bySize.get(p.size!) ?? bySize.set(p.size!, []).get(p.size!)!).push(i); });
  const next = (i: number) => paras.slice(i + 1).find((p) => p.text);
  const levels = [...bySize].filter(([size, at]) => {
    const opens = at.filter((i) => {
      const n = next(i);
      return !!n && ((!n.bold && running(n.text)) || (candidate(n) && n.size! < size));
    });
    return opens.length * 2 > at.length;
  }).sort((a, b) => b[0] - a[0]).slice(0, MAX_LEVELS);
  if (levels.reduce((n, [, at]) => n + at.length, 0) < 2) return doc;
  levels.forEach(([, at], k) => {
    for (const i of at) Object.assign(paras[i].node, { styleId: `Heading${k + 1}`, styleName: `Heading ${k + 1}` });
  });
  return doc;
}
