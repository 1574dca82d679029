// Completion: proxy variable names, NO_PROXY entries and whole proxy blocks,
// offered only where an environment entry can go. Each file kind reads the
// cursor's surroundings in its own module under completion/.
import type { CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from '../lsp';
import type { FileKind, ProxyModel } from '../engine/model';
import { composeCompletions } from './completion/compose';
import { dockerJsonCompletions } from './completion/dockerJson';
import { envFileCompletions } from './completion/envFile';
import { runnerCompletions } from './completion/runner';
import type { Suggestion } from './completion/suggestions';
import { systemdCompletions } from './completion/systemd';
import { pathOfUri } from './documentLinting';

/** Characters after which the client should ask again: a NO_PROXY entry starts after `,` or `=`, a name after a quote. */
export const COMPLETION_TRIGGER_CHARACTERS = [',', '=', '"'];

export function suggestionsAt(kind: FileKind, model: ProxyModel | null, text: string, offset: number, path: string): Suggestion[] {
  switch (kind) {
    case 'compose':
      return composeCompletions(text, offset, model);
    case 'runner':
      return runnerCompletions(text, offset, model);
    case 'systemd':
      return systemdCompletions(text, offset, model, path);
    case 'docker-client':
    case 'docker-daemon':
      return dockerJsonCompletions(kind, text, offset);
    case 'env-file':
      return envFileCompletions(text, offset);
  }
}

export function completionItems(document: TextDocument, kind: FileKind, model: ProxyModel | null, offset: number): CompletionItem[] {
  return suggestionsAt(kind, model, document.getText(), offset, pathOfUri(document.uri)).map((suggestion) => toCompletionItem(document, suggestion));
}

const ITEM_KINDS: Readonly<Record<Suggestion['kind'], CompletionItemKind>> = {
  variable: CompletionItemKind.Variable,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

function toCompletionItem(document: TextDocument, suggestion: Suggestion): CompletionItem {
  return {
    label: suggestion.label,
    kind: ITEM_KINDS[suggestion.kind],
    detail: suggestion.detail,
    documentation: suggestion.documentation ? { kind: MarkupKind.Markdown, value: suggestion.documentation } : undefined,
    filterText: suggestion.filterText,
    sortText: suggestion.sortText,
    textEdit: { range: { start: document.positionAt(suggestion.replace.start), end: document.positionAt(suggestion.replace.end) }, newText: suggestion.newText },
    insertTextFormat: suggestion.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Multi-line snippets carry their own indentation.
    insertTextMode: InsertTextMode.asIs,
  };
}
