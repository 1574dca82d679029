// case-mismatch: HTTP_PROXY and http_proxy (or another pair) set to different
// values in one scope. Clients disagree on which spelling wins: Go takes the
// uppercase one, every other measured client the lowercase one (proxy-semantics
// v03, v06, v14, v15), so one scope ends up with two proxies or two NO_PROXY lists.
import type { Fix, FixOperation } from '../engine/fixes';
import type { Assignment, ProxyModel } from '../engine/model';
import { clientListKey, effectiveVariable, proxyEnvironmentKey, type ClientId, type ProxyVariable } from '../proxy/clients';
import { VariantMemo } from '../proxy/memo';
import { maskProxyUrl, parseProxyUrl } from '../proxy/url';
import { envName } from '../proxy/variables';
import type { Rule } from './rule';
import { clientList, clientsOf, verbFor } from './scopeClients';
import { environmentOf, isInterpolated, lastNamed } from './scopeSettings';
import { activeScopes } from './scopes';

const PAIRED: readonly ProxyVariable[] = ['http_proxy', 'https_proxy', 'no_proxy', 'all_proxy'];
const SHOWN_VALUE_LENGTH = 60;

export const caseMismatch: Rule = {
  id: 'case-mismatch',
  defaultSeverity: 'error',
  description: 'The uppercase and lowercase spellings of a proxy variable have different values, and clients disagree on which one wins.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      if (scope.consumer === 'docker-json') continue;
      // Built only for a scope that has a mismatch: most have none.
      let scopeEnv: ReturnType<typeof environmentOf> | undefined;
      for (const setting of PAIRED) {
        const upper = lastNamed(scope, envName(setting, 'upper'));
        const lower = lastNamed(scope, envName(setting, 'lower'));
        if (!upper || !lower || !comparable(model, upper) || !comparable(model, lower)) continue;
        if (sameSetting(setting, upper.value!, lower.value!)) continue;
        const env = (scopeEnv ??= environmentOf(scope));
        report({
          span: upper.valueSpan,
          message: `${upper.name} and ${lower.name} differ in ${scope.label}: ${whoUsesWhat(clientsOf(model, scope), env, setting, upper, lower)}.`,
          fix: setting === 'no_proxy' ? mergeLists(upper, lower) : { title: `Set ${upper.name} to the value of ${lower.name}`, operations: [{ op: 'replace-value', target: upper, value: lower.value! }] },
          related: [{ span: lower.valueSpan, message: `${lower.name} is set here.` }],
        });
      }
    }
  },
};

/** Services repeat the same pair of values: who uses which is worked out once per environment, clients and setting. */
const outcomeMemo = new VariantMemo<string>(4_096, 4_096);

/**
 * `Go uses HTTP_PROXY (…), while curl … use http_proxy (…)`. It depends on the clients, the setting and
 * the environment's proxy variables only (the two assignments are the last of their names, so their
 * values are the environment's), which is the memo's key.
 */
function whoUsesWhat(clients: readonly ClientId[], env: ReturnType<typeof environmentOf>, setting: ProxyVariable, upper: Assignment, lower: Assignment): string {
  return outcomeMemo.get(proxyEnvironmentKey(env), clientListKey(clients) * PAIRED.length + PAIRED.indexOf(setting), () => {
    const byName = groupByEffectiveName(clients, env, setting);
    const users = (a: Assignment) => byName.get(a.name) ?? [];
    const sides = [upper, lower].filter((a) => users(a).length > 0).map((a) => `${clientList(users(a))} ${verbFor(users(a), 'uses', 'use')} ${a.name} (${shown(a.value!)})`);
    const ignored = [upper, lower].filter((a) => users(a).length === 0).map((a) => `${a.name} (${shown(a.value!)}) is ignored`);
    return [...sides, ...ignored].join(', while ');
  });
}

/**
 * Two NO_PROXY lists become one: every entry of either, lowercase's order
 * first. Nothing a user listed is dropped, and a fix that appended entries to
 * one spelling (dind-no-proxy) is carried over instead of undone.
 */
function mergeLists(upper: Assignment, lower: Assignment): Fix {
  const lowerEntries = listEntries(lower.value!);
  const upperEntries = listEntries(upper.value!);
  // When one list already holds every entry of the other, copy it as written rather than reorder anything.
  const merged = covers(upperEntries, lowerEntries) ? upper.value! : covers(lowerEntries, upperEntries) ? lower.value! : unionOf(lower.value!, upper.value!);
  const operations: FixOperation[] = [upper, lower].filter((a) => a.value !== merged).map((a) => ({ op: 'replace-value', target: a, value: merged }));
  return { title: `Set ${upper.name} and ${lower.name} to the entries of both`, operations };
}

function covers(big: string[], small: string[]): boolean {
  return small.every((e) => big.includes(e));
}

function listEntries(value: string): string[] {
  return value.split(',').map((e) => e.trim().toLowerCase()).filter((e) => e !== '');
}

function unionOf(first: string, second: string): string {
  const union = first.split(',').map((e) => e.trim()).filter((e) => e !== '');
  for (const entry of second.split(',').map((e) => e.trim())) {
    if (entry !== '' && !union.some((e) => e.toLowerCase() === entry.toLowerCase())) union.push(entry);
  }
  return union.join(',');
}

/**
 * Values every client reads alike: NO_PROXY lists with the same entries in any
 * order, or proxy URLs that differ only in case or in percent-encoding (an
 * unencoded twin is credentials-unencoded's finding, not a disagreement).
 */
function sameSetting(setting: ProxyVariable, a: string, b: string): boolean {
  if (a === b) return true;
  if (setting === 'no_proxy') return comparableList(a) === comparableList(b);
  const [left, right] = [comparableProxy(a), comparableProxy(b)];
  return left !== null && left === right;
}

/** Every scope compares the same few values: each is brought into comparable form once. */
const comparableMemo = new VariantMemo<string | null>(4_096, 4_096);

/**
 * A NO_PROXY list as a string equal for two lists exactly when they have as many entries and the same
 * entries (in any order, repeats allowed): the count, then the distinct entries sorted. Entries hold no comma.
 */
function comparableList(value: string): string {
  return comparableMemo.get(value, 0, () => {
    const entries = listEntries(value);
    return `${entries.length}:${[...new Set(entries)].sort().join(',')}`;
  }) as string;
}

function comparableProxy(value: string): string | null {
  return comparableMemo.get(value, 1, () => normalizedProxy(value));
}

function normalizedProxy(value: string): string | null {
  const url = parseProxyUrl(value.trim());
  if (!url) return null;
  const decode = (text: string | undefined) => {
    try {
      return decodeURIComponent(text ?? '');
    } catch {
      return text ?? '';
    }
  };
  return [url.scheme?.text.toLowerCase() ?? '', decode(url.user?.text), decode(url.password?.text), url.host.text.toLowerCase(), url.port?.text ?? '', url.rest?.text.replace(/^\/$/, '') ?? ''].join('\u0000');
}

/**
 * A value the rule can compare: known (not taken from the host), not empty
 * (an empty spelling is `empty-proxy-value`'s concern, and Go treats it as
 * unset), and not a compose `${VAR}`, whose value the file does not hold.
 */
function comparable(model: ProxyModel, assignment: Assignment): boolean {
  return assignment.value !== null && assignment.value !== '' && !isInterpolated(model, assignment.value);
}

/** Which spelling each client ends up reading, from the lookups measured per client. */
function groupByEffectiveName(clients: readonly ClientId[], env: ReturnType<typeof environmentOf>, setting: ProxyVariable): Map<string, ClientId[]> {
  const groups = new Map<string, ClientId[]>();
  for (const client of clients) {
    const found = effectiveVariable(client, env, setting);
    if (!found) continue;
    groups.set(found.name, [...(groups.get(found.name) ?? []), client]);
  }
  return groups;
}

/** A value for a message: password masked, long lists shortened. */
function shown(value: string): string {
  const masked = maskProxyUrl(value);
  return masked.length > SHOWN_VALUE_LENGTH ? `${masked.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : masked;
}
