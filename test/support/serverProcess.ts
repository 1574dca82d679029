// A built server started as a process with a minimal client around it, for
// tests that need what TestLspClient fixes: another copy of the server, its
// environment, or a client that answers requests differently.
import { spawn } from 'node:child_process';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';

export interface OneDocumentRun {
  diagnostics: Diagnostic[];
  /** What the server wrote to standard error, once it exited. */
  log: string;
  exitCode: number | null;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Refuse `client/registerCapability` as a client without dynamic registration may. */
  refuseRegistration?: boolean;
}

/** Starts the server, opens one document, waits for its first diagnostics, and shuts the server down. */
export async function diagnosticsOfOneRun(serverPath: string, uri: string, text: string, options: RunOptions = {}): Promise<OneDocumentRun> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...options.env } });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Promise<Diagnostic[]>((resolve, reject) => {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => resolve(params.diagnostics));
    void exited.then(() => reject(new Error(`the server exited before publishing: ${stderr.join('')}`)));
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  let answeredRegistration: () => void = () => {};
  const registrationAnswered = new Promise<void>((resolve) => (answeredRegistration = resolve));
  connection.onRequest(RegistrationRequest.type, () => {
    setTimeout(answeredRegistration, 100);
    return options.refuseRegistration ? new ResponseError(-32601, 'no dynamic registration here') : undefined;
  });
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } } });
    await connection.sendNotification(InitializedNotification.type, {});
    // The server asks to register for configuration changes (a client that supports pulling them): opened once it had the answer.
    await registrationAnswered;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const diagnostics = await published;
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    return { diagnostics, exitCode: await exited, log: stderr.join('') };
  } finally {
    connection.dispose();
    child.kill();
  }
}
