// Every rule id a user can configure or see in a report, with its docs page:
// the per-file rules and the workspace rules.
import { ALL_RULES } from '../rules';
import type { Severity } from '../rules/rule';
import { WORKSPACE_RULES } from './workspace';

/** Where the rule pages live online; the extension points diagnostics at its bundled copy instead. */
export const RULE_DOCS_BASE = 'https://github.com/proxylint/proxylint/blob/main/docs/rules';

export interface RuleDescriptor {
  id: string;
  defaultSeverity: Severity;
  description: string;
}

export function allRuleDescriptors(): RuleDescriptor[] {
  return [...ALL_RULES, ...WORKSPACE_RULES].map(({ id, defaultSeverity, description }) => ({ id, defaultSeverity, description }));
}

export function ruleDocsUrl(id: string, base: string = RULE_DOCS_BASE): string {
  return `${base}/${id}.md`;
}
