// The built server as a real process: open each broken example, receive its
// diagnostics, apply the preferred quick fixes one by one until nothing
// fixable is left, and check what remains.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, TestLspClient } from '../support/lspClient';

/** Each broken example, the rules it must show when opened, and the advice (info, no fix) that stays once everything is fixed. */
const EXAMPLES = [
  { path: 'examples/broken/compose/docker-compose.yml', language: 'dockercompose', rules: ['lowercase-missing', 'credentials-unencoded', 'dind-no-proxy'], advice: ['credentials-plaintext'] },
  { path: 'examples/broken/runner/config.toml', language: 'toml', rules: ['lowercase-missing', 'dind-no-proxy'], advice: [] },
  { path: 'examples/broken/systemd/docker.service.d/http-proxy.conf', language: 'systemd-unit', rules: ['credentials-unencoded'], advice: ['credentials-plaintext'] },
  { path: 'examples/broken/systemd/app.service.d/proxy.conf', language: 'systemd-unit', rules: ['lowercase-missing', 'https-proxy-missing'], advice: [] },
  { path: 'examples/broken/docker/config.json', language: 'json', rules: ['credentials-unencoded'], advice: ['credentials-plaintext'] },
];

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start();
});
after(async () => {
  await client.shutdown();
});

function codesOf(diagnostics: Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => String(d.code)))].sort();
}

async function preferredFix(uri: string, diagnostic: Diagnostic): Promise<CodeAction | undefined> {
  const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? [];
  return actions.find((a): a is CodeAction => 'kind' in a && a.kind === 'quickfix' && a.isPreferred === true);
}

describe('examples over LSP', () => {
  for (const example of EXAMPLES) {
    test(`${example.path}: diagnostics, then every quick fix applied until only advice is left`, async () => {
      const uri = TestLspClient.uriOf(example.path);
      let text = readFileSync(example.path, 'utf8');
      let diagnostics = await client.open(uri, text, example.language);
      for (const rule of example.rules) assert.ok(codesOf(diagnostics).includes(rule), `${rule} reported on open`);
      for (const diagnostic of diagnostics) {
        assert.equal(diagnostic.source, 'proxylint');
        assert.match(diagnostic.codeDescription?.href ?? '', new RegExp(`/docs/rules/${String(diagnostic.code)}\\.md$`));
        assert.doesNotMatch(diagnostic.message, /F@oBar|oBar!/, 'messages never contain the password');
      }
      for (let round = 0; ; round++) {
        assert.ok(round < 30, 'fixes converge');
        let applied = false;
        for (const diagnostic of diagnostics) {
          const fix = await preferredFix(uri, diagnostic);
          if (!fix) continue;
          const sameRuleBefore = diagnostics.filter((d) => d.code === diagnostic.code).length;
          text = applyWorkspaceEdit(text, uri, fix.edit);
          diagnostics = await client.change(uri, text);
          assert.ok(diagnostics.filter((d) => d.code === diagnostic.code).length < sameRuleBefore, `fixing ${String(diagnostic.code)} removes that diagnostic`);
          applied = true;
          break;
        }
        if (!applied) break;
      }
      assert.deepEqual(codesOf(diagnostics), [...example.advice].sort(), 'only advice without a fix is left');
      assert.ok(diagnostics.every((d) => d.severity === DiagnosticSeverity.Information));
      await client.close(uri);
    });
  }

  test('fixes keep comments, anchors and every other key (compose, whole text)', async () => {
    const uri = TestLspClient.uriOf('examples/broken/compose/docker-compose.yml');
    const original = readFileSync('examples/broken/compose/docker-compose.yml', 'utf8');
    const diagnostics = await client.open(uri, original, 'dockercompose');
    const onAnchor = diagnostics.find((d) => d.code === 'lowercase-missing' && d.range.start.line === 3);
    assert.ok(onAnchor, 'HTTP_PROXY in the x-proxy-env anchor is reported where it is written');
    const fix = await preferredFix(uri, onAnchor);
    assert.ok(fix);
    const fixed = applyWorkspaceEdit(original, uri, fix.edit);
    assert.equal(fixed, original.replace('  HTTP_PROXY: http://proxy.corp.example:3128\n', '  HTTP_PROXY: http://proxy.corp.example:3128\n  http_proxy: http://proxy.corp.example:3128\n'));
    await client.close(uri);
  });

  test('systemd: the encoded password is written with %% (whole text)', async () => {
    const path = 'examples/broken/systemd/docker.service.d/http-proxy.conf';
    const uri = TestLspClient.uriOf(path);
    const original = readFileSync(path, 'utf8');
    const diagnostics = await client.open(uri, original, 'systemd-unit');
    const fix = await preferredFix(uri, diagnostics.find((d) => d.code === 'credentials-unencoded')!);
    assert.ok(fix);
    assert.equal(
      applyWorkspaceEdit(original, uri, fix.edit),
      original.replace('"HTTP_PROXY=http://svc-docker:F@oBar!@proxy', '"HTTP_PROXY=http://svc-docker:F%%40oBar%%21@proxy'),
    );
    await client.close(uri);
  });

  test('"Fix all proxylint problems" turns the broken runner config into the fixed example', async () => {
    const uri = TestLspClient.uriOf('examples/broken/runner/config.toml');
    const original = readFileSync('examples/broken/runner/config.toml', 'utf8');
    await client.open(uri, original, 'toml');
    const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) ?? [];
    const fixAll = actions.find((a): a is CodeAction => 'kind' in a && a.kind === 'source.fixAll.proxylint');
    assert.ok(fixAll, 'a source.fixAll.proxylint action');
    const fixed = applyWorkspaceEdit(original, uri, fixAll.edit);
    assert.equal(fixed, readFileSync('examples/fixed/runner/config.toml', 'utf8'));
    assert.deepEqual(await client.change(uri, fixed), []);
    await client.close(uri);
  });

  test('fixed examples have nothing to fix; only the plaintext-password advice remains where a password is written', async () => {
    for (const example of EXAMPLES) {
      const path = example.path.replace('/broken/', '/fixed/');
      const diagnostics = await client.open(TestLspClient.uriOf(path), readFileSync(path, 'utf8'), example.language);
      const expected = path.includes('compose') ? [] : example.advice;
      assert.deepEqual(codesOf(diagnostics), expected, path);
    }
  });
});
