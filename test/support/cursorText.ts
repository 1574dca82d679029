// Helpers for cursor-based protocol tests: a cursor marker in a text, and
// completion edits applied the way an editor does (snippet tab stops replaced
// by their placeholders, mirrored stops by the same text).
import type { CompletionItem, Position, TextEdit } from 'vscode-languageserver-protocol';
import { InsertTextFormat } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const CURSOR = '‸';

/** The text without its one cursor marker, and the LSP position of the marker. */
export function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error('the text needs exactly one cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  return { text, position: TextDocument.create('x:', 'plaintext', 1, text).positionAt(offset) };
}

/** Position of the first `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in the text`);
  return TextDocument.create('x:', 'plaintext', 1, text).positionAt(offset + delta);
}

/** What inserting a snippet leaves in the document: each tab stop's placeholder, `$0` and empty stops as nothing. */
export function expandSnippet(snippet: string): string {
  const placeholders = new Map<string, string>();
  for (const match of snippet.matchAll(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g)) if (!placeholders.has(match[1])) placeholders.set(match[1], unescape(match[2]));
  return snippet.replace(/\\([\\$}])|\$\{(\d+):((?:\\.|[^}\\])*)\}|\$\{(\d+)\}|\$(\d+)/g, (_all, escaped: string | undefined, stop?: string, _placeholder?: string, braced?: string, bare?: string) => {
    if (escaped) return escaped;
    return placeholders.get(stop ?? braced ?? bare ?? '') ?? '';
  });
}

function unescape(text: string): string {
  return text.replace(/\\([\\$}])/g, '$1');
}

/** The document after accepting a completion item. */
export function applyCompletion(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit | undefined;
  if (!edit || !('range' in edit)) throw new Error(`completion ${item.label} has no textEdit with a range`);
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(edit.newText) : edit.newText;
  return TextDocument.applyEdits(TextDocument.create('x:', 'plaintext', 1, text), [{ range: edit.range, newText }]);
}
