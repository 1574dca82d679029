// Fixes are abstract operations on the model; a writer per syntax turns them
// into minimal text edits with that syntax's quoting and escaping.
import type { Assignment, ProxyModel } from './model';
import { writerFor } from '../writers';

export type FixOperation =
  /** Add `name=value` right after an existing assignment, in the same style. */
  | { op: 'insert-after'; after: Assignment; name: string; value: string | null }
  | { op: 'replace-value'; target: Assignment; value: string }
  | { op: 'rename'; target: Assignment; name: string }
  | { op: 'remove'; target: Assignment };

export interface Fix {
  title: string;
  operations: FixOperation[];
}

/** A text edit as offsets into the document the model was parsed from. */
export interface TextEditAt {
  start: number;
  end: number;
  newText: string;
}

export function renderFix(model: ProxyModel, fix: Fix): TextEditAt[] {
  const edits = fix.operations.map((operation) => {
    const target = operation.op === 'insert-after' ? operation.after : operation.target;
    return writerFor(target.syntax.kind).render(model.text, operation);
  });
  return mergeInsertionsAtSamePlace(edits);
}

/** Two insertions at one offset (twins added after the same entry) become one edit, in the order the fix listed them. */
function mergeInsertionsAtSamePlace(edits: TextEditAt[]): TextEditAt[] {
  const merged: TextEditAt[] = [];
  for (const edit of edits) {
    const same = merged.find((m) => m.start === edit.start && m.end === edit.start && edit.end === edit.start);
    if (same) same.newText += edit.newText;
    else merged.push({ ...edit });
  }
  return merged.sort((a, b) => a.start - b.start);
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEditAt[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}
