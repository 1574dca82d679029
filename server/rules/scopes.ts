// Helpers rules share for reading scopes.
import type { Assignment, ProxyModel, ProxySetting, Scope, Span } from '../engine/model';

/** Scopes whose assignments reach a program (not ones the host ignores). */
export function activeScopes(model: ProxyModel): Scope[] {
  return model.scopes.filter((scope) => !scope.ignoredBecause);
}

export function assignmentsOf(scope: Scope, setting: ProxySetting): Assignment[] {
  return scope.assignments.filter((a) => a.setting === setting);
}

/** Document span of characters [start, end) of an assignment's value, or the whole value span when offsets are unknown. */
export function valuePartSpan(assignment: Assignment, start: number, end: number): Span {
  const offsets = assignment.valueOffsets;
  if (!offsets || end <= start) return assignment.valueSpan;
  return { start: offsets(start), end: offsets(end - 1) + 1 };
}
