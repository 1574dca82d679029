import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSystemdUnit, unitNameOf } from '../../server/documents/systemd';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

test('several quoted assignments on one Environment= line', () => {
  const text = '[Service]\nEnvironment="HTTP_PROXY=http://p:3128" NO_PROXY=localhost \'http_proxy=http://p:3128\'\n';
  const [scope] = parseSystemdUnit(text, '/etc/systemd/system/app.service.d/proxy.conf').scopes;
  assert.deepEqual(scope.assignments.map((a) => [a.name, a.value]), [
    ['HTTP_PROXY', 'http://p:3128'],
    ['NO_PROXY', 'localhost'],
    ['http_proxy', 'http://p:3128'],
  ]);
  const [quoted, bare] = scope.assignments;
  assert.equal(slice(text, quoted.span), '"HTTP_PROXY=http://p:3128"');
  assert.equal(slice(text, quoted.nameSpan), 'HTTP_PROXY');
  assert.equal(slice(text, quoted.valueSpan), 'http://p:3128');
  assert.equal(quoted.syntax.kind === 'systemd-word' && quoted.syntax.quoted, true);
  assert.equal(bare.syntax.kind === 'systemd-word' && bare.syntax.quoted, false);
});

test('%% is a literal %, a lone % is recorded as a host expansion', () => {
  const text = '[Service]\nEnvironment="HTTP_PROXY=http://u:F%%40o%21@p:3128"\n';
  const [assignment] = parseSystemdUnit(text, 'x.service').scopes[0].assignments;
  assert.equal(assignment.value, 'http://u:F%40o%21@p:3128');
  assert.deepEqual(assignment.hostExpansions?.map((e) => [e.sequence, slice(text, e.span)]), [['%2', '%2']]);
  assert.equal(assignment.valueOffsets?.(assignment.value!.indexOf('@')), text.indexOf('@p:3128'));
});

test('continuation lines join with a space, comments inside are skipped', () => {
  const text = '[Service]\nEnvironment="HTTP_PROXY=http://p:3128" \\\n# a comment\n  "NO_PROXY=localhost"\n';
  const assignments = parseSystemdUnit(text, 'x.service').scopes[0].assignments;
  assert.deepEqual(assignments.map((a) => a.name), ['HTTP_PROXY', 'NO_PROXY']);
  assert.equal(slice(text, assignments[1].span), '"NO_PROXY=localhost"');
});

test('the program decides the consumer: Go daemons from the unit name or ExecStart', () => {
  assert.equal(parseSystemdUnit('[Service]\nEnvironment=HTTP_PROXY=x\n', '/etc/systemd/system/docker.service.d/http-proxy.conf').scopes[0].consumer, 'go-daemon');
  assert.equal(parseSystemdUnit('[Service]\nExecStart=/usr/local/bin/gitlab-runner run\nEnvironment=HTTP_PROXY=x\n', 'runner.service').scopes[0].consumer, 'go-daemon');
  assert.equal(parseSystemdUnit('[Service]\nEnvironment=HTTP_PROXY=x\n', '/etc/systemd/system/app.service').scopes[0].consumer, 'any-program');
  assert.equal(unitNameOf('/etc/systemd/system/getty@tty1.service.d/x.conf'), 'getty');
});

test('Environment= outside [Service] is a scope the host ignores', () => {
  const scopes = parseSystemdUnit('[Unit]\nEnvironment=HTTP_PROXY=http://p:3128\n[Service]\nExecStart=/bin/true\n', 'a.service').scopes;
  assert.deepEqual(scopes.map((s) => [s.label, Boolean(s.ignoredBecause), s.assignments.length]), [
    ['[Service] of a.service', false, 0],
    ['Environment= in [Unit]', true, 1],
  ]);
  assert.deepEqual(scopes[1].misplaced, { section: 'Unit', expectedSection: 'Service', followedByOtherLines: false, expectedSectionExists: true });
});

test('misplaced Environment= lines: one ignored scope per section block, with where they are', () => {
  const text = 'Environment=A=1\nEnvironment=B=2\n[Unit]\nEnvironment=C=3\nAfter=network.target\n[Socket]\nEnvironment=D=4\n';
  const scopes = parseSystemdUnit(text, 'a.service').scopes;
  assert.deepEqual(scopes.map((s) => [s.label, s.assignments.map((a) => a.name).join(','), s.misplaced?.followedByOtherLines]), [
    ['Environment= before any section', 'A,B', false],
    ['Environment= in [Unit]', 'C', true],
  ]);
  assert.ok(scopes.every((s) => s.ignoredBecause && s.misplaced?.expectedSectionExists === false));
});

test('EnvironmentFile= lines of [Service] are recorded, "-" meaning optional; an empty one resets the list', () => {
  const text = '[Service]\nEnvironmentFile=/etc/old\nEnvironmentFile=\nEnvironmentFile=-/etc/default/app\nEnvironmentFile=/etc/app/proxy.env\n';
  const [scope] = parseSystemdUnit(text, 'app.service').scopes;
  assert.deepEqual(scope.environmentFiles?.map((f) => [f.path, f.optional, text.slice(f.span.start, f.span.end)]), [
    ['/etc/default/app', true, '-/etc/default/app'],
    ['/etc/app/proxy.env', false, '/etc/app/proxy.env'],
  ]);
});
