import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseSystemdUnit } from '../../server/documents/systemd';
import { parseUnitFile } from '../../server/documents/systemdSyntax';
import { generateSystemdDropIn } from '../../server/generators/systemdDropIn';
import { assertLintsClean, decodedPassword, NASTY_PASSWORD } from '../support/generated';

const DOCKER_PATH = '/etc/systemd/system/docker.service.d/http-proxy.conf';

test('Docker daemon drop-in: both spellings, encoded password with % doubled, follow-up commands', () => {
  const result = generateSystemdDropIn({ proxyUrl: 'http://proxy.corp.example:3128', user: 'svc-docker', password: 'F@oBar!', noProxy: ['.corp.example', 'registry.corp.example'] }, { unit: 'docker' });
  assert.equal(
    result.text,
    [
      '# /etc/systemd/system/docker.service.d/http-proxy.conf',
      '# Proxy for the Docker daemon (image pulls and pushes by dockerd), written by proxylint.',
      '# Both spellings: the daemon reads either, programs it starts may read only the lowercase one.',
      '# The credentials are percent-encoded, and each % is doubled because systemd expands % specifiers.',
      '[Service]',
      'Environment="HTTP_PROXY=http://svc-docker:F%%40oBar%%21@proxy.corp.example:3128"',
      'Environment="http_proxy=http://svc-docker:F%%40oBar%%21@proxy.corp.example:3128"',
      'Environment="HTTPS_PROXY=http://svc-docker:F%%40oBar%%21@proxy.corp.example:3128"',
      'Environment="https_proxy=http://svc-docker:F%%40oBar%%21@proxy.corp.example:3128"',
      'Environment="NO_PROXY=localhost,127.0.0.1,.corp.example,registry.corp.example"',
      'Environment="no_proxy=localhost,127.0.0.1,.corp.example,registry.corp.example"',
      '',
    ].join('\n'),
  );
  assert.equal(result.path, DOCKER_PATH);
  assert.deepEqual(result.followUp, [
    'sudo mkdir -p /etc/systemd/system/docker.service.d',
    'sudo systemctl daemon-reload',
    'sudo systemctl restart docker',
    'sudo systemctl show --property=Environment docker',
  ]);
  assertLintsClean(result.text, result.path!, 'systemd');
});

test('GitLab Runner drop-in without credentials has no note about %', () => {
  const result = generateSystemdDropIn({ proxyUrl: 'http://proxy.corp.example:3128', noProxy: [] }, { unit: 'gitlab-runner' });
  assert.equal(
    result.text,
    [
      '# /etc/systemd/system/gitlab-runner.service.d/http-proxy.conf',
      "# Proxy for GitLab Runner (the runner's own requests to GitLab and its image pulls), written by proxylint.",
      '# Both spellings: the daemon reads either, programs it starts may read only the lowercase one.',
      '[Service]',
      'Environment="HTTP_PROXY=http://proxy.corp.example:3128"',
      'Environment="http_proxy=http://proxy.corp.example:3128"',
      'Environment="HTTPS_PROXY=http://proxy.corp.example:3128"',
      'Environment="https_proxy=http://proxy.corp.example:3128"',
      'Environment="NO_PROXY=localhost,127.0.0.1"',
      'Environment="no_proxy=localhost,127.0.0.1"',
      '',
    ].join('\n'),
  );
  assert.equal(result.followUp?.[2], 'sudo systemctl restart gitlab-runner');
  assertLintsClean(result.text, result.path!, 'systemd');
});

test('the comments and commands never hold the password', () => {
  const result = generateSystemdDropIn({ proxyUrl: 'http://proxy:3128', user: 'u', password: 'visible-secret', noProxy: [] }, { unit: 'docker' });
  for (const line of result.text.split('\n').filter((l) => l.startsWith('#'))) assert.doesNotMatch(line, /visible-secret/);
  assert.doesNotMatch(result.followUp!.join('\n'), /visible-secret/);
});

test('property: systemd gives the daemon exactly the encoded URL, whatever the password', () => {
  fc.assert(
    fc.property(fc.oneof(fc.constant(NASTY_PASSWORD), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 })), (password) => {
      const { text, path } = generateSystemdDropIn({ proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password, noProxy: ['.corp.example'] }, { unit: 'docker' });
      // Our reader of the unit syntax, and the model: the value systemd hands the daemon after unquoting and `%%` → `%`.
      assert.equal(parseUnitFile(text).sections.map((s) => s.name).join(), 'Service');
      const scope = parseSystemdUnit(text, path!).scopes[0];
      assert.deepEqual(scope.assignments.map((a) => a.name), ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']);
      for (const assignment of scope.assignments.slice(0, 4)) {
        assert.deepEqual(assignment.hostExpansions, [], 'no % specifier left for systemd to expand');
        assert.equal(decodedPassword(assignment.value!), password);
      }
      assert.deepEqual(scope.assignments.slice(4).map((a) => a.value), ['localhost,127.0.0.1,.corp.example', 'localhost,127.0.0.1,.corp.example']);
      assertLintsClean(text, path!, 'systemd');
    }),
    { numRuns: 150 },
  );
});
