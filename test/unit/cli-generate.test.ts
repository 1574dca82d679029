// `proxylint generate` as a real process (the built cli.js).
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../../server/engine/fixes';
import { generateCompose } from '../../server/generators/compose';
import { generateRunnerEnvironment } from '../../server/generators/runnerConfig';
import { generateSystemdDropIn } from '../../server/generators/systemdDropIn';
import { cleanEnv, projectTree, runCli } from '../support/cli';
import { NASTY_PASSWORD, NASTY_PASSWORD_ENCODED } from '../support/generated';

const PROXY = 'http://proxy.corp.example:3128';
const ENV = cleanEnv({ PROXY_PASSWORD: NASTY_PASSWORD });

function assertNoPasswordIn(text: string): void {
  assert.ok(!text.includes(NASTY_PASSWORD) && !text.includes(NASTY_PASSWORD_ENCODED), `the password leaked into: ${text}`);
}

test('systemd: the drop-in on stdout, where to save it and what to run on stderr', () => {
  const run = runCli(['generate', 'systemd', '--proxy', PROXY, '--user', 'svc', '--password-env', 'PROXY_PASSWORD', '--no-proxy', '.corp.example', '--no-proxy', 'registry.corp.example'], { env: ENV });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, generateSystemdDropIn({ proxyUrl: PROXY, user: 'svc', password: NASTY_PASSWORD, noProxy: ['.corp.example', 'registry.corp.example'] }, { unit: 'docker' }).text);
  assert.equal(
    run.stderr,
    'proxylint: save it as /etc/systemd/system/docker.service.d/http-proxy.conf\nThen run:\n  sudo mkdir -p /etc/systemd/system/docker.service.d\n  sudo systemctl daemon-reload\n  sudo systemctl restart docker\n  sudo systemctl show --property=Environment docker\n',
  );
});

test('systemd --in-place writes the drop-in readable by its owner only', () => {
  const root = projectTree({});
  const path = join(root, 'gitlab-runner.service.d', 'http-proxy.conf');
  const run = runCli(['generate', 'systemd', '--unit', 'gitlab-runner', '--proxy', PROXY, '--user', 'svc', '--password-stdin', '--file', path, '--in-place'], { input: `${NASTY_PASSWORD}\n`, env: ENV });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(readFileSync(path, 'utf8'), generateSystemdDropIn({ proxyUrl: PROXY, user: 'svc', password: NASTY_PASSWORD, noProxy: [] }, { unit: 'gitlab-runner' }).text);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assertNoPasswordIn(run.stderr);
});

test('compose --in-place edits the file, keeps its mode, and prints nothing on stdout', () => {
  const original = readFileSync('examples/broken/compose/docker-compose.yml', 'utf8');
  const root = projectTree({ 'docker-compose.yml': original });
  const path = join(root, 'docker-compose.yml');
  const mode = statSync(path).mode & 0o777;
  const run = runCli(['generate', 'compose', '--file', path, '--in-place', '--service', 'repo_api', '--service', 'db', '--proxy', PROXY], { env: ENV });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, `proxylint: wrote ${path}\n`);
  assert.equal(readFileSync(path, 'utf8'), applyEdits(original, generateCompose(original, { proxyUrl: PROXY, noProxy: [] }, { services: ['repo_api', 'db'] }).edits));
  assert.equal(statSync(path).mode & 0o777, mode);
});

test('runner: --runner takes a 1-based position, --git-proxy adds the script; the result goes to stdout', () => {
  const original = '[[runners]]\n  name = "a"\n\n[[runners]]\n  name = "b"\n';
  const root = projectTree({ 'config.toml': original });
  const run = runCli(['generate', 'runner', '--file', join(root, 'config.toml'), '--runner', '2', '--git-proxy', '--proxy', PROXY], { env: ENV });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, applyEdits(original, generateRunnerEnvironment(original, { proxyUrl: PROXY, noProxy: [] }, { runner: 1, gitProxy: true }).edits));
  assert.equal(readFileSync(join(root, 'config.toml'), 'utf8'), original, 'without --in-place the file is untouched');
});

test('docker-config: a missing --file is created (mode 0600), an existing one merged', () => {
  const root = projectTree({ 'existing.json': '{\n  "auths": {}\n}\n' });
  const created = join(root, '.docker', 'config.json');
  assert.equal(runCli(['generate', 'docker-config', '--file', created, '--in-place', '--proxy', PROXY, '--user', 'svc', '--password-env', 'PROXY_PASSWORD'], { env: ENV }).status, 0);
  assert.equal(JSON.parse(readFileSync(created, 'utf8')).proxies.default.httpProxy, `http://svc:${NASTY_PASSWORD_ENCODED}@proxy.corp.example:3128`);
  assert.equal(statSync(created).mode & 0o777, 0o600);
  const merged = runCli(['generate', 'docker-config', '--file', join(root, 'existing.json'), '--proxy', PROXY], { env: ENV });
  assert.equal(merged.status, 0, merged.stderr);
  assert.deepEqual(JSON.parse(merged.stdout), { auths: {}, proxies: { default: { httpProxy: PROXY, httpsProxy: PROXY, noProxy: 'localhost,127.0.0.1' } } });
});

test('encode: the encoded URL alone on stdout, for $(...)', () => {
  const run = runCli(['generate', 'encode', '--proxy', PROXY, '--user', 'svc', '--password-env', 'PROXY_PASSWORD'], { env: ENV });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, `http://svc:${NASTY_PASSWORD_ENCODED}@proxy.corp.example:3128\n`);
  assert.equal(run.stderr, '');
});

test('bad usage and bad input exit 2 with a clear message that never holds the password', () => {
  const cases: [string[], RegExp][] = [
    [['generate'], /which kind\? One of systemd, runner, docker-config, compose, encode/],
    [['generate', 'kubernetes', '--proxy', PROXY], /unknown kind "kubernetes"/],
    [['generate', 'systemd'], /--proxy <url> is required/],
    [['generate', 'runner', '--proxy', PROXY], /runner merges into a file: give --file <path>/],
    [['generate', 'systemd', '--proxy', PROXY, '--service', 'a'], /--service applies to compose only/],
    [['generate', 'systemd', '--proxy', PROXY, '--unit', 'nginx'], /--unit must be docker or gitlab-runner/],
    [['generate', 'systemd', '--proxy', PROXY, '--in-place'], /--in-place needs --file/],
    [['generate', 'systemd', '--proxy', PROXY, '--user', 'u', '--password-env', 'PROXY_PASSWORD', '--password', NASTY_PASSWORD], /give the password one way/],
    [['generate', 'systemd', '--proxy', PROXY, '--user', 'u', '--password-env', 'NOT_SET_ANYWHERE'], /NOT_SET_ANYWHERE is not set/],
    [['generate', 'systemd', '--proxy', `http://u:${NASTY_PASSWORD}@proxy`], /must not contain spaces or quotes/],
    [['generate', 'systemd', '--proxy', 'http://u:s3cr3t@proxy'], /Add the port/],
    [['generate', 'systemd', '--proxy', PROXY, '--no-proxy', '*.corp.example'], /write "\.corp\.example"/],
    [['generate', 'systemd', '--proxy', PROXY, '--bogus', NASTY_PASSWORD], /unknown option --bogus/],
    [['generate', 'compose', '--proxy', PROXY, '--file', '/nonexistent/compose.yml'], /cannot read it \(ENOENT\)/],
  ];
  for (const [args, message] of cases) {
    const run = runCli(args, { env: ENV });
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.equal(run.stdout, '', args.join(' '));
    assert.match(run.stderr, message, args.join(' '));
    assert.match(run.stderr, /^proxylint generate: /);
    assertNoPasswordIn(run.stderr);
    assert.doesNotMatch(run.stderr, /s3cr3t/);
  }
});

test('generate --help documents every kind and the password options', () => {
  const run = runCli(['generate', '--help']);
  assert.equal(run.status, 0);
  for (const word of ['systemd', 'runner', 'docker-config', 'compose', 'encode', '--password-env', '--password-stdin', '--in-place', '--git-proxy']) assert.ok(run.stdout.includes(word), word);
});
