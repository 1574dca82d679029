// Env files (`.env`, `*.env`, compose `env_file:`) → ProxyModel, read the way
// docker compose reads them (compose-go's dotenv parser): `#` comment lines,
// an optional `export ` prefix, `KEY=value` or `KEY: value`, a bare `KEY`
// taken from the environment, unquoted values cut at ` #` and trimmed,
// single quotes literal, double quotes with backslash escapes, and quoted
// values that may span lines. Interpolation (`${VAR}`) is left in the value,
// as in compose files.
import type { Assignment, ProxyModel, Span } from '../engine/model';
import { environmentAssignment, identityOffsets } from './assignments';

/** compose-go's isSpace: blanks that are not a line break. */
const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\r' || c === '\u0085' || c === '\u00a0';
const isNameChar = (c: string) => /[\p{L}\p{N}_.\-[\]]/u.test(c);
const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\', $: '$$' };

class EnvSyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

export function parseEnvFile(text: string, path: string): ProxyModel {
  const model: ProxyModel = { kind: 'env-file', text, scopes: [], parseProblem: null };
  const assignments: Assignment[] = [];
  try {
    let pos = 0;
    for (;;) {
      while (pos < text.length && /\s/.test(text[pos])) pos++;
      if (pos >= text.length) break;
      if (text[pos] === '#') {
        pos = lineEnd(text, pos);
        continue;
      }
      const statement = readStatement(text, pos);
      assignments.push(statement.assignment);
      pos = statement.next;
    }
  } catch (error) {
    if (!(error instanceof EnvSyntaxError)) throw error;
    model.parseProblem = { message: `The env file does not parse: ${error.message}`, span: error.span };
    return model;
  }
  const base = path.split(/[\\/]/).pop() || path;
  if (assignments.length > 0) {
    model.scopes.push({
      label: `env file ${base}`,
      consumer: 'any-program',
      assignments,
      anchor: assignments[0].nameSpan,
      dind: null,
      fragmentOf: 'the environment of the services or units that read this file (compose env_file, systemd EnvironmentFile=)',
    });
  }
  return model;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

function readStatement(text: string, start: number): { assignment: Assignment; next: number } {
  let pos = start;
  const exported = /^export[ \t]+/.exec(text.slice(pos, pos + 64));
  if (exported) pos += exported[0].length;
  const nameStart = pos;
  let terminator = '';
  for (; pos < text.length; pos++) {
    const c = text[pos];
    if (c === '=' || c === ':' || c === '\n') {
      terminator = c;
      break;
    }
    if (isBlank(c) || isNameChar(c)) continue;
    throw new EnvSyntaxError(`unexpected character ${JSON.stringify(c)} in a variable name`, { start: pos, end: pos + 1 });
  }
  let nameEnd = pos;
  while (nameEnd > nameStart && isBlank(text[nameEnd - 1])) nameEnd--;
  const name = text.slice(nameStart, nameEnd);
  const nameSpan: Span = { start: nameStart, end: nameEnd };
  if (/\s/.test(name)) throw new EnvSyntaxError('a variable name cannot contain a space', nameSpan);
  const syntaxOf = (quote: 'none' | 'single' | 'double', valueSpan: Span | null) => ({ kind: 'env-line' as const, quote, exported: exported !== null, valueSpan });

  if (terminator === '\n' || terminator === '') {
    // A bare name: compose takes the value from its own environment.
    const assignment = environmentAssignment({ name, value: null, span: { start, end: nameEnd }, nameSpan, valueSpan: { start: nameEnd, end: nameEnd }, valueOffsets: null, syntax: syntaxOf('none', null) });
    return { assignment, next: pos };
  }

  pos++;
  while (pos < text.length && isBlank(text[pos])) pos++;
  const quote = text[pos];
  if (quote === '"' || quote === "'") {
    const { content, close } = readQuoted(text, pos);
    const value = quote === '"' ? unescapeDoubleQuoted(content) : content;
    const valueSpan: Span = { start: pos, end: close + 1 };
    const assignment = environmentAssignment({
      name,
      value,
      span: { start, end: close + 1 },
      nameSpan,
      valueSpan,
      valueOffsets: identityOffsets(text, valueSpan, value, 1),
      syntax: syntaxOf(quote === '"' ? 'double' : 'single', valueSpan),
    });
    return { assignment, next: close + 1 };
  }

  // Unquoted: to the end of the line, an inline comment starts at " #", trailing blanks dropped.
  const end = lineEnd(text, pos);
  let valueEnd = end;
  const comment = text.slice(pos, end).indexOf(' #');
  if (comment >= 0) valueEnd = pos + comment;
  while (valueEnd > pos && /\s/.test(text[valueEnd - 1])) valueEnd--;
  const value = text.slice(pos, valueEnd);
  const valueSpan: Span = { start: pos, end: valueEnd };
  const assignment = environmentAssignment({
    name,
    value,
    span: { start, end: valueEnd },
    nameSpan,
    valueSpan,
    valueOffsets: (index) => pos + index,
    syntax: syntaxOf('none', valueSpan),
  });
  return { assignment, next: end };
}

/** The characters between a quote and its unescaped closing twin; `\<quote>` is the quote, any other `\x` stays as written. */
function readQuoted(text: string, open: number): { content: string; close: number } {
  const quote = text[open];
  let content = '';
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      content += text[i + 1] === quote ? quote : `\\${text[i + 1]}`;
      i++;
      continue;
    }
    if (c === quote) return { content, close: i };
    content += c;
  }
  throw new EnvSyntaxError('a quoted value is not closed', { start: open, end: lineEnd(text, open) });
}

/** compose-go's expandEscapes: C escapes, and `\$` becomes `$$` (a literal dollar for interpolation). */
function unescapeDoubleQuoted(content: string): string {
  return content.replace(/\\(0[0-7]{0,3}|[\s\S])/g, (match, escaped: string) => {
    if (escaped.startsWith('0')) return String.fromCharCode(parseInt(escaped, 8) || 0);
    return DOUBLE_QUOTE_ESCAPES[escaped] ?? match;
  });
}
