// Which measured clients read a scope's settings, and how to name them in a
// message. Rules use this to say exactly who is affected, never "some tools".
import type { Assignment, ProxyModel, Scope } from '../engine/model';
import { ALL_CLIENTS, clientListKey, readsVariable, type ClientId } from '../proxy/clients';
import { BoundedMemo } from '../proxy/memo';

/**
 * The clients that receive the scope's settings. A container, CI job or
 * unknown service can run any of them; a Go daemon reads its own environment;
 * Docker's config.json keys become both spellings in every container the CLI
 * starts, while daemon.json is read by dockerd (Go) itself.
 */
export function clientsOf(model: ProxyModel, scope: Scope): readonly ClientId[] {
  if (scope.consumer === 'go-daemon') return GO_ONLY;
  if (scope.consumer === 'docker-json' && model.kind === 'docker-daemon') return GO_ONLY;
  return ALL_CLIENTS;
}

/** Frozen, like ALL_CLIENTS, so that memo keys (clientListKey) number it once. */
const GO_ONLY: readonly ClientId[] = Object.freeze(['go'] as ClientId[]);

/** The clients of a list other than Go, kept per list: rules ask for the same one or two lists for every scope. */
export function clientsBesideGo(clients: readonly ClientId[]): readonly ClientId[] {
  if (!Object.isFrozen(clients)) return clients.filter((client) => client !== 'go');
  let others = besideGo.get(clients);
  if (!others) besideGo.set(clients, (others = Object.freeze(clients.filter((client) => client !== 'go'))));
  return others;
}

const besideGo = new WeakMap<readonly ClientId[], readonly ClientId[]>();

/** True when only Go programs read the scope (Go treats empty as unset and always bypasses loopback). */
export function onlyGoReads(model: ProxyModel, scope: Scope): boolean {
  const clients = clientsOf(model, scope);
  return clients.length === 1 && clients[0] === 'go';
}

const SHORT_NAMES: Readonly<Record<ClientId, string>> = {
  curl: 'curl',
  wget: 'wget',
  'python-requests': 'Python requests',
  'python-urllib': 'Python urllib',
  'node-undici': 'Node undici',
  'node-proxy-from-env': 'axios',
  go: 'Go',
  git: 'git',
};

/** Short names for lists inside a one-line message; clientDisplayName() has the long form for docs and hovers. */
export function shortClientName(id: ClientId): string {
  return SHORT_NAMES[id];
}

/** `curl, wget and git`. */
export function clientList(ids: readonly ClientId[]): string {
  // Most messages name one of a few lists: each is worded once (keyed by a number, which costs no string).
  const key = clientListKey(ids);
  let text = key < 0 ? undefined : wordedLists.get(key);
  if (text === undefined) {
    text = englishList(ids.map(shortClientName));
    if (key >= 0 && wordedLists.size < 1_024) wordedLists.set(key, text);
  }
  return text;
}

const wordedLists = new Map<number, string>();

export function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `uses` for one client, `use` for several. */
export function verbFor(ids: readonly unknown[], singular: string, plural: string): string {
  return ids.length === 1 ? singular : plural;
}

/**
 * The clients of the scope that read this assignment's variable at all: curl
 * never reads HTTP_PROXY, wget no uppercase name, several clients no all_proxy
 * (proxy-semantics v02, v05, v07). A Docker JSON key reaches programs in both
 * spellings, so its lowercase name stands for it.
 */
export function readersOf(model: ProxyModel, scope: Scope, assignment: Assignment): readonly ClientId[] {
  const name = assignment.spelling === 'json-key' && assignment.setting ? assignment.setting : assignment.name;
  const clients = clientsOf(model, scope);
  // Asked for every proxy assignment by several rules, about a handful of names: answered once per name (shared, so frozen).
  const memo = clients === ALL_CLIENTS ? readersOfAny : clients.length === 1 && clients[0] === 'go' ? readersOfGo : null;
  return memo ? memo.get(name, () => readersIn(clients, name)) : readersIn(clients, name);
}

function readersIn(clients: readonly ClientId[], name: string): readonly ClientId[] {
  return Object.freeze(clients.filter((client) => readsVariable(client, name)));
}

const readersOfAny = new BoundedMemo<readonly ClientId[]>(1_024, 256);
const readersOfGo = new BoundedMemo<readonly ClientId[]>(1_024, 256);
