// The JSON schemas under schemas/ checked with a real JSON-schema validator
// (ajv, draft-07): the fixed examples and good samples pass, typos and wrong
// types fail at the right place; package.json contributes them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

// strict mode rejects unknown keywords: `defaultSnippets` is VS Code's own, declared here so anything else misspelled still fails.
const ajv = new Ajv({ strict: true, allErrors: true });
ajv.addVocabulary(['defaultSnippets']);
const dockerConfig = ajv.compile(readJson('schemas/docker-config.proxies.schema.json') as object);
const dockerDaemon = ajv.compile(readJson('schemas/docker-daemon.proxies.schema.json') as object);
const runner = ajv.compile(readJson('schemas/gitlab-runner.proxies.schema.json') as object);

function errorsOf(validate: ValidateFunction, data: unknown): Pick<ErrorObject, 'instancePath' | 'keyword' | 'params'>[] {
  return validate(data) ? [] : (validate.errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));
}

test('config.json schema accepts the fixed example and the broken one (its problems are not schema problems)', () => {
  assert.deepEqual(errorsOf(dockerConfig, readJson('examples/fixed/docker/config.json')), []);
  assert.deepEqual(errorsOf(dockerConfig, readJson('examples/broken/docker/config.json')), []);
});

test('config.json schema accepts every documented key, per-daemon entries and unrelated top-level keys', () => {
  const good = {
    auths: { 'registry.example': {} },
    credsStore: 'secretservice',
    proxies: {
      default: { httpProxy: 'http://proxy:3128', httpsProxy: 'http://proxy:3128', noProxy: 'localhost,.corp', ftpProxy: 'http://proxy:3128', allProxy: 'socks5://proxy:1080' },
      'tcp://docker:2375': { httpProxy: 'http://other:3128' },
      'unix:///var/run/docker.sock': {},
    },
  };
  assert.deepEqual(errorsOf(dockerConfig, good), []);
});

test('config.json schema: daemon.json keys, misspelled keys, bad daemon keys and wrong types are errors', () => {
  assert.deepEqual(errorsOf(dockerConfig, { proxies: { default: { 'http-proxy': 'http://proxy:3128' } } }), [
    { instancePath: '/proxies/default', keyword: 'additionalProperties', params: { additionalProperty: 'http-proxy' } },
  ]);
  assert.deepEqual(errorsOf(dockerConfig, { proxies: { default: { HttpProxy: 'http://proxy:3128' } } }), [
    { instancePath: '/proxies/default', keyword: 'additionalProperties', params: { additionalProperty: 'HttpProxy' } },
  ]);
  assert.deepEqual(errorsOf(dockerConfig, { proxies: { defualt: { httpProxy: 'http://proxy:3128' } } }), [
    { instancePath: '/proxies', keyword: 'pattern', params: { pattern: '^(default|[A-Za-z][A-Za-z0-9+.-]*://.+)$' } },
    { instancePath: '/proxies', keyword: 'propertyNames', params: { propertyName: 'defualt' } },
  ]);
  assert.deepEqual(errorsOf(dockerConfig, { proxies: { default: { noProxy: ['localhost'] } } }), [
    { instancePath: '/proxies/default/noProxy', keyword: 'type', params: { type: 'string' } },
  ]);
  assert.deepEqual(errorsOf(dockerConfig, { proxies: 'http://proxy:3128' }), [{ instancePath: '/proxies', keyword: 'type', params: { type: 'object' } }]);
});

test('daemon.json schema accepts the three keys and unrelated top-level keys', () => {
  const good = { 'log-driver': 'json-file', proxies: { 'http-proxy': 'http://proxy:3128', 'https-proxy': 'http://proxy:3128', 'no-proxy': 'localhost,127.0.0.1' } };
  assert.deepEqual(errorsOf(dockerDaemon, good), []);
  assert.deepEqual(errorsOf(dockerDaemon, {}), []);
});

test('daemon.json schema: config.json keys and per-daemon objects are errors', () => {
  assert.deepEqual(errorsOf(dockerDaemon, { proxies: { httpProxy: 'http://proxy:3128', 'no-proxy': 'localhost' } }), [
    { instancePath: '/proxies', keyword: 'additionalProperties', params: { additionalProperty: 'httpProxy' } },
  ]);
  assert.deepEqual(errorsOf(dockerDaemon, { proxies: { default: { 'http-proxy': 'http://proxy:3128' } } }), [
    { instancePath: '/proxies', keyword: 'additionalProperties', params: { additionalProperty: 'default' } },
  ]);
  assert.deepEqual(errorsOf(dockerDaemon, { proxies: { 'https-proxy': 3128 } }), [{ instancePath: '/proxies/https-proxy', keyword: 'type', params: { type: 'string' } }]);
});

test('runner schema accepts both runner examples as TOML reads them, and rejects an environment entry without "="', () => {
  for (const path of ['examples/fixed/runner/config.toml', 'examples/broken/runner/config.toml']) {
    assert.deepEqual(errorsOf(runner, getStaticTOMLValue(parseTOML(readFileSync(path, 'utf8')))), [], path);
  }
  const config = getStaticTOMLValue(parseTOML('[[runners]]\n  name = "r"\n  environment = ["HTTP_PROXY=http://proxy:3128", "HTTPS_PROXY http://proxy:3128"]\n'));
  assert.deepEqual(errorsOf(runner, config), [{ instancePath: '/runners/0/environment/1', keyword: 'pattern', params: { pattern: '^[^=\\s]+=' } }]);
  const privileged = getStaticTOMLValue(parseTOML('[[runners]]\n  [runners.docker]\n    privileged = "true"\n'));
  assert.deepEqual(errorsOf(runner, privileged), [{ instancePath: '/runners/0/docker/privileged', keyword: 'type', params: { type: 'boolean' } }]);
});

test('every property of every schema has a description', () => {
  for (const path of ['schemas/docker-config.proxies.schema.json', 'schemas/docker-daemon.proxies.schema.json', 'schemas/gitlab-runner.proxies.schema.json']) {
    const missing: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.description !== 'string' || child.description === '') missing.push(`${where}.${name}`);
        visit(child, `${where}.${name}`);
      }
      visit(schema.items, `${where}[]`);
      for (const [name, definition] of Object.entries((schema.definitions ?? {}) as Record<string, unknown>)) visit(definition, `#${name}`);
    };
    visit(readJson(path), '');
    assert.deepEqual(missing, [], path);
  }
});

test('package.json contributes the Docker schemas with jsonValidation, config.json only under .docker/', () => {
  const pkg = readJson('package.json') as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
  const byUrl = new Map(pkg.contributes.jsonValidation.map((entry) => [entry.url, entry.fileMatch]));
  assert.deepEqual(byUrl.get('./schemas/docker-config.proxies.schema.json'), ['**/.docker/config.json']);
  assert.deepEqual(byUrl.get('./schemas/docker-daemon.proxies.schema.json'), ['daemon.json']);
  for (const url of byUrl.keys()) assert.doesNotThrow(() => readFileSync(url.replace(/^\.\//, ''), 'utf8'), url);
});
