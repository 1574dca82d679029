// Reading a scope's proxy settings the way its programs will, and the fix
// operations that add one in the scope's own style.
import type { FixOperation } from '../engine/fixes';
import type { Assignment, ProxyModel, ProxySetting, Scope } from '../engine/model';
import type { EnvMap } from '../proxy/clients';
import { envName, isProxyUrlSetting } from '../proxy/variables';

/** Assignments that make programs use a proxy: a proxy URL that is not empty, or one taken from the host (`- HTTP_PROXY`). */
export function proxyAssignments(scope: Scope): Assignment[] {
  return scope.assignments.filter((a) => isProxyUrlSetting(a.setting) && a.value !== '');
}

/** Compose replaces `${VAR}` and `$VAR` before any program sees the value, so the file alone does not say what it is. */
export function isInterpolated(model: ProxyModel, value: string): boolean {
  // Most values hold no `$`: no need for the replace and the regex.
  return model.kind === 'compose' && value.includes('$') && /\$(\{|[A-Za-z_])/.test(value.replace(/\$\$/g, ''));
}

/** The assignment of a name that programs receive: the last one when a name is repeated. */
export function lastNamed(scope: Scope, name: string): Assignment | undefined {
  // A backward loop, not filter().pop(): asked for eight names per scope by two rules.
  const assignments = scope.assignments;
  for (let i = assignments.length - 1; i >= 0; i--) if (assignments[i].name === name) return assignments[i];
  return undefined;
}

const DOCKER_ENV_SPELLINGS = (setting: ProxySetting): string[] => [envName(setting, 'upper'), envName(setting, 'lower')];

/**
 * The environment a program of this scope receives, as exact names and values,
 * for the lookups in `proxy/clients.ts`. Docker JSON keys stand for both
 * spellings (what the docker CLI puts into containers, and what dockerd
 * reads itself). Values taken from the host (null) are unknown: left out, or
 * set to `hostValue` when the caller only needs to know that they are set.
 */
export function environmentOf(scope: Scope, hostValue?: string): EnvMap {
  const env = new Map<string, string>();
  for (const assignment of scope.assignments) {
    const value = assignment.value ?? hostValue;
    if (value === undefined) continue;
    if (assignment.spelling === 'json-key') {
      if (assignment.setting) for (const name of DOCKER_ENV_SPELLINGS(assignment.setting)) env.set(name, value);
    } else {
      env.set(assignment.name, value);
    }
  }
  return env;
}

const CAMEL_KEYS: Readonly<Record<ProxySetting, string>> = {
  http_proxy: 'httpProxy',
  https_proxy: 'httpsProxy',
  no_proxy: 'noProxy',
  ftp_proxy: 'ftpProxy',
  all_proxy: 'allProxy',
};

/** The Docker JSON key of a setting in the style of a sibling key: `httpsProxy` beside `httpProxy` (config.json), `https-proxy` beside `http-proxy` (daemon.json). */
export function dockerJsonKey(setting: ProxySetting, siblingKey: string): string {
  return siblingKey.includes('-') ? setting.replace('_', '-') : CAMEL_KEYS[setting];
}

/** The name that sets `setting`, spelled like an existing assignment; null for a mixed-case name, which has no convention to follow. */
export function nameLike(setting: ProxySetting, like: Assignment): string | null {
  switch (like.spelling) {
    case 'json-key':
      return dockerJsonKey(setting, like.name);
    case 'upper':
    case 'lower':
      return envName(setting, like.spelling);
    case 'mixed':
      return null;
  }
}

/**
 * Operations that add a setting right after `after`: both spellings where any
 * program may read the scope (curl and wget read only lowercase, some tools
 * only uppercase), the sibling's spelling for a Go daemon (it reads either),
 * the matching key in Docker JSON.
 */
export function addSetting(scope: Scope, after: Assignment, setting: ProxySetting, value: string | null): FixOperation[] {
  if (after.spelling === 'json-key') return [{ op: 'insert-after', after, name: dockerJsonKey(setting, after.name), value }];
  const spellings: ('upper' | 'lower')[] = scope.consumer === 'any-program' ? ['upper', 'lower'] : [after.spelling === 'lower' ? 'lower' : 'upper'];
  return spellings.map((spelling) => ({ op: 'insert-after' as const, after, name: envName(setting, spelling), value }));
}
