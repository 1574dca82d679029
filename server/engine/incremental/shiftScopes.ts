// Moves what was computed for a part of a document (its scopes, their
// findings) by a number of characters, after an edit before that part changed
// the length of the text: every `{ start, end }` (spans, text edits) and every
// offset function that points at or after the edit. A scope also points at
// text before it (an assignment merged from an anchor is where the anchor is
// written), which stays. Generic over the model, so fields added later are
// moved too; a field it cannot move (a function other than `valueOffsets`)
// makes it give up, and the caller parses the file whole.
import type { Scope } from '../model';

/** The original offset function and how far it has been moved, so moving a moved function does not nest wrappers. */
const movedFunctions = new WeakMap<(index: number) => number, { base: (index: number) => number; delta: number }>();

export class CannotShift extends Error {}

/** Copies of the scopes with every offset at or after `at` (an offset of the text before the edit) moved by `delta`. */
export function shiftScopes(scopes: readonly Scope[], at: number, delta: number): Scope[] {
  return shifted(scopes, at, delta) as Scope[];
}

/** A copy of `value` with every offset at or after `at` moved by `delta` (a copy even when `delta` is 0). Models and findings are trees: no cycles. */
export function shifted<T>(value: T, at: number, delta: number): T {
  return shift(value, at, delta, '') as T;
}

function shift(value: unknown, at: number, delta: number, key: string): unknown {
  if (typeof value === 'function') {
    if (key !== 'valueOffsets') throw new CannotShift(`cannot move the function in "${key}"`);
    // A value is written in one place: all its offsets are on the same side of the edit.
    const offsets = value as (index: number) => number;
    return delta !== 0 && offsets(0) >= at ? shiftOffsets(offsets, delta) : offsets;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = shift(value[i], at, delta, key);
    return copy;
  }
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  const start = source.start;
  const isRange = typeof start === 'number' && typeof source.end === 'number';
  const moves = isRange && start >= at;
  for (const field in source) {
    const item = source[field];
    if (typeof item !== 'object' && typeof item !== 'function') copy[field] = moves && (field === 'start' || field === 'end') ? (item as number) + delta : item;
    else copy[field] = shift(item, at, delta, field);
  }
  return copy;
}

function shiftOffsets(offsets: (index: number) => number, delta: number): (index: number) => number {
  const moved = movedFunctions.get(offsets);
  const base = moved?.base ?? offsets;
  const total = (moved?.delta ?? 0) + delta;
  const result = (index: number) => base(index) + total;
  movedFunctions.set(result, { base, delta: total });
  return result;
}
