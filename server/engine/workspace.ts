// Checks across files: one setup written down in several files (a Docker
// daemon drop-in, ~/.docker/config.json, a compose file, a runner config)
// should point at the same proxy and bypass it for the same network. Pure: it
// takes models that were already parsed, or the few facts of each model the
// checks read (settingFacts); the language server and the CLI decide which
// files form one setup (a workspace folder, one CLI run).
import { maskSecrets } from '../proxy/url';
import { proxyEndpoint } from '../proxy/endpoint';
import { entriesOverlap, networkEntries, type NetworkEntry } from '../proxy/noProxyOverlap';
import { isProxyUrlSetting } from '../proxy/variables';
import type { Severity } from '../rules/rule';
import { activeScopes } from '../rules/scopes';
import { lineOf } from '../documents/text';
import type { LintOptions, RuleSetting } from './lint';
import type { ProxyModel, ProxySetting, Span } from './model';
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

/**
 * What the checks read of one assignment that sets a proxy setting. A caller
 * that keeps many files for one check (the CLI on a large tree, whose worker
 * threads send these) keeps these instead of models: a few strings each.
 */
export interface SettingFact {
  setting: ProxySetting;
  /** The variable or key as written, for messages. */
  name: string;
  /** What files must agree on: the proxy's endpoint (`proxyEndpoint`) for a proxy URL, the list as written for NO_PROXY. */
  compared: string;
  /** The assignment's span, flat: one object per fact. */
  start: number;
  end: number;
  /** A `proxylint-disable-next-line` comment silences proxy-inconsistent on the assignment's first line. */
  suppressed: boolean;
}

/** A file of the setup by its facts; `F` carries what a caller adds to each fact (the CLI: its line and column). */
export interface FactsFile<F extends SettingFact = SettingFact> {
  id: string;
  displayName: string;
  /** In the order of the model's active scopes and their assignments. */
  facts: readonly F[];
  options?: LintOptions;
}

/** A finding with the facts it was made from: `fact` is where it is, `related[i].fact` the other file's. */
export interface FactFinding<F extends SettingFact = SettingFact> extends WorkspaceFinding {
  fact: F;
  related: { file: string; span: Span; message: string; fact: F }[];
}

const SUPPRESSION_DIRECTIVE = 'proxylint-disable-next-line';

/**
 * The facts of a model for the checks below, null for a file that does not
 * parse (it is left out). Proxy URLs whose endpoint cannot be compared
 * (interpolated host or port) are left out too.
 */
export function settingFacts(model: ProxyModel): SettingFact[] | null {
  if (model.parseProblem) return null;
  // Docker JSON has no comments; and most files have no directive at all, which one search tells.
  const suppressions = model.kind === 'docker-client' || model.kind === 'docker-daemon' || !model.text.includes(SUPPRESSION_DIRECTIVE) ? null : findSuppressions(model.text);
  const facts: SettingFact[] = [];
  for (const scope of activeScopes(model)) {
    for (const assignment of scope.assignments) {
      const { setting, value } = assignment;
      if (setting === null || value === null) continue;
      const compared = isProxyUrlSetting(setting) ? proxyEndpoint(value) : value;
      if (compared === null) continue;
      const ids = suppressions?.get(lineOf(model.text, assignment.span.start));
      const suppressed = ids !== undefined && (ids.size === 0 || ids.has(PROXY_INCONSISTENT.id));
      facts.push({ setting, name: assignment.name, compared, start: assignment.span.start, end: assignment.span.end, suppressed });
    }
  }
  return facts;
}

/** Findings of every workspace rule over files that form one setup, sorted by file order then position. */
export function checkWorkspace(files: readonly WorkspaceFile[]): WorkspaceFinding[] {
  const withFacts: FactsFile[] = [];
  for (const file of files) {
    const facts = settingFacts(file.model);
    if (facts) withFacts.push({ id: file.id, displayName: file.displayName, facts, options: file.options });
  }
  return checkFacts(withFacts).map(({ file, rule, severity, message, span, related }) => ({
    file,
    rule,
    severity,
    message,
    span,
    related: related.map((r) => ({ file: r.file, span: r.span, message: r.message })),
  }));
}

interface RawFinding<F extends SettingFact> {
  file: FactsFile<F>;
  fact: F;
  message: string;
  related: { file: FactsFile<F>; fact: F; message: string };
}

/** `checkWorkspace` on the facts of each file (settingFacts), sorted by file order then position. */
export function checkFacts<F extends SettingFact>(files: readonly FactsFile<F>[]): FactFinding<F>[] {
  const raw = [...inconsistentProxies(files), ...inconsistentNoProxy(files)];
  const findings: FactFinding<F>[] = [];
  const seen = new Set<string>();
  for (const finding of raw) {
    const severity: RuleSetting = finding.file.options?.rules?.[PROXY_INCONSISTENT.id] ?? PROXY_INCONSISTENT.defaultSeverity;
    if (severity === 'off') continue;
    // Assignments shared through a YAML anchor belong to several scopes but are written once.
    const span = { start: finding.fact.start, end: finding.fact.end };
    const key = `${finding.file.id}\0${span.start}:${span.end}\0${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (finding.fact.suppressed) continue;
    const related = finding.related;
    findings.push({
      file: finding.file.id,
      rule: PROXY_INCONSISTENT.id,
      severity,
      message: maskSecrets(finding.message),
      span,
      fact: finding.fact,
      related: [{ file: related.file.id, span: { start: related.fact.start, end: related.fact.end }, message: maskSecrets(related.message), fact: related.fact }],
    });
  }
  const order = new Map(files.map((f, i) => [f.id, i]));
  return findings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.span.start - b.span.start);
}

/** One file's assignments of one proxy setting: the endpoints they point at (each once, in order) and their facts. */
interface SettingInFile<F extends SettingFact> {
  file: FactsFile<F>;
  setting: ProxySetting;
  endpoints: string[];
  facts: F[];
}

/** The same proxy setting (HTTP_PROXY, HTTPS_PROXY...) pointing at different proxies in different files; credentials may differ. */
function inconsistentProxies<F extends SettingFact>(files: readonly FactsFile<F>[]): RawFinding<F>[] {
  const findings: RawFinding<F>[] = [];
  const bySetting = new Map<ProxySetting, SettingInFile<F>[]>();
  for (const file of files) {
    // A file sets a handful of settings to one or two proxies each: arrays searched in place are much cheaper than
    // maps (a run over thousands of files builds one of these per file and setting).
    const settings: SettingInFile<F>[] = [];
    for (const fact of file.facts) {
      if (!isProxyUrlSetting(fact.setting)) continue;
      let here = settings.find((s) => s.setting === fact.setting);
      if (!here) {
        here = { file, setting: fact.setting, endpoints: [], facts: [] };
        settings.push(here);
      }
      if (!here.endpoints.includes(fact.compared)) here.endpoints.push(fact.compared);
      here.facts.push(fact);
    }
    for (const here of settings) {
      const entries = bySetting.get(here.setting);
      if (entries) entries.push(here);
      else bySetting.set(here.setting, [here]);
    }
  }
  for (const entries of bySetting.values()) {
    // Per endpoint, the first file that sets this proxy variable and never to this proxy: looked up once per
    // endpoint, not once per file, since a setup of many files mostly agrees (a search per file was quadratic).
    const firstWithout = new Map<string, SettingInFile<F> | undefined>();
    for (const here of entries) {
      for (const endpoint of here.endpoints) {
        // The first other file that sets this proxy variable and never to this proxy (`here` sets it, so it is never that file).
        if (!firstWithout.has(endpoint)) firstWithout.set(endpoint, entries.find((e) => !e.endpoints.includes(endpoint)));
        const other = firstWithout.get(endpoint);
        if (!other || other.file === here.file) continue;
        // The other file's first endpoint is that of its first assignment.
        const otherEndpoint = other.endpoints[0];
        const otherFact = other.facts[0];
        for (const fact of here.facts) {
          if (fact.compared !== endpoint) continue;
          findings.push({
            file: here.file,
            fact,
            message: `${fact.name} points at ${endpoint} here, but ${other.file.displayName} sets ${otherFact.name} to ${otherEndpoint}.`,
            related: { file: other.file, fact: otherFact, message: `${otherFact.name} points at ${otherEndpoint} here.` },
          });
        }
      }
    }
  }
  return findings;
}

/** What a NO_PROXY list names, worked out once per distinct list: its network entries, and a number shared by lists that name the same. */
interface ListAnalysis {
  entries: NetworkEntry[];
  id: number;
}

/**
 * NO_PROXY lists that bypass the proxy for different networks: an entry of
 * another file that no entry here overlaps. Only lists that name a network at
 * all take part: one with just loopback and local names is not a copy of the
 * setup's list, and no-proxy rules of its own file judge it.
 */
function inconsistentNoProxy<F extends SettingFact>(files: readonly FactsFile<F>[]): RawFinding<F>[] {
  // The files of a setup mostly carry the same few lists: each distinct list is analysed once.
  const analysed = new Map<string, ListAnalysis>();
  const idsByEntries = new Map<string, number>();
  const analysisOf = (list: string) => {
    let found = analysed.get(list);
    if (!found) {
      const entries = networkEntries(list);
      // Lists written differently (spacing, separators) that name the same entries in the same order are the same list.
      const key = JSON.stringify(entries.map((e) => [e.kind, e.host, e.prefix, e.written]));
      let id = idsByEntries.get(key);
      if (id === undefined) {
        id = idsByEntries.size;
        idsByEntries.set(key, id);
      }
      found = { entries, id };
      analysed.set(list, found);
    }
    return found;
  };
  const lists = files.map((file) => {
    const assignments: { fact: F; analysis: ListAnalysis }[] = [];
    for (const fact of file.facts) {
      if (fact.setting !== 'no_proxy') continue;
      const analysis = analysisOf(fact.compared);
      if (analysis.entries.length > 0) assignments.push({ fact, analysis });
    }
    return { file, assignments };
  });
  // Many files of a setup carry the same lists: the files are grouped by what their lists name, and for a list
  // here only one file per group is looked at (comparing with every other file was quadratic in the files).
  const groups = new Map<string, number[]>();
  lists.forEach((list, index) => {
    const key = list.assignments.map((a) => a.analysis.id).join(',');
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  const missingFrom = (entries: readonly NetworkEntry[], other: (typeof lists)[number]) => {
    let missing: { entry: NetworkEntry; from: F } | null = null;
    const missingEntries: string[] = [];
    for (const theirs of other.assignments) {
      for (const entry of theirs.analysis.entries) {
        if (entries.some((mine) => entriesOverlap(mine, entry)) || missingEntries.includes(entry.written)) continue;
        missing ??= { entry, from: theirs.fact };
        missingEntries.push(entry.written);
      }
    }
    return missing ? { missing, missingEntries } : null;
  };
  const findings: RawFinding<F>[] = [];
  const groupsMissing = new Map<number, number[][]>();
  for (const here of lists) {
    for (const { fact, analysis } of here.assignments) {
      // The groups whose files have an entry this list does not overlap (the same for every file of a group).
      let candidates = groupsMissing.get(analysis.id);
      if (!candidates) {
        candidates = [...groups.values()].filter((members) => missingFrom(analysis.entries, lists[members[0]]) !== null);
        groupsMissing.set(analysis.id, candidates);
      }
      // The first other file, in file order, of any such group.
      let first = -1;
      for (const members of candidates) {
        const index = members.find((i) => lists[i].file !== here.file);
        if (index !== undefined && (first < 0 || index < first)) first = index;
      }
      if (first < 0) continue;
      const other = lists[first];
      const { missing, missingEntries } = missingFrom(analysis.entries, other)!;
      findings.push({
        file: here.file,
        fact,
        message: `${fact.name} here does not bypass ${missingEntries.join(', ')}, which ${other.file.displayName} bypasses in ${missing.from.name}: the same hosts go through the proxy from one file and direct from the other.`,
        related: { file: other.file, fact: missing.from, message: `${missing.from.name} bypasses ${missing.entry.written} here.` },
      });
    }
  }
  return findings;
}
