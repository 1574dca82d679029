// https-proxy-missing on real text of every kind; fix applied, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsOf, fixOnly, spanText } from '../support/ruleFindings';

const RULE = 'https-proxy-missing';

describe(RULE, () => {
  test('compose list form: an https twin after each http spelling; only undici falls back (f02)', () => {
    const text = 'services:\n  api:\n    environment:\n      - HTTP_PROXY=http://proxy:3128\n      - http_proxy=http://proxy:3128\n      - NO_PROXY=localhost\n';
    const [finding] = findingsOf(text, 'docker-compose.yml', RULE);
    assert.equal(finding.severity, 'warning');
    assert.equal(spanText(text, finding), 'HTTP_PROXY');
    assert.equal(
      finding.message,
      'HTTP_PROXY is set in service "api" but HTTPS_PROXY is not: https:// requests from curl, wget, Python requests, Python urllib, axios, Go and git go direct; only Node undici falls back to http_proxy.',
    );
    const fixed = fixOnly(text, 'docker-compose.yml', RULE);
    assert.equal(
      fixed,
      'services:\n  api:\n    environment:\n      - HTTP_PROXY=http://proxy:3128\n      - HTTPS_PROXY=http://proxy:3128\n      - http_proxy=http://proxy:3128\n      - https_proxy=http://proxy:3128\n      - NO_PROXY=localhost\n',
    );
    assert.deepEqual(findingsOf(fixed, 'docker-compose.yml', RULE), []);
  });

  test('config.toml: only the spelling the runner uses is added', () => {
    const text = '[[runners]]\n  name = "r"\n  environment = ["http_proxy=http://proxy:3128"]\n';
    const fixed = fixOnly(text, 'config.toml', RULE);
    assert.equal(fixed, '[[runners]]\n  name = "r"\n  environment = ["http_proxy=http://proxy:3128", "https_proxy=http://proxy:3128"]\n');
    assert.deepEqual(findingsOf(fixed, 'config.toml', RULE), []);
  });

  test('systemd drop-in of dockerd: Go goes direct for https', () => {
    const path = '/etc/systemd/system/docker.service.d/http-proxy.conf';
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128"\n';
    const [finding] = findingsOf(text, path, RULE);
    assert.equal(finding.message, 'HTTP_PROXY is set in [Service] of docker.service but HTTPS_PROXY is not: https:// requests from Go go direct.');
    const fixed = fixOnly(text, path, RULE);
    assert.equal(fixed, '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128" "HTTPS_PROXY=http://proxy:3128"\n');
    assert.deepEqual(findingsOf(fixed, path, RULE), []);
  });

  test('config.json: httpsProxy added after httpProxy', () => {
    const text = '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy:3128",\n      "noProxy": "localhost"\n    }\n  }\n}\n';
    const fixed = fixOnly(text, 'config.json', RULE);
    assert.equal(fixed, '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy:3128",\n      "httpsProxy": "http://proxy:3128",\n      "noProxy": "localhost"\n    }\n  }\n}\n');
    assert.deepEqual(findingsOf(fixed, 'config.json', RULE), []);
  });

  test('daemon.json: https-proxy added after http-proxy', () => {
    const text = '{ "proxies": { "http-proxy": "http://proxy:3128" } }\n';
    const [finding] = findingsOf(text, '/etc/docker/daemon.json', RULE);
    assert.match(finding.message, /^http-proxy is set in "proxies" of daemon.json but https-proxy is not: https:\/\/ requests from Go go direct\.$/);
    const fixed = fixOnly(text, '/etc/docker/daemon.json', RULE);
    assert.equal(fixed, '{ "proxies": { "http-proxy": "http://proxy:3128", "https-proxy": "http://proxy:3128" } }\n');
    assert.deepEqual(findingsOf(fixed, '/etc/docker/daemon.json', RULE), []);
  });

  test('good files: https set, https deliberately empty, no http proxy, https possibly in an EnvironmentFile', () => {
    assert.deepEqual(findingsOf('services:\n  a:\n    environment:\n      - HTTP_PROXY=http://p:3128\n      - https_proxy=http://p:3128\n', 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('services:\n  a:\n    environment:\n      - HTTP_PROXY=http://p:3128\n      - HTTPS_PROXY=\n', 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('services:\n  a:\n    environment:\n      - HTTP_PROXY=\n      - NO_PROXY=x\n', 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('[Service]\nEnvironmentFile=/etc/proxy.env\nEnvironment=HTTP_PROXY=http://p:3128\n', 'app.service', RULE), []);
  });
});
