// Lints one file of a run on its own, on this thread or a worker
// (parallel.ts): its problems, and the few facts the comparison across files
// reads (runCollector.ts keeps both until every file is linted), never its
// text or model.
import { readFileSync } from 'node:fs';
import { parseDocumentOfKind } from '../documents';
import { lintModel, type LintOptions } from '../engine/lint';
import { settingFacts } from '../engine/workspace';
import { toColumns, type FactColumns } from './factColumns';
import type { FileToLint } from './files';
import { kindOfFile } from './kinds';
import { LineIndex, type Problem } from './problems';

export interface SourceText {
  path: string;
  text: string;
  explicit: boolean;
}

/** One file's own problems, and its facts for the comparison across files (null when it does not parse). */
export interface LintedFile {
  problems: Problem[];
  facts: FactColumns | null;
}

/** What became of one file: linted; null when it is none of the kinds proxylint knows; or why it could not be read. */
export type FileOutcome = LintedFile | null | { unreadable: string };

/** Reads and lints one file. Runs on worker threads too (lintWorker.ts). */
export function lintFile(file: FileToLint, options: LintOptions): FileOutcome {
  let text: string;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch (error) {
    return { unreadable: `${file.path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  return lintSource({ path: file.path, text, explicit: file.explicit }, options);
}

/** Lints one text on its own; null when it is none of the kinds proxylint knows. */
export function lintSource(source: SourceText, options: LintOptions): LintedFile | null {
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
  const facts = settingFacts(model);
  return { problems, facts: facts && toColumns(facts, lines) };
}
