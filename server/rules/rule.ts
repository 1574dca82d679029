// What a rule is: an id, a default severity, and a check over the model.
import type { Fix } from '../engine/fixes';
import type { ProxyModel, Span } from '../engine/model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RuleFinding {
  span: Span;
  /** One line; never contains a password (the engine masks URLs as a last line of defence). */
  message: string;
  fix?: Fix;
  /** Other places that explain the finding. */
  related?: { span: Span; message: string }[];
}

export interface Rule {
  /** Stable id: the diagnostic code and `docs/rules/<id>.md`. */
  id: string;
  defaultSeverity: Severity;
  /** One sentence for docs indexes, SARIF and `--help`. */
  description: string;
  check(model: ProxyModel, report: (finding: RuleFinding) => void): void;
  /**
   * The rule's findings for one scope depend on other scopes (it groups
   * scopes, compares them). Every other rule must check each scope on its
   * own: the language server re-checks only the scopes an edit touched
   * (engine/incremental/incrementalLint.ts) and runs these on the whole model.
   */
  acrossScopes?: boolean;
}
