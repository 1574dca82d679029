// Writes properties of Docker's config.json / daemon.json.
import type { FixOperation, TextEditAt } from '../engine/fixes';
import type { Assignment } from '../engine/model';
import type { SyntaxWriter } from './index';
import { replaceSpan } from './edit';
import { noSections } from './unsupported';
import { commaBefore, eolOf, startsItsLine, wholeLines } from './lines';
import { lineIndentAt } from '../documents/text';

/** The inside of a JSON string literal (without its quotes). */
function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

function insertAfter(text: string, after: Assignment, name: string, value: string | null): TextEditAt {
  const property = `${JSON.stringify(name)}: ${value === null ? 'null' : JSON.stringify(value)}`;
  const separator = startsItsLine(text, after.span.start) ? `,${eolOf(text)}${lineIndentAt(text, after.span.start)}` : ', ';
  return { start: after.span.end, end: after.span.end, newText: `${separator}${property}` };
}

/**
 * Removes a property where it is written, with the comma that separates it
 * from its neighbours: its whole lines when it has them to itself. Offsets come
 * from the property's own span, so with duplicated keys the right one goes, and
 * nothing else of the object is reformatted.
 */
function remove(text: string, target: Assignment): TextEditAt {
  const { start, end } = target.span;
  const afterBlanks = (offset: number) => {
    let at = offset;
    while (at < text.length && /\s/.test(text[at])) at++;
    return at;
  };
  const afterProperty = afterBlanks(end);
  const trailingComma = text[afterProperty] === ',' ? afterProperty : -1;
  const restOfLineBlank = (offset: number) => {
    let at = offset;
    while (text[at] === ' ' || text[at] === '\t') at++;
    return at >= text.length || text[at] === '\n' || text[at] === '\r';
  };
  if (trailingComma >= 0) {
    if (startsItsLine(text, start) && restOfLineBlank(trailingComma + 1)) return replaceSpan(wholeLines(text, start, trailingComma + 1), '');
    let to = trailingComma + 1;
    while (text[to] === ' ' || text[to] === '\t') to++;
    return { start, end: to, newText: '' };
  }
  // The last property: the comma before it goes instead (a trailing comma is an error for Docker's parser).
  const leadingComma = commaBefore(text, start);
  return { start: leadingComma >= 0 ? leadingComma : start, end, newText: '' };
}

export const jsonWriter: SyntaxWriter = {
  render(text: string, operation: FixOperation): TextEditAt {
    switch (operation.op) {
      case 'insert-after':
        return insertAfter(text, operation.after, operation.name, operation.value);
      case 'replace-value':
        // A non-string value (null, a number) has no quotes to write inside.
        return operation.target.value === null
          ? replaceSpan(operation.target.valueSpan, JSON.stringify(operation.value))
          : replaceSpan(operation.target.valueSpan, jsonStringContent(operation.value));
      case 'rename':
        return replaceSpan(operation.target.nameSpan, jsonStringContent(operation.name));
      case 'remove':
        return remove(text, operation.target);
      case 'insert-section-header':
        return noSections('json');
    }
  },
};
