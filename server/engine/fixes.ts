// Fixes are abstract operations on the model; a writer per syntax turns them
// into minimal text edits with that syntax's quoting and escaping.
import type { Assignment, ProxyModel, Span } from './model';
import { writerFor } from '../writers';

export type FixOperation =
  /** Add `name=value` right after an existing assignment, in the same style. */
  | { op: 'insert-after'; after: Assignment; name: string; value: string | null }
  | { op: 'replace-value'; target: Assignment; value: string }
  | { op: 'rename'; target: Assignment; name: string }
  | { op: 'remove'; target: Assignment }
  /** Start a section (`[Service]`) on the line before an assignment; only syntaxes with sections (systemd) render it. */
  | { op: 'insert-section-header'; before: Assignment; header: string };

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

/** The assignment an operation is written relative to. */
function anchorOf(operation: FixOperation): Assignment {
  return operation.op === 'insert-after' ? operation.after : operation.op === 'insert-section-header' ? operation.before : operation.target;
}

/** The entries a fix reads: its edits are right only while these stay as they were. */
export function fixFootprint(fix: Fix): Span[] {
  return fix.operations.map((operation) => anchorOf(operation).span);
}

export function renderFix(model: ProxyModel, fix: Fix): TextEditAt[] {
  if (fix.operations.length === 1) {
    // Most fixes are one operation: nothing to merge or sort (the general path below allocated four arrays per fix).
    const edit = writerFor(anchorOf(fix.operations[0]).syntax.kind).render(model.text, fix.operations[0]);
    const change = minimalEdit(model.text.slice(edit.start, edit.end), edit.newText, edit.start);
    return change ? [change] : [];
  }
  const edits = fix.operations.map((operation) => writerFor(anchorOf(operation).syntax.kind).render(model.text, operation));
  // Writers re-render whole entries; trimmed to what really changes, two fixes in one value (two NO_PROXY entries) no longer overlap.
  const changes = edits.map((edit) => minimalEdit(model.text.slice(edit.start, edit.end), edit.newText, edit.start)).filter((edit): edit is TextEditAt => edit !== null);
  return mergeInsertionsAtSamePlace(changes);
}

/** The single edit that turns `before` into `after` (offsets shifted by `at`): what lies between their common prefix and suffix; null when they are equal. */
export function minimalEdit(before: string, after: string, at = 0): TextEditAt | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: at + prefix, end: at + before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}

/** Two insertions at one offset (twins added after the same entry) become one edit, in the order the fix listed them. */
function mergeInsertionsAtSamePlace(edits: TextEditAt[]): TextEditAt[] {
  const merged: TextEditAt[] = [];
  for (const edit of edits) {
    const same = merged.find((m) => m.start === edit.start && m.end === edit.start && edit.end === edit.start);
    if (same) same.newText += edit.newText;
    else merged.push({ start: edit.start, end: edit.end, newText: edit.newText });
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
