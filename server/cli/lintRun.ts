// Lints the texts of one run: each file on its own, then all of them together
// as one setup (`proxy-inconsistent`), which names the other file in its
// message since a terminal has no "related information".
import { parseDocumentOfKind } from '../documents';
import { lintModel, type LintOptions } from '../engine/lint';
import { checkWorkspace, workspaceModel, type WorkspaceFile } from '../engine/workspace';
import { kindOfFile } from './kinds';
import type { ProxyModel } from '../engine/model';
import { LineIndex, type Problem } from './problems';

export interface SourceText {
  path: string;
  text: string;
  explicit: boolean;
}

export interface RunResult {
  problems: Problem[];
  /** Files named on the command line that are none of the kinds proxylint knows. */
  skipped: string[];
}

export function lintTexts(sources: readonly SourceText[], options: LintOptions): RunResult {
  return finishRun(
    sources,
    sources.map((source) => lintSource(source, options)),
    options,
  );
}

/** One file's own problems, and its model for the comparison across files. */
export interface LintedSource {
  problems: Problem[];
  model: ProxyModel;
}

/** Lints one file on its own; null when it is none of the kinds proxylint knows. Runs on worker threads too (parallel.ts). */
export function lintSource(source: SourceText, options: LintOptions): LintedSource | null {
  const kind = kindOfFile(source.path, source.text, source.explicit, options);
  if (!kind) return null;
  const model = parseDocumentOfKind(kind, source.text, source.path);
  const lines = new LineIndex(source.text);
  // A report has no fixes: the edits of each finding need not be rendered.
  const problems = lintModel(model, { ...options, renderFixes: false }).map((finding) => ({
    ...lines.region(source.path, finding.span),
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
    related: (finding.related ?? []).map((r) => ({ ...lines.region(source.path, r.span), message: r.message })),
  }));
  // Only what the comparison across files reads is kept: a run over thousands of files holds them all.
  return { problems, model: workspaceModel(model) };
}

/** The run's result from each source's own lint (in the same order): skipped files, the comparison across files, everything sorted. */
export function finishRun(sources: readonly SourceText[], linted: readonly (LintedSource | null)[], options: LintOptions): RunResult {
  const problems: Problem[] = [];
  const skipped: string[] = [];
  const workspace: WorkspaceFile[] = [];
  const lineIndexes = new Map<string, LineIndex>();
  const textOf = new Map(sources.map((s) => [s.path, s.text]));
  const linesOf = (path: string) => {
    let lines = lineIndexes.get(path);
    if (!lines) {
      lines = new LineIndex(textOf.get(path)!);
      lineIndexes.set(path, lines);
    }
    return lines;
  };
  sources.forEach((source, i) => {
    const result = linted[i];
    if (!result) {
      if (source.explicit) skipped.push(source.path);
      return;
    }
    problems.push(...result.problems);
    workspace.push({ id: source.path, displayName: source.path, model: result.model, options });
  });
  for (const finding of checkWorkspace(workspace)) {
    problems.push({
      ...linesOf(finding.file).region(finding.file, finding.span),
      severity: finding.severity,
      rule: finding.rule,
      message: finding.message,
      related: finding.related.map((r) => ({ ...linesOf(r.file).region(r.file, r.span), message: r.message })),
    });
  }
  const order = new Map(sources.map((s, i) => [s.path, i]));
  problems.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  return { problems, skipped };
}
