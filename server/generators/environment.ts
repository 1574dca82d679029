// The proxy environment every generator writes: both spellings of each
// variable (curl, wget and git read lowercase; Go prefers uppercase when both
// are set, proxy-semantics v01-v15) and one NO_PROXY value for both.
import type { DindUse } from '../engine/model';

export interface EnvironmentEntry {
  name: string;
  value: string;
}

/** What every NO_PROXY we write starts with: the loopback names no setup wants proxied. */
export const BASE_NO_PROXY: readonly string[] = ['localhost', '127.0.0.1'];

/** Names of the variables generators write, in the order they are written. */
export const PROXY_VARIABLE_NAMES: readonly string[] = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];

/** HTTP_PROXY, http_proxy, HTTPS_PROXY, https_proxy, NO_PROXY, no_proxy: the same proxy for http and https URLs. */
export function proxyEnvironment(proxyUrl: string, noProxy: readonly string[]): EnvironmentEntry[] {
  const list = noProxy.join(',');
  const values = [proxyUrl, proxyUrl, proxyUrl, proxyUrl, list, list];
  return PROXY_VARIABLE_NAMES.map((name, i) => ({ name, value: values[i] }));
}

/** Joins NO_PROXY entries in order, each once (host names compare case-insensitively). */
export function noProxyList(...groups: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const entry of groups.flat()) {
    const key = entry.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    list.push(entry);
  }
  return list;
}

/**
 * The docker-in-docker daemon as NO_PROXY entries: the bare host for clients
 * that ignore entries with a port (curl, wget, git: proxy-semantics n11) and
 * `host:2375`, `host:2376` for the docker CLI's requests to it.
 */
export function dindNoProxy(dind: DindUse | null): string[] {
  return dind ? [dind.host, `${dind.host}:2375`, `${dind.host}:2376`] : [];
}

/** The other spelling of a variable name: `http_proxy` for `HTTP_PROXY` and the reverse. */
export function twinName(name: string): string {
  return name === name.toUpperCase() ? name.toLowerCase() : name.toUpperCase();
}

export interface Placement<T> {
  /** The existing entry to write them after (the twin of the first of them); null: after the last entry. */
  after: T | null;
  entries: EnvironmentEntry[];
}

/**
 * Where entries missing from a target go so twins end up side by side:
 * right after their other spelling when the target has it, else at the end.
 * Groups keep the order of `missing`.
 */
export function placeMissing<T extends { name: string }>(missing: readonly EnvironmentEntry[], existing: readonly T[]): Placement<T>[] {
  const groups: Placement<T>[] = [];
  for (const entry of missing) {
    const twins = existing.filter((e) => e.name === twinName(entry.name));
    const after = twins.length > 0 ? twins[twins.length - 1] : null;
    const group = groups.find((g) => g.after === after);
    if (group) group.entries.push(entry);
    else groups.push({ after, entries: [entry] });
  }
  return groups;
}
