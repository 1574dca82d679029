// Line access for completion: the text being typed rarely parses, so the
// cursor's surroundings are read line by line.
import { lastStartAtOrBefore } from '../../documents/text';

export interface TextLine {
  index: number;
  start: number;
  /** End of content, before `\r\n` or `\n`. */
  end: number;
  text: string;
  /** Leading spaces and tabs. */
  indent: number;
}

export function splitTextLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (let index = 0; ; index++) {
    const newline = text.indexOf('\n', start);
    const next = newline < 0 ? text.length : newline;
    const end = next > start && text[next - 1] === '\r' ? next - 1 : next;
    const content = text.slice(start, end);
    lines.push({ index, start, end, text: content, indent: /^[ \t]*/.exec(content)![0].length });
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

export function lineAt(lines: readonly TextLine[], offset: number): TextLine {
  return lines[lastStartAtOrBefore(lines.length, (index) => lines[index].start, offset)];
}

/** Leading whitespace of a line, as written. */
export function indentText(line: TextLine): string {
  return line.text.slice(0, line.indent);
}

/** The identifier characters right after `offset` on its line (the rest of a word the cursor is inside). */
export function identifierAfter(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
  return end;
}
