// Small helpers on raw document text shared by parsers and writers.

/** Leading whitespace of the line that contains `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  // A loop rather than a regex on a slice: parsers ask once per assignment. At most 200 characters, as always.
  const limit = Math.min(text.length, start + 200);
  let end = start;
  while (end < limit && (text.charCodeAt(end) === 0x20 || text.charCodeAt(end) === 0x09)) end++;
  return text.slice(start, end);
}

/** Line breaks are `\n`, `\r\n` and a lone `\r`, as for editors (and YAML, systemd). */
const isLineBreak = (code: number) => code === 0x0a || code === 0x0d;

export function lineStartAt(text: string, offset: number): number {
  let start = Math.min(offset, text.length);
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
  return start;
}

/** Offset of the line terminator (`\r\n`, `\n` or `\r`) of the line containing `offset`, or the text length. */
export function lineEndAt(text: string, offset: number): number {
  let end = Math.max(offset, 0);
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return end;
}

/** The line terminator the document uses (first one found), `\n` by default. */
export function eolOf(text: string): string {
  const end = lineEndAt(text, 0);
  if (end >= text.length) return '\n';
  if (text[end] === '\n') return '\n';
  return text[end + 1] === '\n' ? '\r\n' : '\r';
}

/** 0-based line number of an offset. */
export function lineOf(text: string, offset: number): number {
  // Binary search in the text's line starts: rules and suppressions ask once per finding.
  const starts = lineStartsOf(text);
  return lastStartAtOrBefore(starts.length, (index) => starts[index], offset);
}

/** Of `count` ascending start offsets (`startAt(index)`: lines, blocks), the index of the last one at or before `offset`; 0 when none is. */
export function lastStartAtOrBefore(count: number, startAt: (index: number) => number, offset: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (startAt(mid) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Line starts of the last few texts asked about (the document being linted, the files of a workspace check). */
const lineStartsCache = new Map<string, Int32Array>();
const LINE_STARTS_CACHED = 8;

/** Offsets where each line of the text starts (after `\n`), the first being 0. */
export function lineStartsOf(text: string): Int32Array {
  let starts = lineStartsCache.get(text);
  if (starts) return starts;
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  starts = new Int32Array(count);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  if (lineStartsCache.size >= LINE_STARTS_CACHED) lineStartsCache.delete(lineStartsCache.keys().next().value as string);
  lineStartsCache.set(text, starts);
  return starts;
}

/** A span moved inside the text, with neither end between `\r` and `\n` or between the halves of a surrogate pair. */
export function spanInside(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const settle = (offset: number) => {
    const inside = Math.min(Math.max(0, Math.trunc(offset) || 0), text.length);
    const before = text.charCodeAt(inside - 1);
    const after = text.charCodeAt(inside);
    const splitsPair = (before === 0x0d && after === 0x0a) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
    return splitsPair ? inside - 1 : inside;
  };
  const start = settle(span.start);
  return { start, end: Math.max(start, settle(span.end)) };
}

/**
 * The text with a leading byte order mark blanked to a space, for parsers that
 * reject it (toml-eslint-parser, jsonc-parser) while the programs reading the
 * file skip it (BurntSushi/toml in gitlab-runner, dockerd, systemd). Same
 * length, so every offset still points into the document.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}
