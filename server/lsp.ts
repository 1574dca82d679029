// The values the server takes from vscode-languageserver, imported in this one
// module: a bundle gives every module that imports a CommonJS package its own
// copy of the package's exports, and copying this one's three hundred was
// milliseconds of every start. Types are imported from the package directly.
export {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ErrorCodes,
  FileChangeType,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  ProposedFeatures,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
