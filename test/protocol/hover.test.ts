// Hovers from the built server over LSP: variable names (who reads this
// spelling, what each client ends up using), proxy URLs (parts, masked
// password, encoding), NO_PROXY entries (who honours or ignores them). No
// hover ever shows a password.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { positionOf } from '../support/cursorText';
import { TestLspClient } from '../support/lspClient';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start();
});
after(async () => {
  await client.shutdown();
});

async function hover(uri: string, position: Position): Promise<Hover | null> {
  return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
}

async function hoverText(uri: string, position: Position): Promise<string> {
  const result = await hover(uri, position);
  assert.ok(result, `a hover at ${position.line}:${position.character}`);
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

/** Rows of a markdown table, as arrays of trimmed cells. */
function rows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .map((line) =>
      line
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((cell) => cell.trim()),
    );
}

const COMPOSE_BROKEN = 'examples/broken/compose/docker-compose.yml';

describe('hover over LSP', () => {
  test('the server announces hover', () => {
    assert.equal(client.initializeResult.capabilities.hoverProvider, true);
  });

  test('variable name: who reads this spelling and what each client uses, password masked', async () => {
    const uri = TestLspClient.uriOf(COMPOSE_BROKEN);
    const text = readFileSync(COMPOSE_BROKEN, 'utf8');
    await client.open(uri, text, 'dockercompose');
    const position = positionOf(text, '- HTTP_PROXY=', 2);
    const markdown = await hoverText(uri, position);
    const masked = '`HTTP_PROXY` = `http://svc-repo:****@proxy.corp.example:3128`';
    assert.deepEqual(rows(markdown), [
      ['client', 'reads `HTTP_PROXY`', 'uses'],
      // proxy-semantics v02: curl, wget and git ignore the uppercase spelling.
      ['curl', 'no', 'nothing: not set'],
      ['wget', 'no', 'nothing: not set'],
      ['Python requests', 'yes', masked],
      ['Python urllib', 'yes', masked],
      ['undici EnvHttpProxyAgent', 'yes', masked],
      ['proxy-from-env (axios before 1.15)', 'yes', masked],
      ['Go net/http (Docker, containerd, GitLab Runner, kubelet)', 'yes', masked],
      ['git', 'no', 'nothing: not set'],
    ]);
    assert.match(markdown, /^\*\*HTTP_PROXY\*\*: the proxy for `http:\/\/` URLs\n\nIn service "repo_worker":/);
    const range = (await hover(uri, position))!.range;
    const line = position.line;
    assert.deepEqual(range, { start: { line, character: 8 }, end: { line, character: 18 } }, 'the hover covers the name');
    await client.close(uri);
  });

  test('both spellings with different values: each client shows the one it picks (v03), an empty lowercase masks for some (v16)', async () => {
    const uri = TestLspClient.uriOf('/tmp/proxylint-hover/twins/docker-compose.yml');
    const text = [
      'services:',
      '  api:',
      '    environment:',
      '      HTTP_PROXY: http://upper.example:3128',
      '      http_proxy: http://lower.example:3128',
      '      HTTPS_PROXY: http://upper.example:3128',
      '      https_proxy: ""',
      '',
    ].join('\n');
    await client.open(uri, text, 'dockercompose');
    const http = rows(await hoverText(uri, positionOf(text, 'http_proxy:')));
    const uses = new Map(http.slice(1).map(([name, , used]) => [name, used]));
    assert.equal(uses.get('curl'), '`http_proxy` = `http://lower.example:3128`');
    assert.equal(uses.get('Go net/http (Docker, containerd, GitLab Runner, kubelet)'), '`HTTP_PROXY` = `http://upper.example:3128`');
    assert.equal(uses.get('git'), '`http_proxy` = `http://lower.example:3128`');
    const https = rows(await hoverText(uri, positionOf(text, 'HTTPS_PROXY:')));
    const httpsUses = new Map(https.slice(1).map(([name, reads, used]) => [name, [reads, used]]));
    assert.deepEqual(httpsUses.get('wget'), ['no', 'nothing: `https_proxy` is empty']);
    assert.deepEqual(httpsUses.get('Python requests'), ['yes', 'nothing: `https_proxy` is empty']);
    assert.deepEqual(httpsUses.get('proxy-from-env (axios before 1.15)'), ['yes', '`HTTPS_PROXY` = `http://upper.example:3128`']);
    assert.deepEqual(httpsUses.get('Go net/http (Docker, containerd, GitLab Runner, kubelet)'), ['yes', '`HTTPS_PROXY` = `http://upper.example:3128`']);
    await client.close(uri);
  });

  test('a Go daemon unit: only Go reads the variable, uppercase first (whole hover)', async () => {
    const path = 'examples/broken/systemd/docker.service.d/http-proxy.conf';
    const uri = TestLspClient.uriOf(path);
    const text = readFileSync(path, 'utf8');
    await client.open(uri, text, 'systemd-unit');
    assert.equal(
      await hoverText(uri, positionOf(text, 'HTTPS_PROXY=')),
      [
        '**HTTPS_PROXY**: the proxy for `https://` URLs',
        'In [Service] of docker.service:',
        'This unit runs a Go daemon: it reads both spellings, `HTTPS_PROXY` first.',
        '| client | reads `HTTPS_PROXY` | uses |\n| --- | --- | --- |\n| Go net/http (Docker, containerd, GitLab Runner, kubelet) | yes | `HTTPS_PROXY` = `http://svc-docker:****@proxy.corp.example:3128` |',
      ].join('\n\n'),
    );
    await client.close(uri);
  });

  test('proxy URL: scheme, host, port, user, masked password, and that the password is not encoded', async () => {
    const uri = TestLspClient.uriOf(COMPOSE_BROKEN);
    const text = readFileSync(COMPOSE_BROKEN, 'utf8');
    await client.open(uri, text, 'dockercompose');
    const markdown = await hoverText(uri, positionOf(text, 'http://svc-repo', 10));
    assert.equal(markdown.split('\n')[0], '**Proxy URL** `http://svc-repo:****@proxy.corp.example:3128`');
    assert.deepEqual(rows(markdown), [
      ['part', 'value'],
      ['scheme', '`http`'],
      ['host', '`proxy.corp.example`'],
      ['port', '`3128`'],
      ['user', '`svc-repo`'],
      ['password', '`****` (not percent-encoded: 2 reserved characters; clients misread it)'],
    ]);
    await client.close(uri);
  });

  test('proxy URL: encoded credentials, a missing port (p03) and a scheme some clients cannot use (p06)', async () => {
    const uri = TestLspClient.uriOf('/tmp/proxylint-hover/urls/docker-compose.yml');
    const text = [
      'services:',
      '  api:',
      '    environment:',
      '      http_proxy: http://svc:F%40oBar%21@proxy.example',
      '      all_proxy: socks5://proxy.example:1080',
      '',
    ].join('\n');
    await client.open(uri, text, 'dockercompose');
    const encoded = rows(await hoverText(uri, positionOf(text, 'http://svc')));
    assert.deepEqual(encoded.slice(1), [
      ['scheme', '`http`'],
      ['host', '`proxy.example`'],
      ['port', 'none: curl and git connect to 1080, the others to 80'],
      ['user', '`svc`'],
      ['password', '`****` (percent-encoded)'],
    ]);
    const socks = await hoverText(uri, positionOf(text, 'socks5://'));
    assert.match(socks, /\n\nwget, Python requests, Python urllib and proxy-from-env \(axios before 1\.15\) cannot use a `socks5:\/\/` proxy\.$/);
    await client.close(uri);
  });

  test('NO_PROXY entry: what it matches and which clients honour or ignore it (n07, n11), hover range on the entry', async () => {
    const uri = TestLspClient.uriOf('/tmp/proxylint-hover/noproxy/docker-compose.yml');
    const text = ['services:', '  api:', '    environment:', '      no_proxy: localhost,*.corp.example,docker:2375', ''].join('\n');
    await client.open(uri, text, 'dockercompose');
    const wildcard = await hoverText(uri, positionOf(text, '*.corp', 3));
    assert.equal(
      wildcard.split('\n\n').slice(0, 2).join('\n\n'),
      [
        '**NO_PROXY entry** `*.corp.example`: hosts under `corp.example`, where `*.` is understood',
        '- Honoured by: undici EnvHttpProxyAgent, proxy-from-env (axios before 1.15) and Go net/http (Docker, containerd, GitLab Runner, kubelet)\n- Ignored by: curl, wget, Python requests, Python urllib and git',
      ].join('\n\n'),
    );
    const range = (await hover(uri, positionOf(text, '*.corp', 3)))!.range!;
    assert.equal(text.slice(TextDocument.create(uri, 'x', 1, text).offsetAt(range.start), TextDocument.create(uri, 'x', 1, text).offsetAt(range.end)), '*.corp.example');
    const port = await hoverText(uri, positionOf(text, 'docker:2375'));
    assert.match(port, /^\*\*NO_PROXY entry\*\* `docker:2375`: the host `docker` on port 2375\n\n/);
    assert.match(port, /\n- Ignored by: curl, wget and git\n/);
    await client.close(uri);
  });

  test('NO_PROXY in a Go daemon unit lists Go only', async () => {
    const path = 'examples/broken/systemd/docker.service.d/http-proxy.conf';
    const uri = TestLspClient.uriOf(path);
    const text = readFileSync(path, 'utf8');
    await client.open(uri, text, 'systemd-unit');
    assert.equal(
      await hoverText(uri, positionOf(text, 'registry.corp.example')),
      '**NO_PROXY entry** `registry.corp.example`: the host `registry.corp.example`\n\n- Honoured by: Go net/http (Docker, containerd, GitLab Runner, kubelet)',
    );
    await client.close(uri);
  });

  test('Docker JSON keys say where the setting goes', async () => {
    const path = 'examples/broken/docker/config.json';
    const uri = TestLspClient.uriOf(path);
    const text = readFileSync(path, 'utf8');
    await client.open(uri, text, 'json');
    const markdown = await hoverText(uri, positionOf(text, 'noProxy', 1));
    assert.match(markdown, /^\*\*noProxy\*\*: the hosts reached without the proxy, for containers and builds this docker CLI starts\.\n\nThe CLI sets it as `NO_PROXY` and `no_proxy`/);
    assert.match(markdown, /\n\nValue: `localhost,127\.0\.0\.1,\.corp\.example`$/);
    await client.close(uri);
  });

  test('no hover off proxy settings', async () => {
    const uri = TestLspClient.uriOf(COMPOSE_BROKEN);
    const text = readFileSync(COMPOSE_BROKEN, 'utf8');
    await client.open(uri, text, 'dockercompose');
    for (const needle of ['image: registry', 'DATABASE_URL', 'postgres://repo', 'DOCKER_HOST=', 'services:']) {
      assert.equal(await hover(uri, positionOf(text, needle, 1)), null, needle);
    }
    await client.close(uri);
  });

  test('no hover anywhere shows a password: every position of every example with credentials', async () => {
    const paths = [
      [COMPOSE_BROKEN, 'dockercompose'],
      ['examples/broken/systemd/docker.service.d/http-proxy.conf', 'systemd-unit'],
      ['examples/broken/docker/config.json', 'json'],
      ['examples/fixed/systemd/docker.service.d/http-proxy.conf', 'systemd-unit'],
      ['examples/fixed/docker/config.json', 'json'],
    ];
    let hovers = 0;
    for (const [path, language] of paths) {
      const uri = TestLspClient.uriOf(path);
      const text = readFileSync(path, 'utf8');
      await client.open(uri, text, language);
      const document = TextDocument.create(uri, language, 1, text);
      for (let offset = 0; offset < text.length; offset++) {
        const result = await hover(uri, document.positionAt(offset));
        if (!result) continue;
        hovers++;
        const shown = JSON.stringify(result);
        for (const secret of ['F@oBar!', 'F%40oBar%21', 'F%%40oBar%%21', 'oBar']) assert.ok(!shown.includes(secret), `${path} at ${offset} shows ${secret}: ${shown}`);
      }
      await client.close(uri);
    }
    assert.ok(hovers > 200, `hovers were found (${hovers})`);
    // Logs stay clean too (diagnostic data may carry the value: a fix has to write it back).
    const logs = client.transcript.filter((line) => line.startsWith('window/'));
    assert.doesNotMatch(logs.join('\n') + client.stderr.join(''), /oBar/);
  });
});
