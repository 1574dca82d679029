// The benchmark's inputs are what they claim to be: files of the requested
// kinds that the engine reads without a parse error, with mistakes where asked
// for and none where not. (Timing lives in bench/, not in tests.)
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { composeFile, composeFileOfLines, dockerClientConfig, dockerDaemonConfig, envFile, runnerConfig, systemdDropIn, systemdUnit, writeTree } from '../../bench/generate';
import { detectFileKind } from '../../server/documents/detect';
import { lint } from '../../server/engine/lint';

test('a generated tree holds the requested number of files, each of the kind it was made as, and each parses', () => {
  const root = mkdtempSync(join(tmpdir(), 'proxylint-bench-tree-'));
  try {
    const tree = writeTree(join(root, 'tree'), 60, 4);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === '.git') continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (name !== '.gitignore') files.push(path);
      }
    };
    walk(tree.root);
    assert.equal(files.length, 60);
    assert.equal(tree.files, 60);
    const counted: Record<string, number> = {};
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const kind = detectFileKind(relative(tree.root, path), text) ?? 'other';
      counted[kind] = (counted[kind] ?? 0) + 1;
      const result = lint(text, path);
      assert.equal(result.findings.filter((f) => f.rule === 'parse-error').length, 0, `${path} does not parse`);
    }
    assert.deepEqual(counted, Object.fromEntries(Object.entries(tree.byKind).filter(([, n]) => n > 0)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('correct variants lint clean; the default variants carry mistakes of many rules', () => {
  const clean: [string, string][] = [
    [composeFile(12, 3, 0), 'docker-compose.yml'],
    [runnerConfig(3, 3, 0), 'config.toml'],
    [dockerClientConfig(5, 3, true), '.docker/config.json'],
    [dockerDaemonConfig(3, true), 'daemon.json'],
    [systemdDropIn(3, true), 'docker.service.d/http-proxy.conf'],
    [systemdUnit('app', 3, true), 'app.service'],
    [envFile(3, true), 'env/common.env'],
  ];
  for (const [text, path] of clean) assert.deepEqual(lint(text, path).findings, [], path);
  const rules = new Set([...lint(composeFile(40, 3), 'docker-compose.yml').findings, ...lint(runnerConfig(20, 3), 'config.toml').findings].map((f) => f.rule));
  for (const rule of ['lowercase-missing', 'credentials-unencoded', 'quoted-value', 'var-typo', 'no-proxy-entry', 'case-mismatch', 'duplicate-var', 'dind-no-proxy']) assert.ok(rules.has(rule), `no ${rule} finding`);
});

test('a compose file of a given length has about that many lines', () => {
  for (const lines of [500, 5000]) {
    const count = composeFileOfLines(lines).split('\n').length;
    assert.ok(Math.abs(count - lines) <= lines * 0.03, `${count} lines instead of ${lines}`);
  }
});
