// `--format json`: an array of {file, line, column, endLine, endColumn,
// severity, rule, message}, 1-based, exactly these keys (scripts rely on them).
import type { Problem } from '../problems';
import { jsonArrayPieces } from './jsonPieces';

export function formatJson(problems: readonly Problem[]): Iterable<string> {
  return jsonArrayPieces(rows(problems));
}

function* rows(problems: readonly Problem[]) {
  for (const { file, line, column, endLine, endColumn, severity, rule, message } of problems) yield { file, line, column, endLine, endColumn, severity, rule, message };
}
