// proxylint.* settings as the client sends them, validated into lint options.
import type { LintOptions, RuleSetting } from '../engine/lint';

export interface ProxylintSettings {
  enable: boolean;
  lint: LintOptions;
}

const RULE_SETTINGS: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

export const DEFAULT_SETTINGS: ProxylintSettings = { enable: true, lint: {} };

/** Accepts whatever the client sent; wrong types fall back to defaults instead of failing. */
export function toSettings(raw: unknown): ProxylintSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const section = raw as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (section.rules && typeof section.rules === 'object') {
    for (const [id, value] of Object.entries(section.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && RULE_SETTINGS.has(value)) rules[id] = value as RuleSetting;
    }
  }
  const patterns = Array.isArray(section.composeFilePatterns) ? section.composeFilePatterns.filter((p): p is string => typeof p === 'string') : [];
  return { enable: section.enable !== false, lint: { rules, composeFilePatterns: patterns } };
}
