// Every quick fix on every example, fixture and fuzz-found input, and on their
// CRLF, BOM, tab and no-final-newline variants: the fixed text parses with the
// consumer's parser (systemd units with systemd-analyze), the fixed finding is
// gone from its place and its edit is not offered again, fix-all is idempotent,
// and every byte outside the edits is unchanged (test/support/fixSafety.ts).
// Line endings, a BOM and tabs change no finding, only offsets.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../../server/engine/lint';
import type { FileKind } from '../../server/engine/model';
import { withBom, withCrlf, withoutFinalNewline, withTabs } from '../fuzz/mutations';
import { corpusFiles } from '../support/corpus';
import { hasSystemdAnalyze } from '../support/fileKinds';
import { checkInput, systemdFixProblems, type SystemdFix } from '../support/inputChecks';

/** Regression inputs can hold thousands of findings: their fixes are checked on an even spread, a short one for huge inputs. */
const fixesPerInput = (text: string) => (text.length > 20_000 ? 3 : 40);

const VARIANTS: readonly { name: string; make: (text: string, kind: FileKind) => string }[] = [
  { name: 'as written', make: (text) => text },
  { name: 'CRLF', make: (text) => withCrlf(text) },
  { name: 'BOM', make: (text) => withBom(text) },
  { name: 'BOM + CRLF', make: (text) => withBom(withCrlf(text)) },
  { name: 'tabs', make: (text, kind) => withTabs(text, kind) },
  { name: 'no final newline', make: (text) => withoutFinalNewline(text) },
];

/** What a text's findings say, without where: equal for two texts that differ only in line endings or blanks. */
function findingsSaid(text: string, path: string, kind: FileKind): string[] {
  return lint(text, path, { kind })
    .findings.map((f) => `${f.rule}: ${f.message.replace(/\d+/g, '#')}`)
    .sort();
}

const files = corpusFiles();
const systemdFixes: SystemdFix[] = [];

describe('fix safety', () => {
  test('the corpus has fixable inputs of every kind the examples cover', () => {
    const fixable = new Set(files.filter((f) => lint(f.text, f.lintPath, { kind: f.kind }).findings.some((finding) => finding.fix)).map((f) => f.kind));
    for (const kind of ['compose', 'runner', 'systemd', 'docker-client'] as const) assert.ok(fixable.has(kind), `no fixable ${kind} input: the fix-safety checks would test nothing for it`);
  });

  for (const file of files) {
    test(file.file, () => {
      const original = findingsSaid(file.text, file.lintPath, file.kind);
      for (const variant of VARIANTS) {
        const text = variant.make(file.text, file.kind);
        if (variant.name !== 'as written' && text === file.text) continue;
        // Huge regression inputs are about time, covered as written; their variants would only repeat that.
        if (variant.name !== 'as written' && file.text.length > 20_000) continue;
        const report = checkInput(text, file.kind, file.lintPath, {}, fixesPerInput(text));
        assert.deepEqual(report.problems, [], `${file.file} (${variant.name}):\n${report.problems.join('\n')}`);
        systemdFixes.push(...report.systemdFixes.map((fix) => ({ ...fix, what: `${file.file} (${variant.name}): ${fix.what}` })));
        // Only meaningful when the original uses LF (a CRLF variant of a CRLF file is itself).
        if (variant.name !== 'as written' && !file.text.includes('\r')) {
          assert.deepEqual(findingsSaid(text, file.lintPath, file.kind), original, `${file.file}: the ${variant.name} variant changes what is reported`);
        }
      }
    });
  }

  test('systemd loads every fixed unit without a new complaint', { skip: hasSystemdAnalyze() ? false : 'systemd-analyze is not installed' }, () => {
    assert.ok(systemdFixes.length > 0, 'systemd fixes were collected');
    const problems = systemdFixProblems(systemdFixes);
    assert.deepEqual(problems, [], problems.join('\n\n'));
  });
});
