// Completion in env files (`.env`, `proxy.env`): every line is an
// environment entry, so names at the start of a line (after an optional
// `export `), NO_PROXY entries in a NO_PROXY value, and the proxy block on an
// empty line.
import { identifierAfter, lineAt, splitTextLines } from './lines';
import { blockNames, blockSuggestion, blockValue, defaultNoProxy, LOOPBACK_CANDIDATES, nameSuggestions, noProxySuggestions, type Suggestion } from './suggestions';

const NAME_SITE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)?$/;
const NO_PROXY_SITE = /^[ \t]*(?:export[ \t]+)?(?:NO_PROXY|no_proxy)[ \t]*=[ \t]*(["']?)([^"'#]*)$/;

export function envFileCompletions(text: string, offset: number): Suggestion[] {
  const line = lineAt(splitTextLines(text), offset);
  const before = text.slice(line.start, offset);
  const noProxy = NO_PROXY_SITE.exec(before);
  if (noProxy) {
    const listStart = offset - noProxy[2].length;
    const quote = noProxy[1];
    const close = quote ? text.indexOf(quote, listStart) : -1;
    const comment = quote ? -1 : text.slice(listStart, line.end).search(/[ \t]#/);
    const listEnd = close >= 0 && close <= line.end ? close : comment >= 0 ? listStart + comment : line.end;
    return noProxySuggestions(text.slice(listStart, listEnd), listStart, offset, LOOPBACK_CANDIDATES);
  }
  const name = NAME_SITE.exec(before);
  if (!name) return [];
  const end = identifierAfter(text, offset);
  const replace = { start: offset - (name[1] ?? '').length, end };
  const hasSeparator = /^[ \t]*[=:]/.test(text.slice(end, line.end));
  const suggestions = nameSuggestions(replace, (variable) => (hasSeparator ? variable : `${variable}=$0`));
  if (text.slice(end, line.end).trim() === '' && !/export/.test(before)) {
    const entries = blockNames('any-program').map(({ name: variable, value }, index, all) => {
      const first = all.findIndex((other) => other.value === value) === index;
      return `${variable}=${blockValue(value, first, defaultNoProxy([]))}`;
    });
    suggestions.push(blockSuggestion('proxy variables (both spellings)', 'HTTP_PROXY, HTTPS_PROXY and NO_PROXY in upper and lower case', replace, entries.join('\n'), 'HTTP_PROXY proxy'));
  }
  return suggestions;
}
