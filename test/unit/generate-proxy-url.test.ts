import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { noProxyEntryProblem, noProxyListProblem, parseNoProxyList, proxyUrlOf, proxyUrlProblem, encodeCredential } from '../../server/generators/proxyUrl';
import { encodeProxyUrl } from '../../server/generators/encodePassword';
import { GeneratorError } from '../../server/generators/types';
import { unencodedCharacters } from '../../server/proxy/url';
import { decodedPassword, decodedUser, NASTY_PASSWORD, NASTY_PASSWORD_ENCODED } from '../support/generated';

test('a proxy URL needs a known scheme, a host and a port, and nothing after the port', () => {
  assert.equal(proxyUrlProblem('http://proxy.corp.example:3128'), null);
  assert.equal(proxyUrlProblem('  HTTP://10.0.0.1:8080/  '), null);
  assert.equal(proxyUrlProblem('socks5h://[fd00::1]:1080'), null);
  assert.equal(proxyUrlProblem('http://svc:p%40ss@proxy:3128'), null);
  assert.match(proxyUrlProblem('')!, /Enter the proxy URL/);
  assert.match(proxyUrlProblem('proxy.corp.example:3128')!, /^Add the scheme: http:\/\/proxy\.corp\.example:3128/);
  assert.match(proxyUrlProblem('ftp://proxy:21')!, /scheme must be http, https, socks5 or socks5h/);
  assert.match(proxyUrlProblem('http://proxy.corp.example')!, /Add the port.*1080/);
  assert.match(proxyUrlProblem('http://proxy:99999')!, /port must be a number from 1 to 65535/);
  assert.match(proxyUrlProblem('http://proxy:31x8')!, /port must be a number/);
  assert.match(proxyUrlProblem('http://proxy:3128/path')!, /no path/);
  assert.match(proxyUrlProblem('http://:3128')!, /no host/);
  assert.match(proxyUrlProblem('http://pro xy:3128')!, /spaces or quotes/);
  assert.match(proxyUrlProblem('"http://proxy:3128"')!, /spaces or quotes/);
});

test('a problem message never repeats the password of the URL', () => {
  for (const url of ['svc:s3cr3t@proxy:3128', 'http://svc:s3cr3t@proxy', 'http://svc:s3cr3t@proxy:3128/x', 'ftp://svc:s3cr3t@proxy:1']) {
    const problem = proxyUrlProblem(url);
    assert.ok(problem, url);
    assert.doesNotMatch(problem, /s3cr3t/, url);
  }
});

test('NO_PROXY entries clients would misread are refused with the fix', () => {
  assert.equal(noProxyEntryProblem('.corp.example'), null);
  assert.equal(noProxyEntryProblem('10.0.0.0/8'), null);
  assert.equal(noProxyEntryProblem('registry:5000'), null);
  assert.match(noProxyEntryProblem('*.corp.example')!, /write "\.corp\.example"/);
  assert.match(noProxyEntryProblem('*')!, /nothing through the proxy/);
  assert.match(noProxyEntryProblem('a*b')!, /"\*" inside/);
  assert.match(noProxyEntryProblem('$HOST')!, /without spaces, quotes, commas or \$/);
  assert.deepEqual(parseNoProxyList(' .corp.example, registry.corp.example ,,'), ['.corp.example', 'registry.corp.example']);
  assert.deepEqual(parseNoProxyList(''), []);
  assert.equal(noProxyListProblem('a, b'), null);
  assert.match(noProxyListProblem('a, *.b')!, /\*\.b/);
  assert.throws(() => parseNoProxyList('*.corp.example'), GeneratorError);
});

test('typed credentials are encoded completely, % included, so they decode to what was typed', () => {
  assert.equal(encodeCredential(NASTY_PASSWORD), NASTY_PASSWORD_ENCODED);
  assert.equal(encodeCredential("it's(*)"), 'it%27s%28%2A%29');
  // A typed "%40" is three characters, not an escape.
  assert.equal(encodeCredential('a%40'), 'a%2540');
  const url = proxyUrlOf({ proxyUrl: 'HTTP://proxy.corp.example:3128/', user: 'dom\\svc', password: NASTY_PASSWORD, noProxy: [] });
  assert.equal(url, `http://dom%5Csvc:${NASTY_PASSWORD_ENCODED}@proxy.corp.example:3128`);
  assert.equal(decodedPassword(url), NASTY_PASSWORD);
  assert.equal(decodedUser(url), 'dom\\svc');
});

test('credentials inside the URL are encoded where needed, keeping their escapes', () => {
  assert.equal(proxyUrlOf({ proxyUrl: 'http://svc:F@oBar!@proxy:3128', noProxy: [] }), 'http://svc:F%40oBar%21@proxy:3128');
  assert.equal(proxyUrlOf({ proxyUrl: 'http://svc:F%40oBar@proxy:3128', noProxy: [] }), 'http://svc:F%40oBar@proxy:3128');
  assert.equal(proxyUrlOf({ proxyUrl: 'http://proxy:3128', noProxy: [] }), 'http://proxy:3128');
});

test('contradictory or incomplete credentials are refused', () => {
  assert.throws(() => proxyUrlOf({ proxyUrl: 'http://a:b@proxy:3128', user: 'c', password: 'd', noProxy: [] }), /either in the URL or separately/);
  assert.throws(() => proxyUrlOf({ proxyUrl: 'http://proxy:3128', password: 'd', noProxy: [] }), /needs a user name/);
  assert.throws(() => proxyUrlOf({ proxyUrl: 'http://proxy:3128', user: 'u', noProxy: [] }), /git prompts/);
  assert.throws(() => proxyUrlOf({ proxyUrl: 'http://proxy:3128', noProxy: ['*.x'] }), /write "\.x"/);
  assert.throws(() => proxyUrlOf({ proxyUrl: 'proxy:3128', noProxy: [] }), GeneratorError);
});

test('the password encoder gives the encoded URL and a masked one', () => {
  assert.deepEqual(encodeProxyUrl({ proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password: NASTY_PASSWORD, noProxy: [] }), {
    url: `http://svc:${NASTY_PASSWORD_ENCODED}@proxy.corp.example:3128`,
    masked: 'http://svc:****@proxy.corp.example:3128',
  });
  assert.throws(() => encodeProxyUrl({ proxyUrl: 'http://proxy:3128', noProxy: [] }), /user name and password/);
});

test('property: any typed password round-trips and leaves nothing unencoded', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), (password, user) => {
      const url = proxyUrlOf({ proxyUrl: 'http://proxy.corp.example:3128', user, password, noProxy: [] });
      assert.equal(decodedPassword(url), password);
      assert.equal(decodedUser(url), user);
      const credentials = url.slice('http://'.length, url.lastIndexOf('@'));
      assert.deepEqual(unencodedCharacters(credentials.replace(':', ''), { interpolation: false }), []);
      assert.ok(url.endsWith('@proxy.corp.example:3128'));
    }),
    { numRuns: 300 },
  );
});
