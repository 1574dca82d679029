// Where completion offers what, per file kind, on texts that may not parse:
// the cursor-site reading of server/services/completion/*.ts, and the model
// cache that keeps the last parsed model for them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocumentOfKind } from '../../server/documents';
import type { FileKind } from '../../server/engine/model';
import { suggestionsAt } from '../../server/services/completion';
import { ModelCache } from '../../server/services/modelCache';
import { CURSOR, expandSnippet } from '../support/cursorText';

function at(kind: FileKind, path: string, marked: string, modelText?: string) {
  const offset = marked.indexOf(CURSOR);
  const text = marked.replace(CURSOR, '');
  const model = parseDocumentOfKind(kind, modelText ?? text, path);
  const suggestions = suggestionsAt(kind, model, text, offset, path);
  /** The text after accepting the suggestion with this label. */
  const accept = (label: string) => {
    const found = suggestions.find((s) => s.label === label);
    assert.ok(found, `"${label}" among ${suggestions.map((s) => s.label).join(', ')}`);
    const inserted = found.snippet ? expandSnippet(found.newText) : found.newText;
    return text.slice(0, found.replace.start) + inserted + text.slice(found.replace.end);
  };
  return { labels: suggestions.map((s) => s.label), accept };
}

describe('compose sites', () => {
  test('a list written at the indentation of its key', () => {
    const site = at('compose', 'docker-compose.yml', 'services:\n  api:\n    environment:\n    - A=b\n    - no‸\n');
    assert.equal(site.accept('no_proxy'), 'services:\n  api:\n    environment:\n    - A=b\n    - no_proxy=\n');
  });

  test('a bare key under a list-form environment gets its dash', () => {
    const site = at('compose', 'docker-compose.yml', 'services:\n  api:\n    environment:\n      - A=b\n      ‸\n');
    assert.equal(site.accept('HTTPS_PROXY'), 'services:\n  api:\n    environment:\n      - A=b\n      - HTTPS_PROXY=\n');
  });

  test('renaming an existing key keeps its value', () => {
    const site = at('compose', 'docker-compose.yml', 'services:\n  api:\n    environment:\n      HT‸TP_PROXY: http://p:3128\n');
    assert.equal(site.accept('http_proxy'), 'services:\n  api:\n    environment:\n      http_proxy: http://p:3128\n');
    assert.ok(!site.labels.some((label) => label.startsWith('proxy variables')), 'no block on a line that has a value');
  });

  test('a NO_PROXY entry typed in the middle of the list is replaced whole, quotes kept', () => {
    const site = at('compose', 'docker-compose.yml', 'services:\n  api:\n    environment:\n      NO_PROXY: "localhost,12‸7.0.0.9 ,.corp"\n');
    assert.deepEqual(site.labels, ['127.0.0.1']);
    assert.equal(site.accept('127.0.0.1'), 'services:\n  api:\n    environment:\n      NO_PROXY: "localhost,127.0.0.1 ,.corp"\n');
  });

  test('dind facts come from the model even when the text being typed does not parse', () => {
    const parsed = 'services:\n  ci:\n    image: docker\n    environment:\n      DOCKER_HOST: tcp://dind:2375\n  dind:\n    image: docker:dind\n';
    const typing = parsed.replace('      DOCKER_HOST', '      HT‸\n      DOCKER_HOST');
    const site = at('compose', 'docker-compose.yml', typing, parsed);
    const expanded = site.accept('proxy variables (both spellings)');
    assert.match(expanded, /\n {6}NO_PROXY: localhost,127\.0\.0\.1,dind:2375,dind:2376\n {6}no_proxy: localhost,127\.0\.0\.1,dind:2375,dind:2376\n/);
  });
});

describe('other kinds', () => {
  test('runner: an inline array between elements, and nothing after it closes', () => {
    const inline = at('runner', 'config.toml', '[[runners]]\n  name = "r"\n  environment = ["A=b", ‸"C=d"]\n');
    assert.equal(inline.accept('NO_PROXY'), '[[runners]]\n  name = "r"\n  environment = ["A=b", "NO_PROXY=","C=d"]\n');
    assert.deepEqual(at('runner', 'config.toml', '[[runners]]\n  name = "r"\n  environment = ["A=b"] ‸\n').labels, []);
    assert.deepEqual(at('runner', 'config.toml', '[[runners]]\n  environment = ["A=b", "# not a comment ‸"]\n').labels, []);
  });

  test('runner: an environment array where a key of [[runners]] goes, not when it has one', () => {
    const site = at('runner', 'config.toml', '[[runners]]\n  name = "r"\n  ‸\n');
    assert.equal(
      site.accept('environment with proxy variables'),
      '[[runners]]\n  name = "r"\n  environment = [\n    "HTTP_PROXY=http://proxy.example:3128",\n    "http_proxy=http://proxy.example:3128",\n    "HTTPS_PROXY=http://proxy.example:3128",\n    "https_proxy=http://proxy.example:3128",\n    "NO_PROXY=localhost,127.0.0.1",\n    "no_proxy=localhost,127.0.0.1",\n  ]\n',
    );
    assert.deepEqual(at('runner', 'config.toml', '[[runners]]\n  ‸\n  environment = ["A=b"]\n').labels, []);
  });

  test('systemd: a bare word and a NO_PROXY word', () => {
    assert.equal(at('systemd', 'app.service', '[Service]\nEnvironment=http‸\n').accept('https_proxy'), '[Service]\nEnvironment=https_proxy=\n');
    assert.deepEqual(at('systemd', 'app.service', '[Service]\nEnvironment=NO_PROXY=‸ A=b\n').labels, ['localhost', '127.0.0.1']);
    assert.deepEqual(at('systemd', 'app.service', '[Service]\nExecStart=/bin/app ‸\n').labels, []);
  });

  test('env file: names at line start, after export, NO_PROXY entries', () => {
    assert.equal(at('env-file', 'proxy.env', 'A=1\nexport ht‸\n').accept('http_proxy'), 'A=1\nexport http_proxy=\n');
    assert.deepEqual(at('env-file', 'proxy.env', 'no_proxy=localhost,‸ # comment\n').labels, ['127.0.0.1']);
    assert.deepEqual(at('env-file', 'proxy.env', 'A=some ‸\n').labels, []);
  });

  test('Docker JSON: nothing outside the proxies object', () => {
    assert.deepEqual(at('docker-client', 'config.json', '{\n  "auths": {\n    ‸\n  },\n  "proxies": {}\n}\n').labels, []);
    assert.deepEqual(at('docker-daemon', 'daemon.json', '{\n  "proxies": {\n    "http-proxy": "‸"\n  }\n}\n').labels, []);
  });
});

describe('model cache', () => {
  test('parses once per version, and keeps the last parsed model while the text does not parse', () => {
    const cache = new ModelCache();
    const good = 'services:\n  api:\n    environment:\n      HTTP_PROXY: http://p:3128\n';
    const v1 = TextDocument.create('file:///w/docker-compose.yml', 'yaml', 1, good);
    const first = cache.get(v1);
    assert.ok(first && first.kind === 'compose' && first.model.parseProblem === null);
    assert.equal(cache.get(v1), first, 'same version, same result');
    const v2 = TextDocument.update(v1, [{ text: `${good}  bad: [\n` }], 2);
    const second = cache.get(v2);
    assert.ok(second && second.model.parseProblem !== null);
    assert.equal(second.lastParsed, first.model);
    assert.equal(cache.get(TextDocument.create('file:///w/notes.txt', 'plaintext', 1, good)), null);
  });
});
