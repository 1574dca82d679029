// The real server process under abuse: a burst of 1,000 changes, requests for
// documents it does not have, malformed JSON-RPC, cancellation, a 20 MB file.
// After each, it is still running and still answers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  HoverRequest,
  ResponseError,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from '../support/lspClient';

const COMPOSE = 'services:\n  api:\n    image: alpine:3\n    environment:\n      HTTP_PROXY: http://proxy.corp.example:3128\n';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settles within `ms`: the value, the error, or 'no answer'. */
async function within<T>(ms: number, promise: Promise<T>): Promise<{ value: T } | { error: unknown } | 'no answer'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'no answer'>((resolve) => {
    timer = setTimeout(() => resolve('no answer'), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ value }), (error: unknown) => ({ error })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What a diagnostic says and where, without the version-specific data. */
function said(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();
}

/** Proof of life: a request that needs the document store and the engine gets the right answer. */
async function assertAnswers(client: TestLspClient, label: string): Promise<void> {
  assert.equal(client.process.exitCode, null, `${label}: the server process exited`);
  const uri = `file:///alive/${Math.random().toString(36).slice(2)}/docker-compose.yml`;
  const diagnostics = await client.open(uri, COMPOSE, 'dockercompose');
  assert.ok(diagnostics.some((d) => d.code === 'lowercase-missing'), `${label}: a fresh document is linted`);
  const actions = await within(5_000, client.codeActions(uri, diagnostics[0].range, diagnostics));
  assert.ok(actions !== 'no answer' && 'value' in actions && (actions.value ?? []).length > 0, `${label}: a code action request is answered`);
  await client.close(uri);
}

/** Raw bytes on the server's stdin, between two whole messages of the client's writer. */
function writeRaw(client: TestLspClient, bytes: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => client.process.stdin.write(bytes, (error) => (error ? reject(error) : resolve())));
}

const frame = (body: string | Buffer) => Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.isBuffer(body) ? body : Buffer.from(body)]);

describe('protocol robustness', () => {
  let client: TestLspClient;
  before(async () => {
    client = await TestLspClient.start();
  });
  after(async () => {
    await client.shutdown();
  });

  test('a burst of 1,000 didChange notifications: the last diagnostics are those of the last version, and none older come after them', async (t) => {
    const uri = 'file:///burst/docker-compose.yml';
    await client.open(uri, COMPOSE, 'dockercompose');
    // Typing, one character per change: a long comment, then the lowercase twin that fixes the file.
    const twin = '      http_proxy: http://proxy.corp.example:3128\n';
    const comment = `      # ${'proxy settings for curl, wget and git '.repeat(30)}`.slice(0, 1_000 - twin.length - 1);
    const typed = `${comment}\n${twin}`;
    assert.equal(typed.length, 1_000);
    let local = TextDocument.create(uri, 'dockercompose', 1, COMPOSE);
    const sends: Promise<void>[] = [];
    for (let i = 0; i < typed.length; i++) {
      const position = local.positionAt(local.getText().length);
      const change = { range: { start: position, end: position }, text: typed[i] };
      local = TextDocument.update(local, [change], local.version + 1);
      sends.push(client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: local.version }, contentChanges: [change] }));
    }
    const finalVersion = local.version;
    assert.equal(finalVersion, 1_001);
    const final = client.nextDiagnostics(uri, finalVersion, 30_000);
    await Promise.all(sends);
    const published = await final;

    // The same text opened fresh is what the final diagnostics must say.
    const expected = await client.open('file:///burst-reference/docker-compose.yml', local.getText(), 'dockercompose');
    assert.deepEqual(said(published.diagnostics), said(expected));
    assert.ok(!published.diagnostics.some((d) => d.code === 'lowercase-missing'), 'the typed twin fixed lowercase-missing');

    // Let anything still queued come out: a round trip, then a pause.
    await within(5_000, client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
    await wait(500);
    const all: PublishDiagnosticsParams[] = client.publishedFor(uri);
    const versions = all.map((p) => p.version ?? -1);
    t.diagnostic(`${all.length} diagnostics notifications for 1,001 versions`);
    const finalIndex = versions.lastIndexOf(finalVersion);
    assert.equal(finalIndex, versions.length - 1, `nothing is published after version ${finalVersion}: ${versions.slice(finalIndex).join(', ')}`);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `version ${versions[i]} published after version ${versions[i - 1]}`);
    await client.close(uri);
    await assertAnswers(client, 'after the burst');
  });

  test('requests and notifications for unknown and closed documents are answered with nothing, not errors', async () => {
    const closed = 'file:///closed/docker-compose.yml';
    const diagnostics = await client.open(closed, COMPOSE, 'dockercompose');
    const cleared = client.nextDiagnostics(closed);
    await client.close(closed);
    assert.deepEqual((await cleared).diagnostics, [], 'closing a document clears its diagnostics');
    for (const uri of [closed, 'file:///never/opened/docker-compose.yml', 'untitled:Untitled-1', 'not a uri at all']) {
      const position = { line: 4, character: 8 };
      const range = { start: position, end: position };
      const answers = {
        codeAction: await within(5_000, client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })),
        fixAll: await within(5_000, client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.proxylint'] } })),
        hover: await within(5_000, client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })),
        completion: await within(5_000, client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })),
        symbols: await within(5_000, client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })),
      };
      for (const [name, answer] of Object.entries(answers)) {
        assert.ok(answer !== 'no answer', `${name} for ${uri} is answered`);
        assert.ok('value' in answer, `${name} for ${uri} is not an error: ${'error' in answer ? String(answer.error) : ''}`);
        const value = answer.value as unknown;
        assert.ok(value === null || (Array.isArray(value) && value.length === 0), `${name} for ${uri} answers nothing, got ${JSON.stringify(value)}`);
      }
      // Changes and closes for documents the server does not hold are ignored.
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 7 }, contentChanges: [{ range, text: 'x' }] });
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    await assertAnswers(client, 'after requests for unknown documents');
  });

  test('malformed messages are dropped and the server keeps reading: bodies that are not JSON, not JSON-RPC, or requests with wrong params', async () => {
    const bodies: (string | Buffer)[] = [
      '{not json}',
      '',
      '[1,2,3]',
      '{"foo":1}',
      '"\\ud800"',
      '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":null}}',
      '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x/docker-compose.yml"},"contentChanges":"nope"}}',
      '{"jsonrpc":"2.0","id":"r1","method":"textDocument/codeAction","params":{}}',
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    ];
    for (const body of bodies) {
      await writeRaw(client, frame(body));
      await assertAnswers(client, `after the body ${JSON.stringify(body.toString()).slice(0, 60)}`);
    }
    // Requests of known methods with params of the wrong shape: an answer (a result or an error), never silence.
    for (const [method, params] of [
      [HoverRequest.method, null],
      [CodeActionRequest.method, { textDocument: 7 }],
      [DocumentSymbolRequest.method, []],
      ['proxylint/generate', { kind: 42 }],
      ['no/such/method', {}],
    ] as const) {
      const answer = await within(5_000, client.connection.sendRequest(method, params));
      assert.notEqual(answer, 'no answer', `${method} with params ${JSON.stringify(params)} is answered`);
    }
    const unknown = await within(5_000, client.connection.sendRequest('no/such/method', {}));
    assert.ok(unknown !== 'no answer' && 'error' in unknown && unknown.error instanceof ResponseError && unknown.error.code === ErrorCodes.MethodNotFound, 'an unknown method gets MethodNotFound');
    await assertAnswers(client, 'after requests with wrong params');
    assert.deepEqual(client.stderr.join('').match(/Uncaught|TypeError|RangeError|at .*server\.js/g) ?? [], [], 'no exception trace on stderr');
  });

  test('a corrupt header: the stream stays open, the message after it is lost, and the server reads on', async () => {
    // What vscode-jsonrpc 8 (ReadableStreamMessageReader.onData) does, and why:
    // - `Content-Length: abc` is rejected after its header block (up to the blank line) is consumed. The
    //   reader reports the error and stops handling the bytes received so far; it never closes the stream.
    // - The body `{}` stays in the buffer and becomes the start of the next header block, whose
    //   `Content-Length` key is then no longer recognised: the next message is lost with it, and the
    //   body of that one runs into the header after it in turn, until a header block stands alone.
    // - Bytes already received behind a rejected header wait for the next chunk to arrive.
    await writeRaw(client, 'Content-Length: abc\r\n\r\n{}');
    const swallowed = new CancellationTokenSource();
    const lost = await within(1_500, client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///lost/docker-compose.yml' } }, swallowed.token));
    swallowed.cancel();
    assert.equal(lost, 'no answer', 'the message right after the corrupt header is swallowed');
    // Header blocks without Content-Length, or with a line without a colon, are rejected the same way.
    await writeRaw(client, 'X-Other: 1\r\n\r\n');
    await writeRaw(client, 'Garbage without a colon\r\n\r\n');
    // Small requests, one at a time, until one is answered: each rejected block can hold back one more.
    let attempts = 0;
    let answered = false;
    while (!answered && attempts < 10) {
      attempts++;
      answered = (await within(500, client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///resync/docker-compose.yml' } }))) !== 'no answer';
    }
    assert.ok(answered, 'the server answers again within 10 requests of the corrupt headers');
    assert.ok(attempts <= 4, `it took ${attempts} requests to resynchronise`);
    await assertAnswers(client, 'after corrupt headers');
  });

  test('$/cancelRequest: a cancelled request settles (result or RequestCancelled), cancelling unknown ids is harmless', async () => {
    const uri = 'file:///cancel/docker-compose.yml';
    // A file big enough that fix-all takes a moment.
    const services = Array.from({ length: 120 }, (_, i) => `  s${i}:\n    image: alpine:3\n    environment:\n      - HTTP_PROXY=http://u:F@oBar!@proxy.corp.example:3128\n      - NO_PROXY=localhost\n`).join('');
    const diagnostics = await client.open(uri, `services:\n${services}`, 'dockercompose');
    for (let i = 0; i < 10; i++) {
      const source = new CancellationTokenSource();
      const request = client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: diagnostics.slice(0, 50), only: i % 2 === 0 ? undefined : ['source.fixAll.proxylint'] } }, source.token);
      source.cancel();
      const answer = await within(20_000, request);
      assert.notEqual(answer, 'no answer', 'a cancelled request still settles');
      if (typeof answer === 'object' && 'error' in answer) assert.ok(answer.error instanceof ResponseError && answer.error.code === -32800, `a cancelled request fails only with RequestCancelled, not ${String(answer.error)}`);
    }
    for (const id of [424242, 'no-such-id', null]) await client.connection.sendNotification('$/cancelRequest', { id });
    await writeRaw(client, frame('{"jsonrpc":"2.0","method":"$/cancelRequest","params":{}}'));
    await client.close(uri);
    await assertAnswers(client, 'after cancellations');
  });
});

describe('a 20 MB file', () => {
  let client: TestLspClient;
  before(async () => {
    client = await TestLspClient.start();
  });
  after(async () => {
    await client.shutdown();
  });

  /** Resident memory of the server process, in MB (Linux /proc). */
  function memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  }

  test('is declined with one clear message, within bounded memory, and the server answers afterwards', { skip: process.platform === 'linux' ? false : 'reads /proc' }, async (t) => {
    const before = memory();
    const uri = 'file:///huge/docker-compose.yml';
    // 20 MB of a plausible compose file: a real service, then a long commented-out block.
    const text = `${COMPOSE}${`      # ${'x'.repeat(72)}\n`.repeat(262_144)}`;
    assert.ok(text.length > 20_000_000);
    const started = Date.now();
    const diagnostics = await client.open(uri, text, 'dockercompose');
    t.diagnostic(`declined in ${Date.now() - started} ms`);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'file-too-large');
    assert.equal(diagnostics[0].severity, 3, 'an information, not an error');
    assert.match(diagnostics[0].message, /skipped this file: it has 2\d,\d{3},\d{3} characters, more than the 5,000,000 it lints/);

    // Typing in it, and asking for everything a cursor asks for, stays declined and cheap.
    const edited = await client.change(uri, `${text}x`);
    assert.deepEqual(edited.map((d) => d.code), ['file-too-large']);
    const position = { line: 4, character: 8 };
    for (const request of [
      client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
      client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
      client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
      client.codeActions(uri, diagnostics[0].range, diagnostics),
      client.codeActions(uri, diagnostics[0].range, [], ['source.fixAll.proxylint']),
    ]) {
      const answer = await within(10_000, request as Promise<unknown>);
      assert.ok(answer !== 'no answer' && 'value' in answer, 'answered without error');
    }
    const after = memory();
    t.diagnostic(`server memory: ${Math.round(before.rss)} MB before, ${Math.round(after.rss)} MB after, peak ${Math.round(after.peak)} MB`);
    // A few copies of the text (the JSON message, the string, the document, one edit) and no parse of it:
    // parsing 20 MB of YAML would take gigabytes.
    assert.ok(after.peak - before.rss < 400, `peak memory grew by ${Math.round(after.peak - before.rss)} MB`);
    await client.close(uri);
    await assertAnswers(client, 'after the 20 MB file');
  });
});
