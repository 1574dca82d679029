import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCompose } from '../../server/documents/compose';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

test('map form: names, values and exact spans', () => {
  const text = 'services:\n  api:\n    environment:\n      HTTP_PROXY: "http://p:3128"\n      NO_PROXY: localhost\n';
  const model = parseCompose(text);
  assert.equal(model.scopes.length, 1);
  const [http, noProxy] = model.scopes[0].assignments;
  assert.equal(model.scopes[0].label, 'service "api"');
  assert.equal(http.name, 'HTTP_PROXY');
  assert.equal(http.value, 'http://p:3128');
  assert.equal(http.setting, 'http_proxy');
  assert.equal(http.spelling, 'upper');
  assert.equal(slice(text, http.nameSpan), 'HTTP_PROXY');
  assert.equal(slice(text, http.valueSpan), '"http://p:3128"');
  assert.equal(http.valueOffsets?.(7), text.indexOf('p:3128'));
  assert.equal(noProxy.setting, 'no_proxy');
});

test('list form: NAME=value items, quoted items and pass-through names', () => {
  const text = 'services:\n  w:\n    environment:\n      - http_proxy=http://p:3128\n      - "NO_PROXY=a,b"\n      - HTTPS_PROXY\n';
  const [http, noProxy, passThrough] = parseCompose(text).scopes[0].assignments;
  assert.equal(slice(text, http.nameSpan), 'http_proxy');
  assert.equal(slice(text, http.valueSpan), 'http://p:3128');
  assert.equal(http.spelling, 'lower');
  assert.equal(slice(text, noProxy.valueSpan), 'a,b');
  assert.equal(passThrough.name, 'HTTPS_PROXY');
  assert.equal(passThrough.value, null);
});

test('anchors and merge keys resolve to where the value is written; local keys override merged ones', () => {
  const text = [
    'x-proxy: &proxy',
    '  HTTP_PROXY: http://p:3128',
    '  NO_PROXY: localhost',
    'services:',
    '  a:',
    '    environment:',
    '      <<: *proxy',
    '      NO_PROXY: localhost,db',
    '  b:',
    '    environment: *proxy',
    '',
  ].join('\n');
  const [a, b] = parseCompose(text).scopes;
  assert.deepEqual(a.assignments.map((x) => `${x.name}=${x.value}`), ['NO_PROXY=localhost,db', 'HTTP_PROXY=http://p:3128']);
  const merged = a.assignments[1];
  assert.equal(slice(text, merged.nameSpan), 'HTTP_PROXY');
  assert.equal(merged.nameSpan.start, text.indexOf('HTTP_PROXY'), 'the span is in the anchor, not at the alias');
  assert.deepEqual(b.assignments.map((x) => x.name), ['HTTP_PROXY', 'NO_PROXY']);
});

test('build args are their own scope', () => {
  const text = 'services:\n  a:\n    build:\n      context: .\n      args:\n        - HTTP_PROXY=http://p:3128\n';
  const scopes = parseCompose(text).scopes;
  assert.deepEqual(scopes.map((s) => s.label), ['build args of service "a"']);
});

test('docker-in-docker: from DOCKER_HOST and from depending on a dind service', () => {
  const text = [
    'services:',
    '  ci:',
    '    environment:',
    '      DOCKER_HOST: tcp://docker:2375',
    '  builder:',
    '    depends_on: [dind]',
    '    environment:',
    '      HTTP_PROXY: http://p:3128',
    '  dind:',
    '    image: docker:27-dind',
    '',
  ].join('\n');
  const [ci, builder] = parseCompose(text).scopes;
  assert.deepEqual(ci.dind, { host: 'docker', evidence: 'DOCKER_HOST=tcp://docker:2375' });
  assert.equal(builder.dind?.host, 'dind');
});

test('a YAML syntax error gives one parse problem and no scopes', () => {
  const model = parseCompose('services:\n  a: [\n  b: c\n');
  assert.ok(model.parseProblem);
  assert.match(model.parseProblem.message, /^YAML does not parse/);
  assert.equal(model.scopes.length, 0);
});

test('files without services, or with odd shapes, give no scopes and no crash', () => {
  for (const text of ['', 'version: "3"', 'services: 3', 'services:\n  a: 1\n', 'services:\n  a:\n    environment: 5\n', '- a\n- b\n']) {
    assert.deepEqual(parseCompose(text).scopes, [], JSON.stringify(text));
  }
});
