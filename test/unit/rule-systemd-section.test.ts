// systemd-section on real unit text: finding, header inserted, whole text, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocumentOfKind } from '../../server/documents';
import { applyEdits } from '../../server/engine/fixes';
import { lint } from '../../server/engine/lint';

const RULE = 'systemd-section';
const DROP_IN = '/etc/systemd/system/docker.service.d/http-proxy.conf';

function findings(text: string, path = DROP_IN, rule = RULE) {
  return lint(text, path).findings.filter((f) => f.rule === rule);
}

describe('systemd-section', () => {
  test('a drop-in without [Service]: one finding; the fix starts [Service] above the lines, then they are read', () => {
    const text = '# /etc/systemd/system/docker.service.d/http-proxy.conf\nEnvironment="HTTP_PROXY=http://proxy.corp.example:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1"\n';
    const all = findings(text);
    assert.equal(all.length, 1);
    const [finding] = all;
    assert.equal(finding.severity, 'error');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'Environment');
    assert.match(finding.message, /before any section header is ignored/);
    assert.match(finding.message, /never receives HTTP_PROXY, NO_PROXY/);
    assert.ok(finding.fix);
    const fixed = applyEdits(text, finding.fix.edits);
    assert.equal(fixed, '# /etc/systemd/system/docker.service.d/http-proxy.conf\n[Service]\nEnvironment="HTTP_PROXY=http://proxy.corp.example:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1"\n');
    assert.deepEqual(findings(fixed), []);
    // Now the assignments are live: the unit's [Service] scope holds them.
    const live = parseDocumentOfKind('systemd', fixed, DROP_IN).scopes.filter((s) => !s.ignoredBecause);
    assert.deepEqual(live.flatMap((s) => s.assignments.map((a) => a.name)), ['HTTP_PROXY', 'NO_PROXY']);
  });

  test('the last lines of [Unit] with no [Service] in the file: the header goes above them (CRLF kept)', () => {
    const text = '[Unit]\r\nDescription=App\r\nEnvironment=HTTP_PROXY=http://proxy:3128\r\n\r\n[Install]\r\nWantedBy=multi-user.target\r\n';
    const [finding] = findings(text, '/etc/systemd/system/app.service');
    assert.match(finding.message, /in \[Unit\] is ignored/);
    assert.ok(finding.fix);
    assert.equal(applyEdits(text, finding.fix.edits), '[Unit]\r\nDescription=App\r\n[Service]\r\nEnvironment=HTTP_PROXY=http://proxy:3128\r\n\r\n[Install]\r\nWantedBy=multi-user.target\r\n');
  });

  test('other [Unit] lines follow: a header would move them into [Service], so no fix', () => {
    const text = '[Unit]\nEnvironment=HTTP_PROXY=http://proxy:3128\nAfter=network-online.target\n';
    const [finding] = findings(text, '/etc/systemd/system/app.service');
    assert.equal(finding.fix, undefined);
    assert.match(finding.message, /other lines of this section follow it/);
  });

  test('the unit has [Service] elsewhere: moving the line is the user\'s call, so no fix', () => {
    const text = '[Unit]\nDescription=App\nEnvironment=HTTP_PROXY=http://proxy:3128\n\n[Service]\nExecStart=/usr/bin/app\n';
    const [finding] = findings(text, '/etc/systemd/system/app.service');
    assert.equal(finding.fix, undefined);
    assert.match(finding.message, /Move it into the existing \[Service\] section/);
  });

  test('one finding per misplaced block; lines in [Service] are fine', () => {
    const text = 'Environment=A=1\n[Unit]\nEnvironment=B=2\n[Service]\nEnvironment=C=3\n[Install]\nEnvironment=D=4\n';
    const all = findings(text, '/etc/systemd/system/app.service');
    assert.deepEqual(all.map((f) => text.slice(0, f.span.start).split('\n').length), [1, 3, 7]);
    assert.ok(all.every((f) => f.fix === undefined), '[Service] exists: no fix moves lines');
  });

  test('assignments outside [Service] feed no other rule', () => {
    const text = 'Environment=HTTP_PROXY=http://u:p@ss@proxy:3128 HTTPPROXY=x\n';
    assert.deepEqual(lint(text, DROP_IN).findings.map((f) => f.rule), [RULE]);
  });

  test('suppression comment above the line', () => {
    const text = '# proxylint-disable-next-line systemd-section\nEnvironment=HTTP_PROXY=http://proxy:3128\n';
    assert.deepEqual(findings(text), []);
  });
});

test('systemd-section: [Socket] is an exec section too: Environment= there is read, not misplaced', () => {
  const text = '[Socket]\nListenStream=/run/app.sock\nEnvironment=HTTP_PROXY=http://proxy:3128\n';
  assert.deepEqual(findings(text, '/etc/systemd/system/app.socket'), []);
});
