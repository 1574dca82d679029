// The shortcuts that keep lint() fast (issue 8): memos keyed by values, numbers standing for client
// lists and environments, a pre-check before masking. Each test would fail if its shortcut answered
// from the wrong key (a stale or shared answer) or changed what the slow way gives.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { lint, findingFilter, sortFindings, PARSE_ERROR_RULE, type Finding } from '../../server/engine/lint';
import type { ProxyModel } from '../../server/engine/model';
import { ALL_CLIENTS, clientListKey, effectiveVariable, proxyEnvironmentKey, proxyFromEnvironment, type ClientId, type ProxyVariable } from '../../server/proxy/clients';
import { BoundedMemo, VariantMemo } from '../../server/proxy/memo';
import { misspellingOf } from '../../server/proxy/misspellings';
import { maskProxyUrl, maskSecrets, mayHoldUserinfo } from '../../server/proxy/url';
import { ALL_RULES } from '../../server/rules';
import { clientList } from '../../server/rules/scopeClients';

const messagesOf = (text: string, path: string, rule: string) => lint(text, path).findings.filter((f) => f.rule === rule).map((f) => f.message);
const runner = (...entries: string[]) => `[[runners]]\n  name = "r"\n  environment = [${entries.map((e) => JSON.stringify(e)).join(', ')}]\n`;
const composeMap = (...lines: string[]) => `services:\n  a:\n    environment:\n${lines.map((l) => `      ${l}\n`).join('')}`;

describe('maskSecrets pre-check', () => {
  // The regex pass alone, as maskSecrets was before the pre-check.
  const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s"'`]+/g;
  const slowMask = (text: string) => text.replace(URL_IN_TEXT, (url) => maskProxyUrl(url));
  const pieces = ['http', 's', '://', ':', '/', '@', 'u', 'pw', '%40', ' ', '\t', '\n', '"', "'", '`', '\u00a0', 'x.example', '3128', ',', '@@'];

  test('masks exactly what the regex alone masks, on texts made of URL pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        assert.equal(maskSecrets(text), slowMask(text));
      }),
      { seed: 8, numRuns: 5_000 },
    );
  });

  test('answers false only where nothing is masked, and true for a URL with a password', () => {
    assert.equal(mayHoldUserinfo('https:// requests from curl go direct (@ → %40)'), false);
    assert.equal(mayHoldUserinfo('set http://u:secret@proxy:3128 here'), true);
    assert.equal(maskSecrets('set http://u:secret@proxy:3128 here'), 'set http://u:****@proxy:3128 here');
  });

  test('stays linear on a text of many "://" without an @', () => {
    const text = 'a://'.repeat(200_000);
    const started = performance.now();
    assert.equal(maskSecrets(text), text);
    // Quadratic rescanning would take minutes here.
    assert.ok(performance.now() - started < 5_000);
  });
});

describe('memoised rule analysis answers per key, never from another value or reader', () => {
  test('credentials-unencoded and credentials-plaintext: the same value with and without interpolation', () => {
    const value = 'http://user:${PW}@proxy:3128';
    const inCompose = () => lint(composeMap(`HTTP_PROXY: ${value}`, `http_proxy: ${value}`), 'docker-compose.yml').findings.filter((f) => f.rule.startsWith('credentials-'));
    const inRunner = () => lint(runner(`HTTP_PROXY=${value}`, `http_proxy=${value}`), 'config.toml').findings.filter((f) => f.rule.startsWith('credentials-'));
    // Compose resolves ${PW}: nothing to report. config.toml holds it literally: "$", "{" and "}" unencoded, and a password.
    assert.deepEqual(inCompose(), []);
    assert.deepEqual(inRunner().map((f) => f.rule), ['credentials-unencoded', 'credentials-plaintext', 'credentials-unencoded', 'credentials-plaintext']);
    assert.deepEqual(inCompose(), []);
    assert.match(inRunner()[0].message, /^The credentials in HTTP_PROXY contain "\$", "\{" and "\}" not percent-encoded/);
  });

  test('proxy-url-invalid: the same value in a compose file (interpolated) and in config.toml (literal)', () => {
    const value = 'http://${PROXY_HOST}';
    assert.deepEqual(messagesOf(runner(`https_proxy=${value}`, `HTTPS_PROXY=${value}`), 'config.toml', 'proxy-url-invalid').length, 2);
    assert.deepEqual(messagesOf(composeMap(`https_proxy: ${value}`, `HTTPS_PROXY: ${value}`), 'docker-compose.yml', 'proxy-url-invalid'), []);
    assert.equal(messagesOf(runner(`https_proxy=${value}`, `HTTPS_PROXY=${value}`), 'config.toml', 'proxy-url-invalid').length, 2);
  });

  test('proxy-url-invalid: one value, two spellings read by different clients (wget reads only the lowercase one)', () => {
    const [lower, upper] = messagesOf(runner('https_proxy=http://proxy', 'HTTPS_PROXY=http://proxy'), 'config.toml', 'proxy-url-invalid');
    assert.match(lower, /^https_proxy in runner "r" has no port.* and wget, Python requests/);
    assert.match(upper, /^HTTPS_PROXY in runner "r" has no port.* and Python requests/);
    assert.doesNotMatch(upper, /wget/);
  });

  test('no-proxy-entry: the same list read by every client and by a Go daemon alone', () => {
    const list = '*.corp.example,10.0.0.0/8';
    const compose = () => messagesOf(composeMap(`NO_PROXY: "${list}"`, `no_proxy: "${list}"`, 'HTTP_PROXY: http://proxy:3128', 'http_proxy: http://proxy:3128'), 'docker-compose.yml', 'no-proxy-entry');
    const daemon = () => messagesOf(`[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128" "NO_PROXY=${list}"\n`, '/etc/systemd/system/docker.service.d/proxy.conf', 'no-proxy-entry');
    const first = compose();
    assert.equal(first.length, 4);
    // Go honours both forms: the answer for every client must not be reused for Go alone.
    assert.deepEqual(daemon(), []);
    assert.deepEqual(compose(), first);
    // The message names the variable and the scope of each finding, not of the first one analysed.
    assert.match(first[0], /^The NO_PROXY entry "\*\.corp\.example" in service "a" is ignored by curl, Python requests/);
    assert.match(first[2], /^The no_proxy entry "\*\.corp\.example" in service "a" is ignored by curl, wget, Python requests/);
  });

  test('https-proxy-missing: two services alike but for ALL_PROXY', () => {
    const text = `services:\n  a:\n    environment:\n      HTTP_PROXY: http://p1:3128\n      http_proxy: http://p1:3128\n      NO_PROXY: localhost\n      no_proxy: localhost\n  b:\n    environment:\n      HTTP_PROXY: http://p1:3128\n      http_proxy: http://p1:3128\n      ALL_PROXY: http://p1:3128\n      all_proxy: http://p1:3128\n      NO_PROXY: localhost\n      no_proxy: localhost\n`;
    const [a, b] = messagesOf(text, 'docker-compose.yml', 'https-proxy-missing');
    assert.equal(a, 'HTTP_PROXY is set in service "a" but HTTPS_PROXY is not: https:// requests from curl, wget, Python requests, Python urllib, axios, Go and git go direct; only Node undici falls back to http_proxy.');
    assert.equal(b, 'HTTP_PROXY is set in service "b" but HTTPS_PROXY is not: https:// requests from wget, Python urllib and Go go direct; only curl, Python requests, axios and git fall back to all_proxy, Node undici falls back to http_proxy.');
  });

  test('case-mismatch: each finding shows its own values and variables', () => {
    const service = (name: string, lower: string) =>
      `  ${name}:\n    environment:\n      HTTP_PROXY: http://p1:3128\n      http_proxy: ${lower}\n      HTTPS_PROXY: http://p1:3128\n      https_proxy: ${lower}\n      NO_PROXY: localhost\n      no_proxy: localhost\n`;
    const found = messagesOf(`services:\n${service('a', 'http://p2:3128')}${service('b', 'http://p3:3128')}`, 'docker-compose.yml', 'case-mismatch');
    assert.equal(found.length, 4);
    assert.match(found[0], /^HTTP_PROXY and http_proxy differ in service "a": Go uses HTTP_PROXY \(http:\/\/p1:3128\), while .* use http_proxy \(http:\/\/p2:3128\)\.$/);
    assert.match(found[1], /^HTTPS_PROXY and https_proxy differ in service "a": Go uses HTTPS_PROXY \(http:\/\/p1:3128\), while .* use https_proxy \(http:\/\/p2:3128\)\.$/);
    assert.match(found[2], /^HTTP_PROXY and http_proxy differ in service "b": .* use http_proxy \(http:\/\/p3:3128\)\.$/);
    assert.match(found[3], /^HTTPS_PROXY and https_proxy differ in service "b": .* use https_proxy \(http:\/\/p3:3128\)\.$/);
  });

  test('misspellingOf keeps the case each name was written in', () => {
    assert.equal(misspellingOf('HTTPPROXY')?.correct, 'HTTP_PROXY');
    assert.equal(misspellingOf('httpproxy')?.correct, 'http_proxy');
    assert.equal(misspellingOf('HTTPPROXY')?.correct, 'HTTP_PROXY');
    assert.equal(misspellingOf('HTTP_PROXY'), null);
    assert.ok(Object.isFrozen(misspellingOf('HTTPPROXY')), 'a shared answer cannot be changed by one caller');
  });
});

describe('keys that stand for client lists and environments', () => {
  test('clientListKey: a different number for every ordered list of clients', () => {
    const seen = new Map<number, string>();
    const visit = (list: ClientId[]) => {
      const key = clientListKey(list);
      assert.equal(seen.get(key) ?? list.join(','), list.join(','), `${list.join(',')} and ${seen.get(key)} share ${key}`);
      seen.set(key, list.join(','));
      if (list.length < 3) for (const client of ALL_CLIENTS) visit([...list, client]);
    };
    visit([]);
    assert.equal(seen.size, 1 + 8 + 64 + 512);
    assert.notEqual(clientListKey(ALL_CLIENTS), clientListKey([...ALL_CLIENTS].reverse()));
    assert.equal(clientListKey([...ALL_CLIENTS, 'go']), -1);
    // Frozen lists are numbered once and remembered: the same number as an equal list that is not frozen.
    const frozen = Object.freeze(['git', 'curl'] as ClientId[]);
    assert.equal(clientListKey(frozen), clientListKey(['git', 'curl']));
    assert.equal(clientListKey(frozen), clientListKey(['git', 'curl']));
    assert.equal(clientListKey(ALL_CLIENTS), clientListKey([...ALL_CLIENTS]));
  });

  test('clientList words each list in its own order, however often it is asked', () => {
    for (let round = 0; round < 2; round++) {
      assert.equal(clientList(['curl', 'git']), 'curl and git');
      assert.equal(clientList(['git', 'curl']), 'git and curl');
      assert.equal(clientList(['go']), 'Go');
      assert.equal(clientList([]), '');
    }
  });

  const VARIABLES: readonly ProxyVariable[] = ['http_proxy', 'https_proxy', 'no_proxy', 'all_proxy'];
  const relevantNames = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY', 'no_proxy', 'NO_PROXY', 'Http_Proxy', 'ftp_proxy', 'REQUEST_METHOD'];
  const otherNames = ['PATH', 'HOME', 'PROXY', 'http_proxy_host', 'request_method', 'NO_PROXY2'];
  const answers = (env: Map<string, string>) =>
    ALL_CLIENTS.flatMap((client) => [
      ...VARIABLES.map((v) => effectiveVariable(client, env, v)),
      proxyFromEnvironment(client, env, 'http'),
      proxyFromEnvironment(client, env, 'https'),
    ]);

  test('proxyEnvironmentKey: other variables change neither the key nor any answer; a proxy variable changes the key', () => {
    const entry = (names: string[]) => fc.tuple(fc.constantFrom(...names), fc.constantFrom('', 'http://p:1', 'http://q:2', 'GET'));
    fc.assert(
      fc.property(fc.array(entry(relevantNames), { maxLength: 6 }), fc.array(fc.tuple(entry(otherNames), fc.nat()), { maxLength: 4 }), (relevant, others) => {
        const env = new Map<string, string>(relevant);
        const mixed = [...env];
        for (const [pair, at] of others) if (!env.has(pair[0])) mixed.splice(at % (mixed.length + 1), 0, pair);
        const withOthers = new Map(mixed);
        assert.equal(proxyEnvironmentKey(withOthers), proxyEnvironmentKey(env));
        assert.deepEqual(answers(withOthers), answers(env));
        const changed = new Map<string, string>(env).set('https_proxy', `${env.get('https_proxy') ?? ''}x`);
        assert.notEqual(proxyEnvironmentKey(changed), proxyEnvironmentKey(env));
      }),
      { seed: 8, numRuns: 2_000 },
    );
  });

  test('proxyEnvironmentKey: environments with the same key get the same answers', () => {
    for (const name of relevantNames) assert.notEqual(proxyEnvironmentKey(new Map([[name, 'GET']])), proxyEnvironmentKey(new Map()), name);
    const env = fc.array(fc.tuple(fc.constantFrom(...relevantNames, ...otherNames), fc.constantFrom('', 'http://p:1', 'GET')), { maxLength: 2 }).map((entries) => new Map(entries));
    fc.assert(
      fc.property(env, env, (a, b) => {
        if (proxyEnvironmentKey(a) === proxyEnvironmentKey(b)) assert.deepEqual(answers(a), answers(b));
      }),
      { seed: 8, numRuns: 5_000 },
    );
  });
});

describe('memos', () => {
  test('BoundedMemo keeps no key longer than its limit, and VariantMemo keeps variants apart', () => {
    let computed = 0;
    const memo = new BoundedMemo<number>(10, 5);
    memo.get('short', () => ++computed);
    memo.get('short', () => ++computed);
    memo.get('longer', () => ++computed);
    memo.get('longer', () => ++computed);
    assert.equal(computed, 3);
    const variants = new VariantMemo<string>(10);
    assert.equal(variants.get('v', 1, () => 'one'), 'one');
    assert.equal(variants.get('v', 2, () => 'two'), 'two');
    assert.equal(variants.get('v', 1, () => 'other'), 'one');
    assert.equal(variants.get('v', -1, () => 'uncached'), 'uncached');
    assert.equal(variants.get('v', -1, () => 'again'), 'again');
    // Bounded: the oldest text goes, and a text longer than the limit is never kept.
    const small = new VariantMemo<string>(2, 4);
    small.get('a', 0, () => 'a1');
    small.get('b', 0, () => 'b1');
    small.get('c', 0, () => 'c1');
    assert.equal(small.get('a', 0, () => 'a2'), 'a2');
    assert.equal(small.get('c', 0, () => 'c2'), 'c1');
    small.get('long!', 0, () => 'l1');
    assert.equal(small.get('long!', 0, () => 'l2'), 'l2');
  });
});

describe('finding order and the repeat filter', () => {
  test('rule ids sort the same in code-unit order as with localeCompare', () => {
    const ids = [...ALL_RULES.map((r) => r.id), PARSE_ERROR_RULE];
    for (const a of ids) for (const b of ids) {
      const at = (rule: string): Finding => ({ rule, severity: 'warning', message: '', span: { start: 0, end: 1 } });
      const [first] = sortFindings([at(a), at(b)]);
      assert.equal(first.rule, a.localeCompare(b) <= 0 ? a : b, `${a} / ${b}`);
    }
  });

  test('findingFilter drops a repeat of the same rule and span only', () => {
    const model: ProxyModel = { kind: 'compose', text: 'x'.repeat(40), scopes: [], parseProblem: null };
    const keep = findingFilter(model);
    assert.equal(keep('a', { start: 1, end: 12 }), true);
    assert.equal(keep('a', { start: 1, end: 12 }), false);
    assert.equal(keep('b', { start: 1, end: 12 }), true);
    assert.equal(keep('a', { start: 12, end: 1 }), true);
    assert.equal(keep('a', { start: 1, end: 13 }), true);
    assert.equal(keep('a', { start: 2, end: 12 }), true);
    // A span past the text (a stale one) still works, through the string key.
    assert.equal(keep('a', { start: 1, end: 400 }), true);
    assert.equal(keep('a', { start: 1, end: 400 }), false);
  });
});
