// Exit codes, as `--help` and docs/cli.md document them.
import { countProblems, type Problem } from './problems';

export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE_OR_INPUT = 2;

/** 2 when an input could not be read; else 1 for errors, or warnings past `--max-warnings` (any warning without it); else 0. Info and hints never fail a run. */
export function exitCodeOf(problems: readonly Problem[], maxWarnings: number | null, inputFailed: boolean): number {
  if (inputFailed) return EXIT_USAGE_OR_INPUT;
  const { errors, warnings } = countProblems(problems);
  if (errors > 0) return EXIT_PROBLEMS;
  if (warnings > (maxWarnings ?? 0)) return EXIT_PROBLEMS;
  return EXIT_CLEAN;
}
