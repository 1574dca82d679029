// Completion in docker-compose files: variable names and the proxy block
// where an environment entry can go (`services.*.environment`, `build.args`,
// `x-*` blocks merged into an environment), NO_PROXY entries in a NO_PROXY
// value. The structure around the cursor is read from indentation, because
// the text being typed often does not parse yet.
import type { ProxyModel, Scope } from '../../engine/model';
import { identifierAfter, indentText, lineAt, splitTextLines, type TextLine } from './lines';
import {
  blockNames,
  blockSuggestion,
  blockValue,
  defaultNoProxy,
  dindCandidate,
  LOOPBACK_CANDIDATES,
  nameSuggestions,
  noProxySuggestions,
  type NoProxyCandidate,
  type Suggestion,
} from './suggestions';

interface Parent {
  key: string;
  line: TextLine;
}

const KEY_LINE = /^[ \t]*(?:-[ \t]+)?(["']?)([^"'#\s][^:#]*?)\1[ \t]*:(?:[ \t]|$)/;
const MAP_NAME_SITE = /^([ \t]*)([A-Za-z_][A-Za-z0-9_]*)?$/;
const LIST_NAME_SITE = /^([ \t]*)-[ \t]+(["']?)([A-Za-z_][A-Za-z0-9_]*)?$/;
const MAP_NO_PROXY_SITE = /^[ \t]*(["']?)(?:NO_PROXY|no_proxy)\1[ \t]*:[ \t]*(["']?)([^"'#]*)$/;
const LIST_NO_PROXY_SITE = /^[ \t]*-[ \t]+(["']?)(?:NO_PROXY|no_proxy)=([^"']*)$/;

export function composeCompletions(text: string, offset: number, model: ProxyModel | null): Suggestion[] {
  const lines = splitTextLines(text);
  const line = lineAt(lines, offset);
  const before = text.slice(line.start, offset);
  const parents = enclosingKeys(lines, line, before);
  const service = parents[0]?.key === 'services' && parents.length >= 2 ? parents[1].key : null;

  const listNoProxy = LIST_NO_PROXY_SITE.exec(before);
  const mapNoProxy = listNoProxy ? null : MAP_NO_PROXY_SITE.exec(before);
  if (listNoProxy || mapNoProxy) {
    if (!isEnvironmentBlock(lines, parents, text)) return [];
    const [written, quote] = listNoProxy ? [listNoProxy[2], listNoProxy[1]] : [mapNoProxy![3], mapNoProxy![2]];
    const listStart = offset - written.length;
    const listEnd = valueEnd(text, listStart, line.end, quote);
    return noProxySuggestions(text.slice(listStart, listEnd), listStart, offset, noProxyCandidates(lines, model, line, service));
  }

  const list = LIST_NAME_SITE.exec(before);
  const map = list ? null : MAP_NAME_SITE.exec(before);
  if (!list && !map) return [];

  if (map && parents.length === 2 && service && !hasChildKey(lines, parents[1].line, 'environment')) {
    return [environmentBlock(text, lines, line, offset, model, service, parents[1].line)];
  }
  if (!isEnvironmentBlock(lines, parents, text)) return [];

  const typedStart = offset - (list ? (list[3] ?? '').length : (map![2] ?? '').length);
  const typedEnd = identifierAfter(text, offset);
  const replace = { start: typedStart, end: typedEnd };
  const rest = text.slice(typedEnd, line.end);
  const parent = parents[parents.length - 1];
  const listForm = Boolean(list) || childForm(lines, parent.line) === 'list';
  const separator = listForm ? '=' : ': ';
  const hasSeparator = listForm ? rest.startsWith('=') : /^[ \t]*:/.test(rest);
  const dash = !list && listForm ? '- ' : '';
  const suggestions = nameSuggestions(
    replace,
    (name) => `${dash}${name}${hasSeparator ? '' : `${separator}$0`}`,
    dash ? (name) => name : undefined,
  );
  if (rest.trim() === '' && !(list && list[2])) {
    const indent = indentText(line);
    const noProxyDefault = blockNoProxy(lines, model, line, service);
    const entries = blockNames('any-program').map(({ name, value }, index, all) => {
      const first = all.findIndex((other) => other.value === value) === index;
      const written = `${name}${separator}${blockValue(value, first, noProxyDefault)}`;
      if (index === 0) return `${dash}${written}`;
      return `${indent}${listForm ? '- ' : ''}${written}`;
    });
    suggestions.push(blockSuggestion('proxy variables (both spellings)', 'HTTP_PROXY, HTTPS_PROXY and NO_PROXY in upper and lower case', replace, entries.join('\n'), 'HTTP_PROXY proxy'));
  }
  return suggestions;
}

/** Keys that enclose the cursor line, outermost first, from indentation. */
function enclosingKeys(lines: readonly TextLine[], line: TextLine, before: string): Parent[] {
  const parents: Parent[] = [];
  const own = /^[ \t]*/.exec(before)![0].length;
  let limit = line.text.trim() === '' ? before.length : own;
  // A list may sit at the indentation of its key (`environment:` then `- A=b` below it).
  let sameIndentParent = /^[ \t]*-/.test(before);
  for (let i = line.index - 1; i >= 0 && limit > 0; i--) {
    const candidate = lines[i];
    const trimmed = candidate.text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const isKeyWithoutValue = KEY_LINE.test(candidate.text) && /:[ \t]*(&\S+)?[ \t]*(#.*)?$/.test(candidate.text) && !trimmed.startsWith('-');
    if (candidate.indent < limit || (sameIndentParent && candidate.indent === limit && isKeyWithoutValue)) {
      const key = KEY_LINE.exec(candidate.text);
      parents.unshift({ key: trimmed.startsWith('-') ? '-' : key ? key[2] : '?', line: candidate });
      limit = candidate.indent;
      sameIndentParent = false;
    }
  }
  return parents;
}

/** Is the innermost parent a place for environment entries? */
function isEnvironmentBlock(lines: readonly TextLine[], parents: readonly Parent[], text: string): boolean {
  if (parents.length === 0) return false;
  const root = parents[0].key;
  const keys = parents.map((p) => p.key);
  const last = keys[keys.length - 1];
  const inServiceOrExtension = (root === 'services' && keys.length >= 3) || root.startsWith('x-');
  if (inServiceOrExtension && last === 'environment') return true;
  if (inServiceOrExtension && last === 'args' && keys[keys.length - 2] === 'build') return true;
  // `x-proxy-env: &proxy-env` merged with `<<: *proxy-env` into an environment.
  if (keys.length === 1 && root.startsWith('x-')) {
    const anchor = /&([^\s#]+)/.exec(parents[0].line.text)?.[1];
    if (!anchor) return false;
    return lines.some((line) => /^[ \t]*<<[ \t]*:/.test(line.text) && line.text.includes(`*${anchor}`) && isMergedIntoEnvironment(lines, line, text));
  }
  return false;
}

function isMergedIntoEnvironment(lines: readonly TextLine[], mergeLine: TextLine, text: string): boolean {
  const parents = enclosingKeys(lines, mergeLine, text.slice(mergeLine.start, mergeLine.start + mergeLine.indent));
  const last = parents[parents.length - 1]?.key;
  return last === 'environment' || last === 'args';
}

/** Whether a key's block is written as a list (`- A=b`) or a map (`A: b`), from its first entry. */
function childForm(lines: readonly TextLine[], keyLine: TextLine): 'list' | 'map' | 'empty' {
  for (let i = keyLine.index + 1; i < lines.length; i++) {
    const trimmed = lines[i].text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (lines[i].indent < keyLine.indent || (lines[i].indent === keyLine.indent && !trimmed.startsWith('-'))) return 'empty';
    if (trimmed === '-' || trimmed.startsWith('- ')) return 'list';
    if (lines[i].indent > keyLine.indent && KEY_LINE.test(lines[i].text)) return 'map';
  }
  return 'empty';
}

function hasChildKey(lines: readonly TextLine[], keyLine: TextLine, key: string): boolean {
  for (let i = keyLine.index + 1; i < lines.length && (lines[i].text.trim() === '' || lines[i].indent > keyLine.indent); i++) {
    if (KEY_LINE.exec(lines[i].text)?.[2] === key) return true;
  }
  return false;
}

/** An `environment:` block with the proxy variables, offered where a service key can go. */
function environmentBlock(text: string, lines: readonly TextLine[], line: TextLine, offset: number, model: ProxyModel | null, service: string, serviceLine: TextLine): Suggestion {
  const indent = indentText(line);
  const step = indent.length > serviceLine.indent ? indent.slice(serviceLine.indent) : '  ';
  const typedStart = offset - /[A-Za-z0-9_]*$/.exec(line.text.slice(0, offset - line.start))![0].length;
  const noProxyDefault = blockNoProxy(lines, model, line, service);
  const entries = blockNames('any-program').map(({ name, value }, index, all) => {
    const first = all.findIndex((other) => other.value === value) === index;
    return `${indent}${step}${name}: ${blockValue(value, first, noProxyDefault)}`;
  });
  return blockSuggestion('environment with proxy variables', 'an environment block with HTTP_PROXY, HTTPS_PROXY and NO_PROXY in both spellings', { start: typedStart, end: identifierAfter(text, offset) }, ['environment:', ...entries].join('\n'), 'environment proxy');
}

function valueEnd(text: string, start: number, lineEnd: number, quote: string): number {
  if (quote) {
    const close = text.indexOf(quote, start);
    return close >= 0 && close <= lineEnd ? close : lineEnd;
  }
  const comment = text.slice(start, lineEnd).search(/[ \t]#/);
  return comment >= 0 ? start + comment : lineEnd;
}

/** Service names of the file: the keys right under `services:`. */
function serviceNames(lines: readonly TextLine[]): string[] {
  const services = lines.find((line) => line.indent === 0 && /^services[ \t]*:/.test(line.text));
  if (!services) return [];
  const names: string[] = [];
  let childIndent = -1;
  for (let i = services.index + 1; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (line.indent === 0) break;
    if (childIndent < 0) childIndent = line.indent;
    if (line.indent !== childIndent) continue;
    const key = KEY_LINE.exec(line.text);
    if (key) names.push(key[2]);
  }
  return names;
}

function noProxyCandidates(lines: readonly TextLine[], model: ProxyModel | null, line: TextLine, service: string | null): NoProxyCandidate[] {
  const candidates: NoProxyCandidate[] = [...LOOPBACK_CANDIDATES];
  for (const host of dindHosts(model, line, service)) candidates.push(dindCandidate(host));
  for (const name of serviceNames(lines)) if (name !== service) candidates.push({ entry: name, detail: 'compose service: other services reach it by this name' });
  return candidates;
}

/** The NO_PROXY a new block starts with: loopback, the services this one talks to by name, the dind host with its ports. */
function blockNoProxy(lines: readonly TextLine[], model: ProxyModel | null, line: TextLine, service: string | null): string {
  const scopes = relatedScopes(model, line, service);
  const dind = new Set(scopes.flatMap((scope) => (scope.dind ? [scope.dind.host] : [])));
  // A service without environment has no scope in the model yet: read its dependencies from the text.
  const serviceLine = service === null ? undefined : serviceKeyLine(lines, service);
  const dependencies = serviceLine ? dependenciesOf(lines, serviceLine) : [];
  const peers = [...scopes.flatMap((scope) => (scope.peers ?? []).map((peer) => peer.name)), ...dependencies].filter((name) => !dind.has(name));
  return defaultNoProxy([...peers, ...[...dind].flatMap((host) => dindCandidate(host).entry.split(','))]);
}

function serviceKeyLine(lines: readonly TextLine[], service: string): TextLine | undefined {
  const services = lines.find((line) => line.indent === 0 && /^services[ \t]*:/.test(line.text));
  if (!services) return undefined;
  for (let i = services.index + 1; i < lines.length && (lines[i].indent > 0 || lines[i].text.trim() === ''); i++) {
    if (KEY_LINE.exec(lines[i].text)?.[2] === service) return lines[i];
  }
  return undefined;
}

/** Names under the service's `depends_on:` and `links:` (list, flow or map form; `service:alias` links). */
function dependenciesOf(lines: readonly TextLine[], serviceLine: TextLine): string[] {
  const names: string[] = [];
  for (let i = serviceLine.index + 1; i < lines.length && (lines[i].text.trim() === '' || lines[i].indent > serviceLine.indent); i++) {
    const key = /^[ \t]*(?:depends_on|links)[ \t]*:[ \t]*([^#]*)/.exec(lines[i].text);
    if (!key) continue;
    const flow = /^\[(.*)\]/.exec(key[1].trim());
    if (flow) names.push(...flow[1].split(','));
    const keyIndent = lines[i].indent;
    let childIndent = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const child = lines[j];
      const trimmed = child.text.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      // A list may sit at the key's own indentation.
      if (child.indent < keyIndent || (child.indent === keyIndent && !trimmed.startsWith('-'))) break;
      if (childIndent < 0) childIndent = child.indent;
      if (child.indent === childIndent) names.push(/^(?:-[ \t]+)?([^:#]*)/.exec(trimmed)![1]);
    }
  }
  return names.map((name) => name.trim().replace(/^["']|["']$/g, '').split(':')[0]).filter((name) => name !== '');
}

function dindHosts(model: ProxyModel | null, line: TextLine, service: string | null): string[] {
  return [...new Set(relatedScopes(model, line, service).flatMap((scope) => (scope.dind ? [scope.dind.host] : [])))];
}

/**
 * The scopes the cursor line belongs to: the service's own, or every service
 * merging the block under the cursor. The model may be of an earlier version
 * (the text being typed may not parse), so a service is found by name.
 */
function relatedScopes(model: ProxyModel | null, line: TextLine, service: string | null): Scope[] {
  return (model?.scopes ?? []).filter((scope) =>
    service !== null ? scope.label === `service "${service}"` : scope.assignments.some((a) => a.span.start <= line.end && a.span.end >= line.start),
  );
}
