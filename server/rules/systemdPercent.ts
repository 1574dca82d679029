// systemd-percent: a `%` in a systemd `Environment=` value that is not `%%`.
// systemd expands specifiers there (proxy-semantics §5, systemd 252): `%40`
// and other unknown specifiers make it drop the whole assignment with only a
// warning in the journal; known ones (`%C`, `%E`, `%A`...) are silently
// replaced, so a percent-encoded password becomes a path.
import type { Assignment, HostExpansion } from '../engine/model';
import { parseProxyUrl, unencodedCharacters } from '../proxy/url';
import { isProxyUrlSetting } from '../proxy/variables';
import type { Rule } from './rule';
import { activeScopes } from './scopes';

/**
 * Specifier letters systemd 252 rewrites, with what they become (measured with
 * `systemd-analyze verify`). Every other letter and every digit is an unknown
 * specifier: "Failed to resolve specifiers ..., ignoring". A `%` before
 * anything else (`%-`, a trailing `%`) is kept as written.
 */
const SPECIFIERS: Readonly<Record<string, string>> = {
  a: 'the architecture', A: 'the OS image version', b: 'the boot ID', B: 'the OS build ID', C: 'the cache directory', c: 'the control group path',
  d: 'the credentials directory', E: 'the configuration directory', f: 'the unescaped file name', g: 'the group name', G: 'the group ID', h: 'the home directory',
  H: 'the host name', i: 'the instance name', I: 'the unescaped instance name', j: 'the last part of the unit prefix', J: 'the unescaped last part of the prefix',
  l: 'the short host name', L: 'the log directory', m: 'the machine ID', M: 'the OS image identifier', n: 'the unit name', N: 'the unit name without its type',
  o: 'the OS ID', p: 'the unit prefix', P: 'the unescaped unit prefix', q: 'the pretty host name', r: 'the control group parent', R: 'the control group root',
  s: 'the user shell', S: 'the state directory', t: 'the runtime directory', T: 'the temporary directory', u: 'the user name', U: 'the user ID',
  v: 'the kernel release', V: 'the /var/tmp directory', w: 'the OS version ID', W: 'the OS variant ID', y: 'the unit file path', Y: 'the unit file directory',
};

type Effect = 'dropped' | 'rewritten';

function effectOf(sequence: string): Effect | null {
  const letter = sequence.slice(1);
  if (!/^[A-Za-z0-9]$/.test(letter)) return null;
  return Object.prototype.hasOwnProperty.call(SPECIFIERS, letter) ? 'rewritten' : 'dropped';
}

export const systemdPercent: Rule = {
  id: 'systemd-percent',
  defaultSeverity: 'error',
  description: 'A % in a systemd Environment= value is not doubled: systemd drops the assignment or replaces the sequence with a path.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      for (const assignment of scope.assignments) {
        const expansions = (assignment.hostExpansions ?? []).filter((e) => effectOf(e.sequence) !== null && !leftToCredentialsRule(assignment, e));
        if (expansions.length === 0) continue;
        const dropped = expansions.filter((e) => effectOf(e.sequence) === 'dropped');
        const sequences = [...new Set(expansions.map((e) => e.sequence))];
        const message =
          dropped.length > 0
            ? `systemd cannot resolve ${list([...new Set(dropped.map((e) => e.sequence))])} in ${assignment.name} and drops the whole assignment (only a warning in the journal), so the service runs without ${assignment.name}. Write % as %%.`
            : `systemd replaces ${sequences.map((s) => `${s} with ${SPECIFIERS[s.slice(1)]}`).join(', ')} in ${assignment.name}, silently: the program receives a different value. Write % as %%.`;
        report({
          span: { start: expansions[0].span.start, end: expansions[expansions.length - 1].span.end },
          message,
          // The writer doubles every `%` of the value; `value` holds `%` where the file has `%%`, and `%X` where it has `%X`.
          fix: assignment.value === null ? undefined : { title: 'Double the % (%%)', operations: [{ op: 'replace-value', target: assignment, value: assignment.value }] },
        });
      }
    }
  },
};

/**
 * A `%` inside a proxy URL's user or password that does not start a `%XX`
 * escape is reported by credentials-unencoded, whose fix (`%25`, written
 * `%%25`) gives the program the password the user meant; doubling alone would not.
 */
function leftToCredentialsRule(assignment: Assignment, expansion: HostExpansion): boolean {
  if (!isProxyUrlSetting(assignment.setting) || assignment.value === null || !assignment.valueOffsets) return false;
  const url = parseProxyUrl(assignment.value);
  if (!url) return false;
  const offsets = assignment.valueOffsets;
  for (const part of [url.user, url.password]) {
    if (!part || !unencodedCharacters(part.text, { interpolation: false }).includes('%')) continue;
    for (let i = part.start; i < part.end; i++) {
      if (offsets(i) === expansion.span.start && !/^%[0-9A-Fa-f]{2}/.test(assignment.value.slice(i))) return true;
    }
  }
  return false;
}

function list(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
