// no-proxy-missing: a proxy is set and no NO_PROXY in any spelling. Without
// one, every measured client except Go sends requests for localhost and
// 127.0.0.1 (health checks, sidecars, local admin ports) to the proxy
// (proxy-semantics c02–c05; Go bypasses loopback on its own).
import type { Rule } from './rule';
import { clientList, clientsBesideGo, clientsOf, onlyGoReads } from './scopeClients';
import { addSetting, proxyAssignments } from './scopeSettings';
import { activeScopes, mayBeSetElsewhere, setsAny } from './scopes';

/** The loopback names every setup needs; the hosts a scope reaches besides them are its own business. */
export const LOOPBACK_NO_PROXY = 'localhost,127.0.0.1';

export const noProxyMissing: Rule = {
  id: 'no-proxy-missing',
  defaultSeverity: 'warning',
  description: 'A proxy is set without any NO_PROXY, so requests to localhost and 127.0.0.1 go to the proxy.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      // dind-no-proxy already offers a NO_PROXY (with loopback and the dind ports) for these scopes.
      if (scope.dind) continue;
      // Go always bypasses loopback, so `localhost,127.0.0.1` would change nothing for a Go daemon.
      if (onlyGoReads(model, scope)) continue;
      if (setsAny(scope, 'no_proxy') || mayBeSetElsewhere(scope)) continue;
      const proxies = proxyAssignments(scope);
      if (proxies.length === 0) continue;
      const affected = clientsBesideGo(clientsOf(model, scope));
      const last = proxies[proxies.length - 1];
      const operations = addSetting(scope, last, 'no_proxy', LOOPBACK_NO_PROXY);
      const names = operations.map((o) => (o.op === 'insert-after' ? o.name : '')).join(' and ');
      report({
        span: proxies[0].nameSpan,
        message: `${scope.label} sets a proxy but no NO_PROXY: ${clientList(affected)} send requests for localhost and 127.0.0.1 to the proxy too (only Go bypasses loopback on its own).`,
        fix: { title: `Add ${names}=${LOOPBACK_NO_PROXY}`, operations },
      });
    }
  },
};
