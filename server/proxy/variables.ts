// Proxy variable names: which setting a name stands for and how it is spelled.
import type { ProxySetting, Spelling } from '../engine/model';

const ENV_SETTINGS: ReadonlySet<string> = new Set(['http_proxy', 'https_proxy', 'no_proxy', 'ftp_proxy', 'all_proxy']);

/** Docker's JSON keys: config.json (`proxies.default`) and daemon.json (`proxies`). */
const DOCKER_JSON_KEYS: Readonly<Record<string, ProxySetting>> = {
  httpProxy: 'http_proxy',
  httpsProxy: 'https_proxy',
  noProxy: 'no_proxy',
  ftpProxy: 'ftp_proxy',
  allProxy: 'all_proxy',
  'http-proxy': 'http_proxy',
  'https-proxy': 'https_proxy',
  'no-proxy': 'no_proxy',
};

export function settingOfEnvName(name: string): ProxySetting | null {
  const lower = name.toLowerCase();
  return ENV_SETTINGS.has(lower) ? (lower as ProxySetting) : null;
}

export function settingOfDockerKey(key: string): ProxySetting | null {
  return Object.prototype.hasOwnProperty.call(DOCKER_JSON_KEYS, key) ? DOCKER_JSON_KEYS[key] : null;
}

export function spellingOf(name: string): Spelling {
  if (name === name.toUpperCase()) return 'upper';
  if (name === name.toLowerCase()) return 'lower';
  return 'mixed';
}

/** The env variable name of a setting in the given case: `HTTP_PROXY` / `http_proxy`. */
export function envName(setting: ProxySetting, spelling: 'upper' | 'lower'): string {
  return spelling === 'upper' ? setting.toUpperCase() : setting;
}

/** Settings whose value is a proxy URL (as opposed to a NO_PROXY list). */
export function isProxyUrlSetting(setting: ProxySetting | null): boolean {
  return setting !== null && setting !== 'no_proxy';
}
