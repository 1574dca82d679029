// The built CLI as a process: linting standard input, and its errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CLEAN, CLI_PATH, cleanEnv, projectTree, runCli } from '../support/cli';

const UNENCODED = 'services:\n  a:\n    environment:\n      HTTP_PROXY: http://svc:F@oBar!@proxy:3128\n';

describe('--stdin --stdin-filename', () => {
  test('standard input is linted as the named file: its name picks the kind and is the file in the report', () => {
    const run = runCli(['--stdin', '--stdin-filename', 'deploy/docker-compose.yml', '-f', 'json', '--rule', 'credentials-plaintext=off'], { input: UNENCODED });
    assert.equal(run.status, 1);
    const problems = JSON.parse(run.stdout) as { file: string; rule: string; message: string }[];
    assert.ok(problems.length > 0);
    assert.ok(problems.every((p) => p.file === 'deploy/docker-compose.yml'));
    assert.ok(problems.some((p) => p.rule === 'credentials-unencoded'));
    assert.doesNotMatch(run.stdout, /F@oBar|oBar!/, 'the password never reaches the report');
  });

  test('the same text under a name of another kind is read as that kind; under a name of no kind it is skipped with a note', () => {
    const dropIn = runCli(['--stdin', '--stdin-filename', 'docker.service.d/proxy.conf'], { input: CLEAN.dropIn() });
    assert.deepEqual(dropIn, { status: 0, stdout: '', stderr: '' });
    const unknown = runCli(['--stdin', '--stdin-filename', 'notes.txt'], { input: UNENCODED });
    assert.deepEqual(unknown, { status: 0, stdout: '', stderr: 'proxylint: notes.txt: skipped, proxylint does not know this kind of file\n' });
  });

  test('empty standard input is an empty file: clean', () => {
    assert.deepEqual(runCli(['--stdin', '--stdin-filename', 'docker-compose.yml'], { input: '' }), { status: 0, stdout: '', stderr: '' });
  });

  const usage: [string[], string][] = [
    [['--stdin'], '--stdin needs --stdin-filename <path>: the name tells which kind of file it is'],
    [['--stdin', '--stdin-filename', 'a.yml', 'docker-compose.yml'], '--stdin lints standard input only: give no files or folders with it'],
    [['--stdin-filename', 'a.yml', '.'], '--stdin-filename only goes with --stdin'],
    [['--stdin', '--stdin-filename='], '--stdin-filename must not be empty'],
    [['-'], 'to lint standard input, use --stdin --stdin-filename <path>'],
  ];
  for (const [args, message] of usage) {
    test(`usage error: proxylint ${args.join(' ')}`, () => {
      assert.deepEqual(runCli(args, { input: UNENCODED }), { status: 2, stdout: '', stderr: `proxylint: ${message}\nRun proxylint --help for the options.\n` });
    });
  }

  test('standard input that cannot be read (a folder opened as standard input: EISDIR, root included) exits 2', () => {
    const folder = mkdtempSync(join(tmpdir(), 'proxylint-stdin-'));
    const fd = openSync(folder, 'r');
    try {
      const result = spawnSync(process.execPath, [CLI_PATH, '--stdin', '--stdin-filename', 'docker-compose.yml'], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', env: cleanEnv(), timeout: 30_000 });
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, 'proxylint: cannot read standard input: it is a folder (EISDIR)\n');
    } finally {
      closeSync(fd);
    }
  });

  test('standard input that is a terminal is refused instead of waiting (run under a pseudo-terminal with script(1))', () => {
    const root = projectTree({});
    const result = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI_PATH}" --stdin --stdin-filename docker-compose.yml`, '/dev/null'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: cleanEnv(), timeout: 30_000 });
    assert.equal(result.status, 2);
    assert.equal(result.stdout.replace(/\r\n/g, '\n'), 'proxylint: --stdin: standard input is a terminal; pipe or redirect the file in (proxylint --stdin --stdin-filename compose.yml < compose.yml)\n');
  });
});
