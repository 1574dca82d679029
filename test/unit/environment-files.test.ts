// Variables from files the engine does not read: compose `env_file:` and
// systemd `EnvironmentFile=` are recorded on the scope, and rules do not
// claim that a variable those files may set is absent. An env file linted on
// its own is a fragment of such an environment.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCompose } from '../../server/documents/compose';
import { lint } from '../../server/engine/lint';

function rulesOf(text: string, path: string): string[] {
  return lint(text, path).findings.map((f) => f.rule);
}

describe('compose env_file', () => {
  test('a path, a list of paths, and { path, required } entries, where they are written', () => {
    const text = 'services:\n  a:\n    environment: [TZ=UTC]\n    env_file: ./a.env\n  b:\n    environment: [TZ=UTC]\n    env_file:\n      - ./common.env\n      - path: ./local.env\n        required: false\n';
    const scopes = parseCompose(text).scopes;
    assert.deepEqual(
      scopes.map((s) => s.environmentFiles?.map((f) => [f.path, f.optional, text.slice(f.span.start, f.span.end)])),
      [[['./a.env', false, './a.env']], [['./common.env', false, './common.env'], ['./local.env', true, './local.env']]],
    );
  });

  test('no env_file, no references', () => {
    assert.deepEqual(parseCompose('services:\n  a:\n    environment: [TZ=UTC]\n').scopes[0].environmentFiles, []);
  });
});

describe('rules and variables that may come from elsewhere', () => {
  const alone = 'services:\n  a:\n    image: a:1\n    environment:\n      - HTTP_PROXY=http://proxy:3128\n      - DOCKER_HOST=tcp://docker:2375\n';

  test('without env_file, the missing lowercase twin and NO_PROXY are reported', () => {
    const rules = rulesOf(alone, 'docker-compose.yml');
    assert.ok(rules.includes('lowercase-missing'));
    assert.ok(rules.includes('dind-no-proxy'));
  });

  test('with env_file, the twin and NO_PROXY may be in that file: not reported', () => {
    const rules = rulesOf(alone.replace('    environment:', '    env_file: proxy.env\n    environment:'), 'docker-compose.yml');
    assert.ok(!rules.includes('lowercase-missing'));
    assert.ok(!rules.includes('dind-no-proxy'));
  });

  test('systemd EnvironmentFile= likewise', () => {
    const unit = '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128"\n';
    assert.ok(rulesOf(unit, '/etc/systemd/system/app.service').includes('lowercase-missing'));
    assert.ok(!rulesOf(`${unit}EnvironmentFile=-/etc/default/app\n`, '/etc/systemd/system/app.service').includes('lowercase-missing'));
  });

  test('an env file is a fragment: the rest of the environment may hold the twin', () => {
    assert.ok(!rulesOf('HTTP_PROXY=http://proxy:3128\n', 'proxy.env').includes('lowercase-missing'));
  });

  test('what is wrong in what is written is still reported next to an env_file', () => {
    const text = 'services:\n  a:\n    env_file: proxy.env\n    environment:\n      - HTTPPROXY=http://proxy:3128\n';
    assert.ok(rulesOf(text, 'docker-compose.yml').includes('var-typo'));
  });
});
