// Completion in Docker's config.json (`proxies.<daemon>` keys) and daemon.json
// (`proxies` keys): the keys, NO_PROXY entries in the noProxy / no-proxy
// string, and whole proxy objects where one can go. jsonc-parser's
// getLocation reads the path at the cursor even in unfinished JSON.
import { findNodeAtLocation, getLocation, parseTree, type Node } from 'jsonc-parser';
import type { FileKind } from '../../engine/model';
import { indentText, lineAt, splitTextLines } from './lines';
import {
  blockSuggestion,
  defaultNoProxy,
  DOCKER_CLIENT_KEYS,
  DOCKER_DAEMON_KEYS,
  dockerKeySuggestions,
  LOOPBACK_CANDIDATES,
  noProxySuggestions,
  PROXY_URL_PLACEHOLDER,
  snippetText,
  type Suggestion,
} from './suggestions';

type DockerKind = Extract<FileKind, 'docker-client' | 'docker-daemon'>;

export function dockerJsonCompletions(kind: DockerKind, text: string, offset: number): Suggestion[] {
  const location = getLocation(text, offset);
  const path = location.path;
  const node = location.previousNode;
  const inString = node?.type === 'string' && node.offset < offset && offset <= node.offset + node.length;
  const client = kind === 'docker-client';

  if (!location.isAtPropertyKey) {
    const isNoProxy = client ? path.length === 3 && path[0] === 'proxies' && path[2] === 'noProxy' : path.length === 2 && path[0] === 'proxies' && path[1] === 'no-proxy';
    if (!isNoProxy || !inString || !node) return [];
    const listStart = node.offset + 1;
    const listEnd = stringContentEnd(text, node);
    return noProxySuggestions(text.slice(listStart, listEnd), listStart, offset, LOOPBACK_CANDIDATES);
  }

  // A key typed without its colon yet (`"ht"`) is no node for getLocation: find its quotes on the line.
  const keyString = inString && node ? { start: node.offset, end: node.offset + node.length } : stringAround(text, offset);
  const replace = keyString ?? bareWordAround(text, offset);
  const quoted = keyString !== null;
  const after = text.slice(replace.end);
  const hasColon = /^[ \t]*:/.test(after);
  const comma = /^[ \t\r\n]*"/.test(after) ? ',' : '';
  const filter = (key: string) => (quoted ? `"${key}"` : key);
  const lines = splitTextLines(text);
  const indent = indentText(lineAt(lines, offset));
  const unit = indentUnit(text);

  if (path[0] === 'proxies' && path.length === (client ? 3 : 2)) {
    const keys = client ? DOCKER_CLIENT_KEYS : DOCKER_DAEMON_KEYS;
    const suggestions = dockerKeySuggestions(keys, replace, (key) => (hasColon ? `"${key}"` : `"${key}": "$0"${comma}`), filter);
    if (!hasColon && !client) {
      const body = proxyEntries(DOCKER_DAEMON_KEYS).map((entry, index) => (index === 0 ? entry : indent + entry)).join(',\n');
      suggestions.push(blockSuggestion('daemon proxy settings', 'http-proxy, https-proxy and no-proxy', replace, body + comma, filter('http-proxy')));
    }
    return suggestions;
  }
  if (hasColon) return [];
  const root = parseTree(text);
  if (client && path[0] === 'proxies' && path.length === 2 && !(root && findNodeAtLocation(root, ['proxies', 'default']))) {
    const body = `"default": {\n${indented(proxyEntries(DOCKER_CLIENT_KEYS), indent + unit)}\n${indent}}${comma}`;
    return [blockSuggestion('default proxies', 'httpProxy, httpsProxy and noProxy for every daemon', replace, body, filter('default'))];
  }
  if (path.length === 1 && !(root && findNodeAtLocation(root, ['proxies']))) {
    const inner = client
      ? `${indent}${unit}"default": {\n${indented(proxyEntries(DOCKER_CLIENT_KEYS), indent + unit + unit)}\n${indent}${unit}}`
      : indented(proxyEntries(DOCKER_DAEMON_KEYS), indent + unit);
    const body = `"proxies": {\n${inner}\n${indent}}${comma}`;
    return [blockSuggestion('proxies', client ? 'proxy settings for containers and builds' : "the daemon's own proxy settings", replace, body, filter('proxies'))];
  }
  return [];
}

/** `"httpProxy": "${1:…}"`, `"httpsProxy": "$1"`, `"noProxy": "${2:…}"` (or the daemon's keys), without commas or indentation. */
function proxyEntries(keys: readonly string[]): string[] {
  const [http, https, noProxy] = keys.filter((key) => !/^(ftp|all)/i.test(key));
  return [`"${http}": "\${1:${snippetText(PROXY_URL_PLACEHOLDER)}}"`, `"${https}": "$1"`, `"${noProxy}": "\${2:${snippetText(defaultNoProxy([]))}}"`];
}

function indented(entries: readonly string[], indent: string): string {
  return entries.map((entry) => indent + entry).join(',\n');
}

function stringContentEnd(text: string, node: Node): number {
  const end = node.offset + node.length;
  const newline = text.indexOf('\n', node.offset);
  const closed = text[end - 1] === '"' && end - 1 > node.offset;
  const contentEnd = closed ? end - 1 : end;
  return newline >= 0 && newline < contentEnd ? newline : contentEnd;
}

/** The string literal around `offset` on its line, quotes included; null outside one. */
function stringAround(text: string, offset: number): { start: number; end: number } | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let open = -1;
  for (let i = lineStart; i < offset; i++) {
    if (text[i] === '\\' && open >= 0) i++;
    else if (text[i] === '"') open = open < 0 ? i : -1;
  }
  if (open < 0) return null;
  let close = offset;
  while (close < text.length && text[close] !== '"' && text[close] !== '\n') close += text[close] === '\\' ? 2 : 1;
  return { start: open, end: text[close] === '"' ? close + 1 : close };
}

function bareWordAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && /[A-Za-z0-9_-]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_-]/.test(text[end])) end++;
  return { start, end };
}

/** The document's indentation step, from its first indented line; two spaces by default. */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}
