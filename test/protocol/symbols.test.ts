// The outline from the built server over LSP: each scope with its proxy
// settings, ranges on the text they name, values masked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from '../support/lspClient';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start();
});
after(async () => {
  await client.shutdown();
});

interface Outline {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The text the selection range covers. */
  selected: string;
  children?: Outline[];
}

async function outline(path: string, language: string): Promise<{ outline: Outline[]; symbols: DocumentSymbol[]; text: string }> {
  const uri = TestLspClient.uriOf(path);
  const text = readFileSync(path, 'utf8');
  await client.open(uri, text, language);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  await client.close(uri);
  const document = TextDocument.create(uri, language, 1, text);
  const slice = (range: Range) => text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
  const simplify = (symbol: DocumentSymbol): Outline => ({
    name: symbol.name,
    ...(symbol.detail === undefined ? {} : { detail: symbol.detail }),
    kind: symbol.kind,
    selected: slice(symbol.selectionRange),
    ...(symbol.children ? { children: symbol.children.map(simplify) } : {}),
  });
  return { outline: symbols.map(simplify), symbols, text };
}

/** Every symbol's selection range lies inside its range, and children inside their parent. */
function assertNested(symbols: DocumentSymbol[], parent?: Range): void {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
  for (const symbol of symbols) {
    assert.ok(inside(symbol.selectionRange, symbol.range), `${symbol.name}: selection inside range`);
    if (parent) assert.ok(inside(symbol.range, parent), `${symbol.name}: inside its parent`);
    assertNested(symbol.children ?? [], symbol.range);
  }
}

const variable = (name: string, detail: string, selected = name): Outline => ({ name, detail, kind: SymbolKind.Variable, selected });

describe('document symbols over LSP', () => {
  test('the server announces document symbols', () => {
    assert.equal(client.initializeResult.capabilities.documentSymbolProvider, true);
  });

  test('compose: each service with the proxy settings it gets, merged anchors included, passwords masked', async () => {
    const { outline: symbols, symbols: raw } = await outline('examples/broken/compose/docker-compose.yml', 'dockercompose');
    assert.deepEqual(symbols, [
      {
        name: 'service "repo_api"',
        kind: SymbolKind.Module,
        selected: 'repo_api',
        children: [
          variable('HTTP_PROXY', 'http://proxy.corp.example:3128'),
          variable('HTTPS_PROXY', 'http://proxy.corp.example:3128'),
          variable('NO_PROXY', 'localhost,127.0.0.1,repo_api,repo_worker'),
        ],
      },
      {
        name: 'service "repo_worker"',
        kind: SymbolKind.Module,
        selected: 'repo_worker',
        children: [
          variable('HTTP_PROXY', 'http://svc-repo:****@proxy.corp.example:3128'),
          variable('HTTPS_PROXY', 'http://svc-repo:****@proxy.corp.example:3128'),
          variable('NO_PROXY', 'localhost,127.0.0.1,repo_api'),
        ],
      },
    ]);
    assertNested(raw);
  });

  test('runner, systemd unit and Docker config.json', async () => {
    const runner = await outline('examples/fixed/runner/config.toml', 'toml');
    assert.deepEqual(
      runner.outline.map((s) => [s.name, s.selected.split('\n')[0], s.children?.map((c) => c.name)]),
      [['runner "docker-builds"', '[[runners]]', ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']]],
    );
    assertNested(runner.symbols);

    const unit = await outline('examples/broken/systemd/docker.service.d/http-proxy.conf', 'systemd-unit');
    assert.deepEqual(unit.outline, [
      {
        name: '[Service] of docker.service',
        kind: SymbolKind.Module,
        selected: '[Service]',
        children: [
          variable('HTTP_PROXY', 'http://svc-docker:****@proxy.corp.example:3128'),
          variable('HTTPS_PROXY', 'http://svc-docker:****@proxy.corp.example:3128'),
          variable('NO_PROXY', 'localhost,127.0.0.1,registry.corp.example'),
        ],
      },
    ]);
    assertNested(unit.symbols);

    const config = await outline('examples/broken/docker/config.json', 'json');
    assert.deepEqual(config.outline, [
      {
        name: '"proxies.default" of config.json',
        kind: SymbolKind.Object,
        selected: '"default"',
        children: [
          { name: 'httpProxy', detail: 'http://svc-build:****@proxy.corp.example:3128', kind: SymbolKind.Property, selected: 'httpProxy' },
          { name: 'httpsProxy', detail: 'http://svc-build:****@proxy.corp.example:3128', kind: SymbolKind.Property, selected: 'httpsProxy' },
          { name: 'noProxy', detail: 'localhost,127.0.0.1,.corp.example', kind: SymbolKind.Property, selected: 'noProxy' },
        ],
      },
    ]);
    assertNested(config.symbols);
  });

  test('a scope systemd ignores is listed with why', async () => {
    const path = '/tmp/proxylint-symbols/app.service';
    const uri = TestLspClient.uriOf(path);
    const text = '[Unit]\nEnvironment="http_proxy=http://proxy:3128"\n\n[Service]\nExecStart=/usr/bin/app\n';
    await client.open(uri, text, 'systemd-unit');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.children?.map((c) => c.name)]),
      [['Environment= in [Unit]', 'ignored: systemd reads Environment= only in the [Service] section', ['http_proxy']]],
    );
    await client.close(uri);
  });
});
