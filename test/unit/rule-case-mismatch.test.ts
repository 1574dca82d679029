// case-mismatch on real text: compose, config.toml, systemd (Go daemon); fix applied, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsOf, fixOnly, spanText } from '../support/ruleFindings';

const RULE = 'case-mismatch';

describe(RULE, () => {
  test('compose list form: says which clients get which proxy, masks the password, copies lower onto UPPER', () => {
    const text = 'services:\n  api:\n    environment:\n      - HTTP_PROXY=http://proxy-b:3128\n      - http_proxy=http://svc:S3cret@proxy-a:3128\n';
    const [finding] = findingsOf(text, 'docker-compose.yml', RULE);
    assert.equal(finding.severity, 'error');
    assert.equal(spanText(text, finding), 'http://proxy-b:3128');
    assert.equal(
      finding.message,
      'HTTP_PROXY and http_proxy differ in service "api": Go uses HTTP_PROXY (http://proxy-b:3128), while curl, wget, Python requests, Python urllib, Node undici, axios and git use http_proxy (http://svc:****@proxy-a:3128).',
    );
    assert.equal(finding.related?.[0].message, 'http_proxy is set here.');
    const fixed = fixOnly(text, 'docker-compose.yml', RULE);
    assert.equal(fixed, 'services:\n  api:\n    environment:\n      - HTTP_PROXY=http://svc:S3cret@proxy-a:3128\n      - http_proxy=http://svc:S3cret@proxy-a:3128\n');
    assert.deepEqual(findingsOf(fixed, 'docker-compose.yml', RULE), []);
  });

  test('config.toml: two NO_PROXY lists, Go reads the uppercase one (v14/v15)', () => {
    const text = '[[runners]]\n  name = "r"\n  environment = ["NO_PROXY=localhost", "no_proxy=localhost,.corp.example"]\n';
    const [finding] = findingsOf(text, 'config.toml', RULE);
    assert.match(finding.message, /^NO_PROXY and no_proxy differ in runner "r": Go uses NO_PROXY \(localhost\), while curl, wget, Python requests, Python urllib, Node undici, axios and git use no_proxy \(localhost,\.corp\.example\)\.$/);
    const fixed = fixOnly(text, 'config.toml', RULE);
    assert.equal(fixed, '[[runners]]\n  name = "r"\n  environment = ["NO_PROXY=localhost,.corp.example", "no_proxy=localhost,.corp.example"]\n');
    assert.deepEqual(findingsOf(fixed, 'config.toml', RULE), []);
  });

  test('systemd drop-in of a Go daemon: the lowercase value is simply ignored', () => {
    const path = '/etc/systemd/system/docker.service.d/http-proxy.conf';
    const text = '[Service]\nEnvironment="HTTPS_PROXY=http://old-proxy:3128" "https_proxy=http://proxy:3128"\n';
    const [finding] = findingsOf(text, path, RULE);
    assert.equal(finding.message, 'HTTPS_PROXY and https_proxy differ in [Service] of docker.service: Go uses HTTPS_PROXY (http://old-proxy:3128), while https_proxy (http://proxy:3128) is ignored.');
    const fixed = fixOnly(text, path, RULE);
    assert.equal(fixed, '[Service]\nEnvironment="HTTPS_PROXY=http://proxy:3128" "https_proxy=http://proxy:3128"\n');
    assert.deepEqual(findingsOf(fixed, path, RULE), []);
  });

  test('good files: equal values, one spelling, compose interpolation, host-supplied and empty values', () => {
    const compose = (env: string) => `services:\n  a:\n    environment:\n${env}`;
    assert.deepEqual(findingsOf(compose('      HTTP_PROXY: http://p:3128\n      http_proxy: "http://p:3128"\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(compose('      HTTP_PROXY: ${HTTP_PROXY}\n      http_proxy: ${http_proxy}\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(compose('      - HTTP_PROXY\n      - http_proxy=http://p:3128\n'), 'compose.yml', RULE), []);
    // An empty spelling is empty-proxy-value's finding, not this one.
    assert.deepEqual(findingsOf(compose('      - HTTP_PROXY=http://p:3128\n      - http_proxy=\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('{"proxies":{"default":{"httpProxy":"http://a:1","noProxy":"x"}}}', 'config.json', RULE), []);
  });
});
