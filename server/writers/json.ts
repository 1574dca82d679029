// Writes properties of Docker's config.json / daemon.json.
import { modify } from 'jsonc-parser';
import type { FixOperation, TextEditAt } from '../engine/fixes';
import type { Assignment } from '../engine/model';
import type { SyntaxWriter } from './index';
import { noSections } from './unsupported';
import { eolOf, startsItsLine } from './lines';
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

function remove(text: string, target: Assignment): TextEditAt {
  const path = target.syntax.kind === 'json-property' ? [...target.syntax.objectPath, target.name] : [target.name];
  const edits = modify(text, path, undefined, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: eolOf(text) } });
  if (edits.length !== 1) throw new Error('json writer: expected one edit to remove a property');
  return { start: edits[0].offset, end: edits[0].offset + edits[0].length, newText: edits[0].content };
}

export const jsonWriter: SyntaxWriter = {
  render(text: string, operation: FixOperation): TextEditAt {
    switch (operation.op) {
      case 'insert-after':
        return insertAfter(text, operation.after, operation.name, operation.value);
      case 'replace-value':
        // A non-string value (null, a number) has no quotes to write inside.
        return operation.target.value === null
          ? { ...operation.target.valueSpan, newText: JSON.stringify(operation.value) }
          : { ...operation.target.valueSpan, newText: jsonStringContent(operation.value) };
      case 'rename':
        return { ...operation.target.nameSpan, newText: jsonStringContent(operation.name) };
      case 'remove':
        return remove(text, operation.target);
      case 'insert-section-header':
        return noSections('json');
    }
  },
};
