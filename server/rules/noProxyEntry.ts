// no-proxy-entry: NO_PROXY entries that some client of the scope ignores:
// `*.x`, `*` inside a list, inner wildcards, CIDR, IPv6 with or without
// brackets, `host:port`, trailing dots, quotes, `;` or spaces as separators
// (proxy-semantics n07–n24, n30, d02–d06). Which client honours which form is
// `proxy/noProxy.ts`'s knowledge (parseNoProxy, entrySupport, matchesHost);
// this rule only decides who reads the variable and whether another entry of
// the same list already covers the host for the clients that ignore this one.
import { clientListKey, type ClientId } from '../proxy/clients';
import { VariantMemo } from '../proxy/memo';
import { entrySupport, matchesHost, parseNoProxy, type NoProxyEntry } from '../proxy/noProxy';
import { maskProxyUrl } from '../proxy/url';
import { stripQuotes } from './quotedValue';
import type { Rule } from './rule';
import { clientList, readersOf } from './scopeClients';
import { activeScopes, valuePartSpan } from './scopes';

export const noProxyEntry: Rule = {
  id: 'no-proxy-entry',
  defaultSeverity: 'warning',
  description: 'A NO_PROXY entry is written in a form some clients ignore (*.x, CIDR, IPv6, host:port, quotes, ; separators...).',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      for (const assignment of scope.assignments) {
        if (assignment.setting !== 'no_proxy' || !assignment.value) continue;
        // Quotes around the whole list are quoted-value's finding.
        if (stripQuotes(assignment.value) !== null) continue;
        const readers = readersOf(model, scope, assignment);
        for (const problem of problemsOf(assignment.value, readers, model.kind === 'compose')) {
          report({
            span: valuePartSpan(assignment, problem.textStart, problem.textEnd),
            message: `The ${assignment.name} entry "${problem.shownText}" in ${scope.label}${problem.messageTail}`,
            fix: problem.rewritten === undefined ? undefined : { title: problem.title!, operations: [{ op: 'replace-value', target: assignment, value: problem.rewritten }] },
          });
        }
      }
    }
  },
};

/** A finding of the rule in one value, without the variable and scope names the message adds. */
interface EntryProblem {
  /** Offsets of the entry in the value. */
  textStart: number;
  textEnd: number;
  /** The entry for the message, password masked. */
  shownText: string;
  /** ` is ignored by … (why): advice.` */
  messageTail: string;
  /** The whole value with the entry rewritten, when a rewrite is offered. */
  rewritten?: string;
  title?: string;
}

/** Services repeat the same lists, and the server re-lints them on every keystroke: each (value, readers) is analysed once. */
const problemsMemo = new VariantMemo<readonly EntryProblem[]>(4_096, 4_096);

function problemsOf(value: string, readers: readonly ClientId[], interpolated: boolean): readonly EntryProblem[] {
  // Shared between findings, so frozen.
  return problemsMemo.get(value, clientListKey(readers) * 2 + (interpolated ? 1 : 0), () =>
    Object.freeze(parseNoProxy(value).flatMap((entry) => {
      const problem = problemOf(entry, value, readers, interpolated);
      return problem ? [Object.freeze(problem)] : [];
    })),
  );
}

function problemOf(entry: NoProxyEntry, value: string, readers: readonly ClientId[], interpolated: boolean): EntryProblem | null {
  // Empty entries are skipped by every client (n22, n23); compose fills `${VAR}` in later.
  if (entry.form === 'empty' || (interpolated && entry.text.includes('$'))) return null;
  const affected = ignoringClients(entry, value, readers);
  if (affected.length === 0) return null;
  const rewrite = rewriteOf(entry);
  const rewritten = rewrite && value.slice(0, rewrite.from) + rewrite.text + value.slice(rewrite.to);
  // Offer a rewrite only when every entry it writes is read as meant by the same clients.
  const usable = rewrite && rewritten !== undefined && writesGoodEntries(rewritten, rewrite.from, rewrite.from + rewrite.text.length, readers) ? rewrite : undefined;
  const advice = usable ? `: ${usable.advice}` : adviceWithoutRewrite(entry);
  return {
    textStart: entry.textStart,
    textEnd: entry.textEnd,
    shownText: maskProxyUrl(entry.text),
    messageTail: ` is ignored by ${clientList(affected)} (${reason(entry)})${advice}.`,
    ...(usable ? { rewritten: rewritten!, title: usable.title } : {}),
  };
}

interface EntryRewrite {
  /** Offsets in the value of the text replaced. */
  from: number;
  to: number;
  text: string;
  title: string;
  /** Completes the message after a colon. */
  advice: string;
}

/**
 * The suggested rewrite of proxy/noProxy.ts, else the bare host before a
 * `host:port`, else the entry without its blanks. Blanks around an entry are
 * outside its `text` and stay part of it for wget, so a rewrite replaces them too.
 */
function rewriteOf(entry: NoProxyEntry): EntryRewrite | undefined {
  const [from, to] = entry.hasSurroundingSpace ? [entry.start, entry.end] : [entry.textStart, entry.textEnd];
  const suggested = entrySupport(entry).suggestedRewrite;
  if (suggested !== undefined && suggested !== entry.text) {
    return { from, to, text: suggested, title: `Write "${suggested}" instead of "${maskProxyUrl(entry.text)}"`, advice: `write "${suggested}"` };
  }
  const twin = portlessTwin(entry);
  if (twin !== undefined) {
    return { from, to, text: twin, title: `Add "${entry.host}" (without the port) before "${entry.text}"`, advice: `write "${twin}"` };
  }
  if (entry.hasSurroundingSpace) {
    return { from, to, text: entry.text, title: `Remove the blanks around "${entry.text}"`, advice: 'remove the blanks around it' };
  }
  return undefined;
}

/**
 * The clients reading the variable that ignore the entry, leaving out those
 * another entry of the list already sends direct for the same host. A Go
 * daemon's unit is read by Go alone: silent wherever Go honours the form.
 */
function ignoringClients(entry: NoProxyEntry, value: string, readers: readonly ClientId[]): ClientId[] {
  return entrySupport(entry).ignored.filter((client) => readers.includes(client) && !coveredElsewhere(client, value, entry));
}

/** True when no entry written in [start, end) of the rewritten value is ignored by a reader. */
function writesGoodEntries(rewritten: string, start: number, end: number, readers: readonly ClientId[]): boolean {
  const written = parseNoProxy(rewritten).filter((e) => e.textStart >= start && e.textEnd <= end && e.form !== 'empty');
  // Each check matches against the whole value: a rewrite into thousands of entries (a pasted blob) is no
  // fix to offer, and checking it entry by entry took minutes.
  if (written.length > MAX_REWRITTEN_ENTRIES) return false;
  return written.every((e) => ignoringClients(e, rewritten, readers).length === 0);
}

const MAX_REWRITTEN_ENTRIES = 64;

/** Why clients ignore the entry, in a few words (the measured cases are in docs/rules/no-proxy-entry.md). */
function reason(entry: NoProxyEntry): string {
  if (entry.hasQuotes) return 'the quotes are part of the entry';
  if (entry.separatorProblem === 'semicolon') return '";" is not a separator';
  if (entry.separatorProblem === 'whitespace') return 'spaces do not separate entries';
  if (entry.form === 'url') return 'NO_PROXY lists hosts, not URLs';
  if (entry.hasSurroundingSpace && entrySupport(parseNoProxy(entry.text)[0]).ignored.length === 0) return 'the blanks around it stay part of the entry';
  if (entry.hasTrailingDot) return 'the trailing dot is kept';
  switch (entry.form) {
    case 'wildcard-prefix':
      return '"*." is not understood';
    case 'star':
      return entry.isWholeValue ? 'no wildcard is understood' : '"*" only means every host as the whole value';
    case 'inner-wildcard':
      return '"*" inside an entry is no wildcard';
    case 'cidr4':
    case 'cidr6':
      return 'CIDR ranges are not understood';
    case 'ipv6':
      return 'IPv6 is only matched in brackets';
    case 'ipv6-bracketed':
      return 'IPv6 is only matched without brackets';
    default:
      return entry.port !== undefined ? 'an entry with a port is not understood' : 'this form is not understood';
  }
}

function adviceWithoutRewrite(entry: NoProxyEntry): string {
  switch (entry.form) {
    case 'cidr4':
    case 'cidr6':
      return ': list the addresses or names those clients use as well';
    case 'star':
      return entry.isWholeValue ? '' : ': use "*" alone, or list the hosts';
    case 'inner-wildcard':
      return ': use a leading dot (".example.com") for a domain and its subdomains';
    default:
      return '';
  }
}

/**
 * For `host:port` (ignored by curl, wget and git, n11): the bare host before
 * it, so those clients bypass the host too (on every port, the closest they
 * can express); clients that read ports keep the port entry.
 */
function portlessTwin(entry: NoProxyEntry): string | undefined {
  if (entry.port === undefined || entry.hasQuotes || (entry.form !== 'hostname' && entry.form !== 'ipv4')) return undefined;
  return `${entry.host},${entry.text}`;
}

/** Does the list, through another entry, already make this client bypass what the entry names? */
function coveredElsewhere(client: ClientId, value: string, entry: NoProxyEntry): boolean {
  const probe = probeHost(entry);
  return probe !== undefined && matchesHost(client, value, probe.host, probe.port);
}

/** A host the entry is meant to cover, to ask the list about it. */
function probeHost(entry: NoProxyEntry): { host: string; port?: number } | undefined {
  const at = (host: string) => ({ host, port: entry.port });
  switch (entry.form) {
    case 'hostname':
    case 'ipv4':
    case 'url':
      return at(entry.host);
    case 'ipv6':
    case 'ipv6-bracketed':
      return at(`[${entry.host}]`);
    case 'leading-dot':
    case 'wildcard-prefix':
      return at(`api.${entry.host}`);
    case 'cidr4': {
      const octets = entry.host.split('.').map(Number);
      octets[3] |= 1;
      return { host: octets.join('.') };
    }
    default:
      return undefined;
  }
}
