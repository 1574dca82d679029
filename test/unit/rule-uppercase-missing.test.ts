// uppercase-missing on real text: compose, config.toml, systemd; fix applied, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsOf, fixOnly, spanText } from '../support/ruleFindings';

const RULE = 'uppercase-missing';
const APP_DROP_IN = '/etc/systemd/system/app.service.d/proxy.conf';

describe(RULE, () => {
  test('compose map form: HTTP_PROXY added after http_proxy, same quoting, then clean', () => {
    const text = 'services:\n  api:\n    environment:\n      http_proxy: "http://proxy.corp.example:3128"\n      DEBUG: "1"\n';
    const [finding] = findingsOf(text, 'docker-compose.yml', RULE);
    assert.equal(spanText(text, finding), 'http_proxy');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /^http_proxy is set without HTTP_PROXY in service "api": every measured client \(curl, wget, Python requests, Python urllib, Node undici, axios, Go and git\) reads http_proxy/);
    const fixed = fixOnly(text, 'docker-compose.yml', RULE);
    assert.equal(fixed, 'services:\n  api:\n    environment:\n      http_proxy: "http://proxy.corp.example:3128"\n      HTTP_PROXY: "http://proxy.corp.example:3128"\n      DEBUG: "1"\n');
    assert.deepEqual(findingsOf(fixed, 'docker-compose.yml', RULE), []);
  });

  test('compose list form: a passed-through variable gets a passed-through twin', () => {
    const text = 'services:\n  api:\n    environment:\n      - no_proxy\n';
    const fixed = fixOnly(text, 'compose.yaml', RULE);
    assert.equal(fixed, 'services:\n  api:\n    environment:\n      - no_proxy\n      - NO_PROXY\n');
    assert.deepEqual(findingsOf(fixed, 'compose.yaml', RULE), []);
  });

  test('config.toml: HTTPS_PROXY added on its own line of the multi-line array', () => {
    const text = '[[runners]]\n  name = "r"\n  environment = [\n    "https_proxy=http://proxy:3128",\n    "HTTP_PROXY=http://proxy:3128",\n    "http_proxy=http://proxy:3128",\n  ]\n';
    const fixed = fixOnly(text, 'config.toml', RULE);
    assert.equal(fixed, text.replace('    "https_proxy=http://proxy:3128",\n', '    "https_proxy=http://proxy:3128",\n    "HTTPS_PROXY=http://proxy:3128",\n'));
    assert.deepEqual(findingsOf(fixed, 'config.toml', RULE), []);
  });

  test('systemd unit of an unknown program: NO_PROXY added in the same directive', () => {
    const text = '[Service]\nEnvironment=no_proxy=localhost,127.0.0.1\n';
    const fixed = fixOnly(text, APP_DROP_IN, RULE);
    assert.equal(fixed, '[Service]\nEnvironment=no_proxy=localhost,127.0.0.1 NO_PROXY=localhost,127.0.0.1\n');
    assert.deepEqual(findingsOf(fixed, APP_DROP_IN, RULE), []);
  });

  test('good files: both spellings; a Go daemon; Docker JSON keys; a twin possibly in an env_file', () => {
    assert.deepEqual(findingsOf('services:\n  a:\n    environment:\n      - http_proxy=http://p:3128\n      - HTTP_PROXY=http://p:3128\n', 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('[Service]\nEnvironment=http_proxy=http://p:3128\n', '/etc/systemd/system/docker.service.d/http-proxy.conf', RULE), []);
    assert.deepEqual(findingsOf('{"proxies":{"default":{"httpProxy":"http://p:3128"}}}', 'config.json', RULE), []);
    assert.deepEqual(findingsOf('services:\n  a:\n    env_file: proxy.env\n    environment:\n      - http_proxy=http://p:3128\n', 'compose.yml', RULE), []);
  });

  test('the message never shows the password', () => {
    const [finding] = findingsOf('services:\n  a:\n    environment:\n      - http_proxy=http://u:S3cret@p:3128\n', 'compose.yml', RULE);
    assert.doesNotMatch(finding.message, /S3cret/);
  });

  test('suppressed by the comment on the line before, and off through proxylint.rules', () => {
    const text = 'services:\n  a:\n    environment:\n      # proxylint-disable-next-line uppercase-missing\n      - http_proxy=http://p:3128\n';
    assert.deepEqual(findingsOf(text, 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('services:\n  a:\n    environment:\n      - http_proxy=http://p:3128\n', 'compose.yml', RULE, { rules: { [RULE]: 'off' } }), []);
  });
});
