// Helpers rules share for reading scopes.
import type { Assignment, ProxyModel, ProxySetting, Scope, Span } from '../engine/model';

/** Scopes whose assignments reach a program (not ones the host ignores). */
export function activeScopes(model: ProxyModel): Scope[] {
  return model.scopes.filter((scope) => !scope.ignoredBecause);
}

/**
 * The scope also takes variables from files the engine does not read
 * (compose `env_file`, systemd `EnvironmentFile=`), or is itself such a file:
 * a variable missing from the text may be set elsewhere, so rules must not
 * report it as absent.
 */
export function mayBeSetElsewhere(scope: Scope): boolean {
  return (scope.environmentFiles?.length ?? 0) > 0 || scope.fragmentOf !== undefined;
}

/**
 * Whether `${VAR}` and `$VAR` in values are replaced before any program sees
 * them: compose files, and env files, which compose reads with interpolation
 * (unquoted and double-quoted values). `$` is a literal character elsewhere.
 */
export function interpolates(model: ProxyModel): boolean {
  return model.kind === 'compose' || model.kind === 'env-file';
}

export function assignmentsOf(scope: Scope, setting: ProxySetting): Assignment[] {
  return scope.assignments.filter((a) => a.setting === setting);
}

/** Whether any assignment of the scope sets `setting`: `assignmentsOf(...).length > 0` without making the array. */
export function setsAny(scope: Scope, setting: ProxySetting): boolean {
  return scope.assignments.some((a) => a.setting === setting);
}

/** Document span of characters [start, end) of an assignment's value, or the whole value span when offsets are unknown. */
export function valuePartSpan(assignment: Assignment, start: number, end: number): Span {
  const offsets = assignment.valueOffsets;
  if (!offsets || end <= start) return assignment.valueSpan;
  return { start: offsets(start), end: offsets(end - 1) + 1 };
}
