// What a run keeps of each file until every file is linted, and the run's
// result: each file's own problems, then the files compared with each other
// as one setup (`proxy-inconsistent`, which names the other file in its
// message since a terminal has no "related information"), all sorted in the
// order the files were found. Files come in any order (from several threads)
// and are kept compact: a run over tens of thousands of files holds them all.
import type { LintOptions } from '../engine/lint';
import { checkFacts, type FactsFile } from '../engine/workspace';
import { FactStore, type PlacedFact, type StoredFacts } from './factColumns';
import type { FileToLint } from './files';
import type { FileOutcome } from './lintRun';
import type { Problem, Region } from './problems';

export interface RunResult {
  problems: Problem[];
  /** Files named on the command line that are none of the kinds proxylint knows. */
  skipped: string[];
  /** Files that could not be read, one line each for standard error. */
  errors: string[];
}

type KeptOutcome = { problems: Problem[]; facts: StoredFacts | null } | null | { unreadable: string };

export class RunCollector {
  private readonly outcomes: KeptOutcome[] = [];
  private readonly facts = new FactStore();
  /** Strings that problems repeat (rule ids, severities), one copy each. */
  private readonly strings = new Map<string, string>();

  constructor(private readonly options: LintOptions) {}

  /** The outcome of the file found at `index`. */
  keep(index: number, file: FileToLint, outcome: FileOutcome): void {
    if (outcome === null || 'unreadable' in outcome) {
      this.outcomes[index] = outcome;
      return;
    }
    this.outcomes[index] = {
      problems: outcome.problems.map((problem) => this.compact(problem, file.path)),
      facts: outcome.facts && this.facts.add(outcome.facts),
    };
  }

  /** The result once every file found (`files`, in order) has its outcome. */
  finish(files: readonly FileToLint[]): RunResult {
    const skipped: string[] = [];
    const errors: string[] = [];
    const workspace: FactsFile<PlacedFact>[] = [];
    files.forEach((file, i) => {
      const outcome = this.outcomes[i];
      if (outcome === null) {
        if (file.explicit) skipped.push(file.path);
      } else if ('unreadable' in outcome) {
        errors.push(outcome.unreadable);
      } else if (outcome.facts) {
        workspace.push({ id: file.path, displayName: file.path, facts: this.facts.facts(outcome.facts), options: this.options });
      }
    });
    const acrossFiles = new Map<string, Problem[]>();
    for (const finding of checkFacts(workspace)) {
      const problem: Problem = {
        file: finding.file,
        ...placeOf(finding.fact),
        severity: finding.severity,
        rule: finding.rule,
        message: finding.message,
        related: finding.related.map((r) => ({ file: r.file, ...placeOf(r.fact), message: r.message })),
      };
      const inFile = acrossFiles.get(problem.file);
      if (inFile) inFile.push(problem);
      else acrossFiles.set(problem.file, [problem]);
    }
    // Files in the order they were found, each file's problems by position (its own first where two share one).
    const problems: Problem[] = [];
    files.forEach((file, i) => {
      const outcome = this.outcomes[i];
      const own = outcome && !('unreadable' in outcome) ? outcome.problems : [];
      const across = acrossFiles.get(file.path) ?? [];
      for (const problem of inPlaceOrder([...own, ...across])) problems.push(problem);
    });
    return { problems, skipped, errors };
  }

  /** A new literal rather than the object a worker sent: objects copied between threads do not share their shape and take more room. */
  private compact(problem: Problem, file: string): Problem {
    return {
      file,
      line: problem.line,
      column: problem.column,
      endLine: problem.endLine,
      endColumn: problem.endColumn,
      severity: this.intern(problem.severity),
      rule: this.intern(problem.rule),
      message: problem.message,
      related: problem.related,
    };
  }

  private intern<T extends string>(text: T): T {
    const known = this.strings.get(text);
    if (known !== undefined) return known as T;
    this.strings.set(text, text);
    return text;
  }
}

const byPlace = (a: Problem, b: Problem) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

/** Sorted by line, column and rule, the same ones keeping their order; a file's own problems mostly come sorted already. */
function inPlaceOrder(problems: Problem[]): Problem[] {
  for (let i = 1; i < problems.length; i++) if (byPlace(problems[i - 1], problems[i]) > 0) return problems.sort(byPlace);
  return problems;
}

function placeOf(fact: PlacedFact): Omit<Region, 'file'> {
  return { line: fact.line, column: fact.column, endLine: fact.endLine, endColumn: fact.endColumn };
}
