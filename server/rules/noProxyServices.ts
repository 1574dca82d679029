// no-proxy-services: compose services that talk to each other by name while
// a proxy is set and NO_PROXY lacks those names. Their requests then go to the
// proxy, outside the compose network. A plain service name in NO_PROXY matches
// that host in every measured client (proxy-semantics n01).
//
// What counts as talking over HTTP: a URL with an http(s)/ws(s) scheme naming
// the service, or `depends_on`/`links`/a bare host unless the service's image
// is a database or broker whose clients never read proxy variables (a postgres://
// URL or a postgres image says the traffic is not HTTP).
import type { Assignment, Peer, Scope } from '../engine/model';
import type { FixOperation } from '../engine/fixes';
import { stripQuotes } from './quotedValue';
import type { Rule } from './rule';
import { englishList, verbFor } from './scopeClients';
import { isInterpolated, proxyAssignments } from './scopeSettings';
import { activeScopes, assignmentsOf } from './scopes';

const HTTP_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ws', 'wss']);

/** Images (last path segment, without tag) of servers that speak their own protocol; their clients ignore HTTP proxy variables. */
const NON_HTTP_IMAGES: ReadonlySet<string> = new Set([
  'postgres', 'postgresql', 'postgis', 'mysql', 'mariadb', 'percona', 'redis', 'valkey', 'keydb', 'mongo', 'mongodb',
  'memcached', 'cassandra', 'scylla', 'zookeeper', 'cp-zookeeper', 'kafka', 'cp-kafka', 'nats', 'rabbitmq', 'mosquitto',
]);

interface Missing {
  peer: Peer;
  scope: Scope;
}

export const noProxyServices: Rule = {
  id: 'no-proxy-services',
  defaultSeverity: 'warning',
  description: 'A compose service talks to other services by name while a proxy is set, and NO_PROXY lacks their names.',
  // Services sharing one NO_PROXY through an anchor are reported together.
  acrossScopes: true,
  check(model, report) {
    // Services sharing one NO_PROXY through a YAML anchor are reported once, on the shared entry.
    const groups = new Map<string, { noProxies: Assignment[]; missing: Missing[] }>();
    for (const scope of activeScopes(model)) {
      if (!scope.peers || proxyAssignments(scope).length === 0) continue;
      // Without any NO_PROXY, no-proxy-missing reports the scope; a host-supplied or interpolated list is not in the file.
      // A quoted list is quoted-value's finding: appending to it first would leave the quotes inside.
      const noProxies = assignmentsOf(scope, 'no_proxy').filter((a) => a.value !== null && !isInterpolated(model, a.value) && stripQuotes(a.value) === null);
      if (noProxies.length === 0) continue;
      const missing = relevantPeers(scope).filter((peer) => noProxies.some((a) => !covers(a.value!, peer.name)));
      if (missing.length === 0) continue;
      const key = noProxies.map((a) => `${a.span.start}:${a.span.end}`).join(',');
      const group = groups.get(key) ?? { noProxies, missing: [] };
      group.missing.push(...missing.map((peer) => ({ peer, scope })));
      groups.set(key, group);
    }
    for (const { noProxies, missing } of groups.values()) {
      const names = [...new Set(missing.map((m) => m.peer.name))];
      const labels = [...new Set(missing.map((m) => m.scope.label))];
      const reasons = names.map((name) => `${name} (${missing.find((m) => m.peer.name === name)!.peer.evidence})`);
      const spellings = englishList(noProxies.map((a) => a.name));
      report({
        span: noProxies[0].valueSpan,
        message: `${englishList(labels)} ${verbFor(labels, 'talks', 'talk')} to ${englishList(reasons)} but ${spellings} ${verbFor(noProxies, 'lacks', 'lack')} ${verbFor(names, 'it', 'them')}: requests to ${verbFor(names, 'that service', 'those services')} go to the proxy, outside the compose network.`,
        fix: { title: `Append ${names.join(',')} to ${spellings}`, operations: appendTo(noProxies, names) },
        related: missing.map((m) => ({ span: m.peer.span, message: `${m.scope.label} talks to ${m.peer.name} here.` })),
      });
    }
  },
};

/** One peer per name, kept when some evidence says the traffic may be HTTP; an http:// URL is the evidence shown when there is one. */
function relevantPeers(scope: Scope): Peer[] {
  const byName = new Map<string, Peer>();
  for (const peer of scope.peers ?? []) {
    // The docker-in-docker host needs its ports in NO_PROXY: dind-no-proxy's finding.
    if (peer.name === scope.dind?.host || !speaksHttp(peer)) continue;
    const known = byName.get(peer.name);
    if (!known || (!known.scheme && peer.scheme)) byName.set(peer.name, peer);
  }
  return [...byName.values()];
}

function speaksHttp(peer: Peer): boolean {
  if (peer.scheme) return HTTP_SCHEMES.has(peer.scheme);
  return !peer.image || !NON_HTTP_IMAGES.has(imageName(peer.image));
}

/** `postgres` for `docker.io/library/postgres:16@sha256:…`. */
function imageName(image: string): string {
  const path = image.split('@')[0];
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.split(':')[0].toLowerCase();
}

/** A plain name, the name with a port (no-proxy-entry explains who ignores those) or `*` bypasses the service. */
function covers(noProxy: string, name: string): boolean {
  return noProxy
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .some((entry) => entry === '*' || entry === name.toLowerCase() || entry.replace(/:\d+$/, '') === name.toLowerCase());
}

function appendTo(noProxies: Assignment[], names: string[]): FixOperation[] {
  const operations: FixOperation[] = [];
  for (const assignment of noProxies) {
    const lacking = names.filter((name) => !covers(assignment.value!, name));
    if (lacking.length === 0) continue;
    const value = assignment.value!;
    const appended = value.trim() === '' ? lacking.join(',') : `${value.replace(/,\s*$/, '')},${lacking.join(',')}`;
    operations.push({ op: 'replace-value', target: assignment, value: appended });
  }
  return operations;
}
