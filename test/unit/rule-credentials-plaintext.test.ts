// credentials-plaintext on real text of every kind: where it points, what it suggests, and that it has no fix.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsOf, spanText } from '../support/ruleFindings';

const RULE = 'credentials-plaintext';

describe(RULE, () => {
  test('compose: points at the password, suggests ${PROXY_PASSWORD}, shows no password, offers no fix', () => {
    const text = 'services:\n  worker:\n    environment:\n      - HTTP_PROXY=http://svc-repo:S3cret@proxy:3128\n';
    const [finding] = findingsOf(text, 'docker-compose.yml', RULE);
    assert.equal(finding.severity, 'info');
    assert.equal(spanText(text, finding), 'S3cret');
    assert.equal(
      finding.message,
      'The proxy password in HTTP_PROXY of service "worker" is written in plain text: take it from the environment with interpolation (${PROXY_PASSWORD}, set in the shell or an untracked .env file), or point the clients at a local authenticating proxy such as CNTLM so no file holds the password.',
    );
    assert.equal(finding.fix, undefined);
  });

  test('systemd: suggests a root-only EnvironmentFile=; the span is the password as written (%% included)', () => {
    const text = '[Service]\nEnvironment="HTTPS_PROXY=http://svc:F%%40oBar@proxy:3128"\n';
    const [finding] = findingsOf(text, '/etc/systemd/system/docker.service.d/http-proxy.conf', RULE);
    assert.equal(spanText(text, finding), 'F%%40oBar');
    assert.match(finding.message, /in HTTPS_PROXY of \[Service\] of docker\.service is written in plain text: move the variable into a root-only EnvironmentFile= \(mode 0600\), or point the clients at a local authenticating proxy such as CNTLM/);
    assert.doesNotMatch(finding.message, /oBar/);
  });

  test('config.toml, config.json and daemon.json are reported too', () => {
    assert.equal(findingsOf('[[runners]]\n  environment = ["https_proxy=http://u:pw@p:3128"]\n', 'config.toml', RULE).length, 1);
    assert.equal(findingsOf('{"proxies":{"default":{"httpProxy":"http://u:pw@p:3128","httpsProxy":"http://u:pw@p:3128"}}}', 'config.json', RULE).length, 2);
    const [daemon] = findingsOf('{"proxies":{"http-proxy":"http://u:pw@p:3128"}}', 'daemon.json', RULE);
    assert.match(daemon.message, /keep the file root-only \(mode 0600\)/);
  });

  test('good files: interpolated password, no password, a user without password, NO_PROXY', () => {
    const compose = (value: string) => `services:\n  w:\n    environment:\n      - HTTP_PROXY=${value}\n`;
    assert.deepEqual(findingsOf(compose('http://svc:${PROXY_PASSWORD}@proxy:3128'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(compose('http://svc:$PROXY_PASSWORD@proxy:3128'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(compose('http://svc:${PROXY_PASSWORD:?set it}@proxy:3128'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(compose('http://proxy:3128'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(compose('http://svc@proxy:3128'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('services:\n  w:\n    environment:\n      - NO_PROXY=user:pw@host\n', 'compose.yml', RULE), []);
  });

  test('a default written into the file is a password in the file; outside compose ${...} is literal text', () => {
    assert.equal(findingsOf('services:\n  w:\n    environment:\n      - HTTP_PROXY=http://svc:${PROXY_PASSWORD:-S3cret}@proxy:3128\n', 'compose.yml', RULE).length, 1);
    assert.equal(findingsOf('[Service]\nEnvironment=HTTP_PROXY=http://svc:${PW}@proxy:3128\n', 'app.service', RULE).length, 1);
  });

  test('off through proxylint.rules; suppressed by the comment', () => {
    const text = 'services:\n  w:\n    environment:\n      - HTTP_PROXY=http://svc:pw@proxy:3128\n';
    assert.deepEqual(findingsOf(text, 'compose.yml', RULE, { rules: { [RULE]: 'off' } }), []);
    assert.equal(findingsOf(text, 'compose.yml', RULE, { rules: { [RULE]: 'hint' } })[0].severity, 'hint');
    assert.deepEqual(findingsOf(text.replace('      - HTTP', '      # proxylint-disable-next-line credentials-plaintext\n      - HTTP'), 'compose.yml', RULE), []);
  });
});

describe(`${RULE} in env files`, () => {
  test('an env file is where the password is meant to go: not flagged', () => {
    const text = 'HTTP_PROXY=http://svc:S3cret@proxy:3128\n';
    assert.deepEqual(findingsOf(text, '/etc/docker/proxy.env', RULE), []);
    // The same text is linted as an env file: another rule does report in it.
    assert.equal(findingsOf(text.replace('svc:S3cret', 'svc:S3c@ret'), '/etc/docker/proxy.env', 'credentials-unencoded').length, 1);
  });
});
