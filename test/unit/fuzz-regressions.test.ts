// Every input that ever broke something (test/fixtures/fuzz-regressions/<kind>/):
// linted under every path of its kind, through detection and as its kind,
// with every fix and fix-all checked, systemd results loaded by systemd itself.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { regressionInputs } from '../support/corpus';
import { hasSystemdAnalyze, PATHS_OF_KIND } from '../support/fileKinds';
import { checkInput, systemdFixProblems, type SystemdFix } from '../support/inputChecks';

const inputs = regressionInputs();
/** Some inputs have thousands of findings: their fixes are checked on an even spread, a short one for huge inputs. */
const fixesPerInput = (text: string) => (text.length > 20_000 ? 3 : 25);

describe('fuzz regressions', () => {
  test('the folder holds inputs for every kind that had a bug', () => {
    const kinds = new Set(inputs.map((input) => input.kind));
    for (const kind of ['compose', 'runner', 'systemd', 'docker-client', 'docker-daemon', 'env-file']) assert.ok(kinds.has(kind as never), `no regression input of kind ${kind}`);
  });

  const systemdFixes: SystemdFix[] = [];
  for (const input of inputs) {
    test(input.file, () => {
      for (const path of PATHS_OF_KIND[input.kind]) {
        const report = checkInput(input.text, input.kind, path, {}, fixesPerInput(input.text));
        assert.deepEqual(report.problems, [], `${input.file} as ${path}:\n${report.problems.join('\n')}`);
        systemdFixes.push(...report.systemdFixes);
      }
    });
  }

  test('systemd loads every fixed unit without a new complaint', { skip: hasSystemdAnalyze() ? false : 'systemd-analyze is not installed' }, () => {
    const problems = systemdFixProblems(systemdFixes);
    assert.deepEqual(problems, [], problems.join('\n\n'));
  });
});
