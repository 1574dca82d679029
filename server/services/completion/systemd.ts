// Completion in systemd units and drop-ins: names and NO_PROXY entries in the
// words of an `Environment=` line of `[Service]`, and `Environment=` lines
// with the proxy variables where a directive of `[Service]` can go (with the
// `[Service]` header when the file has none).
import { parseSystemdUnit } from '../../documents/systemd';
import type { Consumer, ProxyModel } from '../../engine/model';
import { identifierAfter, lineAt, splitTextLines, type TextLine } from './lines';
import { blockNames, blockSuggestion, blockValue, defaultNoProxy, LOOPBACK_CANDIDATES, nameSuggestions, noProxySuggestions, type Suggestion } from './suggestions';

const SECTION_HEADER = /^[ \t]*\[([^\]]*)\]/;
const ENVIRONMENT_DIRECTIVE = /^[ \t]*Environment[ \t]*=/;

interface WordPosition {
  /** Where the word's text starts (after an opening quote); null between words. */
  contentStart: number | null;
  quote: string | null;
}

export function systemdCompletions(text: string, offset: number, model: ProxyModel | null, path: string): Suggestion[] {
  const lines = splitTextLines(text);
  const line = lineAt(lines, offset);
  const before = text.slice(line.start, offset);
  const section = sectionOf(lines, line);
  const directive = ENVIRONMENT_DIRECTIVE.exec(before);
  if (directive) {
    if (section !== 'Service') return [];
    const word = wordAt(text, line.start + directive[0].length, offset);
    const typed = word.contentStart === null ? '' : text.slice(word.contentStart, offset);
    const noProxy = /^(?:NO_PROXY|no_proxy)=/.exec(typed);
    if (noProxy && word.contentStart !== null) {
      const listStart = word.contentStart + noProxy[0].length;
      const listEnd = wordEnd(text, offset, line.end, word.quote);
      return noProxySuggestions(text.slice(listStart, listEnd), listStart, offset, LOOPBACK_CANDIDATES);
    }
    if (!/^[A-Za-z0-9_]*$/.test(typed)) return [];
    const end = identifierAfter(text, offset);
    const hasSeparator = text[end] === '=';
    const quoted = word.contentStart === null;
    return nameSuggestions({ start: word.contentStart ?? offset, end }, (name) => (hasSeparator ? name : quoted ? `"${name}=$0"` : `${name}=$0`), quoted ? (name) => name : undefined);
  }

  if (!/^[A-Za-z]*$/.test(before)) return [];
  const replace = { start: line.start, end: identifierAfter(text, offset) };
  const consumer = consumerOf(model, path);
  const directives = blockNames(consumer).map(({ name, value }, index, all) => {
    const first = all.findIndex((other) => other.value === value) === index;
    return `Environment="${name}=${blockValue(value, first, defaultNoProxy([]))}"`;
  });
  const spellings = consumer === 'go-daemon' ? 'uppercase only: this unit runs a Go daemon, which reads both spellings' : 'in upper and lower case';
  if (section === 'Service') {
    return [blockSuggestion('proxy environment', `HTTP_PROXY, HTTPS_PROXY and NO_PROXY, ${spellings}`, replace, directives.join('\n'), 'Environment proxy')];
  }
  const hasService = lines.some((l) => SECTION_HEADER.exec(l.text)?.[1] === 'Service');
  if (!hasService && nothingFollowsInSection(lines, line)) {
    return [blockSuggestion('[Service] with proxy environment', `a [Service] section with HTTP_PROXY, HTTPS_PROXY and NO_PROXY, ${spellings}`, replace, ['[Service]', ...directives].join('\n'), 'Service proxy')];
  }
  return [];
}

/** Who reads the unit's environment; for a file without `[Service]` yet, what the parser says once it has one (docker.service.d → a Go daemon). */
function consumerOf(model: ProxyModel | null, path: string): Consumer {
  const scope = model?.scopes.find((s) => !s.ignoredBecause) ?? parseSystemdUnit('[Service]\n', path).scopes[0];
  return scope?.consumer ?? 'any-program';
}

function sectionOf(lines: readonly TextLine[], line: TextLine): string | null {
  for (let i = line.index - 1; i >= 0; i--) {
    const header = SECTION_HEADER.exec(lines[i].text);
    if (header) return header[1];
  }
  return null;
}

/** A new section header here would not capture directives written below the cursor. */
function nothingFollowsInSection(lines: readonly TextLine[], line: TextLine): boolean {
  for (let i = line.index + 1; i < lines.length; i++) {
    const trimmed = lines[i].text.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    return trimmed.startsWith('[');
  }
  return true;
}

/** The word of an `Environment=` value the cursor is in, following systemd's quoting (words split at unquoted blanks). */
function wordAt(text: string, from: number, offset: number): WordPosition {
  let contentStart: number | null = null;
  let quote: string | null = null;
  for (let i = from; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === ' ' || c === '\t') {
      contentStart = null;
      continue;
    }
    if (contentStart === null) contentStart = c === '"' || c === "'" ? i + 1 : i;
    if (c === '"' || c === "'") quote = c;
  }
  return { contentStart, quote };
}

function wordEnd(text: string, offset: number, lineEnd: number, quote: string | null): number {
  for (let i = offset; i < lineEnd; i++) {
    if (quote ? text[i] === quote : text[i] === ' ' || text[i] === '\t' || text[i] === '"') return i;
  }
  return lineEnd;
}
