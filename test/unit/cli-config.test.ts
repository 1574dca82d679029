// The built CLI in a project folder with a `.proxylintrc.json`: rules turned
// off, severities changed, extra compose patterns; output and exit code.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanEnv, projectTree, runCli } from '../support/cli';

const COMPOSE = 'services:\n  a:\n    image: a:1\n    environment:\n      - HTTPPROXY=http://proxy.corp.example:3128\n      - TZ=UTC\n      - TZ=UTC\n';

/** `file:line:column severity rule` of each problem line of the text output. */
function problems(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => /^(\S+:\d+:\d+) (error|warning|info|hint) (\S+) /.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]} ${m[2]} ${m[3]}`);
}

function lintFolder(files: Record<string, string>) {
  const root = projectTree(files);
  return runCli(['.'], { cwd: root, env: cleanEnv({ NO_COLOR: '1' }) });
}

describe('.proxylintrc.json', () => {
  test('without it, the default severities: two warnings fail the run', () => {
    const run = lintFolder({ 'docker-compose.yml': COMPOSE });
    assert.deepEqual(problems(run.stdout), ['docker-compose.yml:5:9 warning var-typo', 'docker-compose.yml:6:9 warning duplicate-var']);
    assert.equal(run.status, 1);
  });

  test('a rule turned off and another raised to error', () => {
    const run = lintFolder({ 'docker-compose.yml': COMPOSE, '.proxylintrc.json': JSON.stringify({ rules: { 'var-typo': 'off', 'duplicate-var': 'error' } }) });
    assert.deepEqual(problems(run.stdout), ['docker-compose.yml:6:9 error duplicate-var']);
    assert.match(run.stdout, /1 problem \(1 error, 0 warnings/);
    assert.equal(run.status, 1);
  });

  test('both lowered to info and hint: reported, and the run passes', () => {
    const run = lintFolder({ 'docker-compose.yml': COMPOSE, '.proxylintrc.json': JSON.stringify({ rules: { 'var-typo': 'hint', 'duplicate-var': 'info' } }) });
    assert.deepEqual(problems(run.stdout), ['docker-compose.yml:5:9 hint var-typo', 'docker-compose.yml:6:9 info duplicate-var']);
    assert.equal(run.status, 0);
  });

  test('both off: no output, exit 0', () => {
    const run = lintFolder({ 'docker-compose.yml': COMPOSE, '.proxylintrc.json': JSON.stringify({ rules: { 'var-typo': 'off', 'duplicate-var': 'off' } }) });
    assert.equal(run.stdout.trim(), '');
    assert.equal(run.status, 0);
  });

  test('composeFilePatterns makes a folder search find compose files by other names', () => {
    const files = { 'stack.prod.yml': COMPOSE, 'notes.yml': 'title: not compose\n' };
    assert.deepEqual(problems(lintFolder(files).stdout), []);
    const run = lintFolder({ ...files, '.proxylintrc.json': JSON.stringify({ rules: { 'var-typo': 'off' }, composeFilePatterns: ['stack*.yml'] }) });
    assert.deepEqual(problems(run.stdout), ['stack.prod.yml:6:9 warning duplicate-var']);
    assert.equal(run.status, 1);
  });

  test('unknown rule ids and severities are ignored, not fatal', () => {
    const run = lintFolder({ 'docker-compose.yml': COMPOSE, '.proxylintrc.json': JSON.stringify({ rules: { 'no-such-rule': 'off', 'var-typo': 'loud' } }) });
    assert.deepEqual(problems(run.stdout), ['docker-compose.yml:5:9 warning var-typo', 'docker-compose.yml:6:9 warning duplicate-var']);
    assert.equal(run.status, 1);
  });
});
