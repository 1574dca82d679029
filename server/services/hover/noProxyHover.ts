// Hover on a NO_PROXY entry: what it matches and which clients honour or
// ignore it (server/proxy/noProxy.ts, measured). Off an entry, a summary of
// the whole list.
import type { Assignment, Consumer, FileKind, Span } from '../../engine/model';
import { ALL_CLIENTS, clientDisplayName, type ClientId } from '../../proxy/clients';
import { entrySupport, parseNoProxy, type NoProxyEntry } from '../../proxy/noProxy';
import { code, table } from './markdown';
import { joinNames } from './describe';

export interface NoProxyHover {
  markdown: string;
  /** The entry under the cursor, or the whole value for the summary. */
  span: Span;
}

export function noProxyHover(kind: FileKind, assignment: Assignment, consumer: Consumer, offset: number): NoProxyHover | null {
  const value = assignment.value;
  if (value === null) return null;
  const entries = parseNoProxy(value);
  if (entries.length === 0) return null;
  // A Go daemon (dockerd from a unit or daemon.json) is the only reader there.
  const clients: readonly ClientId[] = consumer === 'go-daemon' || kind === 'docker-daemon' ? ['go'] : ALL_CLIENTS;
  const at = assignment.valueOffsets;
  const spanOf = (entry: NoProxyEntry): Span | null => (at && entry.textEnd > entry.textStart ? { start: at(entry.textStart), end: at(entry.textEnd - 1) + 1 } : null);
  for (const entry of entries) {
    const span = spanOf(entry);
    if (span && span.start <= offset && offset < span.end) return { markdown: entryHover(entry, clients), span };
  }
  return { markdown: listHover(entries, clients), span: assignment.valueSpan };
}

function entryHover(entry: NoProxyEntry, clients: readonly ClientId[]): string {
  const support = entrySupport(entry);
  const names = (ids: readonly ClientId[]) => joinNames(ids.filter((id) => clients.includes(id)).map(clientDisplayName));
  const lines = [`**NO_PROXY entry** ${code(entry.text)}: ${matches(entry)}`];
  const groups: [string, readonly ClientId[]][] = [
    ['Honoured by', support.honoured],
    ['Only partly by', support.partial],
    ['Ignored by', support.ignored],
  ];
  const list = groups.filter(([, ids]) => ids.some((id) => clients.includes(id))).map(([label, ids]) => `- ${label}: ${names(ids)}`);
  lines.push(list.join('\n'));
  // The note names every client; where one Go daemon reads the list it would say more than applies.
  if (clients.length === ALL_CLIENTS.length) lines.push(`${support.note}.`);
  else if (support.suggestedRewrite !== undefined && support.ignored.some((id) => clients.includes(id))) lines.push(`Write ${code(support.suggestedRewrite)} instead.`);
  return lines.join('\n\n');
}

function listHover(entries: NoProxyEntry[], clients: readonly ClientId[]): string {
  const rows = entries
    .filter((entry) => entry.form !== 'empty')
    .map((entry) => {
      const ignored = entrySupport(entry).ignored.filter((id) => clients.includes(id));
      return [code(entry.text), ignored.length === 0 ? 'nobody' : joinNames(ignored.map(clientDisplayName))];
    });
  return [`**NO_PROXY**: ${rows.length} entr${rows.length === 1 ? 'y' : 'ies'}`, table(['entry', 'ignored by'], rows)].join('\n\n');
}

/** What an entry is meant to cover, in words. */
function matches(entry: NoProxyEntry): string {
  const port = entry.port === undefined ? '' : ` on port ${entry.port}`;
  switch (entry.form) {
    case 'hostname':
      return `the host ${code(entry.host)}${port}`;
    case 'leading-dot':
      return `hosts under ${code(entry.host)}${port}`;
    case 'wildcard-prefix':
      return `hosts under ${code(entry.host)}${port}, where ${code('*.')} is understood`;
    case 'star':
      return 'every host';
    case 'ipv4':
    case 'ipv6':
    case 'ipv6-bracketed':
      return `the address ${code(entry.host)}${port}`;
    case 'cidr4':
    case 'cidr6':
      return `the addresses in ${code(entry.text)}`;
    case 'url':
      return `a URL, where NO_PROXY lists hosts (meant: ${code(entry.host)}${port})`;
    case 'inner-wildcard':
      return `${code('*')} inside an entry is no wildcard`;
    case 'invalid':
    case 'empty':
      return 'nothing a client can match';
  }
}
