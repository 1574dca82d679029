// Completion from the built server over LSP: variable names, NO_PROXY entries
// and whole proxy blocks, only where an environment entry can go. Accepted
// items are applied the way an editor does and the whole text compared; a
// block leaves nothing for the proxy rules to report.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList, Diagnostic } from 'vscode-languageserver-protocol';
import { applyCompletion, withCursor } from '../support/cursorText';
import { TestLspClient } from '../support/lspClient';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start();
});
after(async () => {
  await client.shutdown();
});

const NAMES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy', 'FTP_PROXY', 'ftp_proxy'];
const PROXY_RULES = ['lowercase-missing', 'uppercase-missing', 'https-proxy-missing', 'no-proxy-missing', 'no-proxy-services', 'dind-no-proxy', 'case-mismatch'];
let counter = 0;

interface Opened {
  uri: string;
  text: string;
  items: CompletionItem[];
}

/** Opens `marked` (with its cursor marker) under `path` and asks for completions at the marker. */
async function complete(path: string, marked: string, language: string): Promise<Opened> {
  const { text, position } = withCursor(marked);
  const uri = TestLspClient.uriOf(`/tmp/proxylint-completion/${++counter}/${path}`);
  await client.open(uri, text, language);
  const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return { uri, text, items };
}

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `a completion "${label}" among ${items.map((i) => i.label).join(', ')}`);
  return found;
}

function sorted(items: CompletionItem[]): string[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
}

function proxyFindings(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((d) => PROXY_RULES.includes(String(d.code))).map((d) => `${String(d.code)}: ${d.message}`);
}

describe('completion over LSP', () => {
  test('the server announces completion with trigger characters', () => {
    assert.deepEqual(client.initializeResult.capabilities.completionProvider?.triggerCharacters, [',', '=', '"']);
  });

  test('compose environment map: names in order with the clients that read them, and the name inserted with its separator', async () => {
    const marked = 'services:\n  api:\n    image: nginx\n    environment:\n      DEBUG: "1"\n      ht‸\n';
    const { uri, text, items } = await complete('docker-compose.yml', marked, 'dockercompose');
    assert.deepEqual(sorted(items), [...NAMES, 'proxy variables (both spellings)']);
    const httpProxy = item(items, 'HTTP_PROXY');
    assert.equal((httpProxy.documentation as { value: string }).value.split('\n\n')[1], 'Read by Python requests, Python urllib, undici EnvHttpProxyAgent, proxy-from-env (axios before 1.15) and Go net/http (Docker, containerd, GitLab Runner, kubelet).');
    assert.equal(applyCompletion(text, item(items, 'http_proxy')), 'services:\n  api:\n    image: nginx\n    environment:\n      DEBUG: "1"\n      http_proxy: \n');
    await client.close(uri);
  });

  test('compose: the proxy block fills both spellings, the services it talks to, and leaves nothing for the proxy rules', async () => {
    const marked = 'services:\n  api:\n    image: nginx\n    environment:\n      DEBUG: "1"\n      ‸\n    depends_on: [web]\n  web:\n    image: httpd\n';
    const { uri, text, items } = await complete('docker-compose.yml', marked, 'dockercompose');
    const block = item(items, 'proxy variables (both spellings)');
    assert.equal(block.insertTextFormat, 2, 'a snippet');
    const expanded = applyCompletion(text, block);
    assert.equal(
      expanded,
      [
        'services:',
        '  api:',
        '    image: nginx',
        '    environment:',
        '      DEBUG: "1"',
        '      HTTP_PROXY: http://proxy.example:3128',
        '      http_proxy: http://proxy.example:3128',
        '      HTTPS_PROXY: http://proxy.example:3128',
        '      https_proxy: http://proxy.example:3128',
        '      NO_PROXY: localhost,127.0.0.1,web',
        '      no_proxy: localhost,127.0.0.1,web',
        '    depends_on: [web]',
        '  web:',
        '    image: httpd',
        '',
      ].join('\n'),
    );
    assert.deepEqual(proxyFindings(await client.change(uri, expanded)), []);
    await client.close(uri);
  });

  test('compose list form, with docker-in-docker: the block is written as list items and NO_PROXY gets docker:2375,docker:2376', async () => {
    const marked = [
      'services:',
      '  build:',
      '    image: docker:27',
      '    environment:',
      '      - DOCKER_HOST=tcp://docker:2375',
      '      - ‸',
      '    depends_on: [docker]',
      '  docker:',
      '    image: docker:27-dind',
      '    privileged: true',
      '',
    ].join('\n');
    const { uri, text, items } = await complete('compose.yaml', marked, 'dockercompose');
    assert.equal(applyCompletion(text, item(items, 'NO_PROXY')), text.replace('      - \n', '      - NO_PROXY=\n'));
    const expanded = applyCompletion(text, item(items, 'proxy variables (both spellings)'));
    const block = [
      '      - HTTP_PROXY=http://proxy.example:3128',
      '      - http_proxy=http://proxy.example:3128',
      '      - HTTPS_PROXY=http://proxy.example:3128',
      '      - https_proxy=http://proxy.example:3128',
      '      - NO_PROXY=localhost,127.0.0.1,docker:2375,docker:2376',
      '      - no_proxy=localhost,127.0.0.1,docker:2375,docker:2376',
    ].join('\n');
    assert.equal(expanded, text.replace('      - \n', `${block}\n`));
    assert.deepEqual(proxyFindings(await client.change(uri, expanded)), []);
    await client.close(uri);
  });

  test('compose NO_PROXY value: loopback, the other services and the dind ports, minus what is already listed', async () => {
    const marked = [
      'services:',
      '  api:',
      '    image: app',
      '    environment:',
      '      HTTP_PROXY: http://proxy:3128',
      '      NO_PROXY: localhost,‸',
      '      DOCKER_HOST: tcp://docker:2375',
      '  db:',
      '    image: postgres',
      '  docker:',
      '    image: docker:dind',
      '',
    ].join('\n');
    const { uri, text, items } = await complete('docker-compose.yml', marked, 'dockercompose');
    assert.deepEqual(sorted(items), ['127.0.0.1', 'docker:2375,docker:2376', 'db', 'docker']);
    assert.equal(applyCompletion(text, item(items, 'docker:2375,docker:2376')), text.replace('NO_PROXY: localhost,', 'NO_PROXY: localhost,docker:2375,docker:2376'));
    await client.close(uri);
  });

  test('compose: an environment block where a service key can go, and nothing where no environment entry goes', async () => {
    const marked = 'services:\n  api:\n    image: nginx\n    links:\n    - web:frontend\n    ‸\n  web:\n    image: httpd\n';
    const { uri, text, items } = await complete('docker-compose.yml', marked, 'dockercompose');
    assert.deepEqual(items.map((i) => i.label), ['environment with proxy variables']);
    const expanded = applyCompletion(text, items[0]);
    assert.equal(
      expanded,
      'services:\n  api:\n    image: nginx\n    links:\n    - web:frontend\n    environment:\n      HTTP_PROXY: http://proxy.example:3128\n      http_proxy: http://proxy.example:3128\n      HTTPS_PROXY: http://proxy.example:3128\n      https_proxy: http://proxy.example:3128\n      NO_PROXY: localhost,127.0.0.1,web\n      no_proxy: localhost,127.0.0.1,web\n  web:\n    image: httpd\n',
    );
    assert.deepEqual(proxyFindings(await client.change(uri, expanded)), []);
    await client.close(uri);
    for (const elsewhere of [
      'services:\n  api:\n    image: ‸\n',
      '‸\nservices:\n  api:\n    image: nginx\n',
      'services:\n  api:\n    labels:\n      ‸\n',
      'services:\n  api:\n    environment:\n      HTTP_PROXY: ‸\n',
      'x-not-merged: &defaults\n  ‸\nservices:\n  api:\n    image: nginx\n',
    ]) {
      const result = await complete('docker-compose.yml', elsewhere, 'dockercompose');
      assert.deepEqual(result.items.map((i) => i.label), [], JSON.stringify(elsewhere));
      await client.close(result.uri);
    }
  });

  test('compose: an x- block merged into an environment takes names, as do build args', async () => {
    for (const marked of ['x-proxy: &proxy\n  ‸\nservices:\n  api:\n    environment:\n      <<: *proxy\n', 'services:\n  api:\n    build:\n      context: .\n      args:\n        ‸\n']) {
      const { uri, items } = await complete('docker-compose.yml', marked, 'dockercompose');
      assert.deepEqual(sorted(items).slice(0, 10), NAMES, JSON.stringify(marked));
      await client.close(uri);
    }
  });

  test('runner: names inside an environment string, the block between strings, dind ports in NO_PROXY', async () => {
    const runner = (line: string) =>
      ['[[runners]]', '  name = "builds"', '  executor = "docker"', '  environment = [', '    "DOCKER_HOST=tcp://docker:2375",', line, '  ]', '  [runners.docker]', '    privileged = true', '  [[runners.docker.services]]', '    name = "docker:27-dind"', ''].join('\n');
    const inString = await complete('config.toml', runner('    "https‸"'), 'toml');
    assert.equal(applyCompletion(inString.text, item(inString.items, 'https_proxy')), runner('    "https_proxy="'));
    await client.close(inString.uri);

    const between = await complete('config.toml', runner('    ‸'), 'toml');
    const expanded = applyCompletion(between.text, item(between.items, 'proxy variables (both spellings)'));
    assert.equal(
      expanded,
      runner(
        [
          '    "HTTP_PROXY=http://proxy.example:3128",',
          '    "http_proxy=http://proxy.example:3128",',
          '    "HTTPS_PROXY=http://proxy.example:3128",',
          '    "https_proxy=http://proxy.example:3128",',
          '    "NO_PROXY=localhost,127.0.0.1,docker:2375,docker:2376",',
          '    "no_proxy=localhost,127.0.0.1,docker:2375,docker:2376",',
        ].join('\n'),
      ),
    );
    assert.deepEqual(proxyFindings(await client.change(between.uri, expanded)), []);
    await client.close(between.uri);

    const noProxy = await complete('config.toml', runner('    "NO_PROXY=localhost,‸",'), 'toml');
    assert.deepEqual(sorted(noProxy.items), ['127.0.0.1', 'docker:2375,docker:2376']);
    await client.close(noProxy.uri);

    const outside = await complete('config.toml', runner('    "A=b",').replace('    privileged = true', '    privileged = true\n    ‸'), 'toml');
    assert.deepEqual(outside.items, [], 'no completion in [runners.docker]');
    await client.close(outside.uri);
  });

  test('systemd: words of Environment= in [Service], the block (uppercase only for a Go daemon), the [Service] header when missing', async () => {
    const app = await complete('app.service', '[Unit]\nDescription=app\n\n[Service]\nExecStart=/usr/bin/app\nEnvironment="DEBUG=1" "no‸"\n', 'systemd-unit');
    assert.equal(applyCompletion(app.text, item(app.items, 'no_proxy')), '[Unit]\nDescription=app\n\n[Service]\nExecStart=/usr/bin/app\nEnvironment="DEBUG=1" "no_proxy="\n');
    await client.close(app.uri);

    const docker = await complete('docker.service.d/http-proxy.conf', '[Service]\n‸\n', 'systemd-unit');
    assert.deepEqual(docker.items.map((i) => i.label), ['proxy environment']);
    const expanded = applyCompletion(docker.text, docker.items[0]);
    assert.equal(
      expanded,
      '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1"\n',
    );
    assert.deepEqual(proxyFindings(await client.change(docker.uri, expanded)), []);
    await client.close(docker.uri);

    const empty = await complete('worker.service.d/proxy.conf', '‸', 'systemd-unit');
    const withHeader = applyCompletion(empty.text, item(empty.items, '[Service] with proxy environment'));
    assert.equal(
      withHeader,
      '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example:3128"\nEnvironment="http_proxy=http://proxy.example:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example:3128"\nEnvironment="https_proxy=http://proxy.example:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1"\nEnvironment="no_proxy=localhost,127.0.0.1"',
    );
    assert.deepEqual(proxyFindings(await client.change(empty.uri, withHeader)), []);
    await client.close(empty.uri);

    const unit = await complete('app.service', '[Unit]\n‸\nDescription=app\n\n[Service]\nExecStart=/usr/bin/app\n', 'systemd-unit');
    assert.deepEqual(unit.items, [], 'nothing in [Unit]');
    await client.close(unit.uri);
  });

  test('Docker config.json: keys of proxies.default, noProxy entries, a default object inside proxies', async () => {
    const keys = await complete('.docker/config.json', '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy:3128",\n      "‸"\n    }\n  }\n}\n', 'json');
    assert.deepEqual(sorted(keys.items), ['httpProxy', 'httpsProxy', 'noProxy', 'ftpProxy', 'allProxy']);
    assert.equal(applyCompletion(keys.text, item(keys.items, 'noProxy')), '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy:3128",\n      "noProxy": ""\n    }\n  }\n}\n');
    await client.close(keys.uri);

    const values = await complete('.docker/config.json', '{\n  "proxies": {\n    "default": {\n      "noProxy": "127.0.0.1,‸"\n    }\n  }\n}\n', 'json');
    assert.deepEqual(sorted(values.items), ['localhost']);
    await client.close(values.uri);

    const object = await complete('.docker/config.json', '{\n  "auths": {},\n  "proxies": {\n    ‸\n  }\n}\n', 'json');
    assert.equal(
      applyCompletion(object.text, item(object.items, 'default proxies')),
      '{\n  "auths": {},\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example:3128",\n      "httpsProxy": "http://proxy.example:3128",\n      "noProxy": "localhost,127.0.0.1"\n    }\n  }\n}\n',
    );
    await client.close(object.uri);
  });

  test('Docker daemon.json: the three keys in proxies, and a proxies object at the top level', async () => {
    const keys = await complete('docker/daemon.json', '{\n  "proxies": {\n    ‸\n  }\n}\n', 'json');
    assert.deepEqual(sorted(keys.items), ['http-proxy', 'https-proxy', 'no-proxy', 'daemon proxy settings']);
    await client.close(keys.uri);
    const root = await complete('docker/daemon.json', '{\n  "log-driver": "json-file",\n  ‸\n}\n', 'json');
    const expanded = applyCompletion(root.text, item(root.items, 'proxies'));
    assert.equal(
      expanded,
      '{\n  "log-driver": "json-file",\n  "proxies": {\n    "http-proxy": "http://proxy.example:3128",\n    "https-proxy": "http://proxy.example:3128",\n    "no-proxy": "localhost,127.0.0.1"\n  }\n}\n',
    );
    assert.doesNotThrow(() => JSON.parse(expanded));
    await client.close(root.uri);
  });
});
