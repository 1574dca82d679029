// systemd units and drop-ins → ProxyModel. `Environment=` words in `[Service]`
// form the scope; the unit's program decides who reads them.
import type { Assignment, Consumer, EnvironmentFileReference, HostExpansion, ProxyModel, Scope, Span } from '../engine/model';
import { environmentAssignment } from './assignments';
import { parseUnitFile, splitEnvironmentWords, type EnvironmentWord, type UnitDirective, type UnitFile } from './systemdSyntax';

/** Daemons written in Go: they read HTTP_PROXY and http_proxy alike, so one spelling is enough for them. */
const GO_DAEMONS = new Set(['docker', 'dockerd', 'containerd', 'gitlab-runner', 'kubelet', 'k3s', 'k3s-agent', 'rke2-server', 'rke2-agent', 'crio', 'buildkit', 'buildkitd']);

export function parseSystemdUnit(text: string, path: string): ProxyModel {
  const model: ProxyModel = { kind: 'systemd', text, scopes: [], parseProblem: null };
  const unit = parseUnitFile(text);
  const unitName = unitNameOf(path);
  const program = unit.directives.find((d) => d.section === 'Service' && d.key === 'ExecStart' && d.value.trim() !== '');
  const programName = program ? executableName(program.value) : null;
  const consumer: Consumer = (unitName && GO_DAEMONS.has(unitName)) || (programName && GO_DAEMONS.has(programName)) ? 'go-daemon' : 'any-program';
  const label = unitName ? `[Service] of ${unitName}.service` : '[Service]';

  const service: Assignment[] = [];
  for (const directive of unit.directives) {
    if (directive.key === 'Environment' && directive.section === 'Service') service.push(...environmentAssignments(directive));
  }
  const serviceHeader = unit.sections.find((s) => s.name === 'Service');
  const firstDirective = unit.directives[0];
  const anchor: Span = serviceHeader ? { start: serviceHeader.headerStart, end: serviceHeader.headerEnd } : firstDirective ? { start: firstDirective.start, end: firstDirective.end } : { start: 0, end: 0 };
  if (service.length > 0 || serviceHeader) model.scopes.push({ label, consumer, assignments: service, anchor, dind: null, environmentFiles: environmentFilesOf(unit) });
  model.scopes.push(...misplacedScopes(unit, consumer));
  return model;
}

/** Sections whose `Environment=` systemd reads (systemd.exec(5)); `[Socket]`, `[Mount]` and `[Swap]` set it for their own helper commands. */
const EXEC_SECTIONS: ReadonlySet<string> = new Set(['Service', 'Socket', 'Mount', 'Swap']);

/** One ignored scope per section block (or the lines before any header) holding `Environment=` lines outside `[Service]`. */
function misplacedScopes(unit: UnitFile, consumer: Consumer): Scope[] {
  const scopes: Scope[] = [];
  const blockOf = (directive: UnitDirective) => unit.sections.filter((s) => s.headerStart < directive.start).length;
  const blocks = new Map<number, UnitDirective[]>();
  for (const directive of unit.directives) {
    const block = blockOf(directive);
    const directives = blocks.get(block);
    if (directives) directives.push(directive);
    else blocks.set(block, [directive]);
  }
  for (const directives of blocks.values()) {
    const first = directives.findIndex((d) => d.key === 'Environment' && !EXEC_SECTIONS.has(d.section ?? ''));
    if (first < 0) continue;
    const environment = directives.slice(first).filter((d) => d.key === 'Environment');
    const assignments = environment.flatMap(environmentAssignments);
    if (assignments.length === 0) continue;
    const section = directives[first].section;
    scopes.push({
      label: section === null ? 'Environment= before any section' : `Environment= in [${section}]`,
      consumer,
      assignments,
      anchor: { start: directives[first].start, end: directives[first].start + directives[first].key.length },
      dind: null,
      ignoredBecause: 'systemd reads Environment= only in the [Service] section',
      misplaced: {
        section,
        expectedSection: 'Service',
        followedByOtherLines: directives.slice(first).some((d) => d.key !== 'Environment'),
        expectedSectionExists: unit.sections.some((s) => s.name === 'Service'),
      },
    });
  }
  return scopes;
}

/** `EnvironmentFile=` lines of `[Service]`; a `-` prefix makes a missing file fine. An empty one resets the list. */
function environmentFilesOf(unit: UnitFile): EnvironmentFileReference[] {
  let references: EnvironmentFileReference[] = [];
  for (const directive of unit.directives) {
    if (directive.section !== 'Service' || directive.key !== 'EnvironmentFile') continue;
    const value = directive.value.trim();
    if (value === '') {
      references = [];
      continue;
    }
    const offsets = directive.valueOffsets.filter((o) => o >= 0);
    references.push({ path: value.replace(/^-/, ''), span: { start: offsets[0], end: offsets[offsets.length - 1] + 1 }, optional: value.startsWith('-') });
  }
  return references;
}

/** `docker` for `/etc/systemd/system/docker.service.d/http-proxy.conf` or `.../docker.service`. */
export function unitNameOf(path: string): string | null {
  const parts = path.split(/[\\/]/);
  const base = parts[parts.length - 1] ?? '';
  const parent = parts[parts.length - 2] ?? '';
  const dropIn = /^(.+?)(@[^.]*)?\.(service|socket)\.d$/.exec(parent);
  if (dropIn && base.endsWith('.conf')) return dropIn[1];
  const unit = /^(.+?)(@[^.]*)?\.(service|socket)$/.exec(base);
  return unit ? unit[1] : null;
}

/** `dockerd` for `ExecStart=-/usr/bin/dockerd -H fd://`. */
function executableName(execStart: string): string {
  const first = execStart.trim().split(/\s+/)[0].replace(/^[-@:+!]+/, '');
  return first.slice(first.lastIndexOf('/') + 1);
}

function environmentAssignments(directive: UnitDirective): Assignment[] {
  const words = splitEnvironmentWords(directive);
  // A word without `=` sets nothing: systemd logs "Invalid environment assignment, ignoring" and skips it.
  return words.filter((word) => word.text.includes('=')).map((word) => wordAssignment(directive, word, words.length === 1));
}

function wordAssignment(directive: UnitDirective, word: EnvironmentWord, onlyWord: boolean): Assignment {
  const eq = word.text.indexOf('=');
  const name = eq < 0 ? word.text : word.text.slice(0, eq);
  const rawValue = eq < 0 ? '' : word.text.slice(eq + 1);
  const rawOffsets = eq < 0 ? [] : word.offsets.slice(eq + 1);
  // systemd expands specifiers after unquoting: `%%` is a literal `%`, any other `%X` is rewritten or rejected.
  const valueChars: string[] = [];
  const valueOffsets: number[] = [];
  const hostExpansions: HostExpansion[] = [];
  for (let i = 0; i < rawValue.length; i++) {
    if (rawValue[i] === '%') {
      if (rawValue[i + 1] === '%') {
        valueChars.push('%');
        valueOffsets.push(rawOffsets[i]);
        i++;
        continue;
      }
      const sequence = rawValue.slice(i, i + 2);
      hostExpansions.push({ sequence, span: { start: rawOffsets[i], end: (rawOffsets[i + 1] ?? rawOffsets[i]) + 1 } });
    }
    valueChars.push(rawValue[i]);
    valueOffsets.push(rawOffsets[i]);
  }
  const nameEnd = name.length > 0 ? word.offsets[name.length - 1] + 1 : word.start;
  const nameSpan: Span = { start: word.offsets[0] ?? word.start, end: nameEnd };
  const valueSpan: Span = rawOffsets.length > 0 ? { start: rawOffsets[0], end: rawOffsets[rawOffsets.length - 1] + 1 } : { start: nameEnd + 1, end: nameEnd + 1 };
  return environmentAssignment({
    name,
    value: eq < 0 ? null : valueChars.join(''),
    span: { start: word.start, end: word.end },
    nameSpan,
    valueSpan,
    // Offsets are exact per character even through quotes and `%%`; a rule pointing inside the value lands on the right column.
    valueOffsets: (index) => valueOffsets[Math.min(index, valueOffsets.length - 1)] ?? valueSpan.start,
    syntax: { kind: 'systemd-word', quoted: word.quoted, directive: { start: directive.start, end: directive.end }, onlyWordInDirective: onlyWord },
    hostExpansions,
  });
}
