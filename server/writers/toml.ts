// Writes GitLab Runner `environment = ["NAME=value", ...]` elements as TOML strings.
import type { FixOperation, TextEditAt } from '../engine/fixes';
import type { Assignment } from '../engine/model';
import type { SyntaxWriter } from './index';
import { replaceSpan } from './edit';
import { noSections } from './unsupported';
import { commaBefore, eolOf, startsItsLine, wholeLines } from './lines';

export function renderTomlString(content: string, preferred: 'basic' | 'literal'): string {
  if (preferred === 'literal' && !/['\u0000-\u001f\u007f]/.test(content)) return `'${content}'`;
  // Most values need no escape: a test is cheaper than a replace with a callback.
  if (!/[\\"\u0000-\u001f\u007f]/.test(content)) return `"${content}"`;
  const escaped = content.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return `"${escaped}"`;
}

function renderElement(target: Assignment, name: string, value: string | null): string {
  const quote = target.syntax.kind === 'toml-string' ? target.syntax.quote : 'basic';
  return renderTomlString(value === null ? name : `${name}=${value}`, quote);
}

function remove(text: string, target: Assignment): TextEditAt {
  const trailingComma = /^[ \t]*,[ \t]*/.exec(text.slice(target.span.end));
  const end = target.span.end + (trailingComma ? trailingComma[0].length : 0);
  if (startsItsLine(text, target.span.start) && /^[ \t]*(#.*)?(\r?\n|$)/.test(text.slice(end))) {
    return replaceSpan(wholeLines(text, target.span.start, end), '');
  }
  if (trailingComma) return { start: target.span.start, end, newText: '' };
  const leadingComma = commaBefore(text, target.span.start);
  return { start: leadingComma >= 0 ? leadingComma : target.span.start, end: target.span.end, newText: '' };
}

export const tomlWriter: SyntaxWriter = {
  render(text: string, operation: FixOperation): TextEditAt {
    switch (operation.op) {
      case 'insert-after': {
        const { after } = operation;
        const element = renderElement(after, operation.name, operation.value);
        const multiline = after.syntax.kind === 'toml-string' && after.syntax.multilineArray;
        const indent = after.syntax.kind === 'toml-string' ? after.syntax.elementIndent : '';
        return { start: after.span.end, end: after.span.end, newText: multiline ? `,${eolOf(text)}${indent}${element}` : `, ${element}` };
      }
      case 'replace-value':
        return replaceSpan(operation.target.span, renderElement(operation.target, operation.target.name, operation.value));
      case 'rename':
        return replaceSpan(operation.target.span, renderElement(operation.target, operation.name, operation.target.value));
      case 'remove':
        return remove(text, operation.target);
      case 'insert-section-header':
        return noSections('toml');
    }
  },
};
