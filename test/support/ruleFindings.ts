// Lint real text and pick one rule's findings; apply a finding's fix the way an
// editor does. Shared by the per-rule unit tests.
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/engine/fixes';
import { lint, type Finding, type LintOptions } from '../../server/engine/lint';

export function findingsOf(text: string, path: string, rule: string, options: LintOptions = {}): Finding[] {
  return lint(text, path, options).findings.filter((f) => f.rule === rule);
}

/** The text after the fix of the rule's only finding (asserting there is exactly one, with a fix). */
export function fixOnly(text: string, path: string, rule: string): string {
  const found = findingsOf(text, path, rule);
  assert.equal(found.length, 1, `exactly one ${rule} finding, got: ${found.map((f) => f.message).join(' | ')}`);
  assert.ok(found[0].fix, `${rule} offers a fix`);
  return applyEdits(text, found[0].fix.edits);
}

/** The text the span of a finding covers. */
export function spanText(text: string, finding: Finding): string {
  return text.slice(finding.span.start, finding.span.end);
}
