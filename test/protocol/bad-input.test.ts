// A file that does not parse gets one clear diagnostic where parsing stops,
// and the server keeps serving other files.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TestLspClient } from '../support/lspClient';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start();
});
after(async () => {
  await client.shutdown();
});

const BROKEN = [
  { name: 'docker-compose.yml', text: 'services:\n  api:\n    environment: [\n      HTTP_PROXY: x\n', message: /^YAML does not parse/ },
  { name: 'config.toml', text: '[[runners]]\n  environment = ["HTTP_PROXY=http://p:3128"\n', message: /^TOML does not parse/ },
  { name: 'daemon.json', text: '{ "proxies": { "http-proxy": "http://p:3128", } }', message: /^JSON does not parse/ },
];

for (const file of BROKEN) {
  test(`${file.name} that does not parse: exactly one parse-error diagnostic inside the document`, async () => {
    const uri = `file:///work/broken/${file.name}`;
    const diagnostics = await client.open(uri, file.text);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'parse-error');
    assert.match(diagnostics[0].message, file.message);
    const lines = file.text.split('\n');
    assert.ok(diagnostics[0].range.end.line < lines.length);
  });
}

test('after broken files, a good file still gets its diagnostics', async () => {
  const correct = ['HTTP_PROXY: http://p:3128', 'http_proxy: http://p:3128', 'HTTPS_PROXY: http://p:3128', 'https_proxy: http://p:3128', 'NO_PROXY: localhost', 'no_proxy: localhost'];
  const diagnostics = await client.open('file:///work/ok/docker-compose.yml', `services:\n  a:\n    environment:\n${correct.map((line) => `      ${line}\n`).join('')}`);
  assert.deepEqual(diagnostics.map((d) => d.code), []);
  const flagged = await client.open('file:///work/ok2/docker-compose.yml', 'services:\n  a:\n    environment:\n      HTTP_PROXY: http://p:3128\n');
  assert.ok(flagged.some((d) => d.code === 'lowercase-missing'));
});

test('files of no known kind get no diagnostics at all', async () => {
  assert.deepEqual(await client.open('file:///work/x/package.json', '{"proxies": 1}'), []);
  assert.deepEqual(await client.open('file:///work/x/values.yaml', 'env:\n  HTTP_PROXY: http://p:3128\n'), []);
});
