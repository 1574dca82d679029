// Docker key tables and misspelled variable names (server/proxy/variables.ts, misspellings.ts, editDistance.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editDistance } from '../../server/proxy/editDistance';
import { misspellingOf } from '../../server/proxy/misspellings';
import { dockerKeyAccepted, dockerKeyFor, dockerKeysOf, settingOfAnyDockerSpelling, settingOfDockerKeyIn, squashName } from '../../server/proxy/variables';

describe('Docker JSON keys per file', () => {
  test('each file has its own spelling and set', () => {
    assert.deepEqual(dockerKeysOf('docker-client'), ['httpProxy', 'httpsProxy', 'noProxy', 'ftpProxy', 'allProxy']);
    assert.deepEqual(dockerKeysOf('docker-daemon'), ['http-proxy', 'https-proxy', 'no-proxy']);
    assert.equal(dockerKeyFor('no_proxy', 'docker-client'), 'noProxy');
    assert.equal(dockerKeyFor('no_proxy', 'docker-daemon'), 'no-proxy');
    assert.equal(dockerKeyFor('all_proxy', 'docker-daemon'), null);
  });

  test('config.json keys match without case (Go encoding/json), daemon.json keys exactly', () => {
    assert.equal(dockerKeyAccepted('HTTPProxy', 'docker-client'), true);
    assert.equal(dockerKeyAccepted('http-proxy', 'docker-client'), false);
    assert.equal(dockerKeyAccepted('http-proxy', 'docker-daemon'), true);
    assert.equal(dockerKeyAccepted('HTTP-PROXY', 'docker-daemon'), false);
    assert.equal(dockerKeyAccepted('httpProxy', 'docker-daemon'), false);
  });

  test('a key its file ignores sets nothing; any spelling still tells what was meant', () => {
    assert.equal(settingOfDockerKeyIn('httpsproxy', 'docker-client'), 'https_proxy');
    assert.equal(settingOfDockerKeyIn('https-proxy', 'docker-client'), null);
    assert.equal(settingOfDockerKeyIn('httpsProxy', 'docker-daemon'), null);
    assert.equal(settingOfAnyDockerSpelling('HTTPS_PROXY'), 'https_proxy');
    assert.equal(settingOfAnyDockerSpelling('no.proxy'), 'no_proxy');
    assert.equal(settingOfAnyDockerSpelling('proxy'), null);
    assert.equal(squashName('No-Proxy_x.y z'), 'noproxyxyz');
  });
});

describe('misspelled variable names', () => {
  const cases: [string, string][] = [
    ['HTTPPROXY', 'HTTP_PROXY'],
    ['HTTP-PROXY', 'HTTP_PROXY'],
    ['HTTP_PROXI', 'HTTP_PROXY'],
    ['HTTPSPROXY', 'HTTPS_PROXY'],
    ['NOPROXY', 'NO_PROXY'],
    ['NO-PROXY', 'NO_PROXY'],
    ['NO_PROXIES', 'NO_PROXY'],
    ['http.proxy', 'http_proxy'],
    ['httpproxy', 'http_proxy'],
    ['Https-Proxy', 'https_proxy'],
    ['HTPP_PROXY', 'HTTP_PROXY'],
    ['HTTP_PORXY', 'HTTP_PROXY'],
    ['HTTP_PROXY_', 'HTTP_PROXY'],
    ['REQUESTSCABUNDLE', 'REQUESTS_CA_BUNDLE'],
    ['REQUEST_CA_BUNDLE', 'REQUESTS_CA_BUNDLE'],
    ['requests_ca_bundel', 'REQUESTS_CA_BUNDLE'],
    ['SSL_CERTFILE', 'SSL_CERT_FILE'],
    ['NODE_EXTRA_CA_CERT', 'NODE_EXTRA_CA_CERTS'],
  ];
  for (const [written, correct] of cases) {
    test(`${written} → ${correct}`, () => assert.equal(misspellingOf(written)?.correct, correct));
  }

  test('real names, other variables and case-only differences are no misspelling', () => {
    const fine = [
      'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'FTP_PROXY', 'REQUESTS_CA_BUNDLE', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'NODE_EXTRA_CA_CERTS', 'CURL_CA_BUNDLE',
      // Other variables that look alike: Go's module proxy, ports, hosts, prefixed or extended names.
      'GOPROXY', 'GONOPROXY', 'GOPRIVATE', 'GO_PROXY', 'PROXY_HOST', 'PROXY_PORT', 'PROXY_URL', 'PROXY', 'HTTP_PORT', 'HTTPS_PORT', 'FTP_PORT', 'HTTP_PROXY_HOST', 'HTTP_PROXY_URL', 'NO_PROXY2', 'HTTP_PROXY_2',
      'NPM_CONFIG_PROXY', 'NPM_PROXY', 'YARN_PROXY', 'RSYNC_PROXY', 'SOCKS_PROXY', 'JAVA_PROXY', 'XHTTP_PROXY', 'MY_NO_PROXY', 'SSL_CERT_FILES', 'NODE_OPTIONS', 'DOCKER_HOST', 'DATABASE_URL',
      // Only the case differs: a question of case, not of spelling.
      'Http_Proxy', 'ssl_cert_file',
    ];
    assert.deepEqual(fine.filter((name) => misspellingOf(name) !== null), []);
  });

  test('edit distance counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('proxy', 'porxy'), 1);
    assert.equal(editDistance('httpport', 'httpproxy'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('same', 'same'), 0);
  });
});
