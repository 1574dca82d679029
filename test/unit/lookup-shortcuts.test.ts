// Lookups rewritten for speed must answer what the plain code they replaced answered:
// each is compared with that code, inlined here, on names built from the characters that matter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ALL_CLIENTS, proxyEnvironmentKey, type ClientId } from '../../server/proxy/clients';
import { parseProxyUrl } from '../../server/proxy/url';
import { dockerKeyAccepted, settingOfDockerKeyIn, type DockerJsonFile } from '../../server/proxy/variables';
import { clientsBesideGo, clientsOf } from '../../server/rules/scopeClients';
import type { ProxyModel, Scope } from '../../server/engine/model';

// Letters of the proxy names in both cases, look-alikes (Kelvin sign, dotted I, long s), separators and digits.
const nameChar = fc.constantFrom(...'_-pPrRoOxXyYhHtTsSnN0\u212a\u0130\u017f '.split(''));
const name = fc.array(nameChar, { maxLength: 12 }).map((chars) => chars.join(''));

test('proxyEnvironmentKey keeps exactly the names the lowercase test kept', () => {
  const reference = (env: Map<string, string>) => {
    const parts: (string | number)[] = [];
    for (const [n, value] of env) if (n === 'REQUEST_METHOD' || n.toLowerCase().endsWith('_proxy')) parts.push(n.length, ':', n, value.length, ':', value);
    return parts.join('');
  };
  const suffixed = fc.tuple(name, fc.constantFrom('_proxy', '_PROXY', '_Proxy', '_pRoXy', '-proxy', '_proxz', '_prox', 'proxy', '_pro\u017fy', '_proyy', '_qroxy', '_prnxy', '')).map(([a, b]) => a + b);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.oneof(name, suffixed, fc.constant('REQUEST_METHOD')), fc.string({ maxLength: 5 })), { maxLength: 6 }), (entries) => {
      const env = new Map(entries);
      assert.equal(proxyEnvironmentKey(env), reference(env));
    }),
    { seed: 3, numRuns: 2000 },
  );
});

test('Docker JSON keys: accepted and mapped as by the scan over the documented keys', () => {
  const keys: Record<DockerJsonFile, Record<string, string>> = {
    'docker-client': { httpProxy: 'http_proxy', httpsProxy: 'https_proxy', noProxy: 'no_proxy', ftpProxy: 'ftp_proxy', allProxy: 'all_proxy' },
    'docker-daemon': { 'http-proxy': 'http_proxy', 'https-proxy': 'https_proxy', 'no-proxy': 'no_proxy' },
  };
  const accepted = (key: string, file: DockerJsonFile) =>
    file === 'docker-daemon' ? Object.prototype.hasOwnProperty.call(keys[file], key) : Object.keys(keys[file]).some((k) => k.toLowerCase() === key.toLowerCase());
  const setting = (key: string, file: DockerJsonFile) => (accepted(key, file) ? (Object.entries(keys[file]).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1] ?? null) : null);
  const written = fc.oneof(name, fc.constantFrom(...Object.keys(keys['docker-client']), ...Object.keys(keys['docker-daemon']), 'HTTPPROXY', 'HttpsProxy', 'NOPROXY', 'HTTP-PROXY', 'constructor', '__proto__', 'toString'));
  fc.assert(
    fc.property(written, fc.constantFrom<DockerJsonFile>('docker-client', 'docker-daemon'), (key, file) => {
      assert.equal(dockerKeyAccepted(key, file), accepted(key, file), `${key} in ${file}`);
      assert.equal(settingOfDockerKeyIn(key, file), setting(key, file), `${key} in ${file}`);
    }),
    { seed: 4, numRuns: 2000 },
  );
});

test('the clients beside Go, kept per list, are those of a fresh filter, for every list asked in turn', () => {
  const scope = (consumer: Scope['consumer']) => ({ consumer }) as Scope;
  const lists: (readonly ClientId[])[] = [
    clientsOf({ kind: 'compose' } as ProxyModel, scope('any-program')),
    clientsOf({ kind: 'docker-daemon' } as ProxyModel, scope('docker-json')),
    clientsOf({ kind: 'runner' } as ProxyModel, scope('go-daemon')),
    ['curl', 'go', 'git'],
    Object.freeze(['go', 'wget'] as ClientId[]),
    ALL_CLIENTS,
  ];
  for (let round = 0; round < 2; round++) {
    for (const clients of lists) assert.deepEqual(clientsBesideGo(clients), clients.filter((c) => c !== 'go'));
  }
});

test('the credentials rules skip values without "@": parseProxyUrl finds no user and no password in them', () => {
  const urlChar = fc.constantFrom(...'ab:/?#%$@{}[]. 1'.split(''));
  const value = fc.tuple(fc.constantFrom('', 'http://', 'socks5://', 'HTTP://'), fc.array(urlChar, { maxLength: 20 }).map((chars) => chars.join('')));
  fc.assert(
    fc.property(value, ([scheme, rest]) => {
      const url = parseProxyUrl(scheme + rest);
      if ((scheme + rest).includes('@')) return;
      assert.equal(url?.user ?? null, null);
      assert.equal(url?.password ?? null, null);
    }),
    { seed: 5, numRuns: 3000 },
  );
});
