// A language server started as a process and driven over stdio, with the
// arrival time of every publishDiagnostics: what the benchmarks measure.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ConfigurationItem,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export interface Publication {
  at: number;
  params: PublishDiagnosticsParams;
}

export interface SessionOptions {
  command: string;
  args: string[];
  /** Answers `workspace/configuration` per requested item. */
  configuration(item: ConfigurationItem): unknown;
  rootPath: string;
  rootUri: string;
}

export class LspSession {
  readonly startedAt: number;
  readonly publications: Publication[] = [];
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly connection: ProtocolConnection;
  private waiters: { predicate: (p: Publication) => boolean; resolve: (p: Publication) => void }[] = [];
  private readonly stderr: string[] = [];

  private constructor(private readonly options: SessionOptions) {
    this.startedAt = performance.now();
    this.process = spawn(options.command, options.args, { stdio: 'pipe' });
    this.process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const publication = { at: performance.now(), params };
      this.publications.push(publication);
      this.waiters = this.waiters.filter((w) => {
        if (!w.predicate(publication)) return true;
        w.resolve(publication);
        return false;
      });
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => options.configuration(item)));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    // Servers may ask for work-done progress; accept it.
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(options: SessionOptions): Promise<LspSession> {
    const session = new LspSession(options);
    await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri,
      rootPath: options.rootPath,
      workspaceFolders: [{ uri: options.rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, synchronization: { dynamicRegistration: false } },
      },
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Tells the server to pull its settings again (VS Code sends this once after start-up too). */
  configurationChanged(): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  open(uri: string, languageId: string, text: string): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** The first publication from now on that satisfies the predicate. */
  next(predicate: (p: Publication) => boolean, timeoutMs = 60_000): Promise<Publication> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics within ${timeoutMs} ms; server stderr: ${this.stderr.join('').slice(-2000)}`)), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the process may already be gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 2000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

export function sleepUntil(time: number): Promise<void> {
  const wait = time - performance.now();
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
}
