// The three headline rules on real text of each kind: finding, fix applied, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/engine/fixes';
import { lint } from '../../server/engine/lint';

function findings(text: string, path: string, rule: string) {
  return lint(text, path).findings.filter((f) => f.rule === rule);
}

function fixFirst(text: string, path: string, rule: string): string {
  const [finding] = findings(text, path, rule);
  assert.ok(finding?.fix, `${rule} has a fix`);
  return applyEdits(text, finding.fix.edits);
}

describe('lowercase-missing', () => {
  test('compose list form: twin added after the entry, then clean', () => {
    const text = 'services:\n  a:\n    environment:\n      - HTTP_PROXY=http://proxy:3128\n      - http_proxy=http://proxy:3128\n      - NO_PROXY=localhost\n';
    const fixed = fixFirst(text, 'docker-compose.yml', 'lowercase-missing');
    assert.equal(fixed, text + '      - no_proxy=localhost\n');
    assert.deepEqual(findings(fixed, 'docker-compose.yml', 'lowercase-missing'), []);
  });

  test('a Go daemon reads both spellings: uppercase alone is correct in docker.service.d', () => {
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128" "NO_PROXY=localhost"\n';
    assert.deepEqual(findings(text, '/etc/systemd/system/docker.service.d/http-proxy.conf', 'lowercase-missing'), []);
    assert.equal(findings(text, '/etc/systemd/system/app.service.d/http-proxy.conf', 'lowercase-missing').length, 2);
  });

  test('HTTPS_PROXY message names wget, not curl (curl reads HTTPS_PROXY, v05)', () => {
    const [finding] = findings('[[runners]]\n  environment = ["HTTPS_PROXY=http://p:3128"]\n', 'config.toml', 'lowercase-missing');
    assert.match(finding.message, /wget reads only https_proxy, so its requests ignore this setting\.$/);
    assert.doesNotMatch(finding.message, /curl/);
  });

  test('HTTP_PROXY message: three readers, their requests', () => {
    const [finding] = findings('[[runners]]\n  environment = ["HTTP_PROXY=http://p:3128"]\n', 'config.toml', 'lowercase-missing');
    assert.match(finding.message, /curl, wget and git read only http_proxy, so their requests ignore this setting\.$/);
  });

  test('Docker JSON keys have no case: never flagged', () => {
    assert.deepEqual(findings('{"proxies":{"default":{"httpProxy":"http://p:3128"}}}', 'config.json', 'lowercase-missing'), []);
  });
});

describe('credentials-unencoded', () => {
  test('compose: user and password encoded, ${VAR} interpolation left alone', () => {
    const text = 'services:\n  a:\n    environment:\n      HTTP_PROXY: http://d0main\\svc:F@oBar!@p:3128\n      http_proxy: http://svc:${PROXY_PASSWORD}@p:3128\n';
    const all = findings(text, 'compose.yaml', 'credentials-unencoded');
    assert.equal(all.length, 1);
    assert.equal(text.slice(all[0].span.start, all[0].span.end), 'd0main\\svc:F@oBar!');
    assert.doesNotMatch(all[0].message, /oBar/);
    assert.equal(fixFirst(text, 'compose.yaml', 'credentials-unencoded'), text.replace('http://d0main\\svc:F@oBar!@p:3128', 'http://d0main%5Csvc:F%40oBar%21@p:3128'));
  });

  test('systemd: encoded password written with %% so systemd passes a single %', () => {
    const text = '[Service]\nEnvironment=HTTP_PROXY=http://svc:p@ss@p:3128\n';
    const fixed = fixFirst(text, 'docker.service', 'credentials-unencoded');
    assert.equal(fixed, '[Service]\nEnvironment=HTTP_PROXY=http://svc:p%%40ss@p:3128\n');
    assert.deepEqual(findings(fixed, 'docker.service', 'credentials-unencoded'), []);
  });

  test('already encoded credentials and NO_PROXY values are not flagged', () => {
    assert.deepEqual(findings('{"proxies":{"http-proxy":"http://u:F%40oBar%21@p:3128","no-proxy":"a@b"}}', 'daemon.json', 'credentials-unencoded'), []);
  });
});

describe('dind-no-proxy', () => {
  test('runner with a dind service: docker:2375,docker:2376 appended to every NO_PROXY spelling', () => {
    const text = '[[runners]]\n  environment = ["HTTP_PROXY=http://p:3128", "NO_PROXY=localhost", "no_proxy=localhost,"]\n  [[runners.docker.services]]\n    name = "docker:27-dind"\n';
    const all = findings(text, 'config.toml', 'dind-no-proxy');
    assert.equal(all.length, 2);
    let fixed = applyEdits(text, all[0].fix!.edits);
    fixed = applyEdits(fixed, findings(fixed, 'config.toml', 'dind-no-proxy')[0].fix!.edits);
    assert.equal(fixed, text.replace('"NO_PROXY=localhost"', '"NO_PROXY=localhost,docker:2375,docker:2376"').replace('"no_proxy=localhost,"', '"no_proxy=localhost,docker:2375,docker:2376"'));
    assert.deepEqual(findings(fixed, 'config.toml', 'dind-no-proxy'), []);
  });

  test('no NO_PROXY at all: both spellings added with loopback and the dind entries', () => {
    const text = 'services:\n  ci:\n    environment:\n      HTTP_PROXY: http://p:3128\n      DOCKER_HOST: tcp://docker:2375\n';
    assert.equal(
      fixFirst(text, 'compose.yml', 'dind-no-proxy'),
      'services:\n  ci:\n    environment:\n      HTTP_PROXY: http://p:3128\n      NO_PROXY: localhost,127.0.0.1,docker:2375,docker:2376\n      no_proxy: localhost,127.0.0.1,docker:2375,docker:2376\n      DOCKER_HOST: tcp://docker:2375\n',
    );
  });

  test('entries without ports do not satisfy it; entries with ports do; no proxy means nothing to bypass', () => {
    const base = 'services:\n  ci:\n    environment:\n      HTTP_PROXY: http://p:3128\n      DOCKER_HOST: tcp://docker:2375\n      NO_PROXY: ';
    assert.equal(findings(base + 'docker\n', 'compose.yml', 'dind-no-proxy').length, 1);
    assert.equal(findings(base + 'docker, DOCKER:2375,docker:2376\n', 'compose.yml', 'dind-no-proxy').length, 0);
    assert.equal(findings('services:\n  ci:\n    environment:\n      DOCKER_HOST: tcp://docker:2375\n', 'compose.yml', 'dind-no-proxy').length, 0);
  });
});
