// docker-json-keys on real config.json / daemon.json text: finding, rename, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/engine/fixes';
import { lint } from '../../server/engine/lint';

const RULE = 'docker-json-keys';
const CLIENT = '/home/dev/.docker/config.json';
const DAEMON = '/etc/docker/daemon.json';

function findings(text: string, path: string) {
  return lint(text, path).findings.filter((f) => f.rule === RULE);
}

/** Applies this rule's first fix until none is left. */
function fixEach(text: string, path: string): string {
  let current = text;
  for (let round = 0; round < 10; round++) {
    const fixable = findings(current, path).find((f) => f.fix);
    if (!fixable?.fix) return current;
    current = applyEdits(current, fixable.fix.edits);
  }
  throw new Error('does not converge');
}

describe('docker-json-keys', () => {
  test('config.json with daemon.json keys: the CLI ignores them; renamed one by one to httpProxy, httpsProxy, noProxy', () => {
    const text = '{\n  "proxies": {\n    "default": {\n      "http-proxy": "http://proxy.corp.example:3128",\n      "https-proxy": "http://proxy.corp.example:3128",\n      "no-proxy": "localhost,127.0.0.1"\n    }\n  }\n}\n';
    const all = findings(text, CLIENT);
    assert.equal(all.length, 3);
    assert.ok(all.every((f) => f.severity === 'error'));
    assert.equal(text.slice(all[0].span.start, all[0].span.end), 'http-proxy');
    assert.match(all[0].message, /"http-proxy" is the daemon\.json spelling: the docker CLI ignores it/);
    assert.match(all[0].message, /Use "httpProxy"/);
    const fixed = fixEach(text, CLIENT);
    assert.equal(fixed, '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.corp.example:3128",\n      "httpsProxy": "http://proxy.corp.example:3128",\n      "noProxy": "localhost,127.0.0.1"\n    }\n  }\n}\n');
    assert.deepEqual(lint(fixed, CLIENT).findings, []);
  });

  test('daemon.json with config.json keys: dockerd refuses to start; renamed to the dashed keys', () => {
    const text = '{\n  "proxies": {\n    "httpProxy": "http://proxy.corp.example:3128",\n    "httpsProxy": "http://proxy.corp.example:3128",\n    "noProxy": "localhost,127.0.0.1"\n  }\n}\n';
    const all = findings(text, DAEMON);
    assert.equal(all.length, 3);
    assert.match(all[0].message, /config\.json spelling: dockerd refuses to start/);
    assert.equal(fixEach(text, DAEMON), '{\n  "proxies": {\n    "http-proxy": "http://proxy.corp.example:3128",\n    "https-proxy": "http://proxy.corp.example:3128",\n    "no-proxy": "localhost,127.0.0.1"\n  }\n}\n');
  });

  test('environment-variable spellings and typos are renamed; a key with no clear meaning is only reported', () => {
    const text = '{"proxies": {"default": {"HTTP_PROXY": "http://p:3128", "htpsProxy": "http://p:3128", "no_proxy": "localhost", "proxy": "http://p:3128"}}}';
    const all = findings(text, CLIENT);
    assert.deepEqual(all.map((f) => text.slice(f.span.start, f.span.end)), ['HTTP_PROXY', 'htpsProxy', 'no_proxy', 'proxy']);
    const proxy = all[3];
    assert.equal(proxy.fix, undefined);
    assert.match(proxy.message, /The proxy keys of config\.json are httpProxy, httpsProxy, noProxy, ftpProxy, allProxy/);
    assert.equal(fixEach(text, CLIENT), '{"proxies": {"default": {"httpProxy": "http://p:3128", "httpsProxy": "http://p:3128", "noProxy": "localhost", "proxy": "http://p:3128"}}}');
  });

  test('the docker CLI matches config.json keys without case (Go encoding/json); dockerd does not', () => {
    assert.deepEqual(findings('{"proxies":{"default":{"HTTPProxy":"http://p:3128","NoProxy":"localhost"}}}', CLIENT), []);
    const text = '{"proxies":{"HTTP-PROXY":"http://p:3128"}}';
    assert.equal(fixEach(text, DAEMON), '{"proxies":{"http-proxy":"http://p:3128"}}');
  });

  test('daemon.json: "default" and ftpProxy have no daemon equivalent, so no rename is offered', () => {
    const text = '{"proxies":{"default":{"httpProxy":"http://p:3128"},"ftpProxy":"http://p:3128"}}';
    const all = findings(text, DAEMON);
    assert.equal(all.length, 2);
    assert.match(all[0].message, /daemon\.json has no "proxies\.default"/);
    assert.match(all[1].message, /daemon\.json has no ftp_proxy setting/);
    assert.ok(all.every((f) => f.fix === undefined));
  });

  test('per-daemon entries of config.json (`proxies["tcp://docker:2375"]`) are checked the same way', () => {
    const text = '{"proxies":{"tcp://docker:2375":{"http_proxy":"http://p:3128"}}}';
    assert.equal(fixEach(text, CLIENT), '{"proxies":{"tcp://docker:2375":{"httpProxy":"http://p:3128"}}}');
  });

  test('only Docker JSON: an environment list with a dashed name is not this rule\'s business', () => {
    assert.deepEqual(findings('services:\n  a:\n    environment:\n      http-proxy: x\n', 'compose.yml'), []);
  });
});
