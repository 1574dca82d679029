// The VS Code side: starts the proxylint language server and nothing more.
// Every check, fix and message lives in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCheckWorkspaceCommand, WATCHED_FILES_GLOB } from './commands/checkWorkspace';
import { registerGeneratorCommands } from './commands/generators';
import { startDiagnosticsTestHook } from './testHook';

let client: LanguageClient | undefined;

/** Files the server may recognise; it decides from the path and content whether a file is one of its kinds. */
const DOCUMENT_SELECTOR: LanguageClientOptions['documentSelector'] = [
  { language: 'dockercompose' },
  { language: 'yaml' },
  { language: 'toml' },
  { pattern: '**/*.toml' },
  { language: 'systemd-unit' },
  { pattern: '**/*.{service,socket}' },
  { pattern: '**/*.{service,socket}.d/*.conf' },
  { language: 'json', pattern: '**/{config,daemon}.json' },
  { language: 'jsonc', pattern: '**/{config,daemon}.json' },
  { pattern: '**/*.env' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // The server keeps V8's code cache in the extension's storage, which is writable where the installation may not be.
  const env = context.globalStorageUri.scheme === 'file' ? { ...process.env, PROXYLINT_CODE_CACHE_DIR: context.globalStorageUri.fsPath } : process.env;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES_GLOB);
  context.subscriptions.push(watcher, registerCheckWorkspaceCommand(() => client));
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // File events keep the results of "Proxy: Check workspace" current for files that are not open.
    synchronize: { configurationSection: 'proxylint', fileEvents: watcher },
    // Rule links open the docs shipped inside the extension, which works offline.
    initializationOptions: { docsBaseUri: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString() },
  };
  client = new LanguageClient('proxylint', 'proxylint', serverOptions, clientOptions);
  context.subscriptions.push(startDiagnosticsTestHook());
  context.subscriptions.push(...registerGeneratorCommands(() => client));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
