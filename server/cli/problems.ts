// Findings placed in their files with 1-based lines and columns: what every
// output format prints.
import { lastStartAtOrBefore } from '../documents/text';
import type { Severity } from '../rules/rule';

export interface Position {
  line: number;
  column: number;
}

export interface Region {
  file: string;
  line: number;
  column: number;
  /** Line and column of the character after the end (exclusive), like an editor selection. */
  endLine: number;
  endColumn: number;
}

export interface Problem extends Region {
  severity: Severity;
  rule: string;
  /** Masked by the engine: never contains a password. */
  message: string;
  /** Other places that explain the problem, e.g. the other file of a `proxy-inconsistent` finding. */
  related: (Region & { message: string })[];
}

/** 1-based positions of character offsets in a text; columns count UTF-16 code units, as editors and SARIF do. */
export class LineIndex {
  private readonly lineStarts = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    const line = lastStartAtOrBefore(starts.length, (index) => starts[index], offset);
    return { line: line + 1, column: offset - starts[line] + 1 };
  }

  region(file: string, span: { start: number; end: number }): Region {
    const start = this.position(span.start);
    const end = this.position(span.end);
    return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export function countProblems(problems: readonly Problem[]): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const p of problems) {
    if (p.severity === 'error') counts.errors++;
    else if (p.severity === 'warning') counts.warnings++;
    else if (p.severity === 'info') counts.infos++;
    else counts.hints++;
  }
  return counts;
}
