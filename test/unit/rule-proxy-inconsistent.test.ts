// proxy-inconsistent: files of one setup compared with each other (engine/workspace.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocumentOfKind } from '../../server/documents';
import { detectFileKind } from '../../server/documents/detect';
import type { LintOptions } from '../../server/engine/lint';
import { checkWorkspace, type WorkspaceFile } from '../../server/engine/workspace';

function file(path: string, text: string, options?: LintOptions): WorkspaceFile {
  const kind = detectFileKind(path, text);
  assert.ok(kind, `${path} is a known kind`);
  return { id: path, displayName: path, model: parseDocumentOfKind(kind, text, path), options };
}

const DROP_IN = 'docker.service.d/http-proxy.conf';
const dropIn = (proxy: string, noProxy = 'localhost,127.0.0.1,.corp.example') =>
  file(DROP_IN, `[Service]\nEnvironment="HTTP_PROXY=${proxy}"\nEnvironment="HTTPS_PROXY=${proxy}"\nEnvironment="NO_PROXY=${noProxy}"\n`);
const clientConfig = (proxy: string, noProxy = 'localhost,127.0.0.1,.corp.example') =>
  file('config.json', `{\n  "proxies": {\n    "default": {\n      "httpProxy": "${proxy}",\n      "httpsProxy": "${proxy}",\n      "noProxy": "${noProxy}"\n    }\n  }\n}\n`);

/** The text a span covers, to assert on what a finding points at. */
function at(f: WorkspaceFile, span: { start: number; end: number }): string {
  return f.model.text.slice(span.start, span.end);
}

describe('proxy-inconsistent: proxies', () => {
  test('the daemon drop-in says :3128, config.json says :8080: both files are reported, each pointing at the other', () => {
    const daemon = dropIn('http://proxy.corp.example:3128');
    const client = clientConfig('http://proxy.corp.example:8080');
    const findings = checkWorkspace([daemon, client]);
    assert.deepEqual(
      findings.map((f) => ({ file: f.file, text: at(f.file === DROP_IN ? daemon : client, f.span), message: f.message, related: f.related.map((r) => ({ file: r.file, text: at(r.file === DROP_IN ? daemon : client, r.span), message: r.message })) })),
      [
        {
          file: DROP_IN,
          text: '"HTTP_PROXY=http://proxy.corp.example:3128"',
          message: 'HTTP_PROXY points at http://proxy.corp.example:3128 here, but config.json sets httpProxy to http://proxy.corp.example:8080.',
          related: [{ file: 'config.json', text: '"httpProxy": "http://proxy.corp.example:8080"', message: 'httpProxy points at http://proxy.corp.example:8080 here.' }],
        },
        {
          file: DROP_IN,
          text: '"HTTPS_PROXY=http://proxy.corp.example:3128"',
          message: 'HTTPS_PROXY points at http://proxy.corp.example:3128 here, but config.json sets httpsProxy to http://proxy.corp.example:8080.',
          related: [{ file: 'config.json', text: '"httpsProxy": "http://proxy.corp.example:8080"', message: 'httpsProxy points at http://proxy.corp.example:8080 here.' }],
        },
        {
          file: 'config.json',
          text: '"httpProxy": "http://proxy.corp.example:8080"',
          message: `httpProxy points at http://proxy.corp.example:8080 here, but ${DROP_IN} sets HTTP_PROXY to http://proxy.corp.example:3128.`,
          related: [{ file: DROP_IN, text: '"HTTP_PROXY=http://proxy.corp.example:3128"', message: 'HTTP_PROXY points at http://proxy.corp.example:3128 here.' }],
        },
        {
          file: 'config.json',
          text: '"httpsProxy": "http://proxy.corp.example:8080"',
          message: `httpsProxy points at http://proxy.corp.example:8080 here, but ${DROP_IN} sets HTTPS_PROXY to http://proxy.corp.example:3128.`,
          related: [{ file: DROP_IN, text: '"HTTPS_PROXY=http://proxy.corp.example:3128"', message: 'HTTPS_PROXY points at http://proxy.corp.example:3128 here.' }],
        },
      ],
    );
    assert.ok(findings.every((f) => f.severity === 'warning' && f.rule === 'proxy-inconsistent'));
  });

  test('different credentials for the same proxy are consistent, and passwords never reach a message', () => {
    const findings = checkWorkspace([dropIn('http://svc-docker:S3cr%40t@proxy.corp.example:3128'), clientConfig('http://svc-build:0ther@proxy.corp.example:3128')]);
    assert.deepEqual(findings, []);
    const differing = checkWorkspace([dropIn('http://svc-docker:S3cr%40t@proxy.corp.example:3128'), clientConfig('http://svc-build:0ther@proxy.corp.example:8080')]);
    assert.equal(differing.length, 4);
    for (const f of differing) {
      assert.doesNotMatch(JSON.stringify(f), /S3cr|0ther|svc-/, 'endpoints are compared and shown without userinfo');
    }
  });

  test('scheme and host case do not matter, a missing scheme is http; a missing port differs from :80 (curl uses 1080)', () => {
    assert.deepEqual(checkWorkspace([dropIn('HTTP://Proxy.Corp.Example:3128'), clientConfig('proxy.corp.example:3128')]), []);
    assert.equal(checkWorkspace([dropIn('http://proxy.corp.example'), clientConfig('http://proxy.corp.example:80')]).length, 4);
  });

  test('values whose host comes from interpolation are not compared', () => {
    const compose = file('docker-compose.yml', 'services:\n  a:\n    environment:\n      HTTP_PROXY: http://${PROXY_HOST}:3128\n      http_proxy: http://${PROXY_HOST}:3128\n');
    assert.deepEqual(checkWorkspace([compose, dropIn('http://proxy.corp.example:3128')]), []);
  });

  test('one file alone, or files that set different variables, are never inconsistent', () => {
    assert.deepEqual(checkWorkspace([dropIn('http://proxy.corp.example:3128')]), []);
    const onlyHttps = file('config.json', '{"proxies":{"default":{"httpsProxy":"http://other:8080"}}}');
    const onlyHttp = file('daemon.json', '{"proxies":{"http-proxy":"http://proxy:3128"}}');
    assert.deepEqual(checkWorkspace([onlyHttps, onlyHttp]), []);
  });

  test('a file that uses both proxies agrees with each; only the odd one out is reported', () => {
    const compose = file(
      'docker-compose.yml',
      'services:\n  a:\n    environment:\n      HTTP_PROXY: http://proxy:3128\n      http_proxy: http://proxy:3128\n  b:\n    environment:\n      HTTP_PROXY: http://other:8080\n      http_proxy: http://other:8080\n',
    );
    const daemon = file('daemon.json', '{"proxies":{"http-proxy":"http://proxy:3128"}}');
    const findings = checkWorkspace([compose, daemon]);
    assert.deepEqual(
      findings.map((f) => [f.file, at(compose, f.span)]),
      [
        ['docker-compose.yml', 'HTTP_PROXY: http://other:8080'],
        ['docker-compose.yml', 'http_proxy: http://other:8080'],
      ],
    );
  });
});

describe('proxy-inconsistent: NO_PROXY', () => {
  const proxy = 'http://proxy.corp.example:3128';

  test('different internal domains: each list is reported with the entries it lacks', () => {
    const daemon = dropIn(proxy, 'localhost,127.0.0.1,.corp.example');
    const client = clientConfig(proxy, 'localhost,127.0.0.1,.lab.example,10.0.0.0/8');
    const findings = checkWorkspace([daemon, client]);
    assert.deepEqual(
      findings.map((f) => [f.file, f.message, f.related[0].file, at(f.related[0].file === DROP_IN ? daemon : client, f.related[0].span)]),
      [
        [
          DROP_IN,
          'NO_PROXY here does not bypass .lab.example, 10.0.0.0/8, which config.json bypasses in noProxy: the same hosts go through the proxy from one file and direct from the other.',
          'config.json',
          '"noProxy": "localhost,127.0.0.1,.lab.example,10.0.0.0/8"',
        ],
        [
          'config.json',
          `noProxy here does not bypass .corp.example, which ${DROP_IN} bypasses in NO_PROXY: the same hosts go through the proxy from one file and direct from the other.`,
          DROP_IN,
          '"NO_PROXY=localhost,127.0.0.1,.corp.example"',
        ],
      ],
    );
  });

  test('a narrower list is not a disagreement: registry.corp.example inside .corp.example, 10.1.2.3 inside 10.0.0.0/8', () => {
    assert.deepEqual(checkWorkspace([dropIn(proxy, 'localhost,registry.corp.example,10.1.2.3'), clientConfig(proxy, 'localhost,.corp.example,10.0.0.0/8')]), []);
    assert.deepEqual(checkWorkspace([dropIn(proxy, '*.corp.example'), clientConfig(proxy, 'corp.example')]), []);
  });

  test('local names, loopback and ports do not take part: compose service names, docker:2375, localhost, 127.0.0.1, ::1', () => {
    const compose = file(
      'docker-compose.yml',
      'services:\n  api:\n    environment:\n      NO_PROXY: localhost,127.0.0.1,::1,api,worker,docker:2375,host.docker.internal\n      no_proxy: localhost,127.0.0.1,::1,api,worker,docker:2375,host.docker.internal\n',
    );
    assert.deepEqual(checkWorkspace([compose, dropIn(proxy, 'localhost,.corp.example')]), []);
  });

  test('the examples/fixed setup is consistent', async () => {
    const { readFileSync } = await import('node:fs');
    const paths = [
      'examples/fixed/compose/docker-compose.yml',
      'examples/fixed/runner/config.toml',
      'examples/fixed/systemd/app.service.d/proxy.conf',
      'examples/fixed/systemd/docker.service.d/http-proxy.conf',
      'examples/fixed/docker/config.json',
    ];
    assert.deepEqual(checkWorkspace(paths.map((p) => file(p, readFileSync(p, 'utf8')))), []);
  });
});

describe('proxy-inconsistent: settings, suppression, parse errors', () => {
  const proxy3128 = 'http://proxy:3128';
  test('a file with the rule off reports nothing, and the other file is still reported against it; severities are per file', () => {
    const daemon = { ...dropIn(proxy3128), options: { rules: { 'proxy-inconsistent': 'off' as const } } };
    const client = { ...clientConfig('http://proxy:8080'), options: { rules: { 'proxy-inconsistent': 'error' as const } } };
    const findings = checkWorkspace([daemon, client]);
    assert.deepEqual([...new Set(findings.map((f) => `${f.file} ${f.severity}`))], ['config.json error']);
  });

  test('proxylint-disable-next-line proxy-inconsistent silences one line', () => {
    const daemon = file(DROP_IN, '[Service]\n# proxylint-disable-next-line proxy-inconsistent\nEnvironment="HTTP_PROXY=http://proxy:3128"\n');
    const other = file('daemon.json', '{"proxies":{"http-proxy":"http://proxy:8080"}}');
    assert.deepEqual(checkWorkspace([daemon, other]).map((f) => f.file), ['daemon.json']);
  });

  test('a file that does not parse is left out', () => {
    const broken = file('daemon.json', '{"proxies":{"http-proxy":"http://proxy:8080"');
    assert.ok(broken.model.parseProblem);
    assert.deepEqual(checkWorkspace([broken, dropIn(proxy3128)]), []);
  });
});
