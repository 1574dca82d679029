// quoted-value: quotes that end up inside the value a program receives
// (`- HTTP_PROXY="http://..."` in a compose list, `"HTTP_PROXY='http://...'"` in
// config.toml, `"\"http://...\""` in JSON). No syntax there removes them, and
// every measured client then fails: curl and git reject the URL, Go and Python
// look up a host named `"http` (proxy-semantics p12, p13); a quoted NO_PROXY
// entry matches nothing (n30). Quotes the syntax itself removes (YAML map
// values, systemd words) never reach the model's value, so they are not flagged.
import type { Assignment } from '../engine/model';
import { isProxyUrlSetting } from '../proxy/variables';
import type { Rule } from './rule';
import { activeScopes } from './scopes';

export const quotedValue: Rule = {
  id: 'quoted-value',
  defaultSeverity: 'error',
  description: 'Quotes around a proxy setting end up inside its value, and no client can use it.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      for (const assignment of scope.assignments) {
        if (!assignment.setting || !assignment.value) continue;
        const unquoted = stripQuotes(assignment.value);
        if (unquoted === null) continue;
        report({
          span: assignment.valueSpan,
          message: `The value of ${assignment.name} in ${scope.label} includes its quotes: ${consequence(assignment)}.`,
          fix: { title: `Remove the quotes from ${assignment.name}`, operations: [{ op: 'replace-value', target: assignment, value: unquoted }] },
        });
      }
    }
  },
};

const QUOTES = new Set(['"', "'"]);

/**
 * The value without the quotes around it, or null when it has none. A pair is
 * stripped when the quote character does not occur inside (`"a","b"` is a list
 * of quoted NO_PROXY entries, no-proxy-entry's concern); a lone quote at one end
 * is stripped too. Blanks outside the quotes go with them.
 */
export function stripQuotes(value: string): string | null {
  let stripped = stripQuoteLayer(value);
  if (stripped === null) return null;
  // Stacked stray quotes (`"'http://…`) all go in one fix; otherwise the fix would leave a finding for itself.
  for (let next = stripQuoteLayer(stripped); next !== null; next = stripQuoteLayer(stripped)) stripped = next;
  return stripped;
}

function stripQuoteLayer(value: string): string | null {
  const trimmed = value.trim();
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  if (trimmed.length >= 2 && QUOTES.has(first) && first === last) {
    const inner = trimmed.slice(1, -1);
    return inner.includes(first) ? null : inner;
  }
  if (QUOTES.has(first) && !trimmed.slice(1).includes(first)) return trimmed.slice(1);
  if (QUOTES.has(last) && !trimmed.slice(0, -1).includes(last)) return trimmed.slice(0, -1);
  return null;
}

function consequence(assignment: Assignment): string {
  if (isProxyUrlSetting(assignment.setting)) {
    return 'every measured client fails to use that proxy (curl, wget and git reject the URL, Go and Python look up a host named like the quote)';
  }
  return 'the NO_PROXY entries at its ends carry the quote characters, and no measured client matches a host with them';
}
