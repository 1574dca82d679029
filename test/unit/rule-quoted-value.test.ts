// quoted-value on real text of every kind; fix applied, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stripQuotes } from '../../server/rules/quotedValue';
import { findingsOf, fixOnly, spanText } from '../support/ruleFindings';

const RULE = 'quoted-value';

describe(RULE, () => {
  test('compose list form: the quotes are part of the value (p12); stripped', () => {
    const text = 'services:\n  api:\n    environment:\n      - HTTP_PROXY="http://proxy:3128"\n';
    const [finding] = findingsOf(text, 'docker-compose.yml', RULE);
    assert.equal(finding.severity, 'error');
    assert.equal(spanText(text, finding), '"http://proxy:3128"');
    assert.equal(
      finding.message,
      'The value of HTTP_PROXY in service "api" includes its quotes: every measured client fails to use that proxy (curl, wget and git reject the URL, Go and Python look up a host named like the quote).',
    );
    const fixed = fixOnly(text, 'docker-compose.yml', RULE);
    assert.equal(fixed, 'services:\n  api:\n    environment:\n      - HTTP_PROXY=http://proxy:3128\n');
    assert.deepEqual(findingsOf(fixed, 'docker-compose.yml', RULE), []);
  });

  test('compose map form: YAML quotes are syntax, quotes inside them are not', () => {
    assert.deepEqual(findingsOf('services:\n  api:\n    environment:\n      HTTP_PROXY: "http://proxy:3128"\n', 'compose.yml', RULE), []);
    const text = 'services:\n  api:\n    environment:\n      NO_PROXY: \'"localhost,127.0.0.1"\'\n';
    const [finding] = findingsOf(text, 'compose.yml', RULE);
    assert.match(finding.message, /NO_PROXY entries at its ends carry the quote characters/);
    const fixed = fixOnly(text, 'compose.yml', RULE);
    assert.equal(fixed, "services:\n  api:\n    environment:\n      NO_PROXY: 'localhost,127.0.0.1'\n");
    assert.deepEqual(findingsOf(fixed, 'compose.yml', RULE), []);
  });

  test('config.toml: single quotes inside a basic string (p13)', () => {
    const text = '[[runners]]\n  environment = ["HTTP_PROXY=\'http://proxy:3128\'", "CI=1"]\n';
    const fixed = fixOnly(text, 'config.toml', RULE);
    assert.equal(fixed, '[[runners]]\n  environment = ["HTTP_PROXY=http://proxy:3128", "CI=1"]\n');
    assert.deepEqual(findingsOf(fixed, 'config.toml', RULE), []);
  });

  test('config.json: escaped quotes inside the JSON string', () => {
    const text = '{"proxies":{"default":{"httpProxy":"\\"http://proxy:3128\\""}}}';
    const fixed = fixOnly(text, 'config.json', RULE);
    assert.equal(fixed, '{"proxies":{"default":{"httpProxy":"http://proxy:3128"}}}');
    assert.deepEqual(findingsOf(fixed, 'config.json', RULE), []);
  });

  test('systemd: quotes systemd removes are fine; quotes nested inside a quoted word are not', () => {
    const path = '/etc/systemd/system/app.service.d/proxy.conf';
    assert.deepEqual(findingsOf('[Service]\nEnvironment="HTTP_PROXY=http://p:3128" HTTPS_PROXY="http://p:3128"\n', path, RULE), []);
    const text = '[Service]\nEnvironment="NO_PROXY=\'localhost,.corp.example\'"\n';
    const fixed = fixOnly(text, path, RULE);
    assert.equal(fixed, '[Service]\nEnvironment="NO_PROXY=localhost,.corp.example"\n');
    assert.deepEqual(findingsOf(fixed, path, RULE), []);
  });

  test('stripQuotes: a pair, a lone quote, blanks outside; quoted list entries are left to no-proxy-entry', () => {
    assert.equal(stripQuotes('"http://p:3128"'), 'http://p:3128');
    assert.equal(stripQuotes(" 'http://p:3128' "), 'http://p:3128');
    assert.equal(stripQuotes('"http://p:3128'), 'http://p:3128');
    assert.equal(stripQuotes('http://p:3128\''), 'http://p:3128');
    assert.equal(stripQuotes('"a","b"'), null);
    assert.equal(stripQuotes('a,"b",c'), null);
    assert.equal(stripQuotes('http://p:3128'), null);
  });
});
