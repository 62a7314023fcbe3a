/**
 * Whether a section body compiles as MDX, and where it does not: used by `npm run check`
 * (content-check) and by the dev server's terminal message (src/integrations/mdx-errors.ts).
 */
import { compileSync } from '@mdx-js/mdx';

/** "(32:1-32:20)" or "(12:34)": some MDX errors (an unclosed `<aside>`) carry their position only in the message. */
export const MDX_POSITION = /\s*\((\d+):(\d+)(?:-\d+:\d+)?\)/;

export interface MdxSyntaxError {
  /** file line: the body's line plus `firstLine - 1` */
  line: number;
  column: number;
  /** the message without its position */
  reason: string;
}

/** The first error compiling `body`, which starts at line `firstLine` of its file; undefined if it compiles. */
export function mdxSyntaxError(body: string, firstLine = 1): MdxSyntaxError | undefined {
  try {
    compileSync(body);
    return undefined;
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message?: string };
    const reason = String(e.reason ?? e.message ?? error);
    const at = MDX_POSITION.exec(reason);
    const line = e.line ?? Number(at?.[1] ?? 1);
    return { line: line + firstLine - 1, column: e.column ?? Number(at?.[2] ?? 1), reason: reason.replace(MDX_POSITION, '') };
  }
}
