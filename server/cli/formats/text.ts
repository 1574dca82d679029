// `--format text`: one line per problem, `file:line:column severity rule
// message` (what editors and `grep` understand), then a count.
import { palette } from '../colour';
import { countProblems, type Problem } from '../problems';
import type { FormatContext } from '.';

export function* formatText(problems: readonly Problem[], context: FormatContext): Generator<string> {
  if (problems.length === 0) return;
  const paint = palette(context.colour);
  const severity = (p: Problem) => (p.severity === 'error' ? paint.error : p.severity === 'warning' ? paint.warning : paint.info)(p.severity);
  for (const p of problems) yield `${paint.bold(`${p.file}:${p.line}:${p.column}`)} ${severity(p)} ${paint.dim(p.rule)} ${p.message}\n`;
  const counts = countProblems(problems);
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), plural(counts.infos, 'info'), plural(counts.hints, 'hint')];
  const summary = `${plural(problems.length, 'problem')} (${parts.join(', ')})`;
  const colourOfSummary = counts.errors > 0 ? paint.error : counts.warnings > 0 ? paint.warning : paint.info;
  yield `\n${paint.bold(colourOfSummary(summary))}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 || noun === 'info' ? '' : 's'}`;
}
