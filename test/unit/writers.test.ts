// Each writer: an operation on a parsed assignment, applied, asserted on the whole text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocumentOfKind } from '../../server/documents';
import { applyEdits, renderFix, type FixOperation } from '../../server/engine/fixes';
import type { Assignment, FileKind } from '../../server/engine/model';

function edit(kind: FileKind, path: string, text: string, build: (assignments: Assignment[]) => FixOperation[]): string {
  const model = parseDocumentOfKind(kind, text, path);
  const operations = build(model.scopes.flatMap((s) => s.assignments));
  return applyEdits(text, renderFix(model, { title: 'test', operations }));
}

const insertTwin = (a: Assignment[]): FixOperation[] => [{ op: 'insert-after', after: a[0], name: 'http_proxy', value: 'http://u:p%40ss@proxy:3128' }];

test('yaml map: insert after keeps the trailing comment with its entry, indentation and CRLF', () => {
  const text = 'services:\r\n  a:\r\n    environment:\r\n      HTTP_PROXY: http://proxy:3128 # corp\r\n      FOO: bar\r\n';
  assert.equal(edit('compose', 'compose.yml', text, insertTwin), 'services:\r\n  a:\r\n    environment:\r\n      HTTP_PROXY: http://proxy:3128 # corp\r\n      http_proxy: http://u:p%40ss@proxy:3128\r\n      FOO: bar\r\n');
});

test('yaml map: value quoting follows the original and stays valid YAML', () => {
  const text = "services:\n  a:\n    environment:\n      HTTP_PROXY: 'http://proxy:3128'\n";
  assert.equal(edit('compose', 'compose.yml', text, (a) => [{ op: 'replace-value', target: a[0], value: "it's: #x" }]), "services:\n  a:\n    environment:\n      HTTP_PROXY: 'it''s: #x'\n");
  const plain = 'services:\n  a:\n    environment:\n      NO_PROXY: a\n';
  assert.equal(edit('compose', 'compose.yml', plain, (a) => [{ op: 'replace-value', target: a[0], value: 'a, #b' }]), 'services:\n  a:\n    environment:\n      NO_PROXY: "a, #b"\n');
});

test('yaml list: insert after, rename and remove', () => {
  const text = 'services:\n  a:\n    environment:\n      - "HTTP_PROXY=http://proxy:3128"\n      - NOPROXY=localhost\n      - KEEP=1\n';
  assert.equal(edit('compose', 'compose.yml', text, insertTwin), 'services:\n  a:\n    environment:\n      - "HTTP_PROXY=http://proxy:3128"\n      - "http_proxy=http://u:p%40ss@proxy:3128"\n      - NOPROXY=localhost\n      - KEEP=1\n');
  assert.equal(edit('compose', 'compose.yml', text, (a) => [{ op: 'rename', target: a[1], name: 'NO_PROXY' }]), text.replace('NOPROXY', 'NO_PROXY'));
  assert.equal(edit('compose', 'compose.yml', text, (a) => [{ op: 'remove', target: a[1] }]), text.replace('      - NOPROXY=localhost\n', ''));
});

test('yaml flow collections: insert and remove with commas', () => {
  const text = 'services:\n  a:\n    environment: {HTTP_PROXY: http://proxy:3128, FOO: bar}\n';
  assert.equal(edit('compose', 'compose.yml', text, insertTwin), 'services:\n  a:\n    environment: {HTTP_PROXY: http://proxy:3128, http_proxy: http://u:p%40ss@proxy:3128, FOO: bar}\n');
  assert.equal(edit('compose', 'compose.yml', text, (a) => [{ op: 'remove', target: a[0] }]), 'services:\n  a:\n    environment: {FOO: bar}\n');
});

test('yaml flow sequences: a value with commas is quoted so it stays one item', () => {
  const text = 'services:\n  a:\n    environment: [HTTP_PROXY=http://proxy:3128, NO_PROXY=localhost]\n';
  const fixed = edit('compose', 'compose.yml', text, (a) => [{ op: 'replace-value', target: a[1], value: 'localhost,docker:2375' }]);
  assert.equal(fixed, 'services:\n  a:\n    environment: [HTTP_PROXY=http://proxy:3128, "NO_PROXY=localhost,docker:2375"]\n');
});

test('toml: single-line and multi-line arrays, literal strings, escapes', () => {
  const single = '[[runners]]\n  environment = ["HTTP_PROXY=http://proxy:3128", "A=1"]\n';
  assert.equal(edit('runner', 'config.toml', single, insertTwin), '[[runners]]\n  environment = ["HTTP_PROXY=http://proxy:3128", "http_proxy=http://u:p%40ss@proxy:3128", "A=1"]\n');
  assert.equal(edit('runner', 'config.toml', single, (a) => [{ op: 'remove', target: a[0] }]), '[[runners]]\n  environment = ["A=1"]\n');
  assert.equal(edit('runner', 'config.toml', single, (a) => [{ op: 'remove', target: a[1] }]), '[[runners]]\n  environment = ["HTTP_PROXY=http://proxy:3128"]\n');
  const multi = "[[runners]]\n  environment = [\n    'HTTP_PROXY=http://proxy:3128',\n    \"A=1\",\n  ]\n";
  assert.equal(edit('runner', 'config.toml', multi, insertTwin), "[[runners]]\n  environment = [\n    'HTTP_PROXY=http://proxy:3128',\n    'http_proxy=http://u:p%40ss@proxy:3128',\n    \"A=1\",\n  ]\n");
  assert.equal(edit('runner', 'config.toml', multi, (a) => [{ op: 'remove', target: a[0] }]), '[[runners]]\n  environment = [\n    "A=1",\n  ]\n');
  assert.equal(edit('runner', 'config.toml', multi, (a) => [{ op: 'replace-value', target: a[0], value: "it's \"x\"\\" }]), multi.replace("'HTTP_PROXY=http://proxy:3128'", '"HTTP_PROXY=it\'s \\"x\\"\\\\"'));
});

test('systemd: % doubled, quoting kept, new words on the same line, removal keeps Environment= meaningful', () => {
  const text = '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128" NO_PROXY=localhost\nEnvironment=A=1\n';
  assert.equal(edit('systemd', 'app.service', text, insertTwin), '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128" "http_proxy=http://u:p%%40ss@proxy:3128" NO_PROXY=localhost\nEnvironment=A=1\n');
  assert.equal(edit('systemd', 'app.service', text, (a) => [{ op: 'replace-value', target: a[1], value: 'a b' }]), text.replace('NO_PROXY=localhost', '"NO_PROXY=a b"'));
  assert.equal(edit('systemd', 'app.service', text, (a) => [{ op: 'remove', target: a[1] }]), '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128"\nEnvironment=A=1\n');
  // Removing the only word removes the line: an empty Environment= would reset all earlier ones.
  assert.equal(edit('systemd', 'app.service', text, (a) => [{ op: 'remove', target: a[2] }]), '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128" NO_PROXY=localhost\n');
});

test('json: replace, rename, insert after and remove keep formatting', () => {
  const text = '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy:3128",\n      "http-proxy": "x"\n    }\n  }\n}\n';
  assert.equal(edit('docker-client', 'config.json', text, (a) => [{ op: 'replace-value', target: a[0], value: 'http://u:"x"@p:1' }]), text.replace('"http://proxy:3128"', '"http://u:\\"x\\"@p:1"'));
  assert.equal(edit('docker-client', 'config.json', text, (a) => [{ op: 'rename', target: a[1], name: 'httpsProxy' }]), text.replace('"http-proxy"', '"httpsProxy"'));
  assert.equal(edit('docker-client', 'config.json', text, (a) => [{ op: 'insert-after', after: a[0], name: 'noProxy', value: 'localhost' }]), text.replace('"http://proxy:3128",\n', '"http://proxy:3128",\n      "noProxy": "localhost",\n'));
  assert.equal(edit('docker-client', 'config.json', text, (a) => [{ op: 'remove', target: a[1] }]), '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy:3128"\n    }\n  }\n}\n');
});
