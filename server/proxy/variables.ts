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
  // A table, not toUpperCase(): rules ask for every setting of every scope.
  return spelling === 'upper' ? (UPPERCASE_NAMES[setting] ?? setting.toUpperCase()) : setting;
}

const UPPERCASE_NAMES: Readonly<Record<ProxySetting, string>> = { http_proxy: 'HTTP_PROXY', https_proxy: 'HTTPS_PROXY', no_proxy: 'NO_PROXY', ftp_proxy: 'FTP_PROXY', all_proxy: 'ALL_PROXY' };

/** Settings whose value is a proxy URL (as opposed to a NO_PROXY list). */
export function isProxyUrlSetting(setting: ProxySetting | null): boolean {
  return setting !== null && setting !== 'no_proxy';
}

/** The two Docker JSON files with proxy keys, and who reads them. */
export type DockerJsonFile = 'docker-client' | 'docker-daemon';

/** `proxies.<name>` of the docker CLI's config.json (docker/cli `ProxyConfig`). */
const DOCKER_CLIENT_KEYS: Readonly<Record<string, ProxySetting>> = { httpProxy: 'http_proxy', httpsProxy: 'https_proxy', noProxy: 'no_proxy', ftpProxy: 'ftp_proxy', allProxy: 'all_proxy' };
/** `proxies` of dockerd's daemon.json (moby `config.Proxies`): no ftp or all proxy. */
const DOCKER_DAEMON_KEYS: Readonly<Record<string, ProxySetting>> = { 'http-proxy': 'http_proxy', 'https-proxy': 'https_proxy', 'no-proxy': 'no_proxy' };

function keysOf(file: DockerJsonFile): Readonly<Record<string, ProxySetting>> {
  return file === 'docker-client' ? DOCKER_CLIENT_KEYS : DOCKER_DAEMON_KEYS;
}

/** Every proxy key a file accepts, in Docker's documented order. */
export function dockerKeysOf(file: DockerJsonFile): string[] {
  return Object.keys(keysOf(file));
}

/** The key that sets `setting` in that file, or null when the file has none (daemon.json has no ftp/all proxy). */
export function dockerKeyFor(setting: ProxySetting, file: DockerJsonFile): string | null {
  return Object.entries(keysOf(file)).find(([, s]) => s === setting)?.[0] ?? null;
}

/**
 * Whether the file's reader takes the key. The docker CLI decodes config.json
 * with Go's encoding/json, which matches keys regardless of case
 * (`HTTPProxy` works); dockerd checks daemon.json keys against its flag names
 * exactly and refuses to start on any other.
 */
export function dockerKeyAccepted(key: string, file: DockerJsonFile): boolean {
  if (file === 'docker-daemon') return Object.prototype.hasOwnProperty.call(DOCKER_DAEMON_KEYS, key);
  return byLowercaseKey('docker-client').has(key.toLowerCase());
}

/** The setting a key stands for in that file, or null when the file's reader ignores the key (`http-proxy` in config.json). */
export function settingOfDockerKeyIn(key: string, file: DockerJsonFile): ProxySetting | null {
  if (!dockerKeyAccepted(key, file)) return null;
  return byLowercaseKey(file).get(key.toLowerCase()) ?? null;
}

/** Each file's settings by lowercased key, the first key in documented order winning: one lookup per JSON property instead of a scan of all keys. */
const lowercaseKeys = new Map<DockerJsonFile, ReadonlyMap<string, ProxySetting>>();

function byLowercaseKey(file: DockerJsonFile): ReadonlyMap<string, ProxySetting> {
  let keys = lowercaseKeys.get(file);
  if (!keys) {
    const made = new Map<string, ProxySetting>();
    for (const [key, setting] of Object.entries(keysOf(file))) if (!made.has(key.toLowerCase())) made.set(key.toLowerCase(), setting);
    lowercaseKeys.set(file, (keys = made));
  }
  return keys;
}

/** `HTTPS_PROXY`, `https-proxy`, `httpsProxy` → `httpsproxy`: a name without case and separators, to compare spellings. */
export function squashName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '');
}

/** The setting a Docker key written in another spelling (`http_proxy`, `HTTP-PROXY`, `httpProxy` in daemon.json) stands for. */
export function settingOfAnyDockerSpelling(key: string): ProxySetting | null {
  const squashed = squashName(key);
  return [...Object.entries(DOCKER_CLIENT_KEYS), ...Object.entries(DOCKER_DAEMON_KEYS)].find(([k]) => squashName(k) === squashed)?.[1] ?? null;
}
