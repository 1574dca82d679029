// The built CLI as a process: every option, its errors and the exit codes.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CLEAN, projectTree, runCli } from '../support/cli';

const PACKAGE_VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** In one compose file: a warning (lowercase-missing on NO_PROXY), and per HTTP_PROXY spelling an error (credentials-unencoded) and an info (credentials-plaintext). */
const MIXED = `services:
  app:
    environment:
      HTTP_PROXY: http://svc:p@ss@proxy.corp.example:3128
      http_proxy: http://svc:p@ss@proxy.corp.example:3128
      HTTPS_PROXY: http://proxy.corp.example:3128
      https_proxy: http://proxy.corp.example:3128
      NO_PROXY: localhost
`;

function rulesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { rule: string; severity: string }[]).map((p) => `${p.rule}:${p.severity}`).sort();
}

describe('--help and --version', () => {
  test('--help and -h print every option and the exit codes, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const run = runCli([flag]);
      assert.equal(run.status, 0);
      assert.equal(run.stderr, '');
      for (const option of ['--format', 'text', 'json', 'sarif', 'gitlab', '--output-file', '--max-warnings', '--rule', '--quiet', '--color', '--no-color', '--stdin', '--stdin-filename', '--no-ignore', '--help', '--version']) {
        assert.ok(run.stdout.includes(option), `${flag} mentions ${option}`);
      }
      assert.match(run.stdout, /Exit codes:\n {2}0 {2}no errors.*\n {2}1 {2}errors.*\n {2}2 {2}bad usage/);
    }
  });

  test('--version and -v print the version of package.json (put in at build time)', () => {
    for (const flag of ['--version', '-v']) {
      const run = runCli([flag]);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `${PACKAGE_VERSION}\n`);
    }
  });
});

describe('usage errors exit 2 with a clear message', () => {
  const cases: [string[], RegExp][] = [
    [['--frobnicate', '.'], /^proxylint: unknown option --frobnicate\n/],
    [['-x', '.'], /^proxylint: unknown option -x\n/],
    [['.', '--format'], /^proxylint: --format needs a value\n/],
    [['--format', 'xml', '.'], /^proxylint: --format must be one of text, json, sarif, gitlab, not "xml"\n/],
    [['--quiet=yes', '.'], /^proxylint: --quiet takes no value\n/],
    [['--max-warnings', 'many', '.'], /^proxylint: --max-warnings takes a whole number of 0 or more, not "many"\n/],
    [['--max-warnings', '-1', '.'], /^proxylint: --max-warnings needs a value\n/],
    [['--rule', 'nonsense', '.'], /^proxylint: --rule takes <id>=<severity>, e\.g\. --rule credentials-plaintext=off, not "nonsense"\n/],
    [['--rule', 'no-such-rule=off', '.'], /^proxylint: --rule: unknown rule "no-such-rule"; rules are: .*credentials-unencoded.*proxy-inconsistent/],
    [['--rule', 'credentials-plaintext=loud', '.'], /^proxylint: --rule credentials-plaintext: severity must be one of off, hint, info, warning, error, not "loud"\n/],
    [['--color', '--no-color', '.'], /^proxylint: --color and --no-color contradict each other\n/],
    [[], /^proxylint: no file, folder or glob given\n/],
  ];
  for (const [args, message] of cases) {
    test(`proxylint ${args.join(' ') || '(nothing)'}`, () => {
      const run = runCli(args, { cwd: projectTree({}) });
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Run proxylint --help for the options\.\n$/);
    });
  }

  test('a broken .proxylintrc.json is a usage error', () => {
    const root = projectTree({ '.proxylintrc.json': '{ "rules": ', 'docker-compose.yml': CLEAN.compose() });
    const run = runCli(['.'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /\.proxylintrc\.json is not valid JSON/);
  });
});

describe('exit codes', () => {
  test('0 for a clean project, with nothing printed', () => {
    const root = projectTree({ 'docker-compose.yml': CLEAN.compose(), 'docker.service.d/http-proxy.conf': CLEAN.dropIn() });
    assert.deepEqual(runCli(['.'], { cwd: root }), { status: 0, stdout: '', stderr: '' });
  });

  test('1 for errors or warnings; info alone does not fail', () => {
    const root = projectTree({ 'docker-compose.yml': MIXED });
    const all = runCli(['--format', 'json', '.'], { cwd: root });
    assert.equal(all.status, 1);
    assert.deepEqual(rulesOf(all.stdout), ['credentials-plaintext:info', 'credentials-plaintext:info', 'credentials-unencoded:error', 'credentials-unencoded:error', 'lowercase-missing:warning']);
    const infoOnly = runCli(['--format', 'json', '--rule', 'credentials-unencoded=off', '--rule', 'lowercase-missing=info', '.'], { cwd: root });
    assert.equal(infoOnly.status, 0);
    assert.deepEqual(rulesOf(infoOnly.stdout), ['credentials-plaintext:info', 'credentials-plaintext:info', 'lowercase-missing:info']);
  });

  test('2 when an input is missing, even with findings elsewhere (the report is still printed)', () => {
    const root = projectTree({ 'docker-compose.yml': MIXED });
    const run = runCli(['--format', 'json', 'docker-compose.yml', 'missing.yml'], { cwd: root });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'proxylint: missing.yml: no such file or folder\n');
    assert.equal((JSON.parse(run.stdout) as unknown[]).length, 5);
  });
});

describe('--rule, --max-warnings, --quiet', () => {
  test('--rule <id>=off removes a rule, =error raises it; it overrides .proxylintrc.json', () => {
    const root = projectTree({ 'docker-compose.yml': MIXED, '.proxylintrc.json': JSON.stringify({ rules: { 'credentials-plaintext': 'off', 'lowercase-missing': 'error' } }) });
    assert.deepEqual(rulesOf(runCli(['-f', 'json', '.'], { cwd: root }).stdout), ['credentials-unencoded:error', 'credentials-unencoded:error', 'lowercase-missing:error']);
    const overridden = runCli(['-f', 'json', '--rule', 'credentials-plaintext=warning', '--rule=lowercase-missing=off', '.'], { cwd: root });
    assert.deepEqual(rulesOf(overridden.stdout), ['credentials-plaintext:warning', 'credentials-plaintext:warning', 'credentials-unencoded:error', 'credentials-unencoded:error']);
  });

  test('--max-warnings: warnings up to the limit pass, one more fails; errors fail regardless', () => {
    const warningsOnly = projectTree({
      'docker-compose.yml': 'services:\n  a:\n    environment:\n      HTTP_PROXY: http://proxy:3128\n      HTTPS_PROXY: http://proxy:3128\n      https_proxy: http://proxy:3128\n      NO_PROXY: localhost\n      no_proxy: localhost\n',
    });
    const json = runCli(['-f', 'json', '.'], { cwd: warningsOnly });
    assert.deepEqual(rulesOf(json.stdout), ['lowercase-missing:warning']);
    assert.equal(json.status, 1, 'without --max-warnings any warning fails');
    assert.equal(runCli(['--max-warnings', '1', '.'], { cwd: warningsOnly }).status, 0);
    assert.equal(runCli(['--max-warnings=0', '.'], { cwd: warningsOnly }).status, 1);
    const withErrors = projectTree({ 'docker-compose.yml': MIXED });
    assert.equal(runCli(['--max-warnings', '100', '.'], { cwd: withErrors }).status, 1);
  });

  test('--quiet shows errors only and does not count warnings', () => {
    const root = projectTree({ 'docker-compose.yml': MIXED });
    const quiet = runCli(['-q', '-f', 'json', '.'], { cwd: root });
    assert.deepEqual(rulesOf(quiet.stdout), ['credentials-unencoded:error', 'credentials-unencoded:error']);
    assert.equal(quiet.status, 1);
    const warningsOnly = runCli(['--quiet', '--rule', 'credentials-unencoded=warning', '.'], { cwd: root });
    assert.deepEqual(warningsOnly, { status: 0, stdout: '', stderr: '' });
  });
});

describe('--output-file', () => {
  test('writes the report to the file and nothing to standard output; the exit code is unchanged', () => {
    const root = projectTree({ 'docker-compose.yml': MIXED });
    const run = runCli(['-f', 'json', '-o', 'report.json', '.'], { cwd: root });
    assert.deepEqual(run, { status: 1, stdout: '', stderr: '' });
    assert.deepEqual(rulesOf(readFileSync(join(root, 'report.json'), 'utf8')), ['credentials-plaintext:info', 'credentials-plaintext:info', 'credentials-unencoded:error', 'credentials-unencoded:error', 'lowercase-missing:warning']);
  });

  test('a report file that cannot be written is an input error (exit 2)', () => {
    const root = projectTree({ 'docker-compose.yml': CLEAN.compose() });
    writeFileSync(join(root, 'not-a-folder'), '');
    const run = runCli(['-o', 'not-a-folder/report.json', '.'], { cwd: root });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'proxylint: cannot write not-a-folder/report.json: ENOTDIR\n');
  });
});
