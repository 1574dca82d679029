// Fuzzing the engine per file kind: generated documents (optionally damaged)
// and mutated examples/fixtures. For every input: no exception escapes, every
// range lies inside the document, every fix applies cleanly and safely (see
// test/support/fixSafety.ts), and fix-all converges.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { FileKind } from '../../server/engine/model';
import { corpusFiles } from '../support/corpus';
import { FILE_KINDS, hasSystemdAnalyze, PATHS_OF_KIND } from '../support/fileKinds';
import { checkInput, systemdFixProblems, type SystemdFix } from '../support/inputChecks';
import { DOCUMENTS_OF_KIND } from './generators';
import { applyMutations, mutationsArbitrary, type Mutation } from './mutations';
import { FIXES_PER_INPUT, fuzzMaxSize, runFuzz } from './fuzzRun';

/** Cases per property in CI; the whole suite stays well under 20 s. */
const CI_RUNS = 80;
/** systemd results loaded with systemd-analyze per property (one process for all of them). */
const SYSTEMD_SAMPLE = 150;

const corpus = corpusFiles();

function verifySystemd(fixes: SystemdFix[]): void {
  if (fixes.length === 0 || !hasSystemdAnalyze()) return;
  // Spread over the run: every n-th fix, so long runs stay bounded too.
  const step = Math.max(1, Math.ceil(fixes.length / SYSTEMD_SAMPLE));
  const problems = systemdFixProblems(fixes.filter((_, i) => i % step === 0));
  assert.deepEqual(problems, [], problems.join('\n\n'));
}

function fuzzKind(kind: FileKind): void {
  const paths = PATHS_OF_KIND[kind];
  // Huge regression inputs are covered by extremes.test.ts; mutating them would spend the whole budget on a few cases.
  const seeds = corpus.filter((file) => file.kind === kind && file.text.length <= 20_000);

  test('generated documents, some of them damaged', (t) => {
    const systemdFixes: SystemdFix[] = [];
    let fixesChecked = 0;
    const arbitrary = fc.record({
      document: DOCUMENTS_OF_KIND[kind],
      mutations: fc.oneof({ weight: 3, arbitrary: fc.constant<Mutation[]>([]) }, { weight: 2, arbitrary: mutationsArbitrary(fuzzMaxSize()) }),
      path: fc.constantFrom(...paths),
    });
    const textOf = (value: { document: { text: string }; mutations: Mutation[] }) => applyMutations(value.document.text, value.mutations, kind);
    runFuzz(t, kind, 'generated', arbitrary, textOf, (value) => {
      const report = checkInput(textOf(value), kind, value.path, {}, FIXES_PER_INPUT);
      systemdFixes.push(...report.systemdFixes);
      fixesChecked += report.fixesChecked;
      return report.problems.map((p) => `${value.path}: ${p}`);
    }, CI_RUNS);
    t.diagnostic(`${fixesChecked} fixes checked`);
    // A generator that stopped producing fixable documents would make this suite pass without testing fixes.
    assert.ok(fixesChecked > 0, `the ${kind} generator produced no fixable document`);
    verifySystemd(systemdFixes);
  });

  test('examples and fixtures, mutated', { skip: seeds.length === 0 ? `no example or fixture of kind ${kind} yet` : false }, (t) => {
    const systemdFixes: SystemdFix[] = [];
    // Seeds by name, so a counterexample prints the file name rather than its whole text.
    const byName = new Map(seeds.map((seed) => [seed.file, seed]));
    const arbitrary = fc.record({ seed: fc.constantFrom(...byName.keys()), mutations: mutationsArbitrary(fuzzMaxSize()) });
    const textOf = (value: { seed: string; mutations: Mutation[] }) => applyMutations(byName.get(value.seed)!.text, value.mutations, kind);
    runFuzz(t, kind, 'mutated', arbitrary, textOf, (value) => {
      const report = checkInput(textOf(value), kind, byName.get(value.seed)!.lintPath, {}, FIXES_PER_INPUT);
      systemdFixes.push(...report.systemdFixes);
      return report.problems.map((p) => `${value.seed} after ${JSON.stringify(value.mutations).slice(0, 300)}: ${p}`);
    }, CI_RUNS);
    verifySystemd(systemdFixes);
  });
}

for (const kind of FILE_KINDS) describe(`fuzz ${kind}`, () => fuzzKind(kind));
