// The language server: wires LSP to the engine. No linting logic lives here.
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_DOCS_BASE } from './engine/ruleCatalog';
import { CodeActionKind, createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from './lsp';
import { maskSecrets } from './proxy/url';
import { codeActions, FIX_ALL_KIND } from './services/codeActions';
import { CURSOR_FEATURE_CAPABILITIES, registerCursorFeatures } from './services/cursorFeatures';
import { registerGenerateRequests } from './services/generate';
import { OpenDocumentDiagnostics } from './services/openDocumentDiagnostics';
import { OpenDocumentLinter } from './services/openDocumentLinting';
import { ValidationQueue } from './services/validationQueue';
import { WorkspaceScan } from './services/workspaceScan';
import { DEFAULT_SETTINGS, toSettings, type ProxylintSettings } from './services/settings';
import { VERSION } from './version';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let canPullConfiguration = false;
let docsBase = RULE_DOCS_BASE;
const settingsCache = new Map<string, Promise<ProxylintSettings>>();
const validations = new ValidationQueue((uri) => void validate(uri));
const linter = new OpenDocumentLinter();
const openDiagnostics = new OpenDocumentDiagnostics(() => docsBase);
const workspaceScan = new WorkspaceScan(connection, documents, { settingsFor, docsBase: () => docsBase, revalidate: schedule });

connection.onInitialize((params: InitializeParams) => {
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  const options = params.initializationOptions as { docsBaseUri?: unknown } | undefined;
  if (typeof options?.docsBaseUri === 'string') docsBase = options.docsBaseUri.replace(/\/$/, '');
  workspaceScan.initialize(params);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      ...CURSOR_FEATURE_CAPABILITIES,
    },
    serverInfo: { name: 'proxylint', version: VERSION },
  };
});

connection.onInitialized(() => {
  // A client that refuses the registration still gets its settings pulled; an unhandled rejection would end the server.
  if (canPullConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'proxylint' }).catch(() => undefined);
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  openDiagnostics.forgetPublications();
  if (!canPullConfiguration) pushedSettings = toSettings((change.settings as { proxylint?: unknown } | undefined)?.proxylint);
  for (const document of documents.all()) schedule(document.uri);
  workspaceScan.settingsChanged();
});

let pushedSettings: ProxylintSettings = DEFAULT_SETTINGS;

function settingsFor(uri: string): Promise<ProxylintSettings> {
  if (!canPullConfiguration) return Promise.resolve(pushedSettings);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'proxylint' }).then(toSettings, () => DEFAULT_SETTINGS);
    settingsCache.set(uri, settings);
  }
  return settings;
}

/** Coalesces bursts of changes: only the latest text of a document is linted. */
function schedule(uri: string): void {
  validations.schedule(uri);
}

async function validate(uri: string): Promise<void> {
  try {
    const fetching = canPullConfiguration && !settingsCache.has(uri);
    const pendingSettings = settingsFor(uri);
    // A document's first settings are a round trip to the client: its text is parsed meanwhile, once the
    // request is out (the connection writes it on its next turn).
    if (fetching) setImmediate(() => prepare(uri));
    const settings = await pendingSettings;
    const document = documents.get(uri);
    if (!document) return;
    const linted = settings.enable ? linter.lint(document, settings.lint) : { kind: null, findings: [] };
    // A newer version arrived while settings were fetched: its own validation will publish.
    if (documents.get(uri)?.version !== document.version) return;
    const crossFile = settings.enable ? workspaceScan.diagnosticsFor(uri) : [];
    const diagnostics = [...openDiagnostics.build(document, linted), ...crossFile];
    openDiagnostics.published(uri, document.version, diagnostics);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    setImmediate(() => prepareForEdits(uri));
    workspaceScan.documentLinted();
  } catch (error) {
    connection.console.error(`proxylint could not lint ${uri}: ${maskSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
  }
}

/** Parses a document ahead of its lint; a failure shows when it is linted. */
function prepare(uri: string): void {
  const document = documents.get(uri);
  try {
    if (document) linter.prepare(document);
  } catch {
    // reported by the lint
  }
}

/** Once diagnostics are out, the work the next keystroke would otherwise wait for; a failure shows at that keystroke. */
function prepareForEdits(uri: string): void {
  try {
    linter.prepareForEdits(uri);
  } catch {
    // the next parse is a whole one, which reports it
  }
}

documents.onDidOpen((event) => schedule(event.document.uri));
documents.onDidChangeContent((event) => schedule(event.document.uri));
documents.onDidClose((event) => {
  validations.cancel(event.document.uri);
  linter.forget(event.document.uri);
  openDiagnostics.forget(event.document.uri);
  settingsCache.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const settings = await settingsFor(document.uri);
  if (!settings.enable) return [];
  try {
    return codeActions(document, params, settings.lint, docsBase, openDiagnostics.current(document));
  } catch (error) {
    connection.console.error(`proxylint could not compute code actions: ${maskSecrets(error instanceof Error ? error.message : String(error))}`);
    return [];
  }
});

registerCursorFeatures(connection, documents, settingsFor);
registerGenerateRequests(connection, documents);

documents.listen(connection);
connection.listen();
