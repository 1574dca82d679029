// The built server over LSP: the new fix operation (a systemd section header),
// an env file as a kind of its own, and the rename of a Docker JSON key.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, TestLspClient } from '../support/lspClient';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start();
});
after(async () => {
  await client.shutdown();
});

async function applyPreferredFix(uri: string, text: string, diagnostic: Diagnostic): Promise<string> {
  const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? [];
  const fix = actions.find((a): a is CodeAction => 'kind' in a && a.kind === 'quickfix' && a.isPreferred === true);
  assert.ok(fix, `a preferred quick fix for ${String(diagnostic.code)}`);
  return applyWorkspaceEdit(text, uri, fix.edit);
}

describe('syntax rules over LSP', () => {
  test('systemd-section: the quick fix inserts [Service]; the re-lint has no systemd-section', async () => {
    const uri = TestLspClient.uriOf('/tmp/proxylint-protocol/docker.service.d/http-proxy.conf');
    const text = '# copied without its header\nEnvironment="HTTP_PROXY=http://proxy.corp.example:3128"\n';
    const diagnostics = await client.open(uri, text, 'systemd-unit');
    const section = diagnostics.find((d) => d.code === 'systemd-section');
    assert.ok(section);
    assert.deepEqual(section.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
    assert.match(section.codeDescription?.href ?? '', /\/docs\/rules\/systemd-section\.md$/);
    const fixed = await applyPreferredFix(uri, text, section);
    assert.equal(fixed, '# copied without its header\n[Service]\nEnvironment="HTTP_PROXY=http://proxy.corp.example:3128"\n');
    const after = await client.change(uri, fixed);
    assert.equal(after.filter((d) => d.code === 'systemd-section').length, 0);
    await client.close(uri);
  });

  test('an .env file is linted: var-typo renamed in place, password never shown', async () => {
    const uri = TestLspClient.uriOf('/tmp/proxylint-protocol/app/.env');
    const text = 'HTTPPROXY=http://svc:F%40oBar@proxy.corp.example:3128\n';
    const diagnostics = await client.open(uri, text, 'dotenv');
    const typo = diagnostics.find((d) => d.code === 'var-typo');
    assert.ok(typo);
    assert.ok(diagnostics.every((d) => !/F%40oBar/.test(d.message)));
    const fixed = await applyPreferredFix(uri, text, typo);
    assert.equal(fixed, 'HTTP_PROXY=http://svc:F%40oBar@proxy.corp.example:3128\n');
    await client.close(uri);
  });

  test('docker-json-keys: daemon.json with config.json keys, renamed over LSP', async () => {
    const uri = TestLspClient.uriOf('/tmp/proxylint-protocol/etc/docker/daemon.json');
    let text = '{\n  "proxies": {\n    "httpProxy": "http://proxy:3128",\n    "noProxy": "localhost"\n  }\n}\n';
    let diagnostics = await client.open(uri, text, 'json');
    assert.equal(diagnostics.filter((d) => d.code === 'docker-json-keys').length, 2);
    for (let round = 0; round < 2; round++) {
      const next = diagnostics.find((d) => d.code === 'docker-json-keys');
      assert.ok(next);
      text = await applyPreferredFix(uri, text, next);
      diagnostics = await client.change(uri, text);
    }
    assert.equal(text, '{\n  "proxies": {\n    "http-proxy": "http://proxy:3128",\n    "no-proxy": "localhost"\n  }\n}\n');
    assert.equal(diagnostics.filter((d) => d.code === 'docker-json-keys').length, 0);
    await client.close(uri);
  });
});
