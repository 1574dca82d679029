// A large run lints on worker threads (server/cli/parallel.ts): its report is
// the one a single-threaded run prints, byte for byte and in the same order,
// in every format, with the same exit code. PROXYLINT_THREADS=n lints on n
// threads (the main one and n - 1 workers) whatever the number of files.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { writeTree } from '../../bench/generate';
import { CLI_PATH, cleanEnv, runCli } from '../support/cli';

test('a run on worker threads reports exactly what a single-threaded run does', { skip: !existsSync(join(dirname(CLI_PATH), 'cliWorker.js')) && 'no cliWorker.js next to the CLI bundle' }, () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'proxylint-parallel-')));
  try {
    // Several batches per worker, so results come back out of order and must be put in place.
    const tree = writeTree(join(root, 'repo'), 300, 9);
    for (const format of ['json', 'text', 'sarif']) {
      const single = runCli(['--format', format, 'repo'], { cwd: root, env: cleanEnv({ PROXYLINT_THREADS: '1' }) });
      // This thread and one worker, then two workers: results come back in another order each time.
      for (const threads of ['2', '3']) {
        const parallel = runCli(['--format', format, 'repo'], { cwd: root, env: cleanEnv({ PROXYLINT_THREADS: threads }) });
        assert.equal(parallel.stderr, single.stderr);
        assert.equal(parallel.status, single.status);
        assert.equal(parallel.stdout, single.stdout, `the ${format} reports differ with ${threads} threads`);
      }
      if (format === 'json') {
        const problems = JSON.parse(single.stdout) as { rule: string; file: string }[];
        // The tree has mistakes in many files, and files of one setup compared with each other.
        assert.ok(new Set(problems.map((p) => p.file)).size > 20);
        assert.ok(problems.some((p) => p.rule === 'proxy-inconsistent'));
      }
    }
    assert.equal(tree.files, 300);
    // Files a glob names are linted whatever their name, and reported as skipped when they are of no known kind.
    const glob = ['--format', 'json', 'repo/**/*'];
    const single = runCli(glob, { cwd: root, env: cleanEnv({ PROXYLINT_THREADS: '1' }) });
    const parallel = runCli(glob, { cwd: root, env: cleanEnv({ PROXYLINT_THREADS: '2' }) });
    assert.match(single.stderr, /skipped, proxylint does not know this kind of file/);
    assert.equal(parallel.stderr, single.stderr);
    assert.equal(parallel.stdout, single.stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
