import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDockerJson } from '../../server/documents/dockerJson';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

test('config.json: proxies.default and per-daemon objects are scopes of JSON keys', () => {
  const text = '{"proxies": {"default": {"httpProxy": "http://p:3128"}, "tcp://docker:2375": {"noProxy": "x"}}, "auths": {}}';
  const scopes = parseDockerJson(text, 'docker-client').scopes;
  assert.deepEqual(scopes.map((s) => s.label), ['"proxies.default" of config.json', '"proxies.tcp://docker:2375" of config.json']);
  const [http] = scopes[0].assignments;
  assert.equal(http.setting, 'http_proxy');
  assert.equal(http.spelling, 'json-key');
  assert.equal(slice(text, http.nameSpan), 'httpProxy');
  assert.equal(slice(text, http.valueSpan), 'http://p:3128');
});

test('daemon.json: proxies with dashed keys', () => {
  const text = '{\n  "proxies": {\n    "http-proxy": "http://p:3128",\n    "no-proxy": "localhost"\n  }\n}\n';
  const [scope] = parseDockerJson(text, 'docker-daemon').scopes;
  assert.deepEqual(scope.assignments.map((a) => [a.name, a.setting]), [['http-proxy', 'http_proxy'], ['no-proxy', 'no_proxy']]);
});

test('strict JSON like Docker: comments and trailing commas are parse problems', () => {
  assert.match(parseDockerJson('{"proxies": {},}', 'docker-daemon').parseProblem?.message ?? '', /^JSON does not parse/);
  assert.match(parseDockerJson('// x\n{}', 'docker-daemon').parseProblem?.message ?? '', /^JSON does not parse/);
  assert.ok(parseDockerJson('', 'docker-daemon').parseProblem);
});
