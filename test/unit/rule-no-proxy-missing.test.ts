// no-proxy-missing on real text: compose, config.toml, systemd, config.json; fix applied, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsOf, fixOnly, spanText } from '../support/ruleFindings';

const RULE = 'no-proxy-missing';

describe(RULE, () => {
  test('compose map form: both spellings with localhost,127.0.0.1 after the last proxy variable', () => {
    const text = 'services:\n  api:\n    environment:\n      HTTP_PROXY: http://proxy:3128\n      HTTPS_PROXY: http://proxy:3128\n      DEBUG: "1"\n';
    const [finding] = findingsOf(text, 'docker-compose.yml', RULE);
    assert.equal(finding.severity, 'warning');
    assert.equal(spanText(text, finding), 'HTTP_PROXY');
    assert.equal(
      finding.message,
      'service "api" sets a proxy but no NO_PROXY: curl, wget, Python requests, Python urllib, Node undici, axios and git send requests for localhost and 127.0.0.1 to the proxy too (only Go bypasses loopback on its own).',
    );
    const fixed = fixOnly(text, 'docker-compose.yml', RULE);
    assert.equal(
      fixed,
      'services:\n  api:\n    environment:\n      HTTP_PROXY: http://proxy:3128\n      HTTPS_PROXY: http://proxy:3128\n      NO_PROXY: localhost,127.0.0.1\n      no_proxy: localhost,127.0.0.1\n      DEBUG: "1"\n',
    );
    assert.deepEqual(findingsOf(fixed, 'docker-compose.yml', RULE), []);
  });

  test('config.toml', () => {
    const text = '[[runners]]\n  name = "r"\n  environment = ["HTTPS_PROXY=http://proxy:3128"]\n';
    const fixed = fixOnly(text, 'config.toml', RULE);
    assert.equal(fixed, '[[runners]]\n  name = "r"\n  environment = ["HTTPS_PROXY=http://proxy:3128", "NO_PROXY=localhost,127.0.0.1", "no_proxy=localhost,127.0.0.1"]\n');
    assert.deepEqual(findingsOf(fixed, 'config.toml', RULE), []);
  });

  test('systemd unit of an unknown program', () => {
    const path = '/etc/systemd/system/app.service.d/proxy.conf';
    const text = '[Service]\nEnvironment="http_proxy=http://proxy:3128"\n';
    const fixed = fixOnly(text, path, RULE);
    assert.equal(fixed, '[Service]\nEnvironment="http_proxy=http://proxy:3128" "NO_PROXY=localhost,127.0.0.1" "no_proxy=localhost,127.0.0.1"\n');
    assert.deepEqual(findingsOf(fixed, path, RULE), []);
  });

  test('config.json: the containers the CLI starts get it as noProxy', () => {
    const text = '{"proxies":{"default":{"httpProxy":"http://proxy:3128","httpsProxy":"http://proxy:3128"}}}';
    const fixed = fixOnly(text, 'config.json', RULE);
    assert.equal(fixed, '{"proxies":{"default":{"httpProxy":"http://proxy:3128","httpsProxy":"http://proxy:3128", "noProxy": "localhost,127.0.0.1"}}}');
    assert.deepEqual(findingsOf(fixed, 'config.json', RULE), []);
  });

  test('good files: NO_PROXY in either spelling; Go-only readers; dind (dind-no-proxy reports it); no proxy; an env_file', () => {
    assert.deepEqual(findingsOf('services:\n  a:\n    environment:\n      - HTTP_PROXY=http://p:3128\n      - no_proxy=localhost\n', 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('[Service]\nEnvironment=HTTP_PROXY=http://p:3128\n', '/etc/systemd/system/docker.service.d/http-proxy.conf', RULE), []);
    assert.deepEqual(findingsOf('{"proxies":{"http-proxy":"http://p:3128"}}', '/etc/docker/daemon.json', RULE), []);
    const dind = 'services:\n  ci:\n    environment:\n      HTTP_PROXY: http://p:3128\n      DOCKER_HOST: tcp://docker:2375\n';
    assert.deepEqual(findingsOf(dind, 'compose.yml', RULE), []);
    assert.equal(findingsOf(dind, 'compose.yml', 'dind-no-proxy').length, 1);
    assert.deepEqual(findingsOf('services:\n  a:\n    environment:\n      - HTTP_PROXY=\n      - DEBUG=1\n', 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('services:\n  a:\n    env_file: .env\n    environment:\n      - HTTP_PROXY=http://p:3128\n', 'compose.yml', RULE), []);
  });
});
