// The built server as a real process: open each broken example, receive its
// diagnostics, apply the quick fixes one by one and get a clean re-lint.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, TestLspClient } from '../support/lspClient';

const EXAMPLES = [
  { path: 'examples/broken/compose/docker-compose.yml', language: 'dockercompose', rules: ['lowercase-missing', 'credentials-unencoded', 'dind-no-proxy'] },
  { path: 'examples/broken/runner/config.toml', language: 'toml', rules: ['lowercase-missing', 'dind-no-proxy'] },
  { path: 'examples/broken/systemd/docker.service.d/http-proxy.conf', language: 'systemd-unit', rules: ['credentials-unencoded'] },
  { path: 'examples/broken/systemd/app.service.d/proxy.conf', language: 'systemd-unit', rules: ['lowercase-missing'] },
  { path: 'examples/broken/docker/config.json', language: 'json', rules: ['credentials-unencoded'] },
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

async function preferredFix(uri: string, diagnostic: Diagnostic): Promise<CodeAction> {
  const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? [];
  const fix = actions.find((a): a is CodeAction => 'kind' in a && a.kind === 'quickfix' && a.isPreferred === true);
  assert.ok(fix, `a preferred quick fix for ${String(diagnostic.code)} at line ${diagnostic.range.start.line + 1}`);
  return fix;
}

describe('examples over LSP', () => {
  for (const example of EXAMPLES) {
    test(`${example.path}: diagnostics, then each fix applied until the rule is clean`, async () => {
      const uri = TestLspClient.uriOf(example.path);
      let text = readFileSync(example.path, 'utf8');
      let diagnostics = await client.open(uri, text, example.language);
      assert.deepEqual(codesOf(diagnostics), [...example.rules].sort());
      for (const diagnostic of diagnostics) {
        assert.equal(diagnostic.source, 'proxylint');
        assert.match(diagnostic.codeDescription?.href ?? '', new RegExp(`/docs/rules/${String(diagnostic.code)}\\.md$`));
        assert.doesNotMatch(diagnostic.message, /F@oBar|oBar!/, 'messages never contain the password');
      }
      for (const rule of example.rules) {
        for (let round = 0; ; round++) {
          const remaining = diagnostics.filter((d) => d.code === rule);
          if (remaining.length === 0) break;
          assert.ok(round < 20, `${rule} does not converge`);
          const fix = await preferredFix(uri, remaining[0]);
          text = applyWorkspaceEdit(text, uri, fix.edit);
          diagnostics = await client.change(uri, text);
          assert.ok(diagnostics.filter((d) => d.code === rule).length < remaining.length, `fixing ${rule} removes that diagnostic`);
        }
      }
      assert.deepEqual(diagnostics, [], 'every diagnostic of the example is fixed');
      await client.close(uri);
    });
  }

  test('fixes keep comments, anchors and every other key (compose, whole text)', async () => {
    const uri = TestLspClient.uriOf('examples/broken/compose/docker-compose.yml');
    const original = readFileSync('examples/broken/compose/docker-compose.yml', 'utf8');
    const diagnostics = await client.open(uri, original, 'dockercompose');
    const onAnchor = diagnostics.find((d) => d.code === 'lowercase-missing' && d.range.start.line === 3);
    assert.ok(onAnchor, 'HTTP_PROXY in the x-proxy-env anchor is reported where it is written');
    const fixed = applyWorkspaceEdit(original, uri, (await preferredFix(uri, onAnchor)).edit);
    assert.equal(fixed, original.replace('  HTTP_PROXY: http://proxy.corp.example:3128\n', '  HTTP_PROXY: http://proxy.corp.example:3128\n  http_proxy: http://proxy.corp.example:3128\n'));
    await client.close(uri);
  });

  test('systemd: the encoded password is written with %% (whole text)', async () => {
    const path = 'examples/broken/systemd/docker.service.d/http-proxy.conf';
    const uri = TestLspClient.uriOf(path);
    const original = readFileSync(path, 'utf8');
    const diagnostics = await client.open(uri, original, 'systemd-unit');
    const fix = await preferredFix(uri, diagnostics[0]);
    assert.equal(
      applyWorkspaceEdit(original, uri, fix.edit),
      original.replace('"HTTP_PROXY=http://svc-docker:F@oBar!@proxy', '"HTTP_PROXY=http://svc-docker:F%%40oBar%%21@proxy'),
    );
    await client.close(uri);
  });

  test('"Fix all proxylint problems" fixes every rule at once and keeps the rest', async () => {
    const path = 'examples/broken/runner/config.toml';
    const uri = TestLspClient.uriOf(path);
    const original = readFileSync(path, 'utf8');
    await client.open(uri, original, 'toml');
    const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) ?? [];
    const fixAll = actions.find((a): a is CodeAction => 'kind' in a && a.kind === 'source.fixAll.proxylint');
    assert.ok(fixAll, 'a source.fixAll.proxylint action');
    const fixed = applyWorkspaceEdit(original, uri, fixAll.edit);
    assert.deepEqual(await client.change(uri, fixed), []);
    assert.equal(
      fixed,
      original
        .replace('    "HTTP_PROXY=http://proxy.corp.example:3128",\n', '    "HTTP_PROXY=http://proxy.corp.example:3128",\n    "http_proxy=http://proxy.corp.example:3128",\n')
        .replace('    "HTTPS_PROXY=http://proxy.corp.example:3128",\n', '    "HTTPS_PROXY=http://proxy.corp.example:3128",\n    "https_proxy=http://proxy.corp.example:3128",\n')
        .replace(
          '    "NO_PROXY=localhost,127.0.0.1,.corp.example",\n',
          '    "NO_PROXY=localhost,127.0.0.1,.corp.example,docker:2375,docker:2376",\n    "no_proxy=localhost,127.0.0.1,.corp.example,docker:2375,docker:2376",\n',
        ),
    );
    await client.close(uri);
  });

  test('fixed examples are clean', async () => {
    for (const example of EXAMPLES) {
      const path = example.path.replace('/broken/', '/fixed/');
      assert.deepEqual(await client.open(TestLspClient.uriOf(path), readFileSync(path, 'utf8'), example.language), [], path);
    }
  });
});
