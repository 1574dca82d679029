// "Proxy: Check workspace" over LSP: the built server, started as a real
// process with a temporary workspace folder, lints files from disk, reports
// progress, can be cancelled, compares the files (proxy-inconsistent), keeps
// results current on file events, and lets open documents win.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  ProgressType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceFoldersRequest,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { SERVER_PATH } from '../support/lspClient';

const CHECK_WORKSPACE = 'proxylint/checkWorkspace';
const PASSWORD = 'F@oBar!';

interface CheckResult {
  files: number;
  problems: number;
  filesWithProblems: number;
  cancelled: boolean;
}

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** A client that opens a workspace folder, answers configuration (`files.exclude` too) and records what the server publishes. */
class WorkspaceClient {
  readonly connection: ProtocolConnection;
  readonly transcript: string[] = [];
  readonly progress = new Map<string | number, Progress[]>();
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; predicate: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  private readonly child;

  /** What the server gets for the `proxylint` section. */
  settings: Record<string, unknown> = {};

  constructor(readonly folder: string, filesExclude: Record<string, boolean>) {
    this.child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.transcript.push(JSON.stringify(params));
      this.latest.set(params.uri, params);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== params.uri || !w.predicate(params.diagnostics)) return true;
        w.resolve(params.diagnostics);
        return false;
      });
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => this.transcript.push(JSON.stringify(params)));
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'proxylint' ? this.settings : item.section === 'files.exclude' ? filesExclude : null)));
    this.connection.onRequest(WorkspaceFoldersRequest.type, () => [{ uri: uriOf(folder), name: 'workspace' }]);
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(this.folder),
      capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } }, window: { workDoneProgress: true } },
      workspaceFolders: [{ uri: uriOf(this.folder), name: 'workspace' }],
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Runs a check with a work done token whose progress is recorded (and shown to `onProgress`). */
  async check(workDoneToken: string, token?: CancellationTokenSource['token'], onProgress?: (value: Progress) => void): Promise<CheckResult> {
    const listener = this.connection.onProgress(new ProgressType<Progress>(), workDoneToken, (value) => {
      this.progress.set(workDoneToken, [...(this.progress.get(workDoneToken) ?? []), value]);
      onProgress?.(value);
    });
    try {
      const params = { workDoneToken };
      return await (token ? this.connection.sendRequest<CheckResult>(CHECK_WORKSPACE, params, token) : this.connection.sendRequest<CheckResult>(CHECK_WORKSPACE, params));
    } finally {
      listener.dispose();
    }
  }

  /** The diagnostics of a file once they satisfy `predicate` (now, or at a later publish). */
  diagnostics(path: string, predicate: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const uri = uriOf(join(this.folder, path));
    const current = this.latest.get(uri);
    if (current && predicate(current.diagnostics)) return Promise.resolve(current.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${path} as expected within ${timeoutMs} ms; latest: ${JSON.stringify(this.latest.get(uri)?.diagnostics.map((d) => d.code))}`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  publishedUris(): string[] {
    return [...this.latest.keys()];
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}

function uriOf(path: string): string {
  return pathToFileURL(path).toString();
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();
const hasInconsistency = (d: Diagnostic[]) => d.some((x) => x.code === 'proxy-inconsistent');
const noInconsistency = (d: Diagnostic[]) => !hasInconsistency(d);

const DROP_IN = 'docker.service.d/http-proxy.conf';
const CLIENT = 'docker/config.json';
/** dockerd reads both spellings and bypasses loopback itself: correct for every per-file rule. */
const dropInText = `[Service]\nEnvironment="HTTP_PROXY=http://svc:${PASSWORD}@proxy.corp.example:3128"\nEnvironment="HTTPS_PROXY=http://svc:${PASSWORD}@proxy.corp.example:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1"\n`;
const clientText = (port: number) =>
  `{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.corp.example:${port}",\n      "httpsProxy": "http://proxy.corp.example:${port}",\n      "noProxy": "localhost,127.0.0.1"\n    }\n  }\n}\n`;
/** lowercase-missing (and whatever else the catalog finds) but no proxy URL: it takes no part in proxy-inconsistent. */
const composeText = 'services:\n  app:\n    environment:\n      NO_PROXY: localhost\n';

describe('Proxy: Check workspace', () => {
  let root: string;
  let client: WorkspaceClient;
  let result: CheckResult;

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'proxylint-workspace-')));
    writeFiles(root, {
      [DROP_IN]: dropInText,
      [CLIENT]: clientText(8080),
      'app/docker-compose.yml': composeText,
      '.gitignore': 'ignored/\n',
      'ignored/docker-compose.yml': composeText,
      'node_modules/pkg/docker-compose.yml': composeText,
      'excluded/docker-compose.yml': composeText,
      'README.md': '# not linted\n',
    });
    client = new WorkspaceClient(root, { '**/excluded': true, '**/.cache': false });
    await client.initialize();
    result = await client.check('scan');
  });

  after(async () => {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  test('lints every matching file on disk, and only those: .gitignore, node_modules and files.exclude are skipped', async () => {
    assert.equal(result.cancelled, false);
    assert.equal(result.files, 3);
    assert.ok((await client.diagnostics('app/docker-compose.yml')).some((d) => d.code === 'lowercase-missing'));
    const published = client.publishedUris();
    for (const skipped of ['ignored/docker-compose.yml', 'node_modules/pkg/docker-compose.yml', 'excluded/docker-compose.yml', 'README.md']) {
      assert.ok(!published.includes(uriOf(join(root, skipped))), `${skipped} is not linted`);
    }
    assert.equal(result.filesWithProblems, 3);
    const all = await Promise.all([DROP_IN, CLIENT, 'app/docker-compose.yml'].map((p) => client.diagnostics(p)));
    assert.equal(result.problems, all.reduce((sum, d) => sum + d.length, 0));
  });

  test('reports work done progress on the client token: begin, reports with percentages, end', () => {
    const values = client.progress.get('scan') ?? [];
    assert.equal(values[0]?.kind, 'begin');
    assert.equal(values[values.length - 1]?.kind, 'end');
    const reports = values.filter((v): v is WorkDoneProgressReport => v.kind === 'report');
    assert.equal(reports.length, 3, 'one report per file');
    assert.deepEqual(
      reports.map((r) => r.message),
      ['app/docker-compose.yml', 'docker/config.json', 'docker.service.d/http-proxy.conf'],
    );
    assert.ok(reports.every((r, i) => typeof r.percentage === 'number' && (i === 0 || r.percentage >= reports[i - 1].percentage!)));
  });

  test('proxy-inconsistent: the drop-in and config.json disagree, each with the other file as related information', async () => {
    const onClient = (await client.diagnostics(CLIENT, hasInconsistency)).filter((d) => d.code === 'proxy-inconsistent');
    assert.equal(onClient.length, 2, 'httpProxy and httpsProxy');
    assert.deepEqual(onClient.slice(0, 1), [
      {
        range: { start: { line: 3, character: 6 }, end: { line: 3, character: 51 } },
        severity: 2,
        source: 'proxylint',
        code: 'proxy-inconsistent',
        codeDescription: { href: 'https://github.com/proxylint/proxylint/blob/main/docs/rules/proxy-inconsistent.md' },
        message: `httpProxy points at http://proxy.corp.example:8080 here, but ${DROP_IN} sets HTTP_PROXY to http://proxy.corp.example:3128.`,
        relatedInformation: [
          {
            location: { uri: uriOf(join(root, DROP_IN)), range: { start: { line: 1, character: 12 }, end: { line: 1, character: 67 } } },
            message: 'HTTP_PROXY points at http://proxy.corp.example:3128 here.',
          },
        ],
      },
    ]);
    const onDropIn = (await client.diagnostics(DROP_IN, hasInconsistency)).filter((d) => d.code === 'proxy-inconsistent');
    assert.equal(onDropIn.length, 2, 'HTTP_PROXY and HTTPS_PROXY');
    assert.equal(onDropIn[0].message, `HTTP_PROXY points at http://proxy.corp.example:3128 here, but ${CLIENT} sets httpProxy to http://proxy.corp.example:8080.`);
    assert.equal(onDropIn[0].relatedInformation?.[0].location.uri, uriOf(join(root, CLIENT)));
  });

  test('an open document wins over its file on disk, for its own diagnostics and for the comparison; closing hands back to the disk', async () => {
    const uri = uriOf(join(root, CLIENT));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text: clientText(3128) } });
    assert.deepEqual(codes(await client.diagnostics(CLIENT, noInconsistency)), []);
    assert.ok(noInconsistency(await client.diagnostics(DROP_IN, noInconsistency)));
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    // The file on disk still says 8080.
    assert.ok(hasInconsistency(await client.diagnostics(CLIENT, hasInconsistency)));
    assert.ok(hasInconsistency(await client.diagnostics(DROP_IN, hasInconsistency)));
  });

  test('file events keep results current: a change on disk, a new file, a deleted file', async () => {
    writeFileSync(join(root, CLIENT), clientText(3128));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(root, CLIENT)), type: FileChangeType.Changed }] });
    assert.deepEqual(codes(await client.diagnostics(CLIENT, (d) => d.length === 0)), []);
    assert.ok(noInconsistency(await client.diagnostics(DROP_IN, noInconsistency)));

    writeFiles(root, { 'new/compose.yaml': 'services:\n  web:\n    environment:\n      HTTP_PROXY: http://proxy.corp.example:8080\n      http_proxy: http://proxy.corp.example:8080\n' });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(root, 'new/compose.yaml')), type: FileChangeType.Created }] });
    assert.ok(hasInconsistency(await client.diagnostics('new/compose.yaml', hasInconsistency)));
    assert.ok(hasInconsistency(await client.diagnostics(DROP_IN, hasInconsistency)), 'the new file disagrees with the drop-in');

    rmSync(join(root, 'new'), { recursive: true });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(root, 'new')), type: FileChangeType.Deleted }] });
    assert.deepEqual(await client.diagnostics('new/compose.yaml', (d) => d.length === 0), []);
    assert.ok(noInconsistency(await client.diagnostics(DROP_IN, noInconsistency)));

    // A file event in an ignored folder is ignored like the scan ignores it.
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(root, 'ignored/docker-compose.yml')), type: FileChangeType.Changed }] });
  });

  test('a settings change re-lints the files read from disk: proxy-inconsistent turned off', async () => {
    writeFileSync(join(root, CLIENT), clientText(8080));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(root, CLIENT)), type: FileChangeType.Changed }] });
    assert.ok(hasInconsistency(await client.diagnostics(DROP_IN, hasInconsistency)));
    client.settings = { rules: { 'proxy-inconsistent': 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.ok(noInconsistency(await client.diagnostics(DROP_IN, noInconsistency)));
    assert.ok(noInconsistency(await client.diagnostics(CLIENT, noInconsistency)));
    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.ok(hasInconsistency(await client.diagnostics(DROP_IN, hasInconsistency)));
  });

  test('no password reaches any message the server sent', () => {
    assert.ok(client.transcript.length > 0);
    for (const line of client.transcript) assert.ok(!line.includes(PASSWORD) && !line.includes('oBar!'), line);
    assert.ok(!client.publishedUris().includes(uriOf(join(root, 'ignored/docker-compose.yml'))));
  });
});

describe('Proxy: Check workspace, cancelled', () => {
  test('cancelling the request stops the scan; what was linted stays published and the result says so', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'proxylint-workspace-')));
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`svc${String(i).padStart(3, '0')}/docker-compose.yml`] = composeText;
    writeFiles(root, files);
    const client = new WorkspaceClient(root, {});
    try {
      await client.initialize();
      const source = new CancellationTokenSource();
      // Cancel as soon as the first file is reported.
      const result = await client.check('cancelled-scan', source.token, (value) => {
        if (value.kind === 'report') source.cancel();
      });
      assert.equal(result.cancelled, true);
      assert.ok(result.files >= 1 && result.files < 300, `stopped early: ${result.files} of 300 files`);
      assert.ok((await client.diagnostics('svc000/docker-compose.yml')).length > 0, 'the first file stays published');
      assert.equal(client.publishedUris().filter((u) => u.endsWith('/docker-compose.yml')).length, result.files);
      assert.equal(client.progress.get('cancelled-scan')?.at(-1)?.kind, 'end');
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('proxy-inconsistent between open documents, without a scan', () => {
  test('two open files of one workspace folder are compared as they are edited', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'proxylint-workspace-')));
    const client = new WorkspaceClient(root, {});
    try {
      await client.initialize();
      const dropIn = uriOf(join(root, DROP_IN));
      const config = uriOf(join(root, CLIENT));
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: dropIn, languageId: 'systemd-unit', version: 1, text: dropInText } });
      assert.ok(noInconsistency(await client.diagnostics(DROP_IN)), 'one file alone agrees with itself');
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: config, languageId: 'json', version: 1, text: clientText(8080) } });
      assert.ok(hasInconsistency(await client.diagnostics(CLIENT, hasInconsistency)));
      assert.ok(hasInconsistency(await client.diagnostics(DROP_IN, hasInconsistency)));
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: config, version: 2 }, contentChanges: [{ text: clientText(3128) }] });
      assert.ok(noInconsistency(await client.diagnostics(DROP_IN, noInconsistency)));
      assert.ok(noInconsistency(await client.diagnostics(CLIENT, noInconsistency)));
      // Nothing was scanned: files on disk (there are none) play no part, and no other URI was published.
      assert.deepEqual(client.publishedUris().sort(), [config, dropIn].sort());
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
