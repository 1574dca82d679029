import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { generateCompose, listComposeServices } from '../../server/generators/compose';
import type { ProxyInput } from '../../server/generators/types';
import { applyChecked, assertLintsClean, assertOnlyInsertions, assertOriginalKept, decodedPassword, NASTY_PASSWORD } from '../support/generated';

const PROXY: ProxyInput = { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc-repo', password: 'F@oBar!', noProxy: ['.corp.example'] };
const URL = 'http://svc-repo:F%40oBar%21@proxy.corp.example:3128';
const PLAIN: ProxyInput = { proxyUrl: 'http://proxy:3128', noProxy: [] };

/** What compose reads: the YAML with anchors and `<<` merge keys resolved. */
function environments(text: string): Record<string, Record<string, string> | string[] | null> {
  const doc = parseDocument(text, { merge: true });
  assert.deepEqual(doc.errors, [], text);
  const services = (doc.toJS({ maxAliasCount: -1 }) as { services: Record<string, { environment?: Record<string, string> | string[] | null }> }).services;
  return Object.fromEntries(Object.entries(services).map(([name, service]) => [name, service.environment ?? null]));
}

/** An environment in either form as a map. */
function asMap(environment: Record<string, string> | string[] | null): Record<string, string> {
  if (!environment) return {};
  if (!Array.isArray(environment)) return environment;
  return Object.fromEntries(environment.map((item) => [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)]));
}

test('broken example: the existing anchor is completed, the list service gets items, db merges the anchor', () => {
  const original = readFileSync('examples/broken/compose/docker-compose.yml', 'utf8');
  const result = applyChecked(original, generateCompose(original, PROXY, { services: ['repo_api', 'repo_worker', 'db'] }).edits);
  const noProxy = 'localhost,127.0.0.1,.corp.example,repo_api,repo_worker,docker,db,docker:2375,docker:2376';
  assert.equal(
    result,
    original
      .replace(
        'x-proxy-env: &proxy-env\n  HTTP_PROXY: http://proxy.corp.example:3128\n  HTTPS_PROXY: http://proxy.corp.example:3128\n  NO_PROXY: localhost,127.0.0.1,repo_api,repo_worker\n',
        `x-proxy-env: &proxy-env\n  HTTP_PROXY: ${URL}\n  http_proxy: ${URL}\n  HTTPS_PROXY: ${URL}\n  https_proxy: ${URL}\n  NO_PROXY: ${noProxy}\n  no_proxy: ${noProxy}\n`,
      )
      .replace(
        '      - HTTP_PROXY=http://svc-repo:F@oBar!@proxy.corp.example:3128\n      - HTTPS_PROXY=http://svc-repo:F@oBar!@proxy.corp.example:3128\n      - NO_PROXY=localhost,127.0.0.1,repo_api\n',
        `      - HTTP_PROXY=${URL}\n      - http_proxy=${URL}\n      - HTTPS_PROXY=${URL}\n      - https_proxy=${URL}\n      - NO_PROXY=${noProxy}\n      - no_proxy=${noProxy}\n`,
      )
      .replace('    image: postgres:16\n', '    image: postgres:16\n    environment:\n      <<: *proxy-env\n'),
  );
  assertLintsClean(result, 'docker-compose.yml', 'compose');
});

const TEAM = `# Team compose file
# second header line

# the apps
services:
  # frontend
  web:
    image: nginx
    ports:
      - "80:80"   # http
  api:
    image: registry.corp.example/api:2
    environment:
      # database
      DB: postgres
`;

test('a new x-proxy-env anchor goes above services: and its comment, below the file header; services merge it', () => {
  const { edits } = generateCompose(TEAM, PLAIN, { services: ['web', 'api'] });
  assertOnlyInsertions(TEAM, edits);
  const result = applyChecked(TEAM, edits);
  assert.equal(
    result,
    `# Team compose file
# second header line

x-proxy-env: &proxy-env
  HTTP_PROXY: http://proxy:3128
  http_proxy: http://proxy:3128
  HTTPS_PROXY: http://proxy:3128
  https_proxy: http://proxy:3128
  NO_PROXY: localhost,127.0.0.1,web,api
  no_proxy: localhost,127.0.0.1,web,api

# the apps
services:
  # frontend
  web:
    image: nginx
    ports:
      - "80:80"   # http
    environment:
      <<: *proxy-env
  api:
    image: registry.corp.example/api:2
    environment:
      <<: *proxy-env
      # database
      DB: postgres
`,
  );
  assertOriginalKept(TEAM, result);
  assertLintsClean(result, 'compose.yaml', 'compose');
  assert.deepEqual(asMap(environments(result).api).DB, 'postgres');
});

test('only the chosen services change; NO_PROXY still names every service', () => {
  const result = applyChecked(TEAM, generateCompose(TEAM, PLAIN, { services: ['api'] }).edits);
  const env = environments(result);
  assert.equal(env.web, null);
  assert.equal(asMap(env.api).no_proxy, 'localhost,127.0.0.1,web,api');
});

test('local proxy entries that would override the anchor are removed; an existing << gets the anchor first', () => {
  const original = `x-base: &base
  TZ: UTC
services:
  a:
    image: a
    environment:
      <<: *base
      HTTP_PROXY: http://old:1  # stale
      X: y
      no_proxy: localhost
`;
  const result = applyChecked(original, generateCompose(original, PLAIN, { services: ['a'] }).edits);
  assert.equal(
    result,
    `x-base: &base
  TZ: UTC
x-proxy-env: &proxy-env
  HTTP_PROXY: http://proxy:3128
  http_proxy: http://proxy:3128
  HTTPS_PROXY: http://proxy:3128
  https_proxy: http://proxy:3128
  NO_PROXY: localhost,127.0.0.1,a
  no_proxy: localhost,127.0.0.1,a

services:
  a:
    image: a
    environment:
      <<: [*proxy-env, *base]
      X: y
`,
  );
  assert.deepEqual(asMap(environments(result).a), { HTTP_PROXY: 'http://proxy:3128', http_proxy: 'http://proxy:3128', HTTPS_PROXY: 'http://proxy:3128', https_proxy: 'http://proxy:3128', NO_PROXY: 'localhost,127.0.0.1,a', no_proxy: 'localhost,127.0.0.1,a', TZ: 'UTC', X: 'y' });
  assertLintsClean(result, 'compose.yaml', 'compose');
});

test('every written form of environment: empty, ~, alias, flow map, flow list, empty list, empty map', () => {
  const original = `x-base: &base
  TZ: UTC
services:
  alias:
    image: a
    environment: *base
  empty:
    image: a
    environment:
  tilde:
    image: a
    environment: ~
  flowmap:
    image: a
    environment: {X: y}
  flowlist:
    image: a
    environment: [X=y]
  emptylist:
    image: a
    environment: []
  emptymap:
    image: a
    environment: {}
`;
  const names = ['alias', 'empty', 'tilde', 'flowmap', 'flowlist', 'emptylist', 'emptymap'];
  const result = applyChecked(original, generateCompose(original, PLAIN, { services: names }).edits);
  const noProxy = `localhost,127.0.0.1,${names.join(',')}`;
  assert.equal(
    result.slice(result.indexOf('services:')),
    `services:
  alias:
    image: a
    environment:
      <<: [*proxy-env, *base]
  empty:
    image: a
    environment:
      <<: *proxy-env
  tilde:
    image: a
    environment:
      <<: *proxy-env
  flowmap:
    image: a
    environment: {<<: *proxy-env, X: y}
  flowlist:
    image: a
    environment: [X=y, HTTP_PROXY=http://proxy:3128, http_proxy=http://proxy:3128, HTTPS_PROXY=http://proxy:3128, https_proxy=http://proxy:3128, "NO_PROXY=${noProxy}", "no_proxy=${noProxy}"]
  emptylist:
    image: a
    environment: [HTTP_PROXY=http://proxy:3128, http_proxy=http://proxy:3128, HTTPS_PROXY=http://proxy:3128, https_proxy=http://proxy:3128, "NO_PROXY=${noProxy}", "no_proxy=${noProxy}"]
  emptymap:
    image: a
    environment:
      <<: *proxy-env
`,
  );
  const env = environments(result);
  for (const name of names) {
    assert.equal(asMap(env[name]).https_proxy, 'http://proxy:3128', name);
    assert.equal(asMap(env[name]).NO_PROXY, noProxy, name);
  }
  assertLintsClean(result, 'compose.yaml', 'compose');
});

test('running it again with a new password changes only the values', () => {
  const once = applyChecked(TEAM, generateCompose(TEAM, PROXY, { services: ['web', 'api'] }).edits);
  const { edits } = generateCompose(once, { ...PROXY, password: 'n3w' }, { services: ['web', 'api'] });
  const twice = applyChecked(once, edits);
  assert.equal(twice, once.replaceAll(URL, 'http://svc-repo:n3w@proxy.corp.example:3128'));
  assert.equal(edits.length, 4, 'one edit per URL value, nothing else');
});

test('the service list tells the quick pick how each environment is written', () => {
  const original = readFileSync('examples/broken/compose/docker-compose.yml', 'utf8');
  assert.deepEqual(listComposeServices(original), [
    { name: 'repo_api', environment: 'map', hasProxy: true, dindHost: null },
    { name: 'repo_worker', environment: 'list', hasProxy: true, dindHost: 'docker' },
    { name: 'docker', environment: 'none', hasProxy: false, dindHost: null },
    { name: 'db', environment: 'none', hasProxy: false, dindHost: null },
  ]);
});

test('files and services it cannot edit are refused with the reason', () => {
  assert.throws(() => generateCompose(TEAM, PLAIN, { services: ['nope'] }), /no service "nope"/);
  assert.throws(() => generateCompose(TEAM, PLAIN, { services: [] }), /at least one service/);
  assert.throws(() => generateCompose('version: "3"\n', PLAIN, { services: ['a'] }), /no services/);
  assert.throws(() => generateCompose('services: {a: {image: x}}\n', PLAIN, { services: ['a'] }), /flow style/);
  assert.throws(() => generateCompose('services:\n  a:\n    image: [\n', PLAIN, { services: ['a'] }), /YAML does not parse/);
  assert.throws(
    () => generateCompose('x-svc: &svc\n  environment:\n    A: b\nservices:\n  a:\n    <<: *svc\n    image: x\n', PLAIN, { services: ['a'] }),
    /inherits its environment through a << merge key/,
  );
  assert.throws(() => generateCompose('services:\n  a:\n    image: x\nx-proxy-env: &proxy-env\n  A: b\n', PLAIN, { services: ['a'] }), /move it above services:/);
  assert.throws(() => generateCompose('x-l: &l\n  - A=b\nservices:\n  a:\n    image: x\n    environment: *l\n', PLAIN, { services: ['a'] }), /the list \*l/);
});

const serviceName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/).filter((name) => !['true', 'false', 'null', 'environment'].includes(name));

test('property: random service names and passwords: insert-only, parses, merged values right, lints clean', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(serviceName, { minLength: 1, maxLength: 5 }),
      fc.oneof(fc.constant(NASTY_PASSWORD), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })),
      fc.constantFrom('map', 'list', 'none'),
      fc.constantFrom('  ', '    '),
      fc.constantFrom('\n', '\r\n'),
      (names, password, style, indent, eol) => {
        const environmentOf = (name: string) =>
          style === 'map' ? `${indent}${indent}environment:\n${indent}${indent}${indent}APP: ${name}\n` : style === 'list' ? `${indent}${indent}environment:\n${indent}${indent}${indent}- APP=${name}\n` : '';
        const lf = `# generated\nservices:\n${names.map((name) => `${indent}${name}:\n${indent}${indent}image: registry.corp.example/${name}:1\n${environmentOf(name)}`).join('\n')}`;
        const original = lf.replace(/\n/g, eol);
        const { edits } = generateCompose(original, { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password, noProxy: [] }, { services: names });
        assertOnlyInsertions(original, edits);
        const result = applyChecked(original, edits);
        assertOriginalKept(original, result);
        if (eol === '\r\n') assert.ok(!result.replace(/\r\n/g, '').includes('\n'), 'no stray LF in a CRLF file');
        const env = environments(result);
        for (const name of names) {
          const map = asMap(env[name]);
          for (const variable of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy']) assert.equal(decodedPassword(map[variable]), password, `${name} ${variable}`);
          assert.equal(map.NO_PROXY, ['localhost', '127.0.0.1', ...names].join(','));
          assert.equal(map.no_proxy, map.NO_PROXY);
          if (style !== 'none') assert.equal(map.APP, name);
        }
        assertLintsClean(result, 'docker-compose.yml', 'compose');
        assert.deepEqual(generateCompose(result, { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password, noProxy: [] }, { services: names }).edits, [], 'a second run changes nothing');
      },
    ),
    { numRuns: 150 },
  );
});
