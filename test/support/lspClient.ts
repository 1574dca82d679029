// A real LSP client for tests: starts the built server (dist/server.js) as a
// child process and talks JSON-RPC to it over stdio.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  ShowMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceFoldersRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The bundle under test; PROXYLINT_SERVER_PATH points elsewhere (a build made with `--outdir`). */
export const SERVER_PATH = process.env.PROXYLINT_SERVER_PATH ?? resolve(__dirname, '../../dist/server.js');

export interface StartOptions {
  /** What the server gets for `workspace/configuration` of section `proxylint`. */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Opens this folder as the workspace (progress and file events announced); without it the server has no workspace. */
  workspaceFolder?: string;
  /** What the server gets for `workspace/configuration` of section `files.exclude`. */
  filesExclude?: Record<string, boolean>;
  /** Another build or copy of the server than SERVER_PATH. */
  serverPath?: string;
  /** Added to the server's environment. */
  env?: Record<string, string>;
  /** Refuse `client/registerCapability`, as a client without dynamic registration may. */
  refuseRegistration?: boolean;
}

export class TestLspClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  /** The server's exit code, once it has exited. */
  readonly exited: Promise<number | null>;
  /** Settles a moment after the first registration request was answered, so the server has read the answer. */
  readonly registrationAnswered: Promise<void>;
  /** Every notification/log line the server sent, for secret-leak checks. */
  readonly transcript: string[] = [];
  initializeResult!: InitializeResult;
  settings: Record<string, unknown>;
  private versions = new Map<string, number>();
  private published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

  private constructor(private readonly options: StartOptions) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [options.serverPath ?? SERVER_PATH, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...options.env } });
    this.process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolveExit) => this.process.once('exit', (code) => resolveExit(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.transcript.push(JSON.stringify(params));
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== params.uri || !w.predicate(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    for (const type of [LogMessageNotification.type, ShowMessageNotification.type]) {
      this.connection.onNotification(type, (params) => this.transcript.push(`${type.method} ${JSON.stringify(params)}`));
    }
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'proxylint' ? this.settings : item.section === 'files.exclude' ? (options.filesExclude ?? {}) : null)),
    );
    this.connection.onRequest(WorkspaceFoldersRequest.type, () => this.workspaceFolders());
    let answeredRegistration: () => void = () => {};
    this.registrationAnswered = new Promise((resolveAnswered) => (answeredRegistration = resolveAnswered));
    this.connection.onRequest(RegistrationRequest.type, () => {
      setTimeout(answeredRegistration, 100);
      return options.refuseRegistration ? new ResponseError(-32601, 'no dynamic registration here') : undefined;
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestLspClient> {
    const client = new TestLspClient(options);
    const folder = options.workspaceFolder;
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? TestLspClient.uriOf(folder) : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...(folder ? { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } } : {}) },
        textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } },
        ...(folder ? { window: { workDoneProgress: true } } : {}),
      },
      initializationOptions: options.initializationOptions,
      workspaceFolders: client.workspaceFolders(),
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  static uriOf(path: string): string {
    return pathToFileURL(resolve(path)).toString();
  }

  /** Opens a document and resolves with the first diagnostics published for this version. */
  async open(uri: string, text: string, languageId = 'plaintext'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const next = this.nextDiagnostics(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return (await next).diagnostics;
  }

  /** Replaces the whole text; resolves with the diagnostics of the new version. */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const next = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await next).diagnostics;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  nextDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms; stderr: ${this.stderr.join('')}`)), timeoutMs);
      this.waiters.push({
        uri,
        predicate: (p) => version === undefined || p.version === version,
        resolve: (p) => {
          clearTimeout(timer);
          resolvePromise(p);
        },
      });
    });
  }

  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** Every URI the server has published diagnostics for. */
  publishedUris(): string[] {
    return [...this.published.keys()];
  }

  /** The latest diagnostics of a URI once they satisfy `predicate`: already published, or at a later publication. */
  diagnosticsWhen(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const latest = this.published.get(uri)?.at(-1);
    if (latest && predicate(latest.diagnostics)) return Promise.resolve(latest.diagnostics);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} as expected within ${timeoutMs} ms; latest: ${JSON.stringify(this.published.get(uri)?.at(-1)?.diagnostics.map((d) => d.code))}`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        predicate: (p) => predicate(p.diagnostics),
        resolve: (p) => {
          clearTimeout(timer);
          resolvePromise(p.diagnostics);
        },
      });
    });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(Command | CodeAction)[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  /** Any request by method name (`textDocument/hover`, `textDocument/completion`...), for features without a helper. */
  request<R>(method: string, params: object): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  private workspaceFolders(): { uri: string; name: string }[] | null {
    return this.options.workspaceFolder ? [{ uri: TestLspClient.uriOf(this.options.workspaceFolder), name: 'workspace' }] : null;
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }

  /** Shuts the server down the LSP way and resolves with the code it exits with. */
  async shutdownAndExit(): Promise<number | null> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      return await this.exited;
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

export interface OneDocumentRun {
  diagnostics: Diagnostic[];
  /** What the server wrote to standard error, once it exited. */
  log: string;
  exitCode: number | null;
}

/** Starts a server, opens one document once the server has its registration answered, waits for its first diagnostics, and shuts the server down. */
export async function diagnosticsOfOneRun(serverPath: string, uri: string, text: string, options: Pick<StartOptions, 'env' | 'refuseRegistration'> = {}): Promise<OneDocumentRun> {
  const client = await TestLspClient.start({ ...options, serverPath });
  await client.registrationAnswered;
  const diagnostics = await client.open(uri, text);
  const exitCode = await client.shutdownAndExit();
  return { diagnostics, exitCode, log: client.stderr.join('') };
}

/** Applies the edits a workspace edit makes to one document. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? [];
  if (edits.length === 0) throw new Error('the workspace edit changes nothing in this document');
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), edits);
}
