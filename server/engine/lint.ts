// The engine: text in, findings out. The language server and the CLI both call this.
import { detectFileKind, type DetectOptions } from '../documents/detect';
import { parseDocumentOfKind } from '../documents';
import { lineOf } from '../documents/text';
import { maskSecrets } from '../proxy/url';
import { ALL_RULES } from '../rules';
import type { Rule, RuleFinding, Severity } from '../rules/rule';
import { fixFootprint, renderFix, type TextEditAt } from './fixes';
import type { FileKind, ProxyModel, Span } from './model';
import { findSuppressions } from './suppressions';

export type RuleSetting = Severity | 'off';

export interface LintOptions extends DetectOptions {
  /** Severity overrides per rule id (`proxylint.rules`, `.proxylintrc.json`). */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Force a kind instead of detecting it from the path. */
  kind?: FileKind;
  /** Render each finding's fix as text edits (default true); a report without fixes (the CLI) saves that work. */
  renderFixes?: boolean;
}

export interface Finding {
  /** Rule id, or `parse-error` for a file that does not parse. */
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: RenderedFix;
  related?: { span: Span; message: string }[];
}

export interface RenderedFix {
  title: string;
  edits: TextEditAt[];
  /** The entries the fix was computed from: two fixes whose footprints overlap must not be applied together (fix-all). */
  footprint: Span[];
}

export interface LintResult {
  kind: FileKind | null;
  findings: Finding[];
}

export const PARSE_ERROR_RULE = 'parse-error';

export function lint(text: string, path: string, options: LintOptions = {}): LintResult {
  const kind = options.kind ?? detectFileKind(path, text, options);
  if (!kind) return { kind: null, findings: [] };
  const model = parseDocumentOfKind(kind, text, path);
  return { kind, findings: lintModel(model, options) };
}

export function lintModel(model: ProxyModel, options: LintOptions = {}): Finding[] {
  if (model.parseProblem) {
    return [{ rule: PARSE_ERROR_RULE, severity: 'error', message: maskSecrets(model.parseProblem.message), span: model.parseProblem.span }];
  }
  const keep = findingFilter(model);
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    const severity = severityOf(rule, options);
    if (severity === 'off') continue;
    rule.check(model, (found) => {
      if (keep(rule.id, found.span)) findings.push(findingOf(model, rule, severity, found, options));
    });
  }
  return sortFindings(findings);
}

/**
 * Whether a rule's finding at a span is reported, asked in report order:
 * assignments shared through a YAML anchor are reported once, where they are
 * written, and suppression comments silence the line after them.
 */
export function findingFilter(model: ProxyModel): (ruleId: string, span: Span) => boolean {
  const suppressions = model.kind === 'docker-client' || model.kind === 'docker-daemon' ? new Map<number, Set<string>>() : findSuppressions(model.text);
  // Per rule, each span as one number (exact while the text's length squared fits a double's integers): a string key per finding cost more than the check.
  const width = model.text.length + 1;
  const numeric = width * width <= Number.MAX_SAFE_INTEGER;
  const seen = new Map<string, Set<number | string>>();
  return (ruleId, span) => {
    let spans = seen.get(ruleId);
    if (!spans) seen.set(ruleId, (spans = new Set()));
    const key = numeric && span.start >= 0 && span.end < width ? span.start * width + span.end : `${span.start}:${span.end}`;
    if (spans.has(key)) return false;
    spans.add(key);
    if (suppressions.size === 0) return true;
    const ids = suppressions.get(lineOf(model.text, span.start));
    return !(ids && (ids.size === 0 || ids.has(ruleId)));
  };
}

/** A rule's finding as the engine reports it: with its severity, passwords masked, the fix rendered. */
export function findingOf(model: ProxyModel, rule: Rule, severity: Severity, found: RuleFinding, options: LintOptions): Finding {
  return {
    rule: rule.id,
    severity,
    message: maskSecrets(found.message),
    span: found.span,
    fix: found.fix && options.renderFixes !== false ? { title: maskSecrets(found.fix.title), edits: renderFix(model, found.fix), footprint: fixFootprint(found.fix) } : undefined,
    related: found.related?.map((r) => ({ span: r.span, message: maskSecrets(r.message) })),
  };
}

export function sortFindings(findings: Finding[]): Finding[] {
  // Rule ids are lowercase words and hyphens, which code-unit order sorts as localeCompare did, at a fraction of the cost.
  return findings.sort((a, b) => a.span.start - b.span.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

export function severityOf(rule: Rule, options: LintOptions): RuleSetting {
  return options.rules?.[rule.id] ?? rule.defaultSeverity;
}
