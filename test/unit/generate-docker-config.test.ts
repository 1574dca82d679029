import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse, type ParseError } from 'jsonc-parser';
import { generateDockerConfig, mergeDockerConfig, newDockerConfig } from '../../server/generators/dockerConfig';
import type { ProxyInput } from '../../server/generators/types';
import { applyChecked, assertLintsClean, assertOnlyInsertions, assertOriginalKept, decodedPassword, NASTY_PASSWORD } from '../support/generated';

const PROXY: ProxyInput = { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc-build', password: 'F@oBar!', noProxy: ['.corp.example'] };
const URL = 'http://svc-build:F%40oBar%21@proxy.corp.example:3128';

/** What the docker CLI reads: strict JSON. */
function strictJson(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  assert.deepEqual(errors, [], text);
  return value as Record<string, unknown>;
}

test('a new config.json, tab-indented like the docker CLI writes it', () => {
  const { text, path } = newDockerConfig(PROXY);
  assert.equal(
    text,
    `{\n\t"proxies": {\n\t\t"default": {\n\t\t\t"httpProxy": "${URL}",\n\t\t\t"httpsProxy": "${URL}",\n\t\t\t"noProxy": "localhost,127.0.0.1,.corp.example"\n\t\t}\n\t}\n}\n`,
  );
  assert.equal(path, '~/.docker/config.json');
  assertLintsClean(text, '/home/dev/.docker/config.json', 'docker-client');
  assert.deepEqual(generateDockerConfig('  \n', PROXY), newDockerConfig(PROXY));
});

test('merged into a config.json without proxies: every other key and its formatting kept', () => {
  const original = '{\n    "auths": {\n        "registry.corp.example": {}\n    },\n    "credsStore": "desktop"\n}\n';
  const { edits } = mergeDockerConfig(original, PROXY);
  assertOnlyInsertions(original, edits);
  const result = applyChecked(original, edits);
  assert.equal(
    result,
    `{\n    "auths": {\n        "registry.corp.example": {}\n    },\n    "credsStore": "desktop",\n    "proxies": {\n        "default": {\n            "httpProxy": "${URL}",\n            "httpsProxy": "${URL}",\n            "noProxy": "localhost,127.0.0.1,.corp.example"\n        }\n    }\n}\n`,
  );
  assertOriginalKept(original, result);
  assertLintsClean(result, 'config.json', 'docker-client');
});

test('broken example: present keys get the new value in place, the other keys of proxies.default stay', () => {
  const original = readFileSync('examples/broken/docker/config.json', 'utf8');
  const result = applyChecked(original, mergeDockerConfig(original, PROXY).edits);
  assert.deepEqual(strictJson(result), {
    ...strictJson(original),
    proxies: { default: { httpProxy: URL, httpsProxy: URL, noProxy: 'localhost,127.0.0.1,.corp.example' } },
  });
  assertLintsClean(result, 'config.json', 'docker-client');
});

test('proxies.default with some keys: replaced where they stand, missing ones appended after the last property', () => {
  const original = '{\n\t"proxies": {\n\t\t"default": {\n\t\t\t"httpProxy": "http://old:1",\n\t\t\t"ftpProxy": "http://ftp:21"\n\t\t},\n\t\t"tcp://docker:2376": {}\n\t}\n}';
  const { edits } = mergeDockerConfig(original, PROXY);
  const result = applyChecked(original, edits);
  assert.equal(
    result,
    `{\n\t"proxies": {\n\t\t"default": {\n\t\t\t"httpProxy": "${URL}",\n\t\t\t"ftpProxy": "http://ftp:21",\n\t\t\t"httpsProxy": "${URL}",\n\t\t\t"noProxy": "localhost,127.0.0.1,.corp.example"\n\t\t},\n\t\t"tcp://docker:2376": {}\n\t}\n}`,
  );
  assert.equal(edits.length, 2, 'one edit inside the old value, one insertion');
  assert.ok(edits[0].start > original.indexOf('http://old:1') - 1 && edits[0].end <= original.indexOf('http://old:1') + 'http://old:1'.length);
});

test('proxies present without default: default is added next to the other daemons', () => {
  const original = '{\n  "proxies": {\n    "tcp://docker:2376": {\n      "noProxy": "*"\n    }\n  }\n}\n';
  const { edits } = mergeDockerConfig(original, { proxyUrl: 'http://proxy:3128', noProxy: [] });
  assertOnlyInsertions(original, edits);
  assert.deepEqual(strictJson(applyChecked(original, edits)), {
    proxies: { 'tcp://docker:2376': { noProxy: '*' }, default: { httpProxy: 'http://proxy:3128', httpsProxy: 'http://proxy:3128', noProxy: 'localhost,127.0.0.1' } },
  });
});

test('a config.json that does not parse, or holds no object, is refused', () => {
  assert.throws(() => mergeDockerConfig('{ "auths": {}, }', PROXY), /config\.json does not parse/);
  assert.throws(() => mergeDockerConfig('[]', PROXY), /must hold a JSON object/);
  assert.throws(() => mergeDockerConfig('{"proxies": "x"}', PROXY), /"proxies" in config\.json is not an object/);
});

test('property: any password and indentation: insert-only, strict JSON, round-trips, other keys kept', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.constant(NASTY_PASSWORD), fc.string({ unit: 'binary', minLength: 1, maxLength: 24 })),
      fc.constantFrom('\t', '  ', '    '),
      fc.constantFrom('\n', '\r\n'),
      (password, indent, eol) => {
        const original = `{${eol}${indent}"auths": {${eol}${indent}${indent}"registry.corp.example": {}${eol}${indent}},${eol}${indent}"detachKeys": "ctrl-e,e"${eol}}${eol}`;
        const { edits } = mergeDockerConfig(original, { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password, noProxy: [] });
        assertOnlyInsertions(original, edits);
        const result = applyChecked(original, edits);
        assertOriginalKept(original, result);
        if (eol === '\r\n') assert.ok(!result.replace(/\r\n/g, '').includes('\n'), 'no stray LF in a CRLF file');
        const config = strictJson(result) as { proxies: { default: { httpProxy: string } }; detachKeys: string };
        assert.equal(decodedPassword(config.proxies.default.httpProxy), password);
        assert.equal(config.detachKeys, 'ctrl-e,e');
        assertLintsClean(result, 'config.json', 'docker-client');
        assert.deepEqual(mergeDockerConfig(result, { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password, noProxy: [] }).edits, [], 'a second run changes nothing');
      },
    ),
    { numRuns: 150 },
  );
});
