// proxy-inconsistent reads a few facts per file (settingFacts) and takes
// shortcuts so that thousands of files compare in linear time: one search per
// endpoint, files grouped by their NO_PROXY lists, suppression comments looked
// for only in files that have one. On random workspaces its findings equal
// those of a plain reading of the rule, written here file against file, from
// the models, with no shortcut.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocumentOfKind } from '../../server/documents';
import { detectFileKind } from '../../server/documents/detect';
import { lineOf } from '../../server/documents/text';
import type { LintOptions } from '../../server/engine/lint';
import type { Assignment, ProxySetting } from '../../server/engine/model';
import { findSuppressions } from '../../server/engine/suppressions';
import { checkWorkspace, PROXY_INCONSISTENT, settingFacts, type WorkspaceFile, type WorkspaceFinding } from '../../server/engine/workspace';
import { proxyEndpoint } from '../../server/proxy/endpoint';
import { entriesOverlap, networkEntries } from '../../server/proxy/noProxyOverlap';
import { maskSecrets } from '../../server/proxy/url';
import { isProxyUrlSetting } from '../../server/proxy/variables';
import { activeScopes } from '../../server/rules/scopes';

/** The rule as its description reads, every file against every other. */
function plainReading(files: readonly WorkspaceFile[]): WorkspaceFinding[] {
  const usable = files.filter((f) => !f.model.parseProblem);
  const assignments = (file: WorkspaceFile, accept: (setting: ProxySetting) => boolean): Assignment[] =>
    activeScopes(file.model).flatMap((scope) => scope.assignments.filter((a) => a.setting !== null && accept(a.setting) && a.value !== null));
  type Raw = { file: WorkspaceFile; assignment: Assignment; message: string; related: { file: WorkspaceFile; assignment: Assignment; message: string } };
  const raw: Raw[] = [];

  const proxies = (file: WorkspaceFile, setting: ProxySetting) => assignments(file, (s) => s === setting).filter((a) => proxyEndpoint(a.value!) !== null);
  const settings: ProxySetting[] = [];
  for (const file of usable) for (const a of assignments(file, isProxyUrlSetting)) if (proxyEndpoint(a.value!) !== null && !settings.includes(a.setting!)) settings.push(a.setting!);
  for (const setting of settings) {
    const setters = usable.filter((f) => proxies(f, setting).length > 0);
    for (const here of setters) {
      const endpoints = [...new Set(proxies(here, setting).map((a) => proxyEndpoint(a.value!)!))];
      for (const endpoint of endpoints) {
        const other = setters.find((f) => !proxies(f, setting).some((a) => proxyEndpoint(a.value!) === endpoint));
        if (!other || other === here) continue;
        const theirs = proxies(other, setting)[0];
        const theirEndpoint = proxyEndpoint(theirs.value!)!;
        for (const mine of proxies(here, setting).filter((a) => proxyEndpoint(a.value!) === endpoint)) {
          raw.push({
            file: here,
            assignment: mine,
            message: `${mine.name} points at ${endpoint} here, but ${other.displayName} sets ${theirs.name} to ${theirEndpoint}.`,
            related: { file: other, assignment: theirs, message: `${theirs.name} points at ${theirEndpoint} here.` },
          });
        }
      }
    }
  }

  const lists = (file: WorkspaceFile) => assignments(file, (s) => s === 'no_proxy').filter((a) => networkEntries(a.value!).length > 0);
  for (const here of usable) {
    for (const mine of lists(here)) {
      const myEntries = networkEntries(mine.value!);
      for (const other of usable) {
        if (other === here) continue;
        const missingEntries: string[] = [];
        let first: { entry: string; from: Assignment } | null = null;
        for (const theirs of lists(other)) {
          for (const entry of networkEntries(theirs.value!)) {
            if (myEntries.some((m) => entriesOverlap(m, entry)) || missingEntries.includes(entry.written)) continue;
            first ??= { entry: entry.written, from: theirs };
            missingEntries.push(entry.written);
          }
        }
        if (!first) continue;
        raw.push({
          file: here,
          assignment: mine,
          message: `${mine.name} here does not bypass ${missingEntries.join(', ')}, which ${other.displayName} bypasses in ${first.from.name}: the same hosts go through the proxy from one file and direct from the other.`,
          related: { file: other, assignment: first.from, message: `${first.from.name} bypasses ${first.entry} here.` },
        });
        break;
      }
    }
  }

  const findings: WorkspaceFinding[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const severity = r.file.options?.rules?.[PROXY_INCONSISTENT.id] ?? PROXY_INCONSISTENT.defaultSeverity;
    if (severity === 'off') continue;
    const key = `${r.file.id}\0${r.assignment.span.start}:${r.assignment.span.end}\0${r.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = r.file.model.kind;
    const ids = kind === 'docker-client' || kind === 'docker-daemon' ? undefined : findSuppressions(r.file.model.text).get(lineOf(r.file.model.text, r.assignment.span.start));
    if (ids && (ids.size === 0 || ids.has(PROXY_INCONSISTENT.id))) continue;
    findings.push({
      file: r.file.id,
      rule: PROXY_INCONSISTENT.id,
      severity,
      message: maskSecrets(r.message),
      span: { start: r.assignment.span.start, end: r.assignment.span.end },
      related: [{ file: r.related.file.id, span: { start: r.related.assignment.span.start, end: r.related.assignment.span.end }, message: maskSecrets(r.related.message) }],
    });
  }
  const order = new Map(files.map((f, i) => [f.id, i]));
  return findings.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.span.start - b.span.start);
}

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROXIES = ['http://proxy.corp.example:3128', 'http://proxy.corp.example:3128', 'http://svc:S3cr%40t@proxy.corp.example:3128', 'HTTP://Proxy.Corp.Example:3128', 'http://proxy.corp.example:8080', 'proxy.corp.example:3128', 'http://other.example:3128', 'http://${PROXY_HOST}:3128', ''];
const ENTRIES = ['localhost', '127.0.0.1', '.corp.example', 'corp.example', 'registry.corp.example', '10.0.0.0/8', '10.1.2.3', '192.168.0.0/16', '.lab.example', '::1', 'docker:2375', '*', '$NO_PROXY_EXTRA'];
const SUPPRESSIONS = ['# proxylint-disable-next-line proxy-inconsistent\n', '# proxylint-disable-next-line\n', '# proxylint-disable-next-line lowercase-missing\n'];

function workspace(next: () => number): WorkspaceFile[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const noProxy = () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(ENTRIES)).join(pick([',', ', ', ' ']));
  const comment = () => (next() < 0.15 ? pick(SUPPRESSIONS) : '');
  const makers: (() => [string, string])[] = [
    () => {
      const proxy = pick(PROXIES);
      const lines = [`Environment="HTTP_PROXY=${proxy}"`, `Environment="HTTPS_PROXY=${next() < 0.7 ? proxy : pick(PROXIES)}"`, `Environment="NO_PROXY=${noProxy()}"`];
      return ['docker.service.d/http-proxy.conf', `[Service]\n${lines.map((l) => comment() + l).join('\n')}\n`];
    },
    () => ['.docker/config.json', `{"proxies":{"default":{"httpProxy":"${pick(PROXIES)}","httpsProxy":"${pick(PROXIES)}","noProxy":"${noProxy()}"}}}`],
    () => ['daemon.json', next() < 0.1 ? '{"proxies":{"http-proxy":' : `{"proxies":{"http-proxy":"${pick(PROXIES)}","no-proxy":"${noProxy()}"}}`],
    () => {
      // Anchors merged into several services: one assignment in several scopes.
      const indented = (text: string, indent: string) => (text === '' ? '' : `${indent}${text}`);
      const value = () => pick(PROXIES) || '""';
      const shared = `x-proxy: &proxy\n${indented(comment(), '  ')}  HTTP_PROXY: ${value()}\n  NO_PROXY: "${noProxy()}"\n`;
      const ownList = () => (next() < 0.4 ? `      no_proxy: "${noProxy()}"\n` : '');
      const service = (name: string) => `  ${name}:\n    image: app:1\n    environment:\n      <<: *proxy\n${indented(comment(), '      ')}      http_proxy: ${value()}\n${ownList()}`;
      return ['docker-compose.yml', `${shared}services:\n${service('a')}${next() < 0.5 ? service('b') : ''}`];
    },
    () => ['deploy/proxy.env', `${comment()}HTTP_PROXY=${pick(PROXIES)}\nNO_PROXY=${noProxy()}\n`],
  ];
  const count = 2 + Math.floor(next() * 7);
  const made: [string, string][] = [];
  return Array.from({ length: count }, (_, i) => {
    // Copies of a file are what groups of files with the same lists are made of.
    const [name, text] = made.length > 0 && next() < 0.3 ? pick(made) : pick(makers)();
    made.push([name, text]);
    const path = `project-${i}/${name}`;
    const kind = detectFileKind(path, text);
    assert.ok(kind, `${path} is a known kind`);
    const options: LintOptions | undefined = next() < 0.1 ? { rules: { [PROXY_INCONSISTENT.id]: pick(['off', 'error', 'info'] as const) } } : undefined;
    return { id: path, displayName: path, model: parseDocumentOfKind(kind, text, path), options };
  });
}

describe('proxy-inconsistent with its shortcuts, against a plain reading of the rule', () => {
  test('random workspaces of every kind: the same findings, in the same order', () => {
    const next = random(20261123);
    let withFindings = 0;
    for (let round = 0; round < 400; round++) {
      const files = workspace(next);
      const expected = plainReading(files);
      assert.deepEqual(checkWorkspace(files), expected, `round ${round}: ${files.map((f) => `${f.id}:\n${f.model.text}`).join('\n')}`);
      if (expected.length > 0) withFindings++;
    }
    // The generator must produce disagreements often, or the comparison says little.
    assert.ok(withFindings > 150, `${withFindings} of 400 workspaces have findings`);
  });

  test('many files that mostly agree (the case the shortcuts are for): the same findings', () => {
    const next = random(7);
    const files = Array.from({ length: 12 }, () => workspace(next)).flat().map((f, i) => ({ ...f, id: `${i}/${f.id}`, displayName: `${i}/${f.displayName}` }));
    assert.deepEqual(checkWorkspace(files), plainReading(files));
  });

  test('the facts of a file that does not parse are none; suppressed assignments are marked, on their own line only', () => {
    const broken = parseDocumentOfKind('docker-daemon', '{"proxies":', 'daemon.json');
    assert.equal(settingFacts(broken), null);
    const text = '[Service]\n# proxylint-disable-next-line proxy-inconsistent\nEnvironment="HTTP_PROXY=http://proxy:3128"\nEnvironment="HTTPS_PROXY=http://proxy:3128"\n';
    const facts = settingFacts(parseDocumentOfKind('systemd', text, 'docker.service.d/p.conf'))!;
    assert.deepEqual(
      facts.map((f) => [f.name, f.compared, text.slice(f.start, f.end), f.suppressed]),
      [
        ['HTTP_PROXY', 'http://proxy:3128', '"HTTP_PROXY=http://proxy:3128"', true],
        ['HTTPS_PROXY', 'http://proxy:3128', '"HTTPS_PROXY=http://proxy:3128"', false],
      ],
    );
  });
});
