// The CI snippets of README.md, run as written against a copy of examples/:
// the GitLab job's script line in a shell (as GitLab runs it), the pre-commit
// hook's entry with the example files its `files` pattern selects (as
// pre-commit runs it). `proxylint` on PATH is the built CLI, as
// `npm install --global proxylint` or pre-commit's node environment puts it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { CLI_PATH, cleanEnv, runCli } from '../support/cli';

/** The fenced block between `<!-- ci-snippet:<name>:start -->` and `…:end -->` in README.md. */
function snippet(name: string): string {
  const readme = readFileSync('README.md', 'utf8');
  const match = new RegExp(`<!-- ci-snippet:${name}:start -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\`\\n<!-- ci-snippet:${name}:end -->`).exec(readme);
  assert.ok(match, `README.md has the ${name} snippet between its markers`);
  return match[1];
}

/** A copy of examples/ to run in (reports are written into it), and a PATH whose `proxylint` is the built CLI. */
function workspace(): { cwd: string; env: NodeJS.ProcessEnv } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'proxylint-readme-')));
  const cwd = join(root, 'project');
  cpSync('examples', cwd, { recursive: true });
  const bin = join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'proxylint'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_PATH}" "$@"\n`, { mode: 0o755 });
  return { cwd, env: cleanEnv({ PATH: `${bin}:${process.env.PATH ?? ''}` }) };
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

describe('README CI snippets', () => {
  test('GitLab CI: the script line runs, fails on the broken examples, and writes a valid Code Quality report where artifacts:reports:codequality expects it', () => {
    const job = (parse(snippet('gitlab')) as Record<string, { script: string[]; artifacts: { when: string; reports: { codequality: string } } }>).proxylint;
    assert.ok(job, 'the job is called proxylint');
    assert.equal(job.script.length, 1);
    const [command] = job.script;
    assert.equal(job.artifacts.when, 'always', 'the report is uploaded when the job fails');
    const { cwd, env } = workspace();
    const run = spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 1, `${command}: ${run.stderr}`);
    assert.equal(run.stdout, '');
    const reportPath = join(cwd, job.artifacts.reports.codequality);
    assert.ok(existsSync(reportPath), `${job.artifacts.reports.codequality} is written`);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { check_name: string; location: { path: string; lines: { begin: number } } }[];
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync('test/fixtures/schemas/gitlab-code-quality.schema.json', 'utf8')) as object);
    assert.ok(validate(report), JSON.stringify(validate.errors));
    // The same problems as a JSON run over the same folder, paths relative to the repository root.
    const json = JSON.parse(runCli(['-f', 'json', '.'], { cwd }).stdout) as { file: string; line: number; rule: string }[];
    assert.deepEqual(
      report.map((i) => [i.location.path, i.location.lines.begin, i.check_name]),
      json.map((p) => [p.file, p.line, p.rule]),
    );
    for (const broken of ['broken/compose/docker-compose.yml', 'broken/runner/config.toml', 'broken/systemd/docker.service.d/http-proxy.conf', 'broken/docker/config.json']) {
      assert.ok(report.some((i) => i.location.path === broken), broken);
    }
  });

  test('pre-commit: the hook entry with the files its pattern selects lints every example kind and fails on the broken ones', () => {
    const config = parse(snippet('pre-commit')) as { repos: { repo: string; hooks: { id: string; entry: string; files: string; language: string }[] }[] };
    const hook = config.repos[0].hooks.find((h) => h.id === 'proxylint');
    assert.ok(hook);
    const { cwd, env } = workspace();
    // pre-commit matches `files` (a Python regex, searched) against repository-relative paths; this one needs nothing beyond JavaScript's.
    const pattern = new RegExp(hook.files);
    const all = filesUnder(cwd);
    const selected = all.filter((path) => pattern.test(path));
    // The examples keep Docker's client config as docker/config.json; a real ~/.docker/config.json matches `.docker/config.json`.
    assert.deepEqual(
      all.filter((p) => !selected.includes(p)),
      ['broken/docker/config.json', 'fixed/docker/config.json'],
      'the pre-commit `files` pattern in README.md covers every kind of file in examples/',
    );
    assert.ok(pattern.test('home/.docker/config.json') && pattern.test('etc/docker/daemon.json') && !pattern.test('src/config.json') && !pattern.test('package.json'));
    const [program, ...entryArgs] = hook.entry.split(/\s+/);
    const run = spawnSync(program, [...entryArgs, ...selected], { cwd, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, '');
    const reported = new Set(run.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.slice(0, l.indexOf(':'))));
    for (const broken of ['broken/compose/docker-compose.yml', 'broken/runner/config.toml', 'broken/systemd/docker.service.d/http-proxy.conf', 'broken/systemd/app.service.d/proxy.conf']) {
      assert.ok(reported.has(broken), `${broken} is reported`);
    }
  });
});
