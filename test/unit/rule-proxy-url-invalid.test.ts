// proxy-url-invalid on real text of every kind; fixes where unambiguous, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsOf, fixOnly, spanText } from '../support/ruleFindings';

const RULE = 'proxy-url-invalid';
const compose = (env: string) => `services:\n  api:\n    environment:\n${env}`;

describe(RULE, () => {
  test('compose: no scheme on a host name (p02) → http:// prepended, in map form', () => {
    const text = compose('      HTTP_PROXY: proxy.corp.example:3128\n      http_proxy: http://proxy.corp.example:3128\n');
    const [finding] = findingsOf(text, 'docker-compose.yml', RULE);
    assert.equal(finding.severity, 'error');
    assert.equal(spanText(text, finding), 'proxy.corp.example:3128');
    assert.equal(finding.message, 'HTTP_PROXY in service "api" has no scheme: Python requests and Node undici reject it, while the other clients read it as http://.');
    const fixed = fixOnly(text, 'docker-compose.yml', RULE);
    assert.equal(fixed, compose('      HTTP_PROXY: http://proxy.corp.example:3128\n      http_proxy: http://proxy.corp.example:3128\n'));
    assert.deepEqual(findingsOf(fixed, 'docker-compose.yml', RULE), []);
  });

  test('compose: no scheme on an IP (p01) fails only in undici; credentials are kept', () => {
    const text = compose('      - https_proxy=svc:pw@10.0.0.1:3128\n');
    const [finding] = findingsOf(text, 'compose.yml', RULE);
    assert.match(finding.message, /has no scheme: Node undici rejects it/);
    assert.equal(fixOnly(text, 'compose.yml', RULE), compose('      - https_proxy=http://svc:pw@10.0.0.1:3128\n'));
  });

  test('config.toml: blanks around the URL (p15) are trimmed; Go would silently go direct', () => {
    const text = '[[runners]]\n  name = "r"\n  environment = ["HTTPS_PROXY= http://proxy:3128", "https_proxy=http://proxy:3128"]\n';
    const [finding] = findingsOf(text, 'config.toml', RULE);
    assert.equal(finding.message, 'HTTPS_PROXY in runner "r" has blanks around the URL: curl, Python requests and Python urllib reject it and Go silently ignores the proxy and goes direct.');
    const fixed = fixOnly(text, 'config.toml', RULE);
    assert.equal(fixed, '[[runners]]\n  name = "r"\n  environment = ["HTTPS_PROXY=http://proxy:3128", "https_proxy=http://proxy:3128"]\n');
    assert.deepEqual(findingsOf(fixed, 'config.toml', RULE), []);
  });

  test('config.toml: no port, clients disagree on the default (p03); no automatic fix', () => {
    const text = '[[runners]]\n  name = "r"\n  environment = ["http_proxy=http://proxy.corp.example"]\n';
    const [finding] = findingsOf(text, 'config.toml', RULE);
    assert.equal(spanText(text, finding), 'proxy.corp.example');
    assert.equal(finding.message, 'http_proxy in runner "r" has no port, and clients disagree on the default: curl and git connect to 1080 and wget, Python requests, Python urllib, Node undici, axios and Go connect to 80.');
    assert.equal(finding.fix, undefined);
  });

  test('a fix is offered only when it leaves a URL without problems: rewrites chain, a missing port stops them', () => {
    const text = compose('      - http_proxy= proxy:3128\n');
    const [finding] = findingsOf(text, 'compose.yml', RULE);
    assert.match(finding.message, /has blanks around the URL/);
    const fixed = fixOnly(text, 'compose.yml', RULE);
    assert.equal(fixed, compose('      - http_proxy=http://proxy:3128\n'));
    assert.deepEqual(findingsOf(fixed, 'compose.yml', RULE), []);
    const [noPort] = findingsOf(compose('      - http_proxy=proxy.corp.example\n'), 'compose.yml', RULE);
    assert.match(noPort.message, /has no scheme/);
    assert.equal(noPort.fix, undefined, 'http://proxy.corp.example would still lack its port');
  });

  test('schemes, per the clients that read the variable (p05, p06, p08)', () => {
    const [socks] = findingsOf(compose('      - HTTP_PROXY=socks5://proxy:1080\n'), 'compose.yml', RULE);
    // curl and wget never read HTTP_PROXY (v02), so they are not named.
    assert.equal(socks.message, 'HTTP_PROXY in service "api" uses the scheme socks5://, which Python requests, Python urllib and axios cannot use for a proxy.');
    const [https] = findingsOf('{"proxies":{"default":{"httpsProxy":"https://proxy:3128"}}}', 'config.json', RULE);
    assert.match(https.message, /^httpsProxy in "proxies.default" of config.json uses the scheme https:\/\/, which wget cannot use for a proxy: most proxies expect http:\/\//);
    const path = '/etc/systemd/system/docker.service.d/http-proxy.conf';
    const text = '[Service]\nEnvironment="HTTPS_PROXY=socks5h://proxy:1080"\n';
    const [go] = findingsOf(text, path, RULE);
    assert.equal(spanText(text, go), 'socks5h');
    assert.equal(go.message, 'HTTPS_PROXY in [Service] of docker.service uses the scheme socks5h://, which Go cannot use for a proxy (Go 1.19, the version measured, reads it as a host name).');
    const [unknown] = findingsOf(compose('      - http_proxy=htp://proxy:3128\n'), 'compose.yml', RULE);
    assert.equal(unknown.message, 'http_proxy in service "api" uses the scheme htp://, which no measured client can use for a proxy (an HTTP proxy is written http://).');
  });

  test('no host, a bad port, a path', () => {
    const messages = ['http://:3128', 'http://proxy:31280000', 'http://proxy:3128/proxy.pac'].map(
      (value) => findingsOf(`{"proxies":{"http-proxy":"${value}"}}`, 'daemon.json', RULE)[0]?.message,
    );
    assert.deepEqual(messages, [
      'http-proxy in "proxies" of daemon.json has no proxy host.',
      'http-proxy in "proxies" of daemon.json has the port "31280000", which is not a number from 1 to 65535.',
      'http-proxy in "proxies" of daemon.json has a path, query or fragment after the host, which is no part of a proxy address (a proxy.pac URL names a PAC file, not a proxy).',
    ]);
  });

  test('good files: what every reader accepts, Go reading a bare host:port, interpolation, NO_PROXY', () => {
    assert.deepEqual(findingsOf(compose('      - HTTP_PROXY=http://proxy:3128/\n      - http_proxy=HTTP://u:p%40ss@[fd00::1]:3128\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf('[Service]\nEnvironment="HTTP_PROXY=proxy:3128" "HTTPS_PROXY=https://proxy:3128" "NO_PROXY=x"\n', 'docker.service', RULE), []);
    // Clients agree on the default port of an https:// proxy (443) and of socks5 (1080).
    assert.deepEqual(findingsOf('{"proxies":{"http-proxy":"https://proxy","https-proxy":"socks5://proxy"}}', 'daemon.json', RULE), []);
    assert.deepEqual(findingsOf(compose('      - HTTP_PROXY=http://${PROXY_HOST}:3128\n      - https_proxy=${HTTPS_PROXY}\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(compose('      - NO_PROXY=localhost:abc, *.x\n'), 'compose.yml', RULE), []);
    // Quotes are quoted-value's finding.
    assert.deepEqual(findingsOf(compose('      - http_proxy="proxy:3128"\n'), 'compose.yml', RULE), []);
  });
});
