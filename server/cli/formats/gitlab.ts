// `--format gitlab`: GitLab's Code Quality report, the Code Climate issue
// subset GitLab reads (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
// GitLab tells issues apart by `fingerprint`, so each must be unique in the
// report and stable when lines move: it hashes file, rule, message and the
// issue's rank among identical ones, never the line.
import { createHash } from 'node:crypto';
import type { Severity } from '../../rules/rule';
import type { Problem } from '../problems';
import type { FormatContext } from '.';
import { jsonArrayPieces } from './jsonPieces';
import { relativeToRoot } from './paths';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const SEVERITY: Readonly<Record<Severity, CodeQualitySeverity>> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export function formatGitlab(problems: readonly Problem[], context: FormatContext): Iterable<string> {
  return jsonArrayPieces(issues(problems, context));
}

function* issues(problems: readonly Problem[], context: FormatContext) {
  const occurrences = new Map<string, number>();
  for (const problem of problems) {
    const path = relativeToRoot(problem.file, context.cwd) ?? problem.file;
    const identity = [path, problem.rule, problem.message].join('\0');
    const rank = occurrences.get(identity) ?? 0;
    occurrences.set(identity, rank + 1);
    yield {
      type: 'issue',
      check_name: problem.rule,
      description: problem.message,
      categories: ['Bug Risk'],
      severity: SEVERITY[problem.severity],
      fingerprint: createHash('sha256').update(`${identity}\0${rank}`).digest('hex').slice(0, 32),
      location: { path, lines: { begin: problem.line, end: problem.endLine } },
    };
  }
}
