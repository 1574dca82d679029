// empty-proxy-value: `http_proxy=""` next to a set `HTTP_PROXY`. The empty
// lowercase spelling hides the uppercase one from curl, wget, git, Python and
// Node undici, which go direct, while Go and axios skip the empty value and
// use the proxy (proxy-semantics v16). One scope, two behaviours.
import { effectiveVariable, type ProxyVariable } from '../proxy/clients';
import { envName } from '../proxy/variables';
import type { Rule } from './rule';
import { clientList, clientsOf, onlyGoReads, verbFor } from './scopeClients';
import { environmentOf, lastNamed } from './scopeSettings';
import { activeScopes } from './scopes';

const PAIRED: readonly ProxyVariable[] = ['http_proxy', 'https_proxy', 'no_proxy', 'all_proxy'];

export const emptyProxyValue: Rule = {
  id: 'empty-proxy-value',
  defaultSeverity: 'warning',
  description: 'A lowercase proxy variable is set to an empty value next to a non-empty uppercase one: some clients use the proxy setting, others see nothing.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      // Docker's JSON keys have no case; Go treats an empty spelling as unset, so a Go daemon sees one consistent value.
      if (scope.consumer === 'docker-json' || onlyGoReads(model, scope)) continue;
      // Built only for a scope with an empty spelling: most have none.
      let scopeEnv: ReturnType<typeof environmentOf> | undefined;
      for (const setting of PAIRED) {
        const lower = lastNamed(scope, envName(setting, 'lower'));
        const upper = lastNamed(scope, envName(setting, 'upper'));
        if (!lower || !upper || lower.value !== '' || !upper.value) continue;
        const env = (scopeEnv ??= environmentOf(scope));
        const clients = clientsOf(model, scope);
        const usingUpper = clients.filter((client) => effectiveVariable(client, env, setting)?.name === upper.name);
        const notUsingUpper = clients.filter((client) => !usingUpper.includes(client));
        if (usingUpper.length === 0 || notUsingUpper.length === 0) continue;
        const outcome = setting === 'no_proxy' ? verbFor(notUsingUpper, 'bypasses no host', 'bypass no host') : verbFor(notUsingUpper, 'uses no proxy', 'use no proxy');
        report({
          span: lower.span,
          message: `${lower.name} is empty in ${scope.label} while ${upper.name} is set: ${clientList(notUsingUpper)} ${outcome}, while ${clientList(usingUpper)} ${verbFor(usingUpper, 'uses', 'use')} ${upper.name}.`,
          fix: { title: `Remove the empty ${lower.name}`, operations: [{ op: 'remove', target: lower }] },
          related: [{ span: upper.span, message: `${upper.name} is set here.` }],
        });
      }
    }
  },
};
