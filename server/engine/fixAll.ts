// Applies every available fix of a document, pass after pass, the way
// `eslint --fix` does: fixes that touch the same text wait for the next pass.
import { applyEdits, type TextEditAt } from './fixes';
import { lint, type LintOptions } from './lint';

const MAX_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
}

export function fixAll(text: string, path: string, options: LintOptions = {}): FixAllResult {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { findings } = lint(current, path, options);
    const chosen: TextEditAt[] = [];
    for (const finding of findings) {
      if (!finding.fix || finding.fix.edits.length === 0) continue;
      if (finding.fix.edits.some((edit) => chosen.some((c) => overlaps(c, edit)))) continue;
      chosen.push(...finding.fix.edits);
      applied++;
    }
    if (chosen.length === 0) break;
    current = applyEdits(current, chosen);
  }
  return { text: current, applied };
}

/** Edits overlap when they share a character, or insert at the same place (their order would be ambiguous). */
function overlaps(a: TextEditAt, b: TextEditAt): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

/** The single edit that turns `before` into `after`: everything between their common prefix and suffix. */
export function minimalEdit(before: string, after: string): TextEditAt | null {
  if (before === after) return null;
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}
