// The CLI never prints a fixture's proxy password: not in any report format,
// not from standard input, not in a report file, not in error messages. The
// generators write the encoded password into the settings they produce (that
// is their job), so only their messages (standard error, and everything when
// they write the file in place) must be free of it.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cleanEnv, runCli } from '../support/cli';
import { allFixtureFiles, REPOSITORY_ROOT } from '../support/corpus';
import { fixturePasswords, leakedSecrets, passwordForms } from '../support/secrets';

const passwords = fixturePasswords();
const forms = passwordForms(passwords);
const FORMATS = ['text', 'json', 'sarif', 'gitlab'];
const scratch = mkdtempSync(join(tmpdir(), 'proxylint-secrets-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function assertNoLeak(output: string, what: string): void {
  assert.deepEqual(leakedSecrets(output, forms), [], `${what} prints a password`);
}

/** Files that hold one of the passwords. */
const filesWithPasswords = allFixtureFiles().filter((path) => {
  const text = readFileSync(path).toString('utf8');
  return passwords.some(({ password }) => text.includes(password));
});

describe('the CLI and the fixtures’ passwords', () => {
  test('the fixtures hold passwords to look for, in all their forms', () => {
    for (const form of ['F@oBar!', 'F%40oBar%21', 'F%%40oBar%%21']) assert.ok(forms.includes(form), `${form} is looked for`);
    assert.ok(filesWithPasswords.length >= 5, 'several fixtures hold a password');
  });

  for (const format of FORMATS) {
    test(`lint --format ${format}: the example and fixture folders, and every fixture named explicitly`, () => {
      const folders = runCli(['--format', format, 'examples', 'test/fixtures'], { cwd: REPOSITORY_ROOT });
      assert.ok(folders.status === 0 || folders.status === 1, `exit ${folders.status}: ${folders.stderr}`);
      assert.ok(folders.stdout.length > 0, 'the folders produce a report');
      assertNoLeak(folders.stdout + folders.stderr, `--format ${format} on the folders`);
      const named = runCli(['--format', format, ...filesWithPasswords], { cwd: REPOSITORY_ROOT });
      assertNoLeak(named.stdout + named.stderr, `--format ${format} on the files with passwords`);
      const colour = runCli(['--format', format, '--color', 'examples'], { cwd: REPOSITORY_ROOT, env: cleanEnv({ FORCE_COLOR: '1' }) });
      assertNoLeak(colour.stdout + colour.stderr, `--format ${format} --color`);
    });
  }

  test('a report written with --output-file', () => {
    const report = join(scratch, 'report.json');
    const run = runCli(['--format', 'json', '--output-file', report, 'examples', 'test/fixtures'], { cwd: REPOSITORY_ROOT });
    assertNoLeak(run.stdout + run.stderr, '--output-file (terminal)');
    assertNoLeak(readFileSync(report, 'utf8'), '--output-file (the report)');
  });

  test('standard input, linted under each fixture’s name', () => {
    for (const path of filesWithPasswords) {
      for (const format of ['text', 'json']) {
        const run = runCli(['--stdin', '--stdin-filename', path, '--format', format], { cwd: REPOSITORY_ROOT, input: readFileSync(path, 'utf8') });
        assertNoLeak(run.stdout + run.stderr, `--stdin ${path} --format ${format}`);
      }
    }
  });

  test('generators: messages never show the password; written in place, nothing printed does', () => {
    const plainPasswords = [...new Set(passwords.map(({ password }) => decodeURIComponent(password.replace(/%%/g, '%'))))];
    for (const password of plainPasswords) {
      const env = cleanEnv({ PROXY_PASSWORD: password });
      const common = ['--proxy', 'http://proxy.corp.example:3128', '--user', 'svc-docker', '--password-env', 'PROXY_PASSWORD'];
      for (const kind of [['systemd'], ['encode'], ['runner', '--file', 'examples/broken/runner/config.toml'], ['compose', '--file', 'examples/broken/compose/docker-compose.yml'], ['docker-config', '--file', 'examples/broken/docker/config.json']]) {
        const run = runCli(['generate', ...kind, ...common], { cwd: REPOSITORY_ROOT, env });
        assert.equal(run.status, 0, `generate ${kind[0]}: ${run.stderr}`);
        assertNoLeak(run.stderr, `generate ${kind[0]} (standard error)`);
      }
      for (const [kind, example] of [['runner', 'examples/broken/runner/config.toml'], ['compose', 'examples/broken/compose/docker-compose.yml'], ['docker-config', 'examples/broken/docker/config.json']]) {
        const target = join(scratch, example.replace(/\//g, '_'));
        copyFileSync(join(REPOSITORY_ROOT, example), target);
        const run = runCli(['generate', kind, '--file', target, '--in-place', ...common], { cwd: REPOSITORY_ROOT, env });
        assert.equal(run.status, 0, `generate ${kind} --in-place: ${run.stderr}`);
        assertNoLeak(run.stdout + run.stderr, `generate ${kind} --in-place`);
      }
      // The password on the command line, in a proxy URL the generator rejects: the error masks it.
      for (const proxy of [`http://svc:${password}@`, `http://svc:${password}@proxy:99999999`, `ftp://svc:${password}@proxy:3128`]) {
        const run = runCli(['generate', 'systemd', '--proxy', proxy], { cwd: REPOSITORY_ROOT });
        assert.equal(run.status, 2, `${proxy} is rejected`);
        assertNoLeak(run.stdout + run.stderr, `generate with the rejected proxy ${proxy}`);
      }
    }
  });
});
