// "Proxy: Check workspace" over LSP: the built server, started as a real
// process with a temporary workspace folder, lints files from disk, reports
// progress, can be cancelled, compares the files (proxy-inconsistent), keeps
// results current on file events, and lets open documents win.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  ProgressType,
  type Diagnostic,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient';

const CHECK_WORKSPACE = 'proxylint/checkWorkspace';
const PASSWORD = 'F@oBar!';

interface CheckResult {
  files: number;
  problems: number;
  filesWithProblems: number;
  cancelled: boolean;
}

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** The built server with `folder` open as its workspace; `files.exclude` answered with `filesExclude`. */
function startInFolder(folder: string, filesExclude: Record<string, boolean>): Promise<TestLspClient> {
  return TestLspClient.start({ workspaceFolder: folder, filesExclude });
}

/** Runs "Check workspace" with a work done token and returns its result with the progress values reported on that token (each also shown to `onProgress`). */
async function checkWorkspace(client: TestLspClient, workDoneToken: string, token?: CancellationTokenSource['token'], onProgress?: (value: Progress) => void): Promise<{ result: CheckResult; progress: Progress[] }> {
  const progress: Progress[] = [];
  const listener = client.connection.onProgress(new ProgressType<Progress>(), workDoneToken, (value) => {
    progress.push(value);
    onProgress?.(value);
  });
  try {
    const params = { workDoneToken };
    const result = await (token ? client.connection.sendRequest<CheckResult>(CHECK_WORKSPACE, params, token) : client.connection.sendRequest<CheckResult>(CHECK_WORKSPACE, params));
    return { result, progress };
  } finally {
    listener.dispose();
  }
}

function uriOf(path: string): string {
  return pathToFileURL(path).toString();
}

/** The diagnostics of a file of the workspace once they satisfy `predicate`. */
function fileDiagnostics(client: TestLspClient, root: string, path: string, predicate?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  return client.diagnosticsWhen(uriOf(join(root, path)), predicate);
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
  let client: TestLspClient;
  let result: CheckResult;
  let scanProgress: Progress[];

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
    client = await startInFolder(root, { '**/excluded': true, '**/.cache': false });
    ({ result, progress: scanProgress } = await checkWorkspace(client, 'scan'));
  });

  after(async () => {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  test('lints every matching file on disk, and only those: .gitignore, node_modules and files.exclude are skipped', async () => {
    assert.equal(result.cancelled, false);
    assert.equal(result.files, 3);
    assert.ok((await fileDiagnostics(client, root, 'app/docker-compose.yml')).some((d) => d.code === 'lowercase-missing'));
    const published = client.publishedUris();
    for (const skipped of ['ignored/docker-compose.yml', 'node_modules/pkg/docker-compose.yml', 'excluded/docker-compose.yml', 'README.md']) {
      assert.ok(!published.includes(uriOf(join(root, skipped))), `${skipped} is not linted`);
    }
    assert.equal(result.filesWithProblems, 3);
    const all = await Promise.all([DROP_IN, CLIENT, 'app/docker-compose.yml'].map((p) => fileDiagnostics(client, root, p)));
    assert.equal(result.problems, all.reduce((sum, d) => sum + d.length, 0));
  });

  test('reports work done progress on the client token: begin, reports with percentages, end', () => {
    const values = scanProgress;
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
    const onClient = (await fileDiagnostics(client, root, CLIENT, hasInconsistency)).filter((d) => d.code === 'proxy-inconsistent');
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
    const onDropIn = (await fileDiagnostics(client, root, DROP_IN, hasInconsistency)).filter((d) => d.code === 'proxy-inconsistent');
    assert.equal(onDropIn.length, 2, 'HTTP_PROXY and HTTPS_PROXY');
    assert.equal(onDropIn[0].message, `HTTP_PROXY points at http://proxy.corp.example:3128 here, but ${CLIENT} sets httpProxy to http://proxy.corp.example:8080.`);
    assert.equal(onDropIn[0].relatedInformation?.[0].location.uri, uriOf(join(root, CLIENT)));
  });

  test('an open document wins over its file on disk, for its own diagnostics and for the comparison; closing hands back to the disk', async () => {
    const uri = uriOf(join(root, CLIENT));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text: clientText(3128) } });
    assert.deepEqual(codes(await fileDiagnostics(client, root, CLIENT, noInconsistency)), []);
    assert.ok(noInconsistency(await fileDiagnostics(client, root, DROP_IN, noInconsistency)));
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    // The file on disk still says 8080.
    assert.ok(hasInconsistency(await fileDiagnostics(client, root, CLIENT, hasInconsistency)));
    assert.ok(hasInconsistency(await fileDiagnostics(client, root, DROP_IN, hasInconsistency)));
  });

  test('file events keep results current: a change on disk, a new file, a deleted file', async () => {
    writeFileSync(join(root, CLIENT), clientText(3128));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(root, CLIENT)), type: FileChangeType.Changed }] });
    assert.deepEqual(codes(await fileDiagnostics(client, root, CLIENT, (d) => d.length === 0)), []);
    assert.ok(noInconsistency(await fileDiagnostics(client, root, DROP_IN, noInconsistency)));

    writeFiles(root, { 'new/compose.yaml': 'services:\n  web:\n    environment:\n      HTTP_PROXY: http://proxy.corp.example:8080\n      http_proxy: http://proxy.corp.example:8080\n' });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(root, 'new/compose.yaml')), type: FileChangeType.Created }] });
    assert.ok(hasInconsistency(await fileDiagnostics(client, root, 'new/compose.yaml', hasInconsistency)));
    assert.ok(hasInconsistency(await fileDiagnostics(client, root, DROP_IN, hasInconsistency)), 'the new file disagrees with the drop-in');

    rmSync(join(root, 'new'), { recursive: true });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(root, 'new')), type: FileChangeType.Deleted }] });
    assert.deepEqual(await fileDiagnostics(client, root, 'new/compose.yaml', (d) => d.length === 0), []);
    assert.ok(noInconsistency(await fileDiagnostics(client, root, DROP_IN, noInconsistency)));

    // A file event in an ignored folder is ignored like the scan ignores it.
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(root, 'ignored/docker-compose.yml')), type: FileChangeType.Changed }] });
  });

  test('a settings change re-lints the files read from disk: proxy-inconsistent turned off', async () => {
    writeFileSync(join(root, CLIENT), clientText(8080));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(root, CLIENT)), type: FileChangeType.Changed }] });
    assert.ok(hasInconsistency(await fileDiagnostics(client, root, DROP_IN, hasInconsistency)));
    client.settings = { rules: { 'proxy-inconsistent': 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.ok(noInconsistency(await fileDiagnostics(client, root, DROP_IN, noInconsistency)));
    assert.ok(noInconsistency(await fileDiagnostics(client, root, CLIENT, noInconsistency)));
    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.ok(hasInconsistency(await fileDiagnostics(client, root, DROP_IN, hasInconsistency)));
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
    const client = await startInFolder(root, {});
    try {
      const source = new CancellationTokenSource();
      // Cancel as soon as the first file is reported.
      const { result, progress } = await checkWorkspace(client, 'cancelled-scan', source.token, (value) => {
        if (value.kind === 'report') source.cancel();
      });
      assert.equal(result.cancelled, true);
      assert.ok(result.files >= 1 && result.files < 300, `stopped early: ${result.files} of 300 files`);
      assert.ok((await fileDiagnostics(client, root, 'svc000/docker-compose.yml')).length > 0, 'the first file stays published');
      assert.equal(client.publishedUris().filter((u) => u.endsWith('/docker-compose.yml')).length, result.files);
      assert.equal(progress.at(-1)?.kind, 'end');
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('proxy-inconsistent between open documents, without a scan', () => {
  test('two open files of one workspace folder are compared as they are edited', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'proxylint-workspace-')));
    const client = await startInFolder(root, {});
    try {
      const dropIn = uriOf(join(root, DROP_IN));
      const config = uriOf(join(root, CLIENT));
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: dropIn, languageId: 'systemd-unit', version: 1, text: dropInText } });
      assert.ok(noInconsistency(await fileDiagnostics(client, root, DROP_IN)), 'one file alone agrees with itself');
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: config, languageId: 'json', version: 1, text: clientText(8080) } });
      assert.ok(hasInconsistency(await fileDiagnostics(client, root, CLIENT, hasInconsistency)));
      assert.ok(hasInconsistency(await fileDiagnostics(client, root, DROP_IN, hasInconsistency)));
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: config, version: 2 }, contentChanges: [{ text: clientText(3128) }] });
      assert.ok(noInconsistency(await fileDiagnostics(client, root, DROP_IN, noInconsistency)));
      assert.ok(noInconsistency(await fileDiagnostics(client, root, CLIENT, noInconsistency)));
      // Nothing was scanned: files on disk (there are none) play no part, and no other URI was published.
      assert.deepEqual(client.publishedUris().sort(), [config, dropIn].sort());
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
