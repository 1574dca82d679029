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
}
