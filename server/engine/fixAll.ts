// Applies every available fix of a document, pass after pass, the way
// `eslint --fix` does: fixes that touch the same text wait for the next pass.
import { applyEdits, type TextEditAt } from './fixes';
import type { Span } from './model';
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
  // Every text reached, with the count of fixes that led to it. Two fixes that undo each other (a
  // suppressed finding on one twin, a "make both cases equal" fix on the other) would otherwise flip
  // the text until MAX_PASSES, and the next fix-all would flip it again: stop where the cycle starts.
  const reached = new Map<string, number>([[text, 0]]);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { findings } = lint(current, path, options);
    const chosen: TextEditAt[] = [];
    const read: Span[] = [];
    for (const finding of findings) {
      if (!finding.fix || finding.fix.edits.length === 0) continue;
      // Two fixes computed from the same entry (two NO_PROXY entries of one value) may each assume the other did not run.
      if (finding.fix.edits.some((edit) => chosen.some((c) => overlaps(c, edit)))) continue;
      if (finding.fix.footprint.some((span) => read.some((r) => overlaps(r, span)))) continue;
      chosen.push(...finding.fix.edits);
      read.push(...finding.fix.footprint);
      applied++;
    }
    if (chosen.length === 0) break;
    current = applyEdits(current, chosen);
    const before = reached.get(current);
    if (before !== undefined) return { text: current, applied: before };
    reached.set(current, applied);
  }
  return { text: current, applied };
}

/** Ranges overlap when they share a character, or start at the same place (two insertions there would have an ambiguous order). */
function overlaps(a: Span, b: Span): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}
