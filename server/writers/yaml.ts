// Writes compose environment entries: map form (`NAME: value`) and list form
// (`- NAME=value`), block or flow, keeping the entry's quoting where it is safe.
import { stringify } from 'yaml';
import type { FixOperation, TextEditAt } from '../engine/fixes';
import type { Assignment, QuoteStyle } from '../engine/model';
import type { SyntaxWriter } from './index';
import { replaceSpan } from './edit';
import { noSections } from './unsupported';
import { commaBefore, eolOf, lineEndAt, startsItsLine, wholeLines } from './lines';

/** Characters that end a plain scalar inside `[...]` or `{...}`. */
const FLOW_INDICATORS = /[,[\]{}]/;

export function renderYamlScalar(value: string, preferred: QuoteStyle, inFlow = false): string {
  if (preferred === 'plain' && value !== '' && !/[\r\n]/.test(value) && !(inFlow && FLOW_INDICATORS.test(value))) {
    if (writesPlain(value)) return value;
  }
  if (preferred === 'single' && !/[\r\n\t]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  // JSON strings are valid YAML double-quoted scalars.
  return JSON.stringify(value);
}

/** Whether `yaml` writes the value as a plain scalar as it is: asked for every fix that writes a value, and values repeat. */
function writesPlain(value: string): boolean {
  let plain = plainValues.get(value);
  if (plain === undefined) {
    plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '') === value;
    if (plainValues.size >= 4096) plainValues.delete(plainValues.keys().next().value as string);
    plainValues.set(value, plain);
  }
  return plain;
}

const plainValues = new Map<string, boolean>();

function renderEntry(target: Assignment, name: string, value: string | null): string {
  const syntax = target.syntax;
  if (syntax.kind === 'yaml-map') {
    const key = renderYamlScalar(name, syntax.keyQuote, syntax.flow);
    return value === null ? `${key}:` : `${key}: ${renderYamlScalar(value, syntax.valueQuote, syntax.flow)}`;
  }
  if (syntax.kind === 'yaml-list') return renderYamlScalar(value === null ? name : `${name}=${value}`, syntax.quote, syntax.flow);
  throw new Error(`yaml writer cannot write ${syntax.kind}`);
}

function isFlow(target: Assignment): boolean {
  return (target.syntax.kind === 'yaml-map' || target.syntax.kind === 'yaml-list') && target.syntax.flow;
}

function insertAfter(text: string, after: Assignment, name: string, value: string | null): TextEditAt {
  const entry = renderEntry(after, name, value);
  if (isFlow(after)) return { start: after.span.end, end: after.span.end, newText: `, ${entry}` };
  const syntax = after.syntax;
  const indent = syntax.kind === 'yaml-map' ? syntax.entryIndent : syntax.kind === 'yaml-list' ? syntax.itemIndent : '';
  const prefix = syntax.kind === 'yaml-list' ? '- ' : '';
  // After the whole line (a trailing comment stays with its entry); block scalars end on their last line.
  const at = lineEndAt(text, Math.max(after.span.end - 1, after.span.start));
  return { start: at, end: at, newText: `${eolOf(text)}${indent}${prefix}${entry}` };
}

function remove(text: string, target: Assignment): TextEditAt {
  if (!isFlow(target) && startsItsLine(text, target.syntax.kind === 'yaml-list' ? text.lastIndexOf('-', target.span.start) : target.span.start)) {
    return replaceSpan(wholeLines(text, target.span.start, target.span.end), '');
  }
  const after = /^\s*,[ \t]*/.exec(text.slice(target.span.end));
  if (after) return { start: target.span.start, end: target.span.end + after[0].length, newText: '' };
  const before = commaBefore(text, target.span.start);
  return { start: before >= 0 ? before : target.span.start, end: target.span.end, newText: '' };
}

export const yamlWriter: SyntaxWriter = {
  render(text: string, operation: FixOperation): TextEditAt {
    switch (operation.op) {
      case 'insert-after':
        return insertAfter(text, operation.after, operation.name, operation.value);
      case 'replace-value': {
        const { target } = operation;
        if (target.syntax.kind === 'yaml-map' && target.syntax.valueSpan) {
          return replaceSpan(target.syntax.valueSpan, renderYamlScalar(operation.value, target.syntax.valueQuote, target.syntax.flow));
        }
        return replaceSpan(target.span, renderEntry(target, target.name, operation.value));
      }
      case 'rename': {
        const { target } = operation;
        if (target.syntax.kind === 'yaml-map') return replaceSpan(target.nameSpan, renderYamlScalar(operation.name, target.syntax.keyQuote, target.syntax.flow));
        return replaceSpan(target.span, renderEntry(target, operation.name, target.value));
      }
      case 'remove':
        return remove(text, operation.target);
      case 'insert-section-header':
        return noSections('yaml');
    }
  },
};
