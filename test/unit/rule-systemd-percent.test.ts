// systemd-percent on real unit text: finding, fix applied, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/engine/fixes';
import { lint } from '../../server/engine/lint';

const RULE = 'systemd-percent';
const DOCKER_DROP_IN = '/etc/systemd/system/docker.service.d/http-proxy.conf';

function findings(text: string, path: string, rule = RULE) {
  return lint(text, path).findings.filter((f) => f.rule === rule);
}

function fixOnly(text: string, path: string): string {
  const found = findings(text, path);
  assert.equal(found.length, 1, `one ${RULE} finding`);
  assert.ok(found[0].fix, 'it has a fix');
  return applyEdits(text, found[0].fix.edits);
}

describe('systemd-percent', () => {
  test('%40 in a password: systemd drops the whole assignment; the fix writes %%40', () => {
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://svc:F%40oBar@proxy.corp.example:3128"\nEnvironment="NO_PROXY=localhost"\n';
    const [finding] = findings(text, DOCKER_DROP_IN);
    assert.equal(finding.severity, 'error');
    assert.equal(text.slice(finding.span.start, finding.span.end), '%4');
    assert.match(finding.message, /drops the whole assignment/);
    assert.match(finding.message, /without HTTP_PROXY/);
    assert.doesNotMatch(finding.message, /F%40oBar/);
    const fixed = fixOnly(text, DOCKER_DROP_IN);
    assert.equal(fixed, '[Service]\nEnvironment="HTTP_PROXY=http://svc:F%%40oBar@proxy.corp.example:3128"\nEnvironment="NO_PROXY=localhost"\n');
    assert.deepEqual(findings(fixed, DOCKER_DROP_IN), []);
    // The program now receives the encoded password, which clients decode (proxy-semantics p09).
    const model = lint(fixed, DOCKER_DROP_IN);
    assert.equal(model.findings.filter((f) => f.rule === 'credentials-unencoded').length, 0);
  });

  test('%C3%A9 is silently rewritten into paths: the message says which, the fix doubles both', () => {
    const text = '[Service]\nEnvironment=GREETING=caf%C3%A9 OTHER=x\n';
    const [finding] = findings(text, '/etc/systemd/system/app.service');
    assert.match(finding.message, /replaces %C with the cache directory, %A with the OS image version/);
    assert.match(finding.message, /silently/);
    assert.equal(text.slice(finding.span.start, finding.span.end), '%C3%A');
    const fixed = fixOnly(text, '/etc/systemd/system/app.service');
    assert.equal(fixed, '[Service]\nEnvironment=GREETING=caf%%C3%%A9 OTHER=x\n');
    assert.deepEqual(findings(fixed, '/etc/systemd/system/app.service'), []);
  });

  test('one word of several on a line: only that word is rewritten, %% elsewhere stays', () => {
    const text = '[Service]\nEnvironment="A=1%%" "HTTPS_PROXY=http://u:p%21x@proxy:3128" B=2\n';
    const fixed = fixOnly(text, DOCKER_DROP_IN);
    assert.equal(fixed, '[Service]\nEnvironment="A=1%%" "HTTPS_PROXY=http://u:p%%21x@proxy:3128" B=2\n');
  });

  test('a value mixing %% and a lone %X comes out with every % doubled', () => {
    const text = '[Service]\nEnvironment=RATIO=50%%of%4\n';
    assert.equal(fixOnly(text, DOCKER_DROP_IN), '[Service]\nEnvironment=RATIO=50%%of%%4\n');
  });

  test('% before a character that is no specifier, and a trailing %, are kept by systemd: no finding', () => {
    const text = '[Service]\nEnvironment="LOAD=90%" "RANGE=10%-20%" "PATHISH=%/x" "DOUBLED=a%%b"\n';
    assert.deepEqual(findings(text, '/etc/systemd/system/app.service'), []);
  });

  test('an unencoded % in a password is left to credentials-unencoded, whose fix is the right one', () => {
    const text = '[Service]\nEnvironment=HTTP_PROXY=http://svc:pa%ss@proxy:3128\n';
    assert.deepEqual(findings(text, DOCKER_DROP_IN), []);
    const credentials = findings(text, DOCKER_DROP_IN, 'credentials-unencoded');
    assert.equal(credentials.length, 1);
  });

  test('% outside systemd means nothing special: no finding in compose or runner files', () => {
    assert.deepEqual(findings('services:\n  a:\n    environment:\n      - HTTP_PROXY=http://u:F%40oBar@proxy:3128\n', 'compose.yml'), []);
    assert.deepEqual(findings('[[runners]]\n  environment = ["HTTP_PROXY=http://u:F%40oBar@proxy:3128"]\n', 'config.toml'), []);
  });

  test('suppressed with a comment, off through the rules setting', () => {
    const text = '[Service]\n# proxylint-disable-next-line systemd-percent\nEnvironment=X=%40\n';
    assert.deepEqual(findings(text, DOCKER_DROP_IN), []);
    assert.deepEqual(lint('[Service]\nEnvironment=X=%40\n', DOCKER_DROP_IN, { rules: { [RULE]: 'off' } }).findings.filter((f) => f.rule === RULE), []);
  });
});
