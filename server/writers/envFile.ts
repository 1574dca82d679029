// Writes `NAME=value` lines of env files with the quoting docker compose reads
// back to the same value (see documents/envFile.ts).
import type { FixOperation, TextEditAt } from '../engine/fixes';
import type { Assignment } from '../engine/model';
import type { SyntaxWriter } from './index';
import { replaceSpan } from './edit';
import { eolOf, lineEndAt, wholeLines } from './lines';
import { noSections } from './unsupported';

type EnvQuote = 'none' | 'single' | 'double';

/**
 * A value as an env file writes it. Unquoted and double-quoted values are
 * interpolated by compose, single-quoted ones are not: a value read from
 * single quotes keeps its `$` literal when it has to move to double quotes.
 */
export function renderEnvValue(value: string, preferred: EnvQuote): string {
  if (preferred === 'none' && isSafeUnquoted(value)) return value;
  if (preferred === 'single' && !/['\\\r\n]/.test(value)) return `'${value}'`;
  const literalDollars = preferred === 'single';
  const escaped = value.replace(/[\\"\n\r$]/g, (c) => {
    if (c === '$') return literalDollars ? '\\$' : '$';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return `\\${c}`;
  });
  return `"${escaped}"`;
}

/** An unquoted value is read back unchanged when it has no line break, no edge blanks, no ` #` comment start and no leading quote. */
function isSafeUnquoted(value: string): boolean {
  return !/[\r\n]/.test(value) && value.trim() === value && !/\s#/.test(value) && !/^['"]/.test(value);
}

function quoteOf(target: Assignment): EnvQuote {
  return target.syntax.kind === 'env-line' ? target.syntax.quote : 'none';
}

function renderLine(target: Assignment, name: string, value: string | null): string {
  const prefix = target.syntax.kind === 'env-line' && target.syntax.exported ? 'export ' : '';
  return value === null ? `${prefix}${name}` : `${prefix}${name}=${renderEnvValue(value, quoteOf(target))}`;
}

export const envFileWriter: SyntaxWriter = {
  render(text: string, operation: FixOperation): TextEditAt {
    switch (operation.op) {
      case 'insert-after': {
        // After the whole line, so a trailing comment stays with its entry.
        const at = lineEndAt(text, Math.max(operation.after.span.end - 1, operation.after.span.start));
        return { start: at, end: at, newText: `${eolOf(text)}${renderLine(operation.after, operation.name, operation.value)}` };
      }
      case 'replace-value': {
        const { target } = operation;
        const written = target.syntax.kind === 'env-line' ? target.syntax.valueSpan : null;
        if (written) return replaceSpan(written, renderEnvValue(operation.value, quoteOf(target)));
        return { start: target.nameSpan.end, end: target.span.end, newText: `=${renderEnvValue(operation.value, 'none')}` };
      }
      case 'rename':
        return replaceSpan(operation.target.nameSpan, operation.name);
      case 'remove':
        return replaceSpan(wholeLines(text, operation.target.span.start, operation.target.span.end), '');
      case 'insert-section-header':
        return noSections('env file');
    }
  },
};
