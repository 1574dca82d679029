// https-proxy-missing: an http proxy is set and no https one, so https://
// requests go direct. No measured client uses http_proxy for https URLs except
// Node's undici (proxy-semantics f01, f02); most traffic today is https.
import type { Assignment } from '../engine/model';
import type { FixOperation } from '../engine/fixes';
import { clientListKey, proxyEnvironmentKey, proxyFromEnvironment, type ClientId, type EnvMap } from '../proxy/clients';
import { VariantMemo } from '../proxy/memo';
import type { Rule } from './rule';
import { clientList, clientsOf, verbFor } from './scopeClients';
import { environmentOf, nameLike } from './scopeSettings';
import { activeScopes, assignmentsOf, mayBeSetElsewhere, setsAny } from './scopes';

/** Stands for a value the host supplies (`- HTTP_PROXY`): set, but unknown to the file. */
const HOST_SUPPLIED = 'http://host-supplied';

export const httpsProxyMissing: Rule = {
  id: 'https-proxy-missing',
  defaultSeverity: 'warning',
  description: 'An http proxy is set without an https one, so https:// requests go direct in almost every client.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      // Any https spelling counts, even an empty one: that says "no proxy for https" on purpose.
      if (setsAny(scope, 'https_proxy') || mayBeSetElsewhere(scope)) continue;
      const http = assignmentsOf(scope, 'http_proxy').filter((a) => a.value !== '');
      if (http.length === 0) continue;
      const outcome = httpsOutcome(clientsOf(model, scope), environmentOf(scope, HOST_SUPPLIED));
      if (!outcome) continue;
      const https = nameLike('https_proxy', http[0]) ?? 'HTTPS_PROXY';
      const operations = twinsFor(http);
      report({
        span: http[0].nameSpan,
        message: `${http[0].name} is set in ${scope.label} but ${https} is not: https:// requests from ${outcome.direct} go direct${outcome.others ? `; only ${outcome.others}` : ''}.`,
        fix: operations.length > 0 ? { title: `Add ${englishNames(operations)} with the http proxy's value`, operations } : undefined,
      });
    }
  },
};

/** Who goes direct for https:// and who falls back to what, for the message; null when no client goes direct. */
interface HttpsOutcome {
  direct: string;
  others: string;
}

/** Services repeat the same settings, and the server re-lints them on every keystroke: each environment is asked about once. */
const outcomeMemo = new VariantMemo<Readonly<HttpsOutcome> | null>(4_096, 4_096);

function httpsOutcome(clients: readonly ClientId[], env: EnvMap): Readonly<HttpsOutcome> | null {
  return outcomeMemo.get(proxyEnvironmentKey(env), clientListKey(clients), () => {
    const direct = clients.filter((client) => proxyFromEnvironment(client, env, 'https').kind === 'none');
    if (direct.length === 0) return null;
    const others = fallbacks(clients.filter((client) => !direct.includes(client)), env);
    return Object.freeze({ direct: clientList(direct), others });
  });
}

/** An https twin after the effective http assignment of each spelling the scope uses (mixed-case names have no twin to follow). */
function twinsFor(http: Assignment[]): FixOperation[] {
  const operations: FixOperation[] = [];
  const names = [...new Set(http.map((a) => a.name))];
  for (const name of names) {
    const effective = http.filter((a) => a.name === name).pop()!;
    const twin = nameLike('https_proxy', effective);
    if (twin) operations.push({ op: 'insert-after', after: effective, name: twin, value: effective.value });
  }
  return operations;
}

/** `Node undici falls back to http_proxy`, per variable the other clients fall back to. */
function fallbacks(proxied: readonly ClientId[], env: EnvMap): string {
  const byVariable = new Map<string, ClientId[]>();
  for (const client of proxied) {
    const choice = proxyFromEnvironment(client, env, 'https');
    if (choice.kind === 'proxy') byVariable.set(choice.variable, [...(byVariable.get(choice.variable) ?? []), client]);
  }
  return [...byVariable].map(([variable, ids]) => `${clientList(ids)} ${verbFor(ids, 'falls', 'fall')} back to ${variable}`).join(', ');
}

function englishNames(operations: FixOperation[]): string {
  return operations.map((o) => (o.op === 'insert-after' ? o.name : '')).join(' and ');
}
