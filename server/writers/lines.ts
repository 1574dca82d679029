// Line-level helpers for writers that remove a whole entry.
import { eolOf, lineEndAt, lineStartAt } from '../documents/text';

/** True when nothing but blanks stands between the line start and `offset`. */
export function startsItsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartAt(text, offset), offset));
}

/** The span of the whole lines from the one holding `start` to the one holding `end - 1`, including the last line break. */
export function wholeLines(text: string, start: number, end: number): { start: number; end: number } {
  const from = lineStartAt(text, start);
  const lineEnd = lineEndAt(text, Math.max(end - 1, start));
  const to = text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : text.startsWith('\n', lineEnd) ? lineEnd + 1 : lineEnd;
  return { start: from, end: to };
}

export { eolOf, lineEndAt };
