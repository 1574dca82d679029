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

/**
 * The part of a model the checks above read: active scopes and the
 * assignments that set a proxy setting to a value. A caller that keeps many
 * files for one check (the CLI on a large tree) keeps this instead of whole
 * models. Change it together with the checks.
 */
export function workspaceModel(model: ProxyModel): ProxyModel {
  return {
    kind: model.kind,
    text: model.text,
    parseProblem: model.parseProblem,
    scopes: activeScopes(model).map((scope) => ({
      label: scope.label,
      consumer: scope.consumer,
      anchor: scope.anchor,
      dind: null,
      assignments: scope.assignments
        .filter((a) => a.setting !== null && a.value !== null)
        .map((a) => ({ name: a.name, value: a.value, setting: a.setting, spelling: a.spelling, span: a.span, nameSpan: a.nameSpan, valueSpan: a.valueSpan, valueOffsets: null, syntax: a.syntax })),
    })),
  };
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
    for (const [setting, endpoints] of perSetting) {
      const entries = bySetting.get(setting);
      if (entries) entries.push({ file, endpoints });
      else bySetting.set(setting, [{ file, endpoints }]);
    }
  }
  for (const entries of bySetting.values()) {
    // Per endpoint, the first file that sets this proxy variable and never to this proxy: looked up once per
    // endpoint, not once per file, since a setup of many files mostly agrees (a search per file was quadratic).
    const firstWithout = new Map<string, (typeof entries)[number] | undefined>();
    for (const here of entries) {
      for (const [endpoint, assignments] of here.endpoints) {
        // The first other file that sets this proxy variable and never to this proxy (`here` sets it, so it is never that file).
        if (!firstWithout.has(endpoint)) firstWithout.set(endpoint, entries.find((e) => !e.endpoints.has(endpoint)));
        const other = firstWithout.get(endpoint);
        if (!other || other.file === here.file) continue;
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
  // Many files of a setup carry the same lists: the files are grouped by what their lists name, and for a list
  // here only one file per group is looked at (comparing with every other file was quadratic in the files).
  const keyOf = (entries: readonly NetworkEntry[]) => JSON.stringify(entries.map((e) => [e.kind, e.host, e.prefix, e.written]));
  const groups = new Map<string, number[]>();
  lists.forEach((list, index) => {
    const key = JSON.stringify(list.assignments.map((a) => keyOf(a.entries)));
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  const missingFrom = (entries: readonly NetworkEntry[], other: (typeof lists)[number]) => {
    let missing: { entry: NetworkEntry; from: Assignment } | null = null;
    const missingEntries: string[] = [];
    for (const theirs of other.assignments) {
      for (const entry of theirs.entries) {
        if (entries.some((mine) => entriesOverlap(mine, entry)) || missingEntries.includes(entry.written)) continue;
        missing ??= { entry, from: theirs.assignment };
        missingEntries.push(entry.written);
      }
    }
    return missing ? { missing, missingEntries } : null;
  };
  const findings: RawFinding[] = [];
  const groupsMissing = new Map<string, number[][]>();
  for (const here of lists) {
    for (const { assignment, entries } of here.assignments) {
      // The groups whose files have an entry this list does not overlap (the same for every file of a group).
      const mineKey = keyOf(entries);
      let candidates = groupsMissing.get(mineKey);
      if (!candidates) {
        candidates = [...groups.values()].filter((members) => missingFrom(entries, lists[members[0]]) !== null);
        groupsMissing.set(mineKey, candidates);
      }
      // The first other file, in file order, of any such group.
      let first = -1;
      for (const members of candidates) {
        const index = members.find((i) => lists[i].file !== here.file);
        if (index !== undefined && (first < 0 || index < first)) first = index;
      }
      if (first < 0) continue;
      const other = lists[first];
      const { missing, missingEntries } = missingFrom(entries, other)!;
      findings.push({
        file: here.file,
        span: assignment.span,
        message: `${assignment.name} here does not bypass ${missingEntries.join(', ')}, which ${other.file.displayName} bypasses in ${missing.from.name}: the same hosts go through the proxy from one file and direct from the other.`,
        related: { file: other.file, span: missing.from.span, message: `${missing.from.name} bypasses ${missing.entry.written} here.` },
      });
    }
  }
  return findings;
}
