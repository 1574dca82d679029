// What proxy-inconsistent compares: proxy endpoints without credentials, and
// the NO_PROXY entries that name a network (server/proxy/endpoint.ts, noProxyOverlap.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { proxyEndpoint } from '../../server/proxy/endpoint';
import { entriesOverlap, networkEntries } from '../../server/proxy/noProxyOverlap';

describe('proxyEndpoint', () => {
  test('scheme, host and port, lowercased, without credentials or path', () => {
    assert.equal(proxyEndpoint('http://user:F%40oBar@Proxy.Corp.Example:3128/'), 'http://proxy.corp.example:3128');
    assert.equal(proxyEndpoint('  https://proxy:443  '), 'https://proxy:443');
    assert.equal(proxyEndpoint('socks5h://user:F@oBar!@proxy:1080'), 'socks5h://proxy:1080');
  });
  test('no scheme means http; no port stays no port (curl 1080, others 80: not the same as :80)', () => {
    assert.equal(proxyEndpoint('proxy:3128'), 'http://proxy:3128');
    assert.equal(proxyEndpoint('http://proxy'), 'http://proxy');
    assert.notEqual(proxyEndpoint('http://proxy'), proxyEndpoint('http://proxy:80'));
  });
  test('empty values and interpolated hosts or ports cannot be compared', () => {
    assert.equal(proxyEndpoint(''), null);
    assert.equal(proxyEndpoint('http://${PROXY_HOST}:3128'), null);
    assert.equal(proxyEndpoint('http://proxy:${PROXY_PORT}'), null);
    assert.equal(proxyEndpoint('http://user:${PASSWORD}@proxy:3128'), 'http://proxy:3128');
  });
});

describe('networkEntries', () => {
  test('domains and addresses of the network; local names, loopback, the bare wildcard and interpolation left out', () => {
    const entries = networkEntries('localhost, 127.0.0.1,::1,[::1]:80,api,docker:2375,*,${EXTRA},.corp.example,*.lab.example,registry.corp.example:5000,10.0.0.0/8,192.168.1.10,fd00::1,host.docker.internal,api.default.svc,kube.cluster.local,printer.local');
    assert.deepEqual(
      entries.map((e) => [e.written, e.kind, e.host, e.prefix]),
      [
        ['.corp.example', 'domain', 'corp.example', 0],
        ['*.lab.example', 'domain', 'lab.example', 0],
        ['registry.corp.example:5000', 'domain', 'registry.corp.example', 0],
        ['10.0.0.0/8', 'ipv4', '10.0.0.0', 8],
        ['192.168.1.10', 'ipv4', '192.168.1.10', 32],
        ['fd00::1', 'ipv6', 'fd00::1', 128],
      ],
    );
  });
});

describe('entriesOverlap', () => {
  const one = (entry: string) => {
    const [parsed] = networkEntries(entry);
    assert.ok(parsed, entry);
    return parsed;
  };
  test('domains: equal, or one inside the other on a dot boundary', () => {
    assert.ok(entriesOverlap(one('.corp.example'), one('registry.corp.example')));
    assert.ok(entriesOverlap(one('registry.corp.example'), one('*.corp.example')));
    assert.ok(!entriesOverlap(one('.corp.example'), one('notcorp.example')));
    assert.ok(!entriesOverlap(one('.corp.example'), one('.lab.example')));
  });
  test('IPv4: ranges that intersect', () => {
    assert.ok(entriesOverlap(one('10.0.0.0/8'), one('10.20.30.40')));
    assert.ok(entriesOverlap(one('10.1.0.0/16'), one('10.0.0.0/8')));
    assert.ok(!entriesOverlap(one('10.0.0.0/8'), one('11.0.0.1')));
    assert.ok(!entriesOverlap(one('192.168.1.10'), one('192.168.1.11')));
  });
  test('kinds never overlap each other', () => {
    assert.ok(!entriesOverlap(one('10.0.0.0/8'), one('.corp.example')));
  });
});
