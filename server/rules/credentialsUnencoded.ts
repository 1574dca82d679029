// credentials-unencoded: reserved characters in a proxy URL's user or password
// that clients misparse (proxy-semantics p10, p11: curl refuses the URL, wget
// and git send the wrong host or user).
import { VariantMemo } from '../proxy/memo';
import { encodeUserinfoPart, parseProxyUrl, unencodedCharacters, type EncodingOptions, type TextPart } from '../proxy/url';
import { isProxyUrlSetting } from '../proxy/variables';
import type { Rule } from './rule';
import { activeScopes, interpolates, valuePartSpan } from './scopes';

export const credentialsUnencoded: Rule = {
  id: 'credentials-unencoded',
  defaultSeverity: 'error',
  description: 'Reserved characters in a proxy user name or password are not percent-encoded.',
  check(model, report) {
    // Compose resolves `${VAR}` before any client sees the value; elsewhere `$` is a literal character.
    const options: EncodingOptions = { interpolation: interpolates(model) };
    for (const scope of activeScopes(model)) {
      for (const assignment of scope.assignments) {
        if (!isProxyUrlSetting(assignment.setting) || !assignment.value) continue;
        const problem = problemOf(assignment.value, options);
        if (!problem) continue;
        report({
          span: valuePartSpan(assignment, problem.start, problem.end),
          message: `The credentials in ${assignment.name}${problem.messageTail}`,
          fix: { title: 'Percent-encode the proxy credentials', operations: [{ op: 'replace-value', target: assignment, value: problem.encoded }] },
        });
      }
    }
  },
};

/** What the rule finds in one value, without the variable name the message starts with. */
interface Problem {
  /** Offsets in the value from the user name's start to the password's end. */
  start: number;
  end: number;
  /** ` contain … Encode them (…).` */
  messageTail: string;
  encoded: string;
}

/** Every service repeats the same proxy URL, and the server re-lints it on every keystroke: each value is judged once. */
const problemMemo = new VariantMemo<Readonly<Problem> | null>(4_096, 4_096);

function problemOf(value: string, options: EncodingOptions): Readonly<Problem> | null {
  // parseProxyUrl finds a user or password only before an `@`: most values have none, and a scan is cheaper than a memo lookup.
  if (!value.includes('@')) return null;
  return problemMemo.get(value, options.interpolation ? 1 : 0, () => {
    const url = parseProxyUrl(value);
    if (!url) return null;
    const parts = [url.user, url.password].filter((p): p is TextPart => p !== null);
    const bad = parts.flatMap((part) => unencodedCharacters(part.text, options));
    if (bad.length === 0) return null;
    // Shared between findings, so frozen.
    return Object.freeze({
      start: parts[0].start,
      end: parts[parts.length - 1].end,
      messageTail: ` contain ${describe(bad)} not percent-encoded: ${consequence(bad)}. Encode them (${bad.map((c) => `${c} as ${encodeUserinfoPart(c, options)}`).join(', ')}).`,
      encoded: encodeParts(value, parts, options),
    });
  });
}

function encodeParts(value: string, parts: TextPart[], options: EncodingOptions): string {
  let result = value;
  for (const part of [...parts].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, part.start) + encodeUserinfoPart(part.text, options) + result.slice(part.end);
  }
  return result;
}

/** What measured clients do with the worst character found (proxy-semantics p10, p11). */
function consequence(characters: string[]): string {
  if (characters.includes('@')) return 'curl rejects the URL, wget and git send the wrong host or user';
  if (characters.some((c) => c === '#' || c === '/' || c === '?')) return 'the URL ends at that character for curl, wget, Python requests, Node and Go, so the proxy is unusable';
  if (characters.includes(':')) return 'clients split the user name from the password at the first ":"';
  return 'not every client accepts it unencoded, and percent-encoding is read the same by all';
}

function describe(characters: string[]): string {
  const shown = characters.map((c) => (c.trim() === '' ? `a space` : `"${c}"`));
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

