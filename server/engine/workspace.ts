// Checks across files: one setup written down in several files (a Docker
// daemon drop-in, ~/.docker/config.json, a compose file, a runner config)
// should point at the same proxy and bypass it for the same network. Pure: it
// takes models that were already parsed; the language server and the CLI
// decide which files form one setup (a workspace folder, one CLI run).
import { maskSecrets } from '../proxy/url';
import { proxyEndpoint } from '../proxy/endpoint';
import { entriesOverlap, networkEntries, type NetworkEntry } from '../proxy/noProxyOverlap';
import { isProxyUrlSetting } from '../proxy/variables';
import type { Severity } from '../rules/rule';
import { activeScopes } from '../rules/scopes';
import { lineOf } from '../documents/text';
import type { LintOptions, RuleSetting } from './lint';
import type { Assignment, ProxyModel, ProxySetting, Span } from './model';
import { findSuppressions } from './suppressions';

/** A rule over several files: not in `ALL_RULES`, which check one model at a time. */
export interface WorkspaceRuleDescriptor {
  id: string;
  defaultSeverity: Severity;
  description: string;
}

export const PROXY_INCONSISTENT: WorkspaceRuleDescriptor = {
  id: 'proxy-inconsistent',
  defaultSeverity: 'warning',
  description: 'Files of one setup point at different proxies, or bypass the proxy for different networks.',
};

export const WORKSPACE_RULES: readonly WorkspaceRuleDescriptor[] = [PROXY_INCONSISTENT];

export interface WorkspaceFile {
  /** Identifies the file in findings: a URI in the language server, a path in the CLI. */
  id: string;
  /** How messages name the file: relative to the workspace folder or the current directory. */
  displayName: string;
  model: ProxyModel;
  /** The file's own settings: `rules['proxy-inconsistent']` sets the severity of what is reported in it. */
  options?: LintOptions;
}

export interface WorkspaceFinding {
  /** `id` of the file the finding is in. */
  file: string;
  rule: string;
  severity: Severity;
  /** Masked: never contains a password. */
  message: string;
  span: Span;
  /** Where the other file says otherwise. */
  related: { file: string; span: Span; message: string }[];
}

interface RawFinding {
  file: WorkspaceFile;
  span: Span;
  message: string;
  related: { file: WorkspaceFile; span: Span; message: string };
}

/** Findings of every workspace rule over files that form one setup, sorted by file order then position. */
export function checkWorkspace(files: readonly WorkspaceFile[]): WorkspaceFinding[] {
  const usable = files.filter((f) => !f.model.parseProblem);
  const raw = [...inconsistentProxies(usable), ...inconsistentNoProxy(usable)];
  const findings: WorkspaceFinding[] = [];
  const seen = new Set<string>();
  const suppressionsOf = new Map<WorkspaceFile, Map<number, Set<string>>>();
  for (const finding of raw) {
    const severity: RuleSetting = finding.file.options?.rules?.[PROXY_INCONSISTENT.id] ?? PROXY_INCONSISTENT.defaultSeverity;
    if (severity === 'off') continue;
    // Assignments shared through a YAML anchor belong to several scopes but are written once.
    const key = `${finding.file.id}\0${finding.span.start}:${finding.span.end}\0${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let suppressions = suppressionsOf.get(finding.file);
    if (!suppressions) {
      const kind = finding.file.model.kind;
      suppressions = kind === 'docker-client' || kind === 'docker-daemon' ? new Map() : findSuppressions(finding.file.model.text);
      suppressionsOf.set(finding.file, suppressions);
    }
    const ids = suppressions.get(lineOf(finding.file.model.text, finding.span.start));
    if (ids && (ids.size === 0 || ids.has(PROXY_INCONSISTENT.id))) continue;
    findings.push({
      file: finding.file.id,
      rule: PROXY_INCONSISTENT.id,
      severity,
      message: maskSecrets(finding.message),
      span: finding.span,
      related: [{ file: finding.related.file.id, span: finding.related.span, message: maskSecrets(finding.related.message) }],
    });
  }
  const order = new Map(files.map((f, i) => [f.id, i]));
  return findings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.span.start - b.span.start);
}

function assignmentsWithSetting(file: WorkspaceFile, accept: (setting: ProxySetting) => boolean): Assignment[] {
  const found: Assignment[] = [];
  for (const scope of activeScopes(file.model)) {
    for (const assignment of scope.assignments) {
      if (assignment.setting && accept(assignment.setting) && assignment.value !== null) found.push(assignment);
    }
  }
  return found;
}

/** The same proxy setting (HTTP_PROXY, HTTPS_PROXY...) pointing at different proxies in different files; credentials may differ. */
function inconsistentProxies(files: readonly WorkspaceFile[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const bySetting = new Map<ProxySetting, { file: WorkspaceFile; endpoints: Map<string, Assignment[]> }[]>();
  for (const file of files) {
    const perSetting = new Map<ProxySetting, Map<string, Assignment[]>>();
    for (const assignment of assignmentsWithSetting(file, isProxyUrlSetting)) {
      const endpoint = proxyEndpoint(assignment.value ?? '');
      if (!endpoint) continue;
      const setting = assignment.setting!;
      const endpoints = perSetting.get(setting) ?? new Map<string, Assignment[]>();
      endpoints.set(endpoint, [...(endpoints.get(endpoint) ?? []), assignment]);
      perSetting.set(setting, endpoints);
    }
    for (const [setting, endpoints] of perSetting) bySetting.set(setting, [...(bySetting.get(setting) ?? []), { file, endpoints }]);
  }
  for (const entries of bySetting.values()) {
    for (const here of entries) {
      for (const [endpoint, assignments] of here.endpoints) {
        // The first other file that sets this proxy variable and never to this proxy.
        const other = entries.find((e) => e.file !== here.file && !e.endpoints.has(endpoint));
        if (!other) continue;
        const [otherEndpoint, otherAssignments] = other.endpoints.entries().next().value as [string, Assignment[]];
        const otherAssignment = otherAssignments[0];
        for (const assignment of assignments) {
          findings.push({
            file: here.file,
            span: assignment.span,
            message: `${assignment.name} points at ${endpoint} here, but ${other.file.displayName} sets ${otherAssignment.name} to ${otherEndpoint}.`,
            related: { file: other.file, span: otherAssignment.span, message: `${otherAssignment.name} points at ${otherEndpoint} here.` },
          });
        }
      }
    }
  }
  return findings;
}

/**
 * NO_PROXY lists that bypass the proxy for different networks: an entry of
 * another file that no entry here overlaps. Only lists that name a network at
 * all take part: one with just loopback and local names is not a copy of the
 * setup's list, and no-proxy rules of its own file judge it.
 */
function inconsistentNoProxy(files: readonly WorkspaceFile[]): RawFinding[] {
  const lists = files.map((file) => ({
    file,
    assignments: assignmentsWithSetting(file, (s) => s === 'no_proxy')
      .map((assignment) => ({ assignment, entries: networkEntries(assignment.value ?? '') }))
      .filter((a) => a.entries.length > 0),
  }));
  const findings: RawFinding[] = [];
  for (const here of lists) {
    for (const { assignment, entries } of here.assignments) {
      for (const other of lists) {
        if (other.file === here.file) continue;
        let missing: { entry: NetworkEntry; from: Assignment } | null = null;
        const missingEntries: string[] = [];
        for (const theirs of other.assignments) {
          for (const entry of theirs.entries) {
            if (entries.some((mine) => entriesOverlap(mine, entry)) || missingEntries.includes(entry.written)) continue;
            missing ??= { entry, from: theirs.assignment };
            missingEntries.push(entry.written);
          }
        }
        if (!missing) continue;
        findings.push({
          file: here.file,
          span: assignment.span,
          message: `${assignment.name} here does not bypass ${missingEntries.join(', ')}, which ${other.file.displayName} bypasses in ${missing.from.name}: the same hosts go through the proxy from one file and direct from the other.`,
          related: { file: other.file, span: missing.from.span, message: `${missing.from.name} bypasses ${missing.entry.written} here.` },
        });
        // One other file is enough to tell the lists apart; the other file gets its own finding.
        break;
      }
    }
  }
  return findings;
}
