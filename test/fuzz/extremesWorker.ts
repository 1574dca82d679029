// Runs the engine checks for the extreme inputs off the test's thread, so a
// quadratic rule makes the test fail on its time limit instead of hanging it.
import { parentPort } from 'node:worker_threads';
import type { FileKind } from '../../server/engine/model';
import { checkLint } from '../support/engineInvariants';
import { checkFix } from '../support/fixSafety';

export interface ExtremeRequest {
  kind: FileKind;
  path: string;
  text: string;
}

export interface ExtremeResult {
  problems: string[];
  lintMs: number;
  findings: number;
}

parentPort?.on('message', ({ kind, path, text }: ExtremeRequest) => {
  const started = performance.now();
  const linted = checkLint(text, path, { kind });
  const lintMs = performance.now() - started;
  const problems = [...linted.problems];
  const findings = linted.result?.findings ?? [];
  // One fix, the first one offered: applying it re-lints the whole input once more.
  const first = findings.find((finding) => finding.fix);
  if (first) problems.push(...checkFix(text, path, kind, first, findings, { kind }).problems);
  const result: ExtremeResult = { problems, lintMs, findings: findings.length };
  parentPort!.postMessage(result);
});
