// dind-no-proxy: docker-in-docker is used but NO_PROXY lacks `docker:2375` and
// `docker:2376`, so the docker CLI's connection to the dind daemon goes to the proxy.
import type { Assignment, Scope } from '../engine/model';
import type { FixOperation } from '../engine/fixes';
import { envName } from '../proxy/variables';
import type { Rule } from './rule';
import { activeScopes, assignmentsOf, mayBeSetElsewhere } from './scopes';

const DIND_PORTS = [2375, 2376];
/** What a NO_PROXY we create holds besides the dind entries: the loopback names every setup needs. */
const BASE_NO_PROXY = ['localhost', '127.0.0.1'];

export const dindNoProxy: Rule = {
  id: 'dind-no-proxy',
  defaultSeverity: 'error',
  description: 'Docker-in-docker is used but NO_PROXY lacks the dind host with its ports (docker:2375,docker:2376).',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      const dind = scope.dind;
      if (!dind) continue;
      const proxies = scope.assignments.filter((a) => (a.setting === 'http_proxy' || a.setting === 'https_proxy' || a.setting === 'all_proxy') && a.value);
      if (proxies.length === 0) continue;
      const required = DIND_PORTS.map((port) => `${dind.host}:${port}`);
      const noProxies = assignmentsOf(scope, 'no_proxy');
      if (noProxies.length === 0) {
        if (mayBeSetElsewhere(scope)) continue;
        report({
          span: proxies[0].nameSpan,
          message: `${scope.label} uses docker-in-docker (${dind.evidence}) and a proxy but sets no NO_PROXY: the docker CLI sends its requests for ${required.join(' and ')} to the proxy.`,
          fix: { title: `Add NO_PROXY with ${required.join(',')}`, operations: addNoProxy(scope, proxies[proxies.length - 1], [...BASE_NO_PROXY, ...required].join(',')) },
        });
        continue;
      }
      for (const noProxy of noProxies) {
        const entries = (noProxy.value ?? '').split(',').map((e) => e.trim().toLowerCase());
        const missing = required.filter((entry) => !entries.includes(entry));
        if (missing.length === 0) continue;
        const value = noProxy.value ?? '';
        const appended = value.trim() === '' ? missing.join(',') : `${value.replace(/,\s*$/, '')},${missing.join(',')}`;
        report({
          span: noProxy.value === null ? noProxy.nameSpan : noProxy.valueSpan,
          message: `${scope.label} uses docker-in-docker (${dind.evidence}) but ${noProxy.name} lacks ${missing.join(' and ')}: with the port missing the docker CLI's requests (docker push, docker build) go to the proxy.`,
          fix: noProxy.value === null ? undefined : { title: `Append ${missing.join(',')} to ${noProxy.name}`, operations: [{ op: 'replace-value', target: noProxy, value: appended }] },
        });
      }
    }
  },
};

/** NO_PROXY for a scope that has none: both spellings where programs of any kind read it. */
function addNoProxy(scope: Scope, after: Assignment, value: string): FixOperation[] {
  const spellings: ('upper' | 'lower')[] = scope.consumer === 'any-program' ? ['upper', 'lower'] : [after.spelling === 'lower' ? 'lower' : 'upper'];
  if (after.spelling === 'json-key') return [{ op: 'insert-after', after, name: dockerNoProxyKey(after.name), value }];
  return spellings.map((spelling) => ({ op: 'insert-after' as const, after, name: envName('no_proxy', spelling), value }));
}

function dockerNoProxyKey(siblingKey: string): string {
  return siblingKey.includes('-') ? 'no-proxy' : 'noProxy';
}
