// `proxylint/generate` and `proxylint/generateTargets` on the built server,
// driven over stdio the way the VS Code commands drive them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ErrorCodes, ResponseError, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { GenerateParams, GenerateResult, GenerateTargetsResult } from '../../server/services/generate';
import { TestLspClient } from '../support/lspClient';

const PASSWORD = 'F@o:B/a#r !%é';
const ENCODED = 'F%40o%3AB%2Fa%23r%20%21%25%C3%A9';
const INPUT = { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password: PASSWORD, noProxy: ['.corp.example'] };

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start();
});
after(async () => {
  await client.shutdown();
});

function generate(params: GenerateParams): Promise<GenerateResult> {
  return client.request<GenerateResult>('proxylint/generate', params);
}

function applied(text: string, edits: TextEdit[] | undefined): string {
  assert.ok(edits && edits.length > 0, 'the server returns edits');
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 1, text), edits);
}

/** The plaintext-password hint is expected on files holding a password; anything else is a finding on generated text. */
function unexpected(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.code !== 'credentials-plaintext').map((d) => `${String(d.code)}: ${d.message}`);
}

describe('proxylint/generate over LSP', () => {
  test('systemd: a whole drop-in, its path and the follow-up commands; it lints clean when opened', async () => {
    const result = await generate({ kind: 'systemd', input: INPUT, options: { unit: 'docker' } });
    assert.equal(result.path, '/etc/systemd/system/docker.service.d/http-proxy.conf');
    assert.ok(result.text?.includes(`Environment="HTTP_PROXY=http://svc:${ENCODED.replace(/%/g, '%%')}@proxy.corp.example:3128"\n`), result.text);
    assert.deepEqual(result.followUp?.slice(1), ['sudo systemctl daemon-reload', 'sudo systemctl restart docker', 'sudo systemctl show --property=Environment docker']);
    const uri = 'file:///etc/systemd/system/docker.service.d/http-proxy.conf';
    assert.deepEqual(unexpected(await client.open(uri, result.text!, 'systemd-unit')), []);
    await client.close(uri);
  });

  test('runner: edits against the open document (no text sent), applied, clean', async () => {
    const path = 'examples/broken/runner/config.toml';
    const uri = TestLspClient.uriOf(path);
    const original = readFileSync(path, 'utf8');
    assert.ok((await client.open(uri, original, 'toml')).length > 0, 'the broken example has findings first');
    const targets = await client.request<GenerateTargetsResult>('proxylint/generateTargets', { kind: 'runner', targetUri: uri });
    assert.deepEqual(targets, { runners: [{ index: 0, name: 'docker-builds', line: 8, dindHost: 'docker' }] });
    const result = await generate({ kind: 'runner', input: INPUT, targetUri: uri, options: { runner: 0, gitProxy: true } });
    const fixed = applied(original, result.edits);
    assert.ok(fixed.includes(`    "no_proxy=localhost,127.0.0.1,.corp.example,docker,docker:2375,docker:2376",\n`), fixed);
    assert.ok(fixed.includes(`  pre_get_sources_script = "git config --global http.proxy 'http://svc:${ENCODED}@proxy.corp.example:3128'"\n`), fixed);
    assert.deepEqual(unexpected(await client.change(uri, fixed)), []);
    await client.close(uri);
  });

  test('compose: edits against the text sent; the result lints clean', async () => {
    const path = 'examples/broken/compose/docker-compose.yml';
    const original = readFileSync(path, 'utf8');
    const targets = await client.request<GenerateTargetsResult>('proxylint/generateTargets', { kind: 'compose', targetText: original });
    assert.deepEqual(targets.services?.map((s) => s.name), ['repo_api', 'repo_worker', 'docker', 'db']);
    const result = await generate({ kind: 'compose', input: INPUT, targetText: original, options: { services: ['repo_api', 'repo_worker'] } });
    const fixed = applied(original, result.edits);
    const uri = TestLspClient.uriOf('test-generated/docker-compose.yml');
    assert.deepEqual(unexpected(await client.open(uri, fixed, 'dockercompose')), []);
    await client.close(uri);
  });

  test('docker-config: merged into a given config.json, or a new file when there is none', async () => {
    const original = '{\n  "auths": {}\n}\n';
    const merged = applied(original, (await generate({ kind: 'docker-config', input: INPUT, targetText: original })).edits);
    assert.deepEqual(JSON.parse(merged).auths, {});
    const created = await generate({ kind: 'docker-config', input: INPUT });
    assert.equal(created.edits, undefined);
    assert.equal(JSON.parse(created.text!).proxies.default.httpsProxy, `http://svc:${ENCODED}@proxy.corp.example:3128`);
    const uri = TestLspClient.uriOf('test-generated/.docker/config.json');
    assert.deepEqual(unexpected(await client.open(uri, created.text!, 'json')), []);
    await client.close(uri);
  });

  test('encode: the encoded URL to copy, and the masked one to show', async () => {
    const result = await generate({ kind: 'encode', input: { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password: PASSWORD, noProxy: [] } });
    assert.deepEqual(result, { text: `http://svc:${ENCODED}@proxy.corp.example:3128`, masked: 'http://svc:****@proxy.corp.example:3128' });
  });

  test('bad input is an InvalidParams error that names the problem and never the password', async () => {
    const cases: [GenerateParams, RegExp][] = [
      [{ kind: 'systemd', input: { ...INPUT, proxyUrl: 'proxy.corp.example:3128' } }, /Add the scheme/],
      [{ kind: 'systemd', input: { ...INPUT, proxyUrl: 'http://svc:F@o:B/a#r@proxy' } }, /no path|port/],
      [{ kind: 'runner', input: INPUT, targetText: 'concurrent = 1\n' }, /no \[\[runners\]\]/],
      [{ kind: 'runner', input: INPUT }, /edits a GitLab Runner config\.toml/],
      [{ kind: 'compose', input: INPUT, targetUri: 'file:///not/open.yml' }, /is not open/],
      [{ kind: 'nonsense' as never, input: INPUT }, /kind must be one of/],
      [{ kind: 'systemd', input: { proxyUrl: 'http://p:1' } as never }, /noProxy must be an array/],
    ];
    for (const [params, message] of cases) {
      await assert.rejects(generate(params), (error: unknown) => {
        assert.ok(error instanceof ResponseError, String(error));
        assert.equal(error.code, ErrorCodes.InvalidParams);
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /F@o|B\/a#r|%C3%A9/);
        return true;
      });
    }
  });

  test('nothing the server logged or published holds the password', () => {
    const everything = [...client.transcript, ...client.stderr].join('\n');
    assert.doesNotMatch(everything, /F@o:B|%21%25%C3%A9|%%21%%25/);
  });
});
