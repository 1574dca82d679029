// No false alarms: every file under test/fixtures/clean is a correct setup of
// its kind, and lint() must find nothing in it. Adding a file adds a case.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { lint } from '../../server/engine/lint';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'clean');

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)]));
}

describe('clean fixtures: no finding in correct files', () => {
  const files = filesUnder(ROOT);

  test('the clean set covers every file kind', () => {
    const kinds = new Set(files.map((path) => lint(readFileSync(path, 'utf8'), path).kind));
    assert.deepEqual([...kinds].sort(), ['compose', 'docker-client', 'docker-daemon', 'env-file', 'runner', 'systemd']);
  });

  for (const path of files) {
    test(relative(ROOT, path), () => {
      const result = lint(readFileSync(path, 'utf8'), path);
      assert.notEqual(result.kind, null, 'the file is recognised as one of the kinds proxylint lints');
      assert.deepEqual(
        result.findings.map((f) => `${f.rule}: ${f.message}`),
        [],
      );
    });
  }
});
