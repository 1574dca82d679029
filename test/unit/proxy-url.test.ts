import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeUserinfoPart, maskProxyUrl, maskSecrets, parseProxyUrl, unencodedCharacters } from '../../server/proxy/url';

test('parses scheme, userinfo up to the LAST @, host, port and rest (proxy-semantics p10)', () => {
  const url = parseProxyUrl('http://svc:F@oBar!@proxy.corp:3128/');
  assert.ok(url);
  assert.equal(url.scheme?.text, 'http');
  assert.equal(url.user?.text, 'svc');
  assert.equal(url.password?.text, 'F@oBar!');
  assert.equal(url.host.text, 'proxy.corp');
  assert.equal(url.port?.text, '3128');
  assert.equal(url.rest?.text, '/');
});

test('no scheme, no port, IPv6 host, no credentials', () => {
  assert.deepEqual(
    [parseProxyUrl('proxy:3128')].map((u) => [u?.scheme, u?.host.text, u?.port?.text]),
    [[null, 'proxy', '3128']],
  );
  assert.equal(parseProxyUrl('http://proxy')?.port, null);
  const v6 = parseProxyUrl('http://[fd00::1]:3128');
  assert.equal(v6?.host.text, '[fd00::1]');
  assert.equal(v6?.port?.text, '3128');
  assert.equal(parseProxyUrl('http://proxy:3128')?.user, null);
  assert.equal(parseProxyUrl('  '), null);
});

test('unencoded characters: anything not unreserved and not a %XX escape', () => {
  const plain = { interpolation: false };
  assert.deepEqual(unencodedCharacters('F@oBar!', plain), ['@', '!']);
  assert.deepEqual(unencodedCharacters('F%40oBar%21', plain), []);
  assert.deepEqual(unencodedCharacters('50%off', plain), ['%']);
  assert.deepEqual(unencodedCharacters('${PASS}', plain), ['$', '{', '}']);
  assert.deepEqual(unencodedCharacters('${PASS}', { interpolation: true }), []);
  assert.deepEqual(unencodedCharacters('pa$$word', { interpolation: true }), []);
});

test('encoding keeps existing escapes and encodes UTF-8 bytes', () => {
  const plain = { interpolation: false };
  assert.equal(encodeUserinfoPart('F@oBar!', plain), 'F%40oBar%21');
  assert.equal(encodeUserinfoPart('p/ss:w%rd', plain), 'p%2Fss%3Aw%25rd');
  assert.equal(encodeUserinfoPart('a%41 é', plain), 'a%41%20%C3%A9');
  assert.equal(decodeURIComponent(encodeUserinfoPart('x@y#z?/ :é%', plain)), 'x@y#z?/ :é%');
});

test('masking hides the password, even unencoded, and nothing else', () => {
  assert.equal(maskProxyUrl('http://svc:F@oBar!@proxy:3128'), 'http://svc:****@proxy:3128');
  assert.equal(maskProxyUrl('http://proxy:3128'), 'http://proxy:3128');
  assert.equal(maskSecrets('set HTTP_PROXY=http://u:s3cr3t@p:1 and https_proxy=http://v:x%40y@q:2'), 'set HTTP_PROXY=http://u:****@p:1 and https_proxy=http://v:****@q:2');
});
