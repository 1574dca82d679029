// Moves what was computed for a part of a document (its scopes, their
// findings) by a number of characters, after an edit before that part changed
// the length of the text: every `{ start, end }` (spans, text edits) and every
// offset function that points at or after the edit. A scope also points at
// text before it (an assignment merged from an anchor is where the anchor is
// written), which stays.
//
// Scopes and assignments are copied field by field: on a large file an edit
// moves thousands of assignments, and a generic walk of every object was most
// of an edit's time. An object with a field this file does not know goes
// through the generic walk instead, so fields added to the model later are
// moved too; a field the walk cannot move (a function other than
// `valueOffsets`) makes it give up, and the caller parses the file whole.
// Objects without offsets (docker-in-docker facts, list syntax) are shared
// with the earlier model, as are spans before the edit: nothing mutates them.
import type { Finding } from '../lint';
import type { Assignment, AssignmentSyntax, EnvironmentFileReference, HostExpansion, Peer, Scope, Span } from '../model';

/** Set on a moved offset function: the original and how far it has been moved, so moving it again does not nest wrappers. */
const MOVED = Symbol('moved');

type OffsetFunction = ((index: number) => number) & { [MOVED]?: { base: (index: number) => number; delta: number } };

export class CannotShift extends Error {}

/** An edit of the text before: offsets at or after `at` move by `delta`. */
interface Move {
  at: number;
  delta: number;
}

/** Copies of the scopes with every offset at or after `at` (an offset of the text before the edit) moved by `delta`. */
export function shiftScopes(scopes: readonly Scope[], at: number, delta: number): Scope[] {
  const move = { at, delta };
  return scopes.map((scope) => shiftScope(scope, move));
}

/** Copies of findings (per rule) with every offset at or after `at` moved by `delta`. Findings are small: the generic walk is as fast as a copy written out. */
export function shiftFindings(findings: readonly (readonly Finding[])[], at: number, delta: number): Finding[][] {
  return shifted(findings, at, delta) as Finding[][];
}

/** A copy of `value` with every offset at or after `at` moved by `delta` (a copy even when `delta` is 0). Models and findings are trees: no cycles. */
export function shifted<T>(value: T, at: number, delta: number): T {
  return shift(value, at, delta, '') as T;
}

const SCOPE_FIELDS: ReadonlySet<string> = new Set(['label', 'consumer', 'assignments', 'anchor', 'dind', 'ignoredBecause', 'misplaced', 'environmentFiles', 'fragmentOf', 'peers']);
const ASSIGNMENT_FIELDS: ReadonlySet<string> = new Set(['name', 'value', 'setting', 'spelling', 'span', 'nameSpan', 'valueSpan', 'valueOffsets', 'syntax', 'hostExpansions']);
const DIND_FIELDS: ReadonlySet<string> = new Set(['host', 'evidence']);
const MISPLACED_FIELDS: ReadonlySet<string> = new Set(['section', 'expectedSection', 'followedByOtherLines', 'expectedSectionExists']);
const PEER_FIELDS: ReadonlySet<string> = new Set(['name', 'evidence', 'span', 'scheme', 'image']);
const ENVIRONMENT_FILE_FIELDS: ReadonlySet<string> = new Set(['path', 'span', 'optional']);
const HOST_EXPANSION_FIELDS: ReadonlySet<string> = new Set(['sequence', 'span']);
/** Syntax records without offsets, and those whose only offsets are in `valueSpan`. */
const LIST_SYNTAX_FIELDS: ReadonlySet<string> = new Set(['kind', 'quote', 'itemIndent', 'flow']);
const MAP_SYNTAX_FIELDS: ReadonlySet<string> = new Set(['kind', 'keyQuote', 'valueQuote', 'valueSpan', 'entryIndent', 'flow']);

/** Whether every field of the object is one the copies below know. */
function hasOnly(value: object, fields: ReadonlySet<string>): boolean {
  for (const field in value) if (!fields.has(field)) return false;
  return true;
}

function moveSpan(span: Span, { at, delta }: Move): Span {
  return span.start >= at ? { start: span.start + delta, end: span.end + delta } : span;
}

// The copies write every field out (faster than spreads, and every field is known) in the order the compose
// parser writes them, so that code reading copies and parsed scopes sees few shapes; optional fields only
// where the original has them.

function shiftScope(scope: Scope, move: Move): Scope {
  if (!hasOnly(scope, SCOPE_FIELDS) || (scope.dind && !hasOnly(scope.dind, DIND_FIELDS)) || (scope.misplaced && !hasOnly(scope.misplaced, MISPLACED_FIELDS))) return generic(scope, move);
  const copy: Scope = { label: scope.label, consumer: scope.consumer, assignments: scope.assignments.map((a) => shiftAssignment(a, move)), anchor: moveSpan(scope.anchor, move), dind: scope.dind };
  if ('peers' in scope) copy.peers = scope.peers?.map((peer) => (hasOnly(peer, PEER_FIELDS) ? { ...peer, span: moveSpan(peer.span, move) } : generic<Peer>(peer, move)));
  if ('environmentFiles' in scope) copy.environmentFiles = scope.environmentFiles?.map((file) => (hasOnly(file, ENVIRONMENT_FILE_FIELDS) ? { path: file.path, span: moveSpan(file.span, move), optional: file.optional } : generic<EnvironmentFileReference>(file, move)));
  if ('ignoredBecause' in scope) copy.ignoredBecause = scope.ignoredBecause;
  if ('misplaced' in scope) copy.misplaced = scope.misplaced;
  if ('fragmentOf' in scope) copy.fragmentOf = scope.fragmentOf;
  return copy;
}

function shiftAssignment(assignment: Assignment, move: Move): Assignment {
  if (!hasOnly(assignment, ASSIGNMENT_FIELDS)) return generic(assignment, move);
  const { name, value, setting, spelling, span, nameSpan, valueSpan, valueOffsets, syntax } = assignment;
  const copy: Assignment = {
    name,
    value,
    span: moveSpan(span, move),
    nameSpan: moveSpan(nameSpan, move),
    valueSpan: moveSpan(valueSpan, move),
    valueOffsets: valueOffsets && moveOffsets(valueOffsets, move),
    syntax: shiftSyntax(syntax, move),
    setting,
    spelling,
  };
  if ('hostExpansions' in assignment) copy.hostExpansions = assignment.hostExpansions?.map((e) => (hasOnly(e, HOST_EXPANSION_FIELDS) ? { sequence: e.sequence, span: moveSpan(e.span, move) } : generic<HostExpansion>(e, move)));
  return copy;
}

function shiftSyntax(syntax: AssignmentSyntax, move: Move): AssignmentSyntax {
  if (syntax.kind === 'yaml-list' && hasOnly(syntax, LIST_SYNTAX_FIELDS)) return syntax;
  if (syntax.kind === 'yaml-map' && hasOnly(syntax, MAP_SYNTAX_FIELDS)) return syntax.valueSpan ? { ...syntax, valueSpan: moveSpan(syntax.valueSpan, move) } : syntax;
  return generic(syntax, move);
}

/** A value is written in one place: all its offsets are on the same side of the edit. */
function moveOffsets(offsets: (index: number) => number, { at, delta }: Move): (index: number) => number {
  return delta !== 0 && offsets(0) >= at ? shiftOffsets(offsets, delta) : offsets;
}

function generic<T>(value: T, { at, delta }: Move): T {
  return shift(value, at, delta, '') as T;
}

function shift(value: unknown, at: number, delta: number, key: string): unknown {
  if (typeof value === 'function') {
    if (key !== 'valueOffsets') throw new CannotShift(`cannot move the function in "${key}"`);
    return moveOffsets(value as (index: number) => number, { at, delta });
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

function shiftOffsets(offsets: OffsetFunction, delta: number): (index: number) => number {
  const moved = offsets[MOVED];
  const base = moved?.base ?? offsets;
  const total = (moved?.delta ?? 0) + delta;
  const result: OffsetFunction = (index: number) => base(index) + total;
  result[MOVED] = { base, delta: total };
  return result;
}
