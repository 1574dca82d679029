// What every file kind offers, independent of syntax: proxy variable names,
// NO_PROXY entries and the proxy block. Per-kind modules decide where the
// cursor is and how the text is written; this module decides what to offer.
import type { Consumer, Span } from '../../engine/model';
import { ALL_CLIENTS, clientDisplayName, readsVariable } from '../../proxy/clients';
import { settingOfDockerKey, settingOfEnvName } from '../../proxy/variables';
import { joinNames, SETTING_PURPOSE } from '../hover/describe';

/** A completion in document offsets; the service turns it into an LSP CompletionItem. */
export interface Suggestion {
  label: string;
  kind: 'variable' | 'property' | 'value' | 'snippet';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  replace: Span;
  newText: string;
  /** `newText` uses snippet syntax (tab stops). */
  snippet: boolean;
  filterText?: string;
  sortText?: string;
}

export const PROXY_URL_PLACEHOLDER = 'http://proxy.example:3128';

/** Every environment spelling, in the order they are offered: each uppercase name next to its lowercase twin. */
export const ENV_NAMES: readonly string[] = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy', 'FTP_PROXY', 'ftp_proxy'];
export const DOCKER_CLIENT_KEYS: readonly string[] = ['httpProxy', 'httpsProxy', 'noProxy', 'ftpProxy', 'allProxy'];
export const DOCKER_DAEMON_KEYS: readonly string[] = ['http-proxy', 'https-proxy', 'no-proxy'];

/** Escapes text for LSP snippet syntax. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Variable-name suggestions; `render(name)` writes the entry as the syntax wants it (snippet text). */
export function nameSuggestions(replace: Span, render: (name: string) => string, filterText?: (name: string) => string): Suggestion[] {
  return ENV_NAMES.map((name, index) => ({
    label: name,
    kind: 'variable',
    detail: SETTING_PURPOSE[settingOfEnvName(name)!].replace(/`/g, ''),
    documentation: readersOf(name),
    replace,
    newText: render(name),
    snippet: true,
    filterText: filterText?.(name),
    sortText: `0${String(index).padStart(2, '0')}`,
  }));
}

/** Docker JSON key suggestions. */
export function dockerKeySuggestions(keys: readonly string[], replace: Span, render: (key: string) => string, filterText?: (key: string) => string): Suggestion[] {
  return keys.map((key, index) => ({
    label: key,
    kind: 'property',
    detail: SETTING_PURPOSE[settingOfDockerKey(key)!].replace(/`/g, ''),
    replace,
    newText: render(key),
    snippet: true,
    filterText: filterText?.(key),
    sortText: `0${String(index).padStart(2, '0')}`,
  }));
}

/** Which measured clients read this exact spelling. */
function readersOf(name: string): string {
  const readers = ALL_CLIENTS.filter((client) => readsVariable(client, name)).map(clientDisplayName);
  const others = ALL_CLIENTS.filter((client) => !readsVariable(client, name)).map(clientDisplayName);
  if (readers.length === 0) return `${SETTING_PURPOSE[settingOfEnvName(name)!]}. None of the clients proxylint models reads it.`;
  const lines = [`${SETTING_PURPOSE[settingOfEnvName(name)!]}.`, `Read by ${joinNames(readers)}.`];
  if (others.length > 0) lines.push(`Not read by ${joinNames(others)}.`);
  return lines.join('\n\n');
}

export interface NoProxyCandidate {
  entry: string;
  detail: string;
}

export const LOOPBACK_CANDIDATES: readonly NoProxyCandidate[] = [
  { entry: 'localhost', detail: 'this machine, by name' },
  { entry: '127.0.0.1', detail: 'this machine, by address (clients do not treat it as localhost)' },
];

export function dindCandidate(host: string): NoProxyCandidate {
  return { entry: `${host}:2375,${host}:2376`, detail: 'the docker-in-docker daemon with its ports: the docker CLI matches NO_PROXY with the port' };
}

/**
 * Suggestions for the NO_PROXY entry being typed. `list` is the value written
 * so far, `listStart` its document offset, `offset` the cursor.
 */
export function noProxySuggestions(list: string, listStart: number, offset: number, candidates: readonly NoProxyCandidate[]): Suggestion[] {
  const cursor = offset - listStart;
  const entryStart = list.lastIndexOf(',', cursor - 1) + 1;
  const afterComma = /^\s*/.exec(list.slice(entryStart, cursor))![0].length;
  const nextComma = list.indexOf(',', cursor);
  const entryEnd = nextComma < 0 ? list.length : nextComma;
  const replace = { start: listStart + entryStart + afterComma, end: listStart + Math.max(cursor, trimmedEnd(list, cursor, entryEnd)) };
  // Entries already in the list, except the one being typed.
  const current = list.slice(0, entryStart).split(',').length - 1;
  const present = new Set(
    list
      .split(',')
      .filter((_, index) => index !== current)
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry !== ''),
  );
  const seen = new Set<string>();
  const suggestions: Suggestion[] = [];
  for (const candidate of candidates) {
    // Offer only the parts still missing (`docker:2376` when `docker:2375` is there).
    const entry = candidate.entry
      .split(',')
      .filter((part) => !present.has(part.toLowerCase()))
      .join(',');
    if (entry === '' || seen.has(entry)) continue;
    seen.add(entry);
    suggestions.push({
      label: entry,
      kind: 'value',
      detail: candidate.detail,
      replace,
      newText: entry,
      snippet: false,
      sortText: `1${String(suggestions.length).padStart(2, '0')}`,
    });
  }
  return suggestions;
}

function trimmedEnd(list: string, from: number, end: number): number {
  let last = end;
  while (last > from && /\s/.test(list[last - 1])) last--;
  return last;
}

/** The variables of a proxy block: both spellings where any program reads the environment, one where a Go daemon does. */
export function blockNames(consumer: Consumer): { name: string; value: 'url' | 'no-proxy' }[] {
  const upperOnly = consumer === 'go-daemon';
  const names: { name: string; value: 'url' | 'no-proxy' }[] = [];
  for (const upper of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']) {
    const value = upper === 'NO_PROXY' ? 'no-proxy' : 'url';
    names.push({ name: upper, value });
    if (!upperOnly) names.push({ name: upper.toLowerCase(), value });
  }
  return names;
}

/** Snippet text of a value in a proxy block: the URL is tab stop 1, the NO_PROXY list tab stop 2, repeated values mirror them. */
export function blockValue(value: 'url' | 'no-proxy', first: boolean, noProxyDefault: string): string {
  const index = value === 'url' ? 1 : 2;
  if (!first) return `$${index}`;
  return `\${${index}:${snippetText(value === 'url' ? PROXY_URL_PLACEHOLDER : noProxyDefault)}}`;
}

export function blockSuggestion(label: string, detail: string, replace: Span, newText: string, filterText?: string): Suggestion {
  return { label, kind: 'snippet', detail, replace, newText, snippet: true, filterText, sortText: '2' };
}

/** `localhost,127.0.0.1` plus the given entries, without repeats. */
export function defaultNoProxy(extra: readonly string[]): string {
  return [...new Set(['localhost', '127.0.0.1', ...extra])].join(',');
}
