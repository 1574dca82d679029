// Lints a model reusing the findings of scopes an edit did not touch. A rule
// checks each scope on its own unless it says `acrossScopes`, so its findings
// for a scope are those it reports on a model holding that scope alone. They
// are kept per scope; a scope the incremental parser reused keeps its
// findings, a scope it moved gets them moved, and only new scopes are checked.
// Rules across scopes run on the whole model each time. Merging keeps
// lintModel's order: rule by rule, scope by scope, then the same filter
// (anchor repeats, suppression comments) and sort.
// test/unit/incremental.test.ts checks the result equals lintModel's on
// random edits.
import { findingFilter, findingOf, lintModel, severityOf, sortFindings, type Finding, type LintOptions } from '../lint';
import type { ProxyModel, Scope } from '../model';
import { ALL_RULES } from '../../rules';
import { MAX_ORIGIN_STEPS, scopeOrigins } from './incrementalCompose';
import { shiftFindings } from './shiftScopes';

/** Each scope's findings, per rule (in ALL_RULES order; empty for rules across scopes), before the filter. */
export interface LintMemory {
  optionsKey: string;
  perScope: Map<Scope, Finding[][]>;
}

export interface IncrementalLint {
  findings: Finding[];
  memory: LintMemory | null;
  /** Scopes checked anew (the rest were reused): for tests and the benchmark. */
  checkedScopes: number;
  /**
   * Findings copied from the earlier lint's, moved with their scope by edits that moved no line, each to the
   * finding it was copied from: it is at the same line and column, so what was built from that one (an LSP
   * diagnostic) still holds. The other findings of the earlier lint that are still found are the same objects.
   * test/unit/incremental-reuse.test.ts checks both.
   */
  movedFrom: Map<Finding, Finding>;
}


export function lintModelIncrementally(model: ProxyModel, options: LintOptions, previous: LintMemory | null): IncrementalLint {
  if (model.parseProblem) return { findings: lintModel(model, options), memory: null, checkedScopes: 0, movedFrom: new Map() };
  const optionsKey = JSON.stringify([options.rules ?? {}, options.renderFixes !== false]);
  const known = previous && previous.optionsKey === optionsKey ? previous.perScope : null;
  const perScope = new Map<Scope, Finding[][]>();
  const movedFrom = new Map<Finding, Finding>();
  let checkedScopes = 0;
  for (const scope of model.scopes) {
    let findings = known ? knownFindings(known, scope, movedFrom) : undefined;
    if (!findings) {
      findings = checkScope(model, scope, options);
      checkedScopes++;
    }
    perScope.set(scope, findings);
  }
  const keep = findingFilter(model);
  const merged: Finding[] = [];
  const inScopeOrder = model.scopes.map((scope) => perScope.get(scope)!);
  ALL_RULES.forEach((rule, r) => {
    if (rule.acrossScopes) {
      const severity = severityOf(rule, options);
      if (severity !== 'off') rule.check(model, (found) => void (keep(rule.id, found.span) && merged.push(findingOf(model, rule, severity, found, options))));
      return;
    }
    for (const findings of inScopeOrder) for (const finding of findings[r]) if (keep(rule.id, finding.span)) merged.push(finding);
  });
  return { findings: sortFindings(merged), memory: { optionsKey, perScope }, checkedScopes, movedFrom };
}

/** The findings of the scope or of the scope it was moved from (moved the same way, and noted in `movedFrom`); undefined when unknown. */
function knownFindings(known: ReadonlyMap<Scope, Finding[][]>, scope: Scope, movedFrom: Map<Finding, Finding>): Finding[][] | undefined {
  const direct = known.get(scope);
  if (direct) return direct;
  const steps: { at: number; delta: number }[] = [];
  let current = scope;
  for (let i = 0; i < MAX_ORIGIN_STEPS; i++) {
    const origin = scopeOrigins.get(current);
    // Messages may name line numbers (duplicate-var): after lines moved, check again.
    if (!origin || origin.linesMoved) return undefined;
    steps.unshift({ at: origin.at, delta: origin.delta });
    current = origin.from;
    const found = known.get(current);
    if (found) {
      const moved = steps.reduce<Finding[][]>((findings, step) => shiftFindings(findings, step.at, step.delta), found);
      moved.forEach((findings, r) => findings.forEach((finding, i) => movedFrom.set(finding, found[r][i])));
      return moved;
    }
  }
  return undefined;
}

/** The rules run on a model holding this scope alone, as lintModel would build their findings. */
function checkScope(model: ProxyModel, scope: Scope, options: LintOptions): Finding[][] {
  const alone: ProxyModel = { ...model, scopes: [scope] };
  return ALL_RULES.map((rule) => {
    const severity = severityOf(rule, options);
    const findings: Finding[] = [];
    if (severity !== 'off' && !rule.acrossScopes) rule.check(alone, (found) => findings.push(findingOf(alone, rule, severity, found, options)));
    return findings;
  });
}
