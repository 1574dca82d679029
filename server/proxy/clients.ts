// The HTTP clients whose proxy behaviour proxylint models, and how each one
// reads the proxy environment variables.
//
// Ground truth is measured, not assumed: shared/proxy-semantics (cases v01–v17,
// f01–f02, p03, p05–p08; a copy of the cells lives in
// test/fixtures/proxy-semantics/measured-cases.json). Where a rule cannot be
// seen in those cells (which spelling wins when one is empty, say) it was
// read in the measured version's source and the comment names the function.
// Versions: curl/libcurl 7.88.1, wget 1.21.3, Python 3.11.7 + requests 2.34.2,
// undici 7.30.2, proxy-from-env 2.1.0, Go 1.19 net/http, git 2.39.5.

export type ClientId =
  | 'curl'
  | 'wget'
  | 'python-requests'
  | 'python-urllib'
  | 'node-undici'
  | 'node-proxy-from-env'
  | 'go'
  | 'git';

export const ALL_CLIENTS: readonly ClientId[] = Object.freeze([
  'curl',
  'wget',
  'python-requests',
  'python-urllib',
  'node-undici',
  'node-proxy-from-env',
  'go',
  'git',
] as const);

/**
 * A list of clients as a number, order included, for memo keys that cost no string: each client's
 * place in ALL_CLIENTS plus one, in base 9. -1 for a list longer than the eight clients (it repeats one) or with an unknown one.
 */
export function clientListKey(clients: readonly ClientId[]): number {
  // Rules ask about the same few frozen lists (ALL_CLIENTS, memoised readers) again and again: each is numbered once.
  const frozen = Object.isFrozen(clients);
  const known = frozen ? numberedLists.get(clients) : undefined;
  if (known !== undefined) return known;
  const key = numberOf(clients);
  if (frozen) numberedLists.set(clients, key);
  return key;
}

const numberedLists = new WeakMap<readonly ClientId[], number>();

function numberOf(clients: readonly ClientId[]): number {
  if (clients.length > ALL_CLIENTS.length) return -1;
  let key = 0;
  for (const client of clients) {
    const digit = CLIENT_DIGITS[client];
    if (digit === undefined) return -1;
    key = key * 9 + digit;
  }
  return key;
}

const CLIENT_DIGITS = Object.fromEntries(ALL_CLIENTS.map((client, index) => [client, index + 1])) as Readonly<Partial<Record<string, number>>>;

const DISPLAY_NAMES: Readonly<Record<ClientId, string>> = {
  curl: 'curl',
  wget: 'wget',
  'python-requests': 'Python requests',
  'python-urllib': 'Python urllib',
  'node-undici': 'undici EnvHttpProxyAgent',
  // axios up to 1.14 delegates to proxy-from-env. axios 1.21.1 was measured too
  // and has its own NO_PROXY matcher since 1.15 (it differs in n15, n16, n20, n21, n26),
  // so the name says which axios this id stands for.
  'node-proxy-from-env': 'proxy-from-env (axios before 1.15)',
  go: 'Go net/http (Docker, containerd, GitLab Runner, kubelet)',
  git: 'git',
};

export function clientDisplayName(id: ClientId): string {
  return DISPLAY_NAMES[id];
}

/** The four proxy variables, named by their lowercase spelling. */
export type ProxyVariable = 'http_proxy' | 'https_proxy' | 'no_proxy' | 'all_proxy';

/** Environment as the client process would receive it: exact names, exact values. */
export type EnvMap = ReadonlyMap<string, string>;

/** The spelling a client ends up using for one variable, and its value. */
export interface EffectiveVariable {
  name: string;
  /** '' when a set-but-empty spelling stops the client from looking further (it masks the other spelling). */
  value: string;
}

// How a client looks a variable up, as data:
// - 'first-non-empty': the first listed spelling with a non-empty value; empty counts as unset
//   (curl's curl_getenv, Go's getEnvAny, proxy-from-env's `||`).
// - 'first-set': the first listed spelling that is set at all, even to '' (undici's `??`,
//   git's var_override, wget's getenv), so an empty lowercase masks the uppercase.
// - 'python': urllib.request.getproxies_environment (any spelling, lowercase wins, empty lowercase deletes).
// - 'ignored': the client does not read this variable.
type Lookup =
  | { kind: 'first-non-empty'; names: readonly string[] }
  | { kind: 'first-set'; names: readonly string[] }
  | { kind: 'python' }
  | { kind: 'ignored' };

const lowerThenUpper = (v: ProxyVariable): readonly string[] => [v, v.toUpperCase()];
const upperThenLower = (v: ProxyVariable): readonly string[] => [v.toUpperCase(), v];

const LOOKUPS: Readonly<Record<ClientId, Readonly<Record<ProxyVariable, Lookup>>>> = {
  // libcurl detect_proxy(): never HTTP_PROXY (CGI safety, v02); HTTPS_PROXY read (v05).
  // curl_getenv() returns NULL for an empty variable, so empty never masks.
  curl: {
    http_proxy: { kind: 'first-non-empty', names: ['http_proxy'] },
    https_proxy: { kind: 'first-non-empty', names: lowerThenUpper('https_proxy') },
    all_proxy: { kind: 'first-non-empty', names: lowerThenUpper('all_proxy') },
    no_proxy: { kind: 'first-non-empty', names: lowerThenUpper('no_proxy') },
  },
  // wget getproxy()/init.c: lowercase only, no all_proxy (v02, v05, v07, v13).
  wget: {
    http_proxy: { kind: 'first-set', names: ['http_proxy'] },
    https_proxy: { kind: 'first-set', names: ['https_proxy'] },
    all_proxy: { kind: 'ignored' },
    no_proxy: { kind: 'first-set', names: ['no_proxy'] },
  },
  // requests takes proxies from urllib's getproxies() (all_proxy included, v07/v08), but reads
  // no_proxy itself with `os.environ.get("no_proxy") or os.environ.get("NO_PROXY")`
  // (should_bypass_proxies), where an empty lowercase does not mask.
  'python-requests': {
    http_proxy: { kind: 'python' },
    https_proxy: { kind: 'python' },
    all_proxy: { kind: 'python' },
    no_proxy: { kind: 'first-non-empty', names: lowerThenUpper('no_proxy') },
  },
  // urllib's ProxyHandler only opens <scheme>_proxy entries: all_proxy is read but never used (v07–v10).
  'python-urllib': {
    http_proxy: { kind: 'python' },
    https_proxy: { kind: 'python' },
    all_proxy: { kind: 'ignored' },
    no_proxy: { kind: 'python' },
  },
  // EnvHttpProxyAgent: `process.env.http_proxy ?? process.env.HTTP_PROXY`; no all_proxy (v07).
  'node-undici': {
    http_proxy: { kind: 'first-set', names: lowerThenUpper('http_proxy') },
    https_proxy: { kind: 'first-set', names: lowerThenUpper('https_proxy') },
    all_proxy: { kind: 'ignored' },
    no_proxy: { kind: 'first-set', names: lowerThenUpper('no_proxy') },
  },
  // getEnv(): `env[lower] || env[UPPER]`, so an empty lowercase does not mask (v16).
  'node-proxy-from-env': {
    http_proxy: { kind: 'first-non-empty', names: lowerThenUpper('http_proxy') },
    https_proxy: { kind: 'first-non-empty', names: lowerThenUpper('https_proxy') },
    all_proxy: { kind: 'first-non-empty', names: lowerThenUpper('all_proxy') },
    no_proxy: { kind: 'first-non-empty', names: lowerThenUpper('no_proxy') },
  },
  // x/net/http/httpproxy FromEnvironment(): getEnvAny(UPPER, lower), uppercase wins (v03, v06, v15).
  go: {
    http_proxy: { kind: 'first-non-empty', names: upperThenLower('http_proxy') },
    https_proxy: { kind: 'first-non-empty', names: upperThenLower('https_proxy') },
    all_proxy: { kind: 'ignored' },
    no_proxy: { kind: 'first-non-empty', names: upperThenLower('no_proxy') },
  },
  // git http.c get_curl_handle(): var_override() keeps the last spelling that is set, even if empty,
  // and an empty result turns the proxy off. Only http_proxy for http remotes (v02).
  git: {
    http_proxy: { kind: 'first-set', names: ['http_proxy'] },
    https_proxy: { kind: 'first-set', names: lowerThenUpper('https_proxy') },
    all_proxy: { kind: 'first-set', names: lowerThenUpper('all_proxy') },
    no_proxy: { kind: 'first-set', names: lowerThenUpper('no_proxy') },
  },
};

function asProxyVariable(name: string): ProxyVariable | undefined {
  const lower = name.toLowerCase();
  return lower === 'http_proxy' || lower === 'https_proxy' || lower === 'no_proxy' || lower === 'all_proxy'
    ? lower
    : undefined;
}

/**
 * Does the client read this exact variable name? Only the four proxy variables are modelled.
 * Python reads every spelling (`Http_Proxy` too), because getproxies_environment lower-cases names.
 */
export function readsVariable(client: ClientId, name: string): boolean {
  const variable = asProxyVariable(name);
  if (!variable) return false;
  const lookup = LOOKUPS[client][variable];
  switch (lookup.kind) {
    case 'ignored':
      return false;
    case 'python':
      return true;
    case 'first-non-empty':
    case 'first-set':
      // requests' own no_proxy lookup is exact-case, but it also runs urllib's check,
      // which reads any spelling.
      return client === 'python-requests' || lookup.names.includes(name);
  }
}

/** urllib.request.getproxies_environment() (Python 3.11), keeping which name supplied each value. */
function pythonProxies(env: EnvMap): Map<string, EffectiveVariable> {
  const proxies = new Map<string, EffectiveVariable>();
  // First pass: any spelling, non-empty values only.
  for (const [name, value] of env) {
    if (value && name.length > 5 && name.toLowerCase().endsWith('_proxy')) {
      proxies.set(name.slice(0, -6).toLowerCase(), { name, value });
    }
  }
  // CVE-2016-1000110: in a CGI environment only a lowercase http_proxy may be trusted (v17).
  if (env.has('REQUEST_METHOD')) proxies.delete('http');
  // Second pass: names ending in lowercase `_proxy` win, and an empty one deletes the entry (v16).
  for (const [name, value] of env) {
    if (!name.endsWith('_proxy')) continue;
    const key = name.slice(0, -6).toLowerCase();
    if (value) proxies.set(key, { name, value });
    else proxies.delete(key);
  }
  return proxies;
}

/**
 * Which spelling the client uses for `canonical`, and its value; undefined when it finds none.
 * A returned value of '' means a set-but-empty spelling masks the other one (v16) and the client
 * uses no proxy (or no NO_PROXY list).
 *
 * For python-urllib an empty lowercase deletes the variable outright, so it is reported as
 * `{ name, value: '' }` too. For python-requests and no_proxy this is requests' own reading;
 * the urllib half of its check reads effectiveVariable('python-urllib', env, 'no_proxy').
 */
export function effectiveVariable(client: ClientId, env: EnvMap, canonical: ProxyVariable): EffectiveVariable | undefined {
  const lookup = LOOKUPS[client][canonical];
  switch (lookup.kind) {
    case 'ignored':
      return undefined;
    case 'first-non-empty':
      for (const name of lookup.names) {
        const value = env.get(name);
        if (value) return { name, value };
      }
      return undefined;
    case 'first-set':
      for (const name of lookup.names) {
        const value = env.get(name);
        if (value !== undefined) return { name, value };
      }
      return undefined;
    case 'python': {
      const found = pythonProxies(env).get(canonical.slice(0, -6));
      if (found) return found;
      // Report the masking: a spelling ending in lowercase `_proxy` set to '' deleted the entry.
      for (const [name, value] of env) {
        if (value === '' && name.endsWith('_proxy') && name.toLowerCase() === canonical) return { name, value };
      }
      return undefined;
    }
  }
}

export function effectiveValue(client: ClientId, env: EnvMap, canonical: ProxyVariable): string | undefined {
  return effectiveVariable(client, env, canonical)?.value;
}

/**
 * The part of an environment that effectiveVariable() and proxyFromEnvironment() read, as a string:
 * every `*_proxy` name in any case (Python reads them all, in order) and REQUEST_METHOD, each with its
 * value, length-prefixed. Two environments with the same key get the same answers, so callers can
 * memoise on it; a lookup of any other name must be added here.
 */
export function proxyEnvironmentKey(env: EnvMap): string {
  const parts: (string | number)[] = [];
  for (const [name, value] of env) {
    if (name === 'REQUEST_METHOD' || endsWithProxy(name)) parts.push(name.length, ':', name, value.length, ':', value);
  }
  // One flat string (join), not a chain of concatenations: the memo hashes and compares it.
  return parts.join('');
}

/** `name.toLowerCase().endsWith('_proxy')` without making the lowercase copy (no other character lowercases to one of `_proxy`'s). */
function endsWithProxy(name: string): boolean {
  const suffix = '_proxy';
  if (name.length < suffix.length) return false;
  const at = name.length - suffix.length;
  if (name.charCodeAt(at) !== 0x5f /* _ */) return false;
  // ASCII letters only: setting bit 0x20 lowercases A–Z and leaves a–z as they are.
  for (let i = 1; i < suffix.length; i++) if ((name.charCodeAt(at + i) | 0x20) !== suffix.charCodeAt(i)) return false;
  return true;
}

export type TargetScheme = 'http' | 'https';

/** What a client takes from the environment for a URL of the given scheme, before NO_PROXY is applied. */
export type ProxyChoice =
  | { kind: 'proxy'; variable: string; value: string }
  | { kind: 'none' }
  /** Go refuses HTTP_PROXY/http_proxy for http URLs when REQUEST_METHOD is set (v17). */
  | { kind: 'refused'; reason: string };

function usable(found: EffectiveVariable | undefined): ProxyChoice {
  return found && found.value ? { kind: 'proxy', variable: found.name, value: found.value } : { kind: 'none' };
}

export function proxyFromEnvironment(client: ClientId, env: EnvMap, scheme: TargetScheme): ProxyChoice {
  const specific = effectiveVariable(client, env, scheme === 'https' ? 'https_proxy' : 'http_proxy');
  switch (client) {
    case 'curl':
    case 'node-proxy-from-env':
    case 'python-requests':
      // Scheme variable, else all_proxy (v07–v11). Empty never stops the search here:
      // curl and proxy-from-env treat empty as unset, and Python deletes it.
      return usable(specific?.value ? specific : effectiveVariable(client, env, 'all_proxy'));
    case 'git':
      // git falls back to all_proxy only when no scheme spelling is set at all; a set-but-empty
      // one turns the proxy off (var_override + `curl_http_proxy[0] == '\0'`).
      return usable(specific ?? effectiveVariable(client, env, 'all_proxy'));
    case 'node-undici':
      // An https URL falls back to the http proxy when no https proxy is usable (f02).
      if (scheme === 'https' && !specific?.value) return usable(effectiveVariable(client, env, 'http_proxy'));
      return usable(specific);
    case 'go': {
      const requestMethod = env.get('REQUEST_METHOD');
      if (scheme === 'http' && specific?.value && requestMethod) {
        return { kind: 'refused', reason: 'refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy' };
      }
      return usable(specific);
    }
    case 'wget':
    case 'python-urllib':
      return usable(specific);
  }
}

/** Proxy URL schemes (the scheme of the proxy itself, not of the request). */
export type ProxyScheme = 'http' | 'https' | 'socks' | 'socks4' | 'socks4a' | 'socks5' | 'socks5h';

const LIBCURL_PROXY_PORTS = { http: 1080, https: 443, socks: 1080, socks4: 1080, socks4a: 1080, socks5: 1080, socks5h: 1080 };

// Supported proxy schemes and the port each uses when the proxy URL has none.
// p03: curl and git connect to 1080 for `http://host`, everyone else to 80.
// p05: https:// proxies work everywhere but wget ("Must be HTTP"). p06/p08: socks5 works in curl,
// undici, Go and git; socks5h only in curl and git (Go 1.19 misreads it as a host name).
const PROXY_PORTS: Readonly<Record<ClientId, Partial<Record<ProxyScheme, number>>>> = {
  curl: LIBCURL_PROXY_PORTS, // `socks://` is SOCKS4 in libcurl (url.c parse_proxy)
  git: LIBCURL_PROXY_PORTS,
  wget: { http: 80 },
  // SOCKS needs the optional requests[socks] extra (PySocks), which p06 did not have.
  'python-requests': { http: 80, https: 443 },
  'python-urllib': { http: 80, https: 443 },
  // `socks:` means SOCKS5 in undici (ProxyAgent); default port 1080 (Socks5ProxyAgent).
  'node-undici': { http: 80, https: 443, socks: 1080, socks5: 1080 },
  // proxy-from-env only returns the string; what connects is axios (p05 TLS, p06/p08 rejected).
  'node-proxy-from-env': { http: 80, https: 443 },
  go: { http: 80, https: 443, socks5: 1080 },
};

export function supportsProxyScheme(client: ClientId, scheme: string): boolean {
  return defaultProxyPort(client, scheme) !== undefined;
}

/** The port the client connects to when the proxy URL has none; undefined if it cannot use that scheme. */
export function defaultProxyPort(client: ClientId, scheme: string): number | undefined {
  const ports: Partial<Record<string, number>> = PROXY_PORTS[client];
  const key = scheme.toLowerCase();
  return Object.hasOwn(ports, key) ? ports[key] : undefined;
}
