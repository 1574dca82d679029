// Proxy variables per client (server/proxy/clients.ts), checked against the measured cells in
// test/fixtures/proxy-semantics/measured-cases.json (regenerate with extract.mjs there).
// Cases not measured are marked "source:" with the function they were read from.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import {
  ALL_CLIENTS,
  clientDisplayName,
  defaultProxyPort,
  effectiveValue,
  effectiveVariable,
  proxyFromEnvironment,
  readsVariable,
  supportsProxyScheme,
  type ClientId,
} from '../../server/proxy/clients';
import { routeRequest, type Route } from '../../server/proxy/noProxy';

interface MeasuredCell {
  outcome: string;
  column: string;
  detail?: string;
  proxyPort?: number;
  proxyProtocol?: 'tls' | 'socks5' | 'http';
}
interface MeasuredCase {
  id: string;
  note: string;
  env: Record<string, string>;
  url: string;
  outcomes: Partial<Record<ClientId, MeasuredCell>>;
}
interface Fixture {
  proxies: Record<string, string>;
  cases: MeasuredCase[];
}

const fixture = JSON.parse(
  readFileSync(resolve(__dirname, '../fixtures/proxy-semantics/measured-cases.json'), 'utf8'),
) as Fixture;
const caseById = (id: string): MeasuredCase => {
  const found = fixture.cases.find((c) => c.id === id);
  assert.ok(found, `case ${id} missing from the fixture`);
  return found;
};
const cellsOf = (c: MeasuredCase): [ClientId, MeasuredCell][] => Object.entries(c.outcomes) as [ClientId, MeasuredCell][];
const envOf = (record: Record<string, string>): Map<string, string> => new Map(Object.entries(record));

/** A route in the fixture's words: `proxy A`, `direct`, `error`. */
function outcomeOf(route: Route): string {
  if (route.route !== 'proxy') return route.route;
  const name = Object.keys(fixture.proxies).find((k) => fixture.proxies[k] === route.proxy);
  return name ? `proxy ${name}` : `proxy ${route.proxy}`;
}
/** `direct (DNS fail)` is a direct attempt: the client resolved the unresolvable target itself. */
const measuredOutcome = (cell: MeasuredCell): string => (cell.outcome === 'direct (DNS fail)' ? 'direct' : cell.outcome);

describe('client ids and names', () => {
  test('the eight ids, in order', () => {
    assert.deepEqual(ALL_CLIENTS, ['curl', 'wget', 'python-requests', 'python-urllib', 'node-undici', 'node-proxy-from-env', 'go', 'git']);
  });
  test('display names are distinct and say what they stand for', () => {
    const names = ALL_CLIENTS.map(clientDisplayName);
    assert.equal(new Set(names).size, names.length);
    assert.equal(clientDisplayName('node-undici'), 'undici EnvHttpProxyAgent');
    assert.match(clientDisplayName('go'), /^Go net\/http .*Docker.*containerd.*GitLab Runner.*kubelet/);
    assert.match(clientDisplayName('node-proxy-from-env'), /proxy-from-env.*axios/);
  });
});

describe('readsVariable (SEMANTICS section 1)', () => {
  // Rows: v01/v02 (http), v04/v05 (https), v07–v10 (all_proxy), v12/v13 (no_proxy).
  const READS: Record<string, Record<ClientId, boolean>> = {
    http_proxy: { curl: true, wget: true, 'python-requests': true, 'python-urllib': true, 'node-undici': true, 'node-proxy-from-env': true, go: true, git: true },
    HTTP_PROXY: { curl: false, wget: false, 'python-requests': true, 'python-urllib': true, 'node-undici': true, 'node-proxy-from-env': true, go: true, git: false },
    https_proxy: { curl: true, wget: true, 'python-requests': true, 'python-urllib': true, 'node-undici': true, 'node-proxy-from-env': true, go: true, git: true },
    HTTPS_PROXY: { curl: true, wget: false, 'python-requests': true, 'python-urllib': true, 'node-undici': true, 'node-proxy-from-env': true, go: true, git: true },
    all_proxy: { curl: true, wget: false, 'python-requests': true, 'python-urllib': false, 'node-undici': false, 'node-proxy-from-env': true, go: false, git: true },
    ALL_PROXY: { curl: true, wget: false, 'python-requests': true, 'python-urllib': false, 'node-undici': false, 'node-proxy-from-env': true, go: false, git: true },
    no_proxy: { curl: true, wget: true, 'python-requests': true, 'python-urllib': true, 'node-undici': true, 'node-proxy-from-env': true, go: true, git: true },
    NO_PROXY: { curl: true, wget: false, 'python-requests': true, 'python-urllib': true, 'node-undici': true, 'node-proxy-from-env': true, go: true, git: true },
  };
  for (const [name, row] of Object.entries(READS)) {
    for (const client of ALL_CLIENTS) {
      test(`${client} ${row[client] ? 'reads' : 'ignores'} ${name}`, () => assert.equal(readsVariable(client, name), row[client]));
    }
  }
  // source: urllib.request.getproxies_environment lower-cases every name ending in _proxy.
  test('only Python reads a mixed-case spelling (not measured; source)', () => {
    for (const client of ALL_CLIENTS) {
      assert.equal(readsVariable(client, 'Http_Proxy'), client === 'python-requests' || client === 'python-urllib', client);
    }
  });
  test('names outside the four proxy variables are not modelled', () => {
    for (const client of ALL_CLIENTS) {
      assert.equal(readsVariable(client, 'ftp_proxy'), false);
      assert.equal(readsVariable(client, 'PROXY'), false);
    }
  });
});

describe('effectiveValue', () => {
  const A = 'http://a.example:3128';
  const B = 'http://b.example:3128';

  test('both spellings set: lowercase wins, except Go (v03, v06, v14, v15)', () => {
    for (const canonical of ['http_proxy', 'https_proxy', 'no_proxy'] as const) {
      const env = new Map([
        [canonical, A],
        [canonical.toUpperCase(), B],
      ]);
      for (const client of ALL_CLIENTS) {
        assert.equal(effectiveValue(client, env, canonical), client === 'go' ? B : A, `${client} ${canonical}`);
      }
    }
  });

  test('empty http_proxy + HTTP_PROXY: masks in requests, urllib, undici; not in proxy-from-env or Go (v16)', () => {
    const env = new Map([
      ['http_proxy', ''],
      ['HTTP_PROXY', A],
    ]);
    const expected: Record<ClientId, string | undefined> = {
      curl: undefined, // never reads HTTP_PROXY, and an empty variable is unset for curl
      wget: '', // never reads HTTP_PROXY
      'python-requests': '',
      'python-urllib': '',
      'node-undici': '',
      'node-proxy-from-env': A,
      go: A,
      git: '', // never reads HTTP_PROXY for http remotes
    };
    for (const client of ALL_CLIENTS) assert.equal(effectiveValue(client, env, 'http_proxy'), expected[client], client);
  });

  // v16 cannot show masking for curl and git, which ignore HTTP_PROXY; https_proxy can.
  // source: libcurl curl_getenv() returns NULL for an empty variable; git http.c var_override()
  // keeps a set-but-empty https_proxy; requests should_bypass_proxies reads `no_proxy or NO_PROXY`.
  test('empty lowercase does not mask in curl, does in git; requests reads NO_PROXY past an empty no_proxy (not measured; source)', () => {
    const https = new Map([
      ['https_proxy', ''],
      ['HTTPS_PROXY', A],
    ]);
    assert.equal(effectiveValue('curl', https, 'https_proxy'), A);
    assert.deepEqual(effectiveVariable('git', https, 'https_proxy'), { name: 'https_proxy', value: '' });
    const noProxy = new Map([
      ['no_proxy', ''],
      ['NO_PROXY', 'corp.example'],
    ]);
    assert.equal(effectiveValue('curl', noProxy, 'no_proxy'), 'corp.example');
    assert.equal(effectiveValue('git', noProxy, 'no_proxy'), '');
    assert.equal(effectiveValue('python-requests', noProxy, 'no_proxy'), 'corp.example');
    assert.equal(effectiveValue('python-urllib', noProxy, 'no_proxy'), '');
  });

  test('all_proxy is only read by curl, requests, proxy-from-env and git (v07–v10)', () => {
    const env = new Map([['ALL_PROXY', A]]);
    for (const client of ALL_CLIENTS) {
      const reads = ['curl', 'python-requests', 'node-proxy-from-env', 'git'].includes(client);
      assert.equal(effectiveValue(client, env, 'all_proxy'), reads ? A : undefined, client);
    }
  });

  test('reports which spelling is used', () => {
    const env = new Map([
      ['HTTPS_PROXY', A],
      ['https_proxy', B],
    ]);
    assert.deepEqual(effectiveVariable('go', env, 'https_proxy'), { name: 'HTTPS_PROXY', value: A });
    assert.deepEqual(effectiveVariable('python-urllib', env, 'https_proxy'), { name: 'https_proxy', value: B });
    assert.equal(effectiveVariable('wget', new Map([['HTTPS_PROXY', A]]), 'https_proxy'), undefined);
  });

  test('CGI: Python drops an uppercase HTTP_PROXY when REQUEST_METHOD is set, keeps a lowercase one (v17; lowercase: source)', () => {
    const upper = new Map([
      ['HTTP_PROXY', A],
      ['REQUEST_METHOD', 'GET'],
    ]);
    assert.equal(effectiveValue('python-urllib', upper, 'http_proxy'), undefined);
    const lower = new Map([
      ['http_proxy', A],
      ['REQUEST_METHOD', 'GET'],
    ]);
    assert.equal(effectiveValue('python-requests', lower, 'http_proxy'), A);
  });
});

describe('proxyFromEnvironment', () => {
  test('Go refuses any http proxy in a CGI environment (v17), not an https one (source)', () => {
    const env = new Map([
      ['http_proxy', 'http://a.example:3128'],
      ['https_proxy', 'http://a.example:3128'],
      ['REQUEST_METHOD', 'GET'],
    ]);
    assert.equal(proxyFromEnvironment('go', env, 'http').kind, 'refused');
    assert.equal(proxyFromEnvironment('go', env, 'https').kind, 'proxy');
  });
  test('undici sends https through the http proxy when no https proxy is set (f02)', () => {
    const env = new Map([['HTTP_PROXY', 'http://a.example:3128']]);
    assert.deepEqual(proxyFromEnvironment('node-undici', env, 'https'), { kind: 'proxy', variable: 'HTTP_PROXY', value: 'http://a.example:3128' });
  });
  // source: git http.c — a set-but-empty http_proxy turns the proxy off instead of falling back.
  test('an empty http_proxy stops git before all_proxy, not curl or requests (not measured; source)', () => {
    const env = new Map([
      ['http_proxy', ''],
      ['all_proxy', 'http://a.example:3128'],
    ]);
    assert.equal(proxyFromEnvironment('git', env, 'http').kind, 'none');
    assert.equal(proxyFromEnvironment('curl', env, 'http').kind, 'proxy');
    assert.equal(proxyFromEnvironment('python-requests', env, 'http').kind, 'proxy');
  });
});

describe('measured variable-name, fallback and control cells (v01–v17, f01–f02, c01–c06)', () => {
  const cases = fixture.cases.filter((c) => /^[vfc]\d\d$/.test(c.id));
  test('the fixture has all of them', () => assert.equal(cases.length, 17 + 2 + 6));
  for (const c of cases) {
    for (const [client, cell] of cellsOf(c)) {
      test(`${c.id} ${c.note}: ${client} → ${cell.outcome}`, () => {
        assert.equal(outcomeOf(routeRequest(client, envOf(c.env), c.url)), measuredOutcome(cell));
      });
    }
  }
  // Explained by something else than the variables: Go's hard-coded loopback bypass.
  test('c02–c05: Go goes direct because of its loopback bypass', () => {
    for (const id of ['c02', 'c03', 'c04', 'c05']) {
      const c = caseById(id);
      assert.deepEqual(routeRequest('go', envOf(c.env), c.url), { route: 'direct', because: 'go-loopback' }, id);
    }
  });
  test('v17: Go refuses with its CGI message', () => {
    const c = caseById('v17');
    const route = routeRequest('go', envOf(c.env), c.url);
    assert.equal(route.route, 'error');
    assert.ok(route.route === 'error' && c.outcomes.go?.detail?.includes(route.message));
  });
});

describe('proxy schemes and default ports (p03, p05, p06, p08)', () => {
  // node-proxy-from-env only returns a string; these cells are axios's (real requests).
  const checks: { id: string; what: string; check: (client: ClientId, cell: MeasuredCell) => void }[] = [
    { id: 'p03', what: 'default port of an http proxy', check: (client, cell) => assert.equal(defaultProxyPort(client, 'http'), cell.proxyPort) },
    { id: 'p05', what: 'https:// proxy', check: (client, cell) => assert.equal(supportsProxyScheme(client, 'https'), cell.proxyProtocol === 'tls') },
    { id: 'p06', what: 'socks5:// proxy', check: (client, cell) => assert.equal(supportsProxyScheme(client, 'socks5'), cell.proxyProtocol === 'socks5') },
    { id: 'p08', what: 'socks5h:// proxy', check: (client, cell) => assert.equal(supportsProxyScheme(client, 'SOCKS5H'), cell.proxyProtocol === 'socks5') },
  ];
  for (const { id, what, check } of checks) {
    const c = caseById(id);
    for (const [client, cell] of cellsOf(c)) {
      test(`${id} ${what}: ${client} (${cell.outcome}${cell.proxyProtocol ? `, ${cell.proxyProtocol}` : ''})`, () => check(client, cell));
    }
  }
  test('https proxies default to 443, SOCKS to 1080 (not measured; source: libcurl url.h, Go portMap, undici Socks5ProxyAgent)', () => {
    for (const client of ALL_CLIENTS) {
      if (client !== 'wget') assert.equal(defaultProxyPort(client, 'https'), 443, client);
    }
    assert.equal(defaultProxyPort('curl', 'socks4a'), 1080);
    assert.equal(defaultProxyPort('git', 'socks5h'), 1080);
    assert.equal(defaultProxyPort('go', 'socks5'), 1080);
    assert.equal(defaultProxyPort('node-undici', 'socks5'), 1080);
  });
  test('unsupported or unknown schemes have no default port', () => {
    assert.equal(defaultProxyPort('wget', 'https'), undefined);
    assert.equal(defaultProxyPort('go', 'socks4'), undefined);
    assert.equal(supportsProxyScheme('curl', 'ftp'), false);
    assert.equal(supportsProxyScheme('curl', 'constructor'), false);
  });
});
