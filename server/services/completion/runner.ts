// Completion in GitLab Runner's config.toml: inside the `environment = [...]`
// array of a `[[runners]]` table (names in a string, whole entries between
// strings, NO_PROXY entries in a NO_PROXY string), and an `environment`
// array with the proxy variables where a key of `[[runners]]` can go.
import type { ProxyModel } from '../../engine/model';
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
  type Suggestion,
} from './suggestions';

const TABLE_HEADER = /^[ \t]*\[/;
const RUNNERS_HEADER = /^[ \t]*\[\[[ \t]*runners[ \t]*\]\]/;
const ENVIRONMENT_KEY = /^[ \t]*environment[ \t]*=[ \t]*\[/;

type ArrayPosition = { kind: 'string'; contentStart: number; quote: string } | { kind: 'between' } | { kind: 'other' };

export function runnerCompletions(text: string, offset: number, model: ProxyModel | null): Suggestion[] {
  const lines = splitTextLines(text);
  const line = lineAt(lines, offset);
  const header = tableHeaderOf(lines, line);
  if (!header || !RUNNERS_HEADER.test(header.text)) return [];
  const dindHosts = runnerDindHosts(model, lines, header);

  const environment = environmentKeyOf(lines, header, line);
  const position = environment?.beforeCursor ? arrayPosition(text, text.indexOf('[', environment.line.start + environment.line.indent) + 1, offset) : { kind: 'other' as const };

  if (position.kind === 'string') {
    const typed = text.slice(position.contentStart, offset);
    const noProxy = /^(?:NO_PROXY|no_proxy)=/.exec(typed);
    if (noProxy) {
      const listStart = position.contentStart + noProxy[0].length;
      const close = text.indexOf(position.quote, offset);
      const listEnd = close >= 0 && close <= line.end ? close : line.end;
      return noProxySuggestions(text.slice(listStart, listEnd), listStart, offset, [...LOOPBACK_CANDIDATES, ...dindHosts.map(dindCandidate)]);
    }
    if (!/^[A-Za-z0-9_]*$/.test(typed)) return [];
    const end = identifierAfter(text, offset);
    const hasSeparator = text[end] === '=';
    return nameSuggestions({ start: position.contentStart, end }, (name) => (hasSeparator ? name : `${name}=$0`));
  }

  const typedStart = offset - /[A-Za-z0-9_]*$/.exec(text.slice(line.start, offset))![0].length;
  const replace = { start: typedStart, end: identifierAfter(text, offset) };
  const indent = indentText(line);
  const noProxyDefault = defaultNoProxy(dindHosts.flatMap((host) => dindCandidate(host).entry.split(',')));

  if (position.kind === 'between') {
    const elementFollows = /^[ \t\r\n]*["']/.test(text.slice(replace.end));
    const comma = elementFollows ? ',' : '';
    const suggestions = nameSuggestions(replace, (name) => `"${name}=$0"${comma}`, (name) => name);
    const entries = blockNames('any-program').map(({ name, value }, index, all) => {
      const first = all.findIndex((other) => other.value === value) === index;
      return `${index === 0 ? '' : indent}"${name}=${blockValue(value, first, noProxyDefault)}",`;
    });
    suggestions.push(blockSuggestion('proxy variables (both spellings)', 'HTTP_PROXY, HTTPS_PROXY and NO_PROXY in upper and lower case', replace, entries.join('\n'), 'HTTP_PROXY proxy'));
    return suggestions;
  }

  // A key of the [[runners]] table that has no environment yet.
  if (environment || !/^[ \t]*[A-Za-z0-9_]*$/.test(text.slice(line.start, offset)) || line === header) return [];
  const step = indent.length > header.indent ? indent.slice(header.indent) : '  ';
  const entries = blockNames('any-program').map(({ name, value }, index, all) => {
    const first = all.findIndex((other) => other.value === value) === index;
    return `${indent}${step}"${name}=${blockValue(value, first, noProxyDefault)}",`;
  });
  return [blockSuggestion('environment with proxy variables', 'an environment array with HTTP_PROXY, HTTPS_PROXY and NO_PROXY in both spellings', replace, ['environment = [', ...entries, `${indent}]`].join('\n'), 'environment proxy')];
}

/** The table header line governing `line` (the line itself when it is a header). */
function tableHeaderOf(lines: readonly TextLine[], line: TextLine): TextLine | null {
  for (let i = line.index; i >= 0; i--) if (TABLE_HEADER.test(lines[i].text)) return lines[i];
  return null;
}

/** The `environment = [` line of the table, and whether it comes before the cursor (the cursor may be in its array). */
function environmentKeyOf(lines: readonly TextLine[], header: TextLine, line: TextLine): { line: TextLine; beforeCursor: boolean } | null {
  for (let i = header.index + 1; i < lines.length && !TABLE_HEADER.test(lines[i].text); i++) {
    if (ENVIRONMENT_KEY.test(lines[i].text)) return { line: lines[i], beforeCursor: i <= line.index };
  }
  return null;
}

/** Where `offset` is inside an array whose content starts at `from`: in a string, between elements, or past the array's end. */
function arrayPosition(text: string, from: number, offset: number): ArrayPosition {
  if (from > offset) return { kind: 'other' };
  let depth = 0;
  let i = from;
  while (i < offset) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const contentStart = i + 1;
      let j = contentStart;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += c === '"' && text[j] === '\\' ? 2 : 1;
      if (j >= offset) return { kind: 'string', contentStart, quote: c };
      i = j + 1;
      continue;
    }
    if (c === '#') {
      const newline = text.indexOf('\n', i);
      if (newline < 0 || newline >= offset) return { kind: 'other' };
      i = newline + 1;
      continue;
    }
    if (c === '[') depth++;
    if (c === ']' && depth-- === 0) return { kind: 'other' };
    i++;
  }
  const previous = /[^ \t\r\n]?[ \t\r\n]*[A-Za-z0-9_]*$/.exec(text.slice(from - 1, offset))![0].trim()[0];
  return depth === 0 && (previous === '[' || previous === ',') ? { kind: 'between' } : { kind: 'other' };
}

/** The runner's docker-in-docker host; the model may be of an earlier version, so the runner is found by name first, then by where its header is. */
function runnerDindHosts(model: ProxyModel | null, lines: readonly TextLine[], header: TextLine): string[] {
  let name: string | null = null;
  for (let i = header.index + 1; i < lines.length && !TABLE_HEADER.test(lines[i].text); i++) {
    name = /^[ \t]*name[ \t]*=[ \t]*"([^"]*)"/.exec(lines[i].text)?.[1] ?? name;
    if (name !== null) break;
  }
  const scopes = model?.scopes ?? [];
  const scope = (name !== null ? scopes.find((s) => s.label === `runner "${name}"`) : undefined) ?? scopes.find((s) => s.anchor.start >= header.start && s.anchor.start <= header.end);
  return scope?.dind ? [scope.dind.host] : [];
}
