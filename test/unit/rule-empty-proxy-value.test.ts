// empty-proxy-value on real text: compose, config.toml, systemd; fix (remove) applied, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsOf, fixOnly, spanText } from '../support/ruleFindings';

const RULE = 'empty-proxy-value';

describe(RULE, () => {
  test('compose map form: empty http_proxy hides HTTP_PROXY from all but Go and axios (v16); the line goes', () => {
    const text = 'services:\n  api:\n    environment:\n      HTTP_PROXY: http://proxy:3128\n      http_proxy: ""\n      DEBUG: "1"\n';
    const [finding] = findingsOf(text, 'docker-compose.yml', RULE);
    assert.equal(finding.severity, 'warning');
    assert.equal(spanText(text, finding), 'http_proxy: ""');
    assert.equal(
      finding.message,
      'http_proxy is empty in service "api" while HTTP_PROXY is set: curl, wget, Python requests, Python urllib, Node undici and git use no proxy, while axios and Go use HTTP_PROXY.',
    );
    const fixed = fixOnly(text, 'docker-compose.yml', RULE);
    assert.equal(fixed, 'services:\n  api:\n    environment:\n      HTTP_PROXY: http://proxy:3128\n      DEBUG: "1"\n');
    assert.deepEqual(findingsOf(fixed, 'docker-compose.yml', RULE), []);
  });

  test('config.toml: an empty https_proxy; curl reads HTTPS_PROXY past it', () => {
    const text = '[[runners]]\n  name = "r"\n  environment = ["HTTPS_PROXY=http://proxy:3128", "https_proxy=", "CI=1"]\n';
    const [finding] = findingsOf(text, 'config.toml', RULE);
    assert.match(finding.message, /while curl, axios and Go use HTTPS_PROXY\.$/);
    const fixed = fixOnly(text, 'config.toml', RULE);
    assert.equal(fixed, '[[runners]]\n  name = "r"\n  environment = ["HTTPS_PROXY=http://proxy:3128", "CI=1"]\n');
    assert.deepEqual(findingsOf(fixed, 'config.toml', RULE), []);
  });

  test('systemd unit of an unknown program: the empty word is removed from the directive', () => {
    const path = '/etc/systemd/system/app.service.d/proxy.conf';
    const text = '[Service]\nEnvironment=HTTP_PROXY=http://proxy:3128 http_proxy=\n';
    const fixed = fixOnly(text, path, RULE);
    assert.equal(fixed, '[Service]\nEnvironment=HTTP_PROXY=http://proxy:3128\n');
    assert.deepEqual(findingsOf(fixed, path, RULE), []);
  });

  test('empty NO_PROXY list: says which clients then bypass no host', () => {
    const [finding] = findingsOf('services:\n  a:\n    environment:\n      - NO_PROXY=localhost\n      - no_proxy=\n', 'compose.yml', RULE);
    assert.match(finding.message, /bypass no host, while .* use NO_PROXY\.$/);
  });

  test('good files: a Go daemon skips empty values; empty uppercase; both empty; one spelling only', () => {
    assert.deepEqual(findingsOf('[Service]\nEnvironment=HTTP_PROXY=http://p:3128 http_proxy=\n', '/etc/systemd/system/docker.service.d/http-proxy.conf', RULE), []);
    assert.deepEqual(findingsOf('services:\n  a:\n    environment:\n      - HTTP_PROXY=\n      - http_proxy=http://p:3128\n', 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('services:\n  a:\n    environment:\n      - HTTP_PROXY=\n      - http_proxy=\n', 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('services:\n  a:\n    environment:\n      - http_proxy=\n', 'compose.yml', RULE), []);
  });
});
