// Which assignment of the model a document offset falls on, and in which part.
import type { Assignment, ProxyModel, Scope } from '../engine/model';

export interface AssignmentHit {
  assignment: Assignment;
  /** Every scope the assignment belongs to: a YAML anchor merged into several services is one assignment in each. */
  scopes: Scope[];
  part: 'name' | 'value';
}

/**
 * The assignment whose name or value holds `offset`. `inclusiveEnd` also
 * accepts the offset right after the text (a completion cursor at the end of
 * what was typed); hovers point at a character and use the half-open span.
 */
export function assignmentAt(model: ProxyModel, offset: number, inclusiveEnd = false): AssignmentHit | null {
  const within = (span: { start: number; end: number }) => span.start <= offset && (offset < span.end || (inclusiveEnd && offset === span.end));
  let hit: AssignmentHit | null = null;
  for (const scope of model.scopes) {
    for (const assignment of scope.assignments) {
      const part = within(assignment.nameSpan) ? 'name' : within(assignment.valueSpan) && assignment.valueSpan.end > assignment.valueSpan.start ? 'value' : null;
      if (!part) continue;
      if (hit && sameSpan(hit.assignment, assignment)) {
        hit.scopes.push(scope);
        continue;
      }
      if (!hit) hit = { assignment, scopes: [scope], part };
    }
  }
  return hit;
}

function sameSpan(a: Assignment, b: Assignment): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end;
}

/** The environment a scope hands to its programs: exact names, the last assignment of a name winning; values from the host environment are unknown and left out. */
export function environmentOf(scope: Scope): Map<string, string> {
  const env = new Map<string, string>();
  for (const assignment of scope.assignments) {
    if (assignment.value === null) env.delete(assignment.name);
    else env.set(assignment.name, assignment.value);
  }
  return env;
}
