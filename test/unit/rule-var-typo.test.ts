// var-typo on real text of each kind: finding, rename, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/engine/fixes';
import { lint } from '../../server/engine/lint';

const RULE = 'var-typo';

function findings(text: string, path: string) {
  return lint(text, path).findings.filter((f) => f.rule === RULE);
}

function fixFirst(text: string, path: string): string {
  const [finding] = findings(text, path);
  assert.ok(finding?.fix, `${RULE} has a fix`);
  return applyEdits(text, finding.fix.edits);
}

describe('var-typo', () => {
  test('compose list form: HTTPPROXY renamed to HTTP_PROXY, the value and neighbours untouched', () => {
    const text = 'services:\n  api:\n    environment:\n      - HTTPPROXY=http://proxy.corp.example:3128 # corp\n      - DEBUG=1\n';
    const [finding] = findings(text, 'compose.yml');
    assert.equal(finding.severity, 'warning');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'HTTPPROXY');
    assert.match(finding.message, /HTTPPROXY looks like a misspelling of HTTP_PROXY: no program reads HTTPPROXY/);
    const fixed = fixFirst(text, 'compose.yml');
    assert.equal(fixed, 'services:\n  api:\n    environment:\n      - HTTP_PROXY=http://proxy.corp.example:3128 # corp\n      - DEBUG=1\n');
    assert.deepEqual(findings(fixed, 'compose.yml'), []);
  });

  test('compose map form keeps the case: http.proxy → http_proxy, quoted key stays quoted', () => {
    const text = 'services:\n  api:\n    environment:\n      "http.proxy": http://proxy:3128\n      NO-PROXY: localhost\n';
    let fixed = fixFirst(text, 'compose.yml');
    fixed = fixFirst(fixed, 'compose.yml');
    assert.equal(fixed, 'services:\n  api:\n    environment:\n      "http_proxy": http://proxy:3128\n      NO_PROXY: localhost\n');
  });

  test('runner environment (TOML): NO_PROXIES → NO_PROXY', () => {
    const text = '[[runners]]\n  name = "r"\n  environment = ["HTTP_PROXY=http://proxy:3128", \'NO_PROXIES=localhost,.corp\']\n';
    assert.equal(fixFirst(text, 'config.toml'), '[[runners]]\n  name = "r"\n  environment = ["HTTP_PROXY=http://proxy:3128", \'NO_PROXY=localhost,.corp\']\n');
  });

  test('systemd word: REQUEST_CA_BUNDLE → REQUESTS_CA_BUNDLE, quoting and other words kept', () => {
    const text = '[Service]\nEnvironment="REQUEST_CA_BUNDLE=/etc/ssl/corp.pem" "NODE_EXTRA_CA_CERTS=/etc/ssl/corp.pem"\n';
    const [finding] = findings(text, '/etc/systemd/system/app.service');
    assert.match(finding.message, /Python requests reads REQUESTS_CA_BUNDLE/);
    assert.equal(fixFirst(text, '/etc/systemd/system/app.service'), '[Service]\nEnvironment="REQUESTS_CA_BUNDLE=/etc/ssl/corp.pem" "NODE_EXTRA_CA_CERTS=/etc/ssl/corp.pem"\n');
  });

  test('env file: SSL_CERTFILE and NODE_EXTRA_CA_CERT', () => {
    const text = 'export SSL_CERTFILE=/etc/ssl/certs/ca.pem\nNODE_EXTRA_CA_CERT="/etc/ssl/certs/ca.pem"\n';
    const fixed = fixFirst(fixFirst(text, 'proxy.env'), 'proxy.env');
    assert.equal(fixed, 'export SSL_CERT_FILE=/etc/ssl/certs/ca.pem\nNODE_EXTRA_CA_CERTS="/etc/ssl/certs/ca.pem"\n');
  });

  test('the correct name is already set: reported, but renaming would duplicate it, so no fix', () => {
    const text = 'services:\n  a:\n    environment:\n      - HTTP_PROXY=http://a:3128\n      - HTTP-PROXY=http://b:3128\n';
    const [finding] = findings(text, 'compose.yml');
    assert.equal(finding.fix, undefined);
    assert.match(finding.message, /which service "a" also sets/);
  });

  test('no false alarm on variables that merely resemble proxy names', () => {
    const text = 'services:\n  a:\n    environment:\n      GOPROXY: https://proxy.golang.org,direct\n      GONOPROXY: corp.example\n      PROXY_HOST: proxy\n      PROXY_PORT: "3128"\n      HTTP_PORT: "8080"\n      NPM_CONFIG_PROXY: http://proxy:3128\n      Http_Proxy: http://proxy:3128\n';
    assert.deepEqual(findings(text, 'compose.yml'), []);
  });

  test('Docker JSON keys are left to docker-json-keys', () => {
    assert.deepEqual(findings('{"proxies":{"default":{"http-proxy":"http://p:3128"}}}', 'config.json'), []);
  });
});
