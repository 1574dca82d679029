// Writes `Environment=` words. systemd expands `%` specifiers in them, so a
// literal `%` (from percent-encoded passwords) must be written `%%`.
import type { FixOperation, TextEditAt } from '../engine/fixes';
import type { Assignment } from '../engine/model';
import type { SyntaxWriter } from './index';
import { replaceSpan } from './edit';
import { eolOf, runStartBefore, wholeLines } from './lines';
import { lineStartAt } from '../documents/text';

export function renderEnvironmentWord(name: string, value: string | null, quoted: boolean): string {
  const word = value === null ? name : `${name}=${value.replace(/%/g, '%%')}`;
  if (!quoted && !/[\s"'\\\u0000-\u001f\u007f]/.test(word)) return word;
  // systemd reads a raw CR or NUL as the end of the line: control characters are written as C escapes.
  return `"${word.replace(/[\\"\u0000-\u001f\u007f]/g, escapeForSystemd)}"`;
}

const C_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\', '"': '\\"' };

function escapeForSystemd(c: string): string {
  return C_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

function quotedLike(target: Assignment): boolean {
  return target.syntax.kind === 'systemd-word' && target.syntax.quoted;
}

function remove(text: string, target: Assignment): TextEditAt {
  if (target.syntax.kind === 'systemd-word' && target.syntax.onlyWordInDirective) {
    // An empty `Environment=` would reset every earlier assignment: drop the line instead.
    return replaceSpan(wholeLines(text, target.syntax.directive.start, target.syntax.directive.end), '');
  }
  // The blanks that separate it from the previous word go with it; the first word takes the ones after it instead.
  const blanks = runStartBefore(text, target.span.start, (c) => c === ' ' || c === '\t');
  if (blanks < target.span.start) return { start: blanks, end: target.span.end, newText: '' };
  const after = /^[ \t]+/.exec(text.slice(target.span.end));
  return { start: target.span.start, end: target.span.end + (after ? after[0].length : 0), newText: '' };
}

export const systemdWriter: SyntaxWriter = {
  render(text: string, operation: FixOperation): TextEditAt {
    switch (operation.op) {
      case 'insert-after': {
        const { after } = operation;
        return { start: after.span.end, end: after.span.end, newText: ` ${renderEnvironmentWord(operation.name, operation.value, quotedLike(after))}` };
      }
      case 'replace-value':
        return replaceSpan(operation.target.span, renderEnvironmentWord(operation.target.name, operation.value, quotedLike(operation.target)));
      case 'rename':
        return replaceSpan(operation.target.span, renderEnvironmentWord(operation.name, operation.target.value, quotedLike(operation.target)));
      case 'remove':
        return remove(text, operation.target);
      case 'insert-section-header': {
        // On its own line right above the directive, so the directive (and what follows it) now belongs to that section.
        const { before } = operation;
        const at = lineStartAt(text, before.syntax.kind === 'systemd-word' ? before.syntax.directive.start : before.span.start);
        return { start: at, end: at, newText: `[${operation.header}]${eolOf(text)}` };
      }
    }
  },
};
