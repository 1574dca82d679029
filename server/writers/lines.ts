// Line-level helpers for writers that remove a whole entry.
import { eolOf, lineEndAt, lineStartAt } from '../documents/text';

/** True when nothing but blanks stands between the line start and `offset`. */
export function startsItsLine(text: string, offset: number): boolean {
  // Back over the blanks only: on a one-line file of thousands of entries, slicing from the line start was quadratic.
  const blanks = runStartBefore(text, offset, (c) => c === ' ' || c === '\t');
  return blanks === 0 || text[blanks - 1] === '\n' || text[blanks - 1] === '\r';
}

/** The span of the whole lines from the one holding `start` to the one holding `end - 1`, including the last line break. */
export function wholeLines(text: string, start: number, end: number): { start: number; end: number } {
  // A byte order mark before the first line is not part of it.
  const from = Math.max(lineStartAt(text, start), text.charCodeAt(0) === 0xfeff && start > 0 ? 1 : 0);
  const lineEnd = lineEndAt(text, Math.max(end - 1, start));
  const to = text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : text.startsWith('\n', lineEnd) || text.startsWith('\r', lineEnd) ? lineEnd + 1 : lineEnd;
  return { start: from, end: to };
}

/**
 * Where the run of `inRun` characters that ends at `offset` begins. Scans back
 * over the run only: a regex like /,\s*$/ on the text before `offset` retries
 * at every comma of it, which made removing thousands of entries quadratic.
 */
export function runStartBefore(text: string, offset: number, inRun: (c: string) => boolean): number {
  let start = offset;
  while (start > 0 && inRun(text[start - 1])) start--;
  return start;
}

/** Offset of the comma (followed only by whitespace) right before `offset`, or -1. */
export function commaBefore(text: string, offset: number): number {
  const spaced = runStartBefore(text, offset, (c) => /\s/.test(c));
  return text[spaced - 1] === ',' ? spaced - 1 : -1;
}

export { eolOf, lineEndAt };
