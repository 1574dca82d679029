// A systemd unit-file reader with source offsets (no library exists for it).
// Follows systemd.syntax(7): `[Section]` headers, `Key=Value` lines, `#`/`;`
// comments, and a trailing backslash continuing a line (joined by a space).

export interface UnitDirective {
  section: string | null;
  key: string;
  keyStart: number;
  /** Logical value after joining continuation lines. */
  value: string;
  /** Document offset of each character of `value`; -1 for the space that replaces a line-continuation backslash. */
  valueOffsets: number[];
  /** From the key to the end of the last line of the directive, without the line break. */
  start: number;
  end: number;
}

export interface UnitSection {
  name: string;
  headerStart: number;
  headerEnd: number;
}

export interface UnitFile {
  sections: UnitSection[];
  directives: UnitDirective[];
}

interface Line {
  start: number;
  /** End of content, before its line break (`\n`, `\r\n`, `\r` or NUL). */
  end: number;
}

/** systemd's read_line() ends a line at `\n`, `\r\n`, a lone `\r` or a NUL byte. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d && c !== 0x00) continue;
    lines.push({ start, end: i });
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  lines.push({ start, end: text.length });
  return lines;
}

const isBlank = (c: string) => c === ' ' || c === '\t';

export function parseUnitFile(text: string): UnitFile {
  const lines = splitLines(text);
  const sections: UnitSection[] = [];
  const directives: UnitDirective[] = [];
  let section: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // systemd skips a UTF-8 byte order mark at the start of the file.
    let start = line.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : line.start;
    while (start < line.end && isBlank(text[start])) start++;
    if (start >= line.end) continue;
    const first = text[start];
    if (first === '#' || first === ';') continue;
    if (first === '[') {
      const close = text.indexOf(']', start);
      if (close > start && close < line.end) {
        section = text.slice(start + 1, close);
        sections.push({ name: section, headerStart: start, headerEnd: close + 1 });
      }
      continue;
    }
    const eq = text.indexOf('=', start);
    if (eq < 0 || eq >= line.end) continue;
    let keyEnd = eq;
    while (keyEnd > start && isBlank(text[keyEnd - 1])) keyEnd--;
    const value: string[] = [];
    const valueOffsets: number[] = [];
    let valueStart = eq + 1;
    while (valueStart < line.end && isBlank(text[valueStart])) valueStart++;
    let current = { start: valueStart, end: line.end };
    let end = line.end;
    // Join continuation lines; comment lines inside a continuation are skipped, as systemd does.
    for (;;) {
      let contentEnd = current.end;
      while (contentEnd > current.start && isBlank(text[contentEnd - 1])) contentEnd--;
      const continues = contentEnd > current.start && text[contentEnd - 1] === '\\';
      const lastChar = continues ? contentEnd - 1 : contentEnd;
      for (let k = current.start; k < lastChar; k++) {
        value.push(text[k]);
        valueOffsets.push(k);
      }
      end = current.end;
      if (!continues || i + 1 >= lines.length) break;
      value.push(' ');
      valueOffsets.push(-1);
      i++;
      while (i < lines.length && /^[ \t]*[#;]/.test(text.slice(lines[i].start, lines[i].end))) i++;
      if (i >= lines.length) break;
      current = { start: lines[i].start, end: lines[i].end };
    }
    directives.push({ section, key: text.slice(start, keyEnd), keyStart: start, value: value.join(''), valueOffsets, start, end });
  }
  return { sections, directives };
}

export interface EnvironmentWord {
  /** The word after unquoting and C-unescaping: `NAME=value`. */
  text: string;
  /** Document offset of each character of `text`. */
  offsets: number[];
  start: number;
  end: number;
  /** The whole word is one quoted string (`"NAME=value"`). */
  quoted: boolean;
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', s: ' ', '\\': '\\', '"': '"', "'": "'" };

/**
 * The C escape at `at` (a backslash) as systemd's cunescape_one() reads it: the
 * character and the length of the escape, or null for one systemd rejects
 * (unknown letter, short hex, NUL, no code point), which makes it ignore the line.
 */
function cEscape(value: string, at: number): { char: string; length: number } | null {
  const next = value[at + 1];
  if (next === undefined) return null;
  if (next in C_ESCAPES) return { char: C_ESCAPES[next], length: 2 };
  const digits = (count: number, pattern: RegExp, radix: number, from: number) => {
    const text = value.slice(from, from + count);
    return text.length === count && pattern.test(text) ? parseInt(text, radix) : null;
  };
  const [code, length] =
    next === 'x' ? [digits(2, /^[0-9a-f]+$/i, 16, at + 2), 4]
    : next === 'u' ? [digits(4, /^[0-9a-f]+$/i, 16, at + 2), 6]
    : next === 'U' ? [digits(8, /^[0-9a-f]+$/i, 16, at + 2), 10]
    : /[0-7]/.test(next) ? [digits(3, /^[0-7]+$/, 8, at + 1), 4]
    : [null, 0];
  if (code === null || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return { char: String.fromCodePoint(code), length };
}

/** Splits an `Environment=` value into words the way systemd's extract_first_word(UNQUOTE|CUNESCAPE) does. */
export function splitEnvironmentWords(directive: UnitDirective): EnvironmentWord[] {
  const { value, valueOffsets } = directive;
  const words: EnvironmentWord[] = [];
  // systemd's WHITESPACE; other Unicode blanks are part of a word.
  const isSeparator = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  let i = 0;
  while (i < value.length) {
    while (i < value.length && isSeparator(value[i])) i++;
    if (i >= value.length) break;
    const startIndex = i;
    const chars: string[] = [];
    const offsets: number[] = [];
    let quote: string | null = null;
    let quoteCount = 0;
    let broken = false;
    while (i < value.length && (quote !== null || !isSeparator(value[i]))) {
      const c = value[i];
      if (quote === null && (c === '"' || c === "'")) {
        quote = c;
        quoteCount++;
        i++;
      } else if (quote !== null && c === quote) {
        quote = null;
        i++;
      } else if (c === '\\') {
        // Escapes count inside single quotes too (systemd 252 checked with systemd-analyze: `'B=\\q'` is invalid syntax).
        const escape = cEscape(value, i);
        if (!escape) {
          broken = true;
          break;
        }
        chars.push(escape.char);
        offsets.push(valueOffsets[i + 1]);
        i += escape.length;
      } else {
        chars.push(c);
        offsets.push(valueOffsets[i]);
        i++;
      }
    }
    // An unterminated quote or an escape systemd rejects: it logs "Invalid syntax, ignoring" and drops
    // this word and the rest of the line (the words before it are already set).
    if (quote !== null || broken) break;
    const first = value[startIndex];
    const last = value[i - 1];
    const quoted = quoteCount === 1 && (first === '"' || first === "'") && last === first && i - startIndex >= 2;
    words.push({ text: chars.join(''), offsets, start: valueOffsets[startIndex], end: valueOffsets[i - 1] + 1, quoted });
  }
  return words;
}
