// The built CLI as a process: which files a run lints (folders, globs,
// .gitignore, skipped folders) and what happens with inputs it cannot read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CLEAN, projectTree, runCli } from '../support/cli';

/** A compose file with exactly one finding (lowercase-missing on HTTP_PROXY), to see whether a file was linted. */
const ONE_FINDING = 'services:\n  a:\n    environment:\n      HTTP_PROXY: http://proxy:3128\n      HTTPS_PROXY: http://proxy:3128\n      https_proxy: http://proxy:3128\n      NO_PROXY: localhost\n      no_proxy: localhost\n';

function filesReported(stdout: string): string[] {
  return [...new Set((JSON.parse(stdout) as { file: string }[]).map((p) => p.file))];
}

describe('folders', () => {
  test('a folder is searched for the known kinds; node_modules and .git are skipped; other files are never read', () => {
    const root = projectTree({
      'deploy/docker-compose.yml': ONE_FINDING,
      'deploy/compose.prod.yaml': ONE_FINDING,
      'deploy/stack.yml': ONE_FINDING,
      'node_modules/pkg/docker-compose.yml': ONE_FINDING,
      '.git/docker-compose.yml': ONE_FINDING,
      'notes.txt': 'HTTP_PROXY=http://proxy:3128',
    });
    const run = runCli(['-f', 'json', '.'], { cwd: root });
    assert.equal(run.status, 1);
    assert.deepEqual(filesReported(run.stdout), ['deploy/compose.prod.yaml', 'deploy/docker-compose.yml']);
    assert.equal(run.stderr, '');
  });

  test('.gitignore is respected, nested files and negations included, up to the repository top; --no-ignore lints everything', () => {
    const root = projectTree({
      '.gitignore': 'generated/\n*.local.yml\n',
      'app/.gitignore': 'compose.*.yaml\n!compose.keep.yaml\n',
      'app/docker-compose.yml': ONE_FINDING,
      'app/docker-compose.local.yml': ONE_FINDING,
      'app/compose.tmp.yaml': ONE_FINDING,
      'app/compose.keep.yaml': ONE_FINDING,
      'generated/docker-compose.yml': ONE_FINDING,
    });
    mkdirSync(join(root, '.git'));
    const fromTop = runCli(['-f', 'json', '.'], { cwd: root });
    assert.deepEqual(filesReported(fromTop.stdout), ['app/compose.keep.yaml', 'app/docker-compose.yml']);
    // Run from a subfolder, the repository top's .gitignore still applies.
    const fromApp = runCli(['-f', 'json', '.'], { cwd: join(root, 'app') });
    assert.deepEqual(filesReported(fromApp.stdout), ['compose.keep.yaml', 'docker-compose.yml']);
    const all = runCli(['-f', 'json', '--no-ignore', '.'], { cwd: root });
    assert.deepEqual(filesReported(all.stdout).sort(), ['app/compose.keep.yaml', 'app/compose.tmp.yaml', 'app/docker-compose.local.yml', 'app/docker-compose.yml', 'generated/docker-compose.yml']);
  });

  test('a file named on the command line is linted even when .gitignore excludes it', () => {
    const root = projectTree({ '.gitignore': 'docker-compose.yml\n', 'docker-compose.yml': ONE_FINDING });
    assert.deepEqual(filesReported(runCli(['-f', 'json', 'docker-compose.yml'], { cwd: root }).stdout), ['docker-compose.yml']);
    assert.deepEqual(runCli(['.'], { cwd: root }), { status: 0, stdout: '', stderr: '' });
  });
});

describe('files and globs', () => {
  test('a named file whose name does not tell its kind is read as the kind its extension suggests', () => {
    const root = projectTree({ 'stack.yml': ONE_FINDING, 'README.md': '# hi\n' });
    const run = runCli(['-f', 'json', 'stack.yml', 'README.md'], { cwd: root });
    assert.deepEqual(filesReported(run.stdout), ['stack.yml']);
    assert.equal(run.stderr, 'proxylint: README.md: skipped, proxylint does not know this kind of file\n');
    assert.equal(run.status, 1);
  });

  test('a quoted glob is expanded by proxylint, matches are linted like named files, .gitignore applies', () => {
    const root = projectTree({
      '.gitignore': 'old/\n',
      'deploy/a/stack.yml': ONE_FINDING,
      'deploy/b/docker-compose.yml': ONE_FINDING,
      'deploy/b/notes.md': 'x',
      'deploy/old/stack.yml': ONE_FINDING,
      'other/stack.yml': ONE_FINDING,
    });
    const run = runCli(['-f', 'json', 'deploy/**/*.yml'], { cwd: root });
    assert.deepEqual(filesReported(run.stdout), ['deploy/a/stack.yml', 'deploy/b/docker-compose.yml']);
    const fromRoot = runCli(['-f', 'json', '**/stack.yml'], { cwd: root });
    assert.deepEqual(filesReported(fromRoot.stdout), ['deploy/a/stack.yml', 'other/stack.yml']);
  });

  test('a glob that matches nothing exits 2', () => {
    const root = projectTree({ 'docker-compose.yml': CLEAN.compose() });
    const run = runCli(['deploy/**/*.yml'], { cwd: root });
    assert.deepEqual(run, { status: 2, stdout: '', stderr: 'proxylint: deploy/**/*.yml: no files match this pattern\n' });
  });

  test('a file given twice (by name and in its folder) is linted once', () => {
    const root = projectTree({ 'docker-compose.yml': ONE_FINDING });
    assert.equal((JSON.parse(runCli(['-f', 'json', 'docker-compose.yml', '.', './docker-compose.yml'], { cwd: root }).stdout) as unknown[]).length, 1);
  });
});

describe('inputs that cannot be read exit 2 (these fail for root too)', () => {
  test('a missing file', () => {
    assert.deepEqual(runCli(['nope/docker-compose.yml'], { cwd: projectTree({}) }), { status: 2, stdout: '', stderr: 'proxylint: nope/docker-compose.yml: no such file or folder\n' });
  });

  test('a dangling symbolic link', () => {
    const root = projectTree({});
    symlinkSync(join(root, 'gone.yml'), join(root, 'docker-compose.yml'));
    assert.deepEqual(runCli(['docker-compose.yml'], { cwd: root }), { status: 2, stdout: '', stderr: 'proxylint: docker-compose.yml: a symbolic link to a file that does not exist\n' });
  });

  test('a FIFO named on the command line is refused instead of blocking', () => {
    const root = projectTree({});
    execFileSync('mkfifo', [join(root, 'docker-compose.yml')]);
    assert.deepEqual(runCli(['docker-compose.yml'], { cwd: root }), { status: 2, stdout: '', stderr: 'proxylint: docker-compose.yml: not a regular file (a FIFO, socket or device is not linted)\n' });
  });

  test('a file without read permission (only meaningful when not root: root reads it anyway)', { skip: process.getuid?.() === 0 ? 'running as root, which ignores file modes' : false }, () => {
    const root = projectTree({ 'docker-compose.yml': ONE_FINDING });
    chmodSync(join(root, 'docker-compose.yml'), 0o000);
    assert.deepEqual(runCli(['docker-compose.yml'], { cwd: root }), { status: 2, stdout: '', stderr: 'proxylint: docker-compose.yml: cannot read it (EACCES)\n' });
  });
});
