// How many cases a fuzz property runs and from which seed. CI runs a bounded,
// reproducible number (fixed seed); `npm run fuzz` passes FUZZ_RUNS and a
// random FUZZ_SEED, printed so a failure can be replayed with the same values.
// A failing input is also written to a file, ready to be moved into
// test/fixtures/fuzz-regressions/<kind>/.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { FileKind } from '../../server/engine/model';
import { EXTENSION_OF_KIND } from '../support/fileKinds';

const DEFAULT_SEED = 20_240_917;

export function fuzzSeed(): number {
  const raw = process.env.FUZZ_SEED;
  return raw && /^-?\d+$/.test(raw) ? Number(raw) : DEFAULT_SEED;
}

/** Cases per property: FUZZ_RUNS scaled by the property's weight (cheap properties run more). */
export function fuzzRuns(ciRuns: number): number {
  const raw = process.env.FUZZ_RUNS;
  return raw && /^\d+$/.test(raw) ? Math.max(1, Number(raw)) : ciRuns;
}

/** Largest nesting depth and inserted line: moderate in CI, larger in long runs (extremes.test.ts covers the largest deterministically). */
export function fuzzMaxSize(): number {
  return process.env.FUZZ_RUNS ? 50_000 : 5_000;
}

/** Fixes checked per input (each costs a re-lint); inputs with thousands of findings are checked on a spread of them. */
export const FIXES_PER_INPUT = 12;

export const FAILURES_DIRECTORY = join(tmpdir(), 'proxylint-fuzz-failures');

/** Saves an input that broke something, as raw text, and returns where. */
export function saveFailingInput(kind: FileKind, name: string, text: string): string {
  mkdirSync(join(FAILURES_DIRECTORY, kind), { recursive: true });
  const file = join(FAILURES_DIRECTORY, kind, `${name}-seed${fuzzSeed()}${EXTENSION_OF_KIND[kind]}`);
  writeFileSync(file, text);
  return file;
}

/**
 * Runs a property over inputs of one kind. `check` returns the problems of an
 * input; the smallest failing input fast-check finds is saved to a file and
 * named in the failure.
 */
export function runFuzz<T>(t: TestContext, kind: FileKind, name: string, arbitrary: fc.Arbitrary<T>, textOf: (value: T) => string, check: (value: T) => string[], ciRuns: number): void {
  const seed = fuzzSeed();
  const numRuns = fuzzRuns(ciRuns);
  t.diagnostic(`${kind} ${name}: ${numRuns} cases, seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns} npm run test:fuzz)`);
  let lastFailure: { text: string; problems: string[] } | null = null;
  try {
    fc.assert(
      fc.property(arbitrary, (value) => {
        const problems = check(value);
        if (problems.length === 0) return true;
        lastFailure = { text: textOf(value), problems };
        return false;
      }),
      { seed, numRuns, endOnFailure: false },
    );
  } catch (error) {
    const failure = lastFailure as { text: string; problems: string[] } | null;
    if (!failure) throw error;
    const file = saveFailingInput(kind, name.replace(/\W+/g, '-'), failure.text);
    throw new Error(`${kind} ${name}: ${failure.problems.slice(0, 5).join('\n')}\n\nsmallest failing input saved to ${file}\n${(error as Error).message.split('\n').slice(0, 3).join('\n')}`, { cause: error });
  }
}
