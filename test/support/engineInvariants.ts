// What must hold for ANY input the engine is given: it never throws, every
// range it reports lies inside the document (and never splits a CRLF pair or
// a surrogate pair, which an editor cannot address), every fix it offers is a
// set of well-formed edits, and fix-all converges. Returns problems as text so
// a fuzz failure says what broke.
import { fixAll } from '../../server/engine/fixAll';
import type { TextEditAt } from '../../server/engine/fixes';
import { lint, type LintOptions, type LintResult } from '../../server/engine/lint';
import type { Span } from '../../server/engine/model';

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

export interface LintCheck {
  result: LintResult | null;
  problems: string[];
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}

/** An offset that lands between `\r` and `\n`, or between the halves of a surrogate pair. */
export function splitsAPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before === 0x0d && after === 0x0a) return true;
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function spanProblems(text: string, span: Span, what: string): string[] {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return [`${what}: offsets ${span.start}..${span.end} are not integers`];
  if (span.start < 0 || span.end > text.length || span.start > span.end) return [`${what}: ${span.start}..${span.end} is outside the document (length ${text.length})`];
  const problems: string[] = [];
  for (const offset of [span.start, span.end]) if (splitsAPair(text, offset)) problems.push(`${what}: offset ${offset} splits a CRLF or surrogate pair`);
  return problems;
}

/** Edits a fix offers: inside the document, sorted, none overlapping, at most one insertion per offset. */
export function editProblems(text: string, edits: readonly TextEditAt[], what: string): string[] {
  const problems: string[] = [];
  if (edits.length === 0) problems.push(`${what}: a fix with no edit`);
  edits.forEach((edit, index) => {
    problems.push(...spanProblems(text, edit, `${what} edit ${index}`));
    if (typeof edit.newText !== 'string') problems.push(`${what} edit ${index}: newText is not a string`);
    const previous = edits[index - 1];
    if (previous && (edit.start < previous.end || (edit.start === previous.start && edit.start === edit.end))) {
      problems.push(`${what}: edit ${index} (${edit.start}..${edit.end}) overlaps or is not after edit ${index - 1} (${previous.start}..${previous.end})`);
    }
  });
  return problems;
}

/** Lints and checks the result; never throws. */
export function checkLint(text: string, path: string, options: LintOptions = {}): LintCheck {
  let result: LintResult;
  try {
    result = lint(text, path, options);
  } catch (error) {
    return { result: null, problems: [`lint threw: ${describeError(error)}`] };
  }
  const problems: string[] = [];
  for (const finding of result.findings) {
    const what = `${finding.rule} at ${finding.span.start}..${finding.span.end}`;
    if (typeof finding.rule !== 'string' || finding.rule === '') problems.push(`${what}: no rule id`);
    if (!SEVERITIES.has(finding.severity)) problems.push(`${what}: severity ${String(finding.severity)}`);
    if (typeof finding.message !== 'string' || finding.message.trim() === '') problems.push(`${what}: empty message`);
    problems.push(...spanProblems(text, finding.span, what));
    for (const related of finding.related ?? []) problems.push(...spanProblems(text, related.span, `${what} related`));
    if (finding.fix) {
      if (finding.fix.title.trim() === '') problems.push(`${what}: fix without a title`);
      problems.push(...editProblems(text, finding.fix.edits, `${what} fix`));
    }
  }
  return { result, problems };
}

/** Fix-all never throws, and running it on its own output changes nothing (it converged). */
export function checkFixAll(text: string, path: string, options: LintOptions = {}): { text: string | null; problems: string[] } {
  let once: string;
  try {
    once = fixAll(text, path, options).text;
  } catch (error) {
    return { text: null, problems: [`fixAll threw: ${describeError(error)}`] };
  }
  try {
    const twice = fixAll(once, path, options);
    if (twice.text !== once || twice.applied !== 0) {
      return { text: once, problems: [`fixAll is not idempotent: a second run applied ${twice.applied} more fix(es)`] };
    }
  } catch (error) {
    return { text: once, problems: [`fixAll threw on its own output: ${describeError(error)}`] };
  }
  return { text: once, problems: [] };
}
