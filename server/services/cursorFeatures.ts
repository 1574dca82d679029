// Wires hover, completion and the outline to the connection. They share one
// parsed model per document version (modelCache.ts).
import type { CompletionItem, Connection, DocumentSymbol, Hover, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind } from '../lsp';
import { maskSecrets } from '../proxy/url';
import { COMPLETION_TRIGGER_CHARACTERS, completionItems } from './completion';
import { documentSymbols } from './documentSymbols';
import { hoverAt } from './hover';
import { ModelCache, type DocumentModel } from './modelCache';
import type { ProxylintSettings } from './settings';

export const CURSOR_FEATURE_CAPABILITIES: ServerCapabilities = {
  hoverProvider: true,
  completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
  documentSymbolProvider: true,
};

export function registerCursorFeatures(connection: Connection, documents: TextDocuments<TextDocument>, settingsFor: (uri: string) => Promise<ProxylintSettings>): void {
  const models = new ModelCache();
  documents.onDidClose((event) => models.forget(event.document.uri));

  async function modelOf(uri: string): Promise<{ document: TextDocument; model: DocumentModel } | null> {
    const settings = await settingsFor(uri);
    const document = documents.get(uri);
    if (!document || !settings.enable) return null;
    const model = models.get(document, settings.lint);
    return model ? { document, model } : null;
  }

  function guarded<T>(feature: string, fallback: T, run: () => Promise<T>): Promise<T> {
    return run().catch((error: unknown) => {
      connection.console.error(`proxylint could not compute ${feature}: ${maskSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
      return fallback;
    });
  }

  connection.onHover((params) =>
    guarded<Hover | null>('a hover', null, async () => {
      const found = await modelOf(params.textDocument.uri);
      if (!found) return null;
      const { document, model } = found;
      const hover = hoverAt(model.model, document.offsetAt(params.position));
      if (!hover) return null;
      return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: { start: document.positionAt(hover.span.start), end: document.positionAt(hover.span.end) } };
    }),
  );

  connection.onCompletion((params) =>
    guarded<CompletionItem[]>('completions', [], async () => {
      const found = await modelOf(params.textDocument.uri);
      if (!found) return [];
      const { document, model } = found;
      return completionItems(document, model.kind, model.lastParsed, document.offsetAt(params.position));
    }),
  );

  connection.onDocumentSymbol((params) =>
    guarded<DocumentSymbol[]>('document symbols', [], async () => {
      const found = await modelOf(params.textDocument.uri);
      return found ? documentSymbols(found.document, found.model.model) : [];
    }),
  );
}
