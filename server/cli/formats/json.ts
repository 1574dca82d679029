// `--format json`: an array of {file, line, column, endLine, endColumn,
// severity, rule, message}, 1-based, exactly these keys (scripts rely on them).
import type { Problem } from '../problems';

export function formatJson(problems: readonly Problem[]): string {
  const rows = problems.map(({ file, line, column, endLine, endColumn, severity, rule, message }) => ({ file, line, column, endLine, endColumn, severity, rule, message }));
  return JSON.stringify(rows, null, 2);
}
