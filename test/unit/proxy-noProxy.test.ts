// NO_PROXY parsing and per-client matching (server/proxy/noProxy.ts), checked against every
// measured NO_PROXY cell (n01–n30 real requests, d01–d08 decision functions) in
// test/fixtures/proxy-semantics/measured-cases.json (regenerate with extract.mjs there).
//
// No measured cell is excluded. Cells explained by something other than NO_PROXY matching
// are asserted as such below:
//   - Go goes direct for localhost and loopback IPs whatever NO_PROXY says (n14–n17, n25, n26):
//     routeRequest reports 'go-loopback', and the d01–d04 twins check Go's matching itself.
//   - "direct (DNS fail)": the target name is unresolvable, so the failed lookup proves the
//     client skipped the proxy; such cells must be predicted direct because of NO_PROXY.
//   - axios 1.21.1 (reference column) is not proxy-from-env: it differs in exactly n15, n16,
//     n20, n21, n26 (its own shouldBypassProxy since axios 1.15; not modelled).
// Hand-written cases that were not measured are marked "(not measured; source: …)".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { ALL_CLIENTS, type ClientId } from '../../server/proxy/clients';
import {
  entryIgnoredBy,
  entrySupport,
  goBypassesLoopback,
  matchesHost,
  parseNoProxy,
  routeRequest,
  suggestNoProxyValue,
  type NoProxyEntry,
  type Route,
} from '../../server/proxy/noProxy';

interface MeasuredCell {
  outcome: string;
  column: string;
}
interface MeasuredCase {
  id: string;
  note: string;
  env: Record<string, string>;
  url: string;
  outcomes: Partial<Record<ClientId, MeasuredCell>>;
  reference: Record<string, MeasuredCell>;
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
const envOf = (c: MeasuredCase): Map<string, string> => new Map(Object.entries(c.env));
const measuredOutcome = (cell: MeasuredCell): string => (cell.outcome === 'direct (DNS fail)' ? 'direct' : cell.outcome);
const viaProxy = (cell: MeasuredCell | undefined): boolean => cell?.outcome.startsWith('proxy') ?? false;

function outcomeOf(route: Route): string {
  if (route.route !== 'proxy') return route.route;
  const name = Object.keys(fixture.proxies).find((k) => fixture.proxies[k] === route.proxy);
  return name ? `proxy ${name}` : `proxy ${route.proxy}`;
}

/** Host and explicit port of a case URL, as matchesHost takes them. */
function hostAndPort(url: string): { host: string; port?: number } {
  const u = new URL(url);
  return u.port ? { host: u.hostname, port: Number(u.port) } : { host: u.hostname };
}

const entry = (value: string, index = 0): NoProxyEntry => {
  const found = parseNoProxy(value)[index];
  assert.ok(found, `no entry ${index} in ${JSON.stringify(value)}`);
  return found;
};

describe('parseNoProxy', () => {
  test('offsets of each segment and of its text', () => {
    const value = ' localhost, *.corp.example ,10.0.0.0/8,,"api.example"';
    const entries = parseNoProxy(value);
    assert.equal(entries.length, 5);
    for (const e of entries) {
      assert.equal(value.slice(e.start, e.end), e.raw);
      assert.equal(value.slice(e.textStart, e.textEnd), e.text);
    }
    assert.deepEqual(
      entries.map((e) => [e.index, e.text, e.form, e.hasSurroundingSpace, e.hasQuotes]),
      [
        [0, 'localhost', 'hostname', true, false],
        [1, '*.corp.example', 'wildcard-prefix', true, false],
        [2, '10.0.0.0/8', 'cidr4', false, false],
        [3, '', 'empty', false, false],
        [4, '"api.example"', 'hostname', false, true],
      ],
    );
    assert.equal(entries[1].textStart, 12);
  });

  test('an empty value has no entries; a trailing comma leaves an empty one (n23)', () => {
    assert.deepEqual(parseNoProxy(''), []);
    assert.deepEqual(
      parseNoProxy('other.invalid,').map((e) => e.form),
      ['hostname', 'empty'],
    );
  });

  const FORMS: [string, NoProxyEntry['form'], Partial<NoProxyEntry>][] = [
    ['api.internal.example', 'hostname', { host: 'api.internal.example' }],
    ['API.Internal.EXAMPLE', 'hostname', { host: 'API.Internal.EXAMPLE' }],
    ['localhost', 'hostname', { host: 'localhost' }],
    ['vm:18080', 'hostname', { host: 'vm', port: 18080 }],
    ['api.internal.example.', 'hostname', { host: 'api.internal.example', hasTrailingDot: true }],
    ['.internal.example', 'leading-dot', { host: 'internal.example' }],
    ['*.internal.example', 'wildcard-prefix', { host: 'internal.example' }],
    ['*', 'star', { host: '' }],
    ['a*b.example', 'inner-wildcard', {}],
    ['foo.*', 'inner-wildcard', {}],
    ['*example.com', 'inner-wildcard', {}],
    ['127.0.0.2', 'ipv4', { host: '127.0.0.2' }],
    ['10.1.2.3:2375', 'ipv4', { host: '10.1.2.3', port: 2375 }],
    ['::1', 'ipv6', { host: '::1' }],
    ['fd00::1', 'ipv6', { host: 'fd00::1' }],
    ['::ffff:10.1.2.3', 'ipv6', {}],
    ['[::1]', 'ipv6-bracketed', { host: '::1' }],
    ['[fd00::1]:2375', 'ipv6-bracketed', { host: 'fd00::1', port: 2375 }],
    ['127.0.0.0/8', 'cidr4', { host: '127.0.0.0' }],
    ['fd00::/8', 'cidr6', { host: 'fd00::' }],
    ['http://proxy.example:3128/', 'url', { host: 'proxy.example', port: 3128 }],
    ['other.invalid;api.internal.example', 'invalid', { separatorProblem: 'semicolon' }],
    ['"a.example b.example"', 'invalid', { separatorProblem: 'whitespace', hasQuotes: true }],
    ['10.0.0.0/33', 'invalid', {}],
    ['vm:http', 'invalid', {}],
    ['[nothost]', 'invalid', {}],
    ['a..b', 'invalid', {}],
    ['""', 'empty', { hasQuotes: true }],
    ['  ', 'empty', { hasSurroundingSpace: true }],
  ];
  for (const [value, form, fields] of FORMS) {
    test(`${JSON.stringify(value)} is ${form}`, () => {
      const e = entry(value);
      assert.equal(e.form, form);
      for (const [key, expected] of Object.entries(fields)) assert.deepEqual(e[key as keyof NoProxyEntry], expected, key);
    });
  }

  test('isWholeValue only when the value has no comma', () => {
    assert.equal(entry('*').isWholeValue, true);
    assert.equal(entry('other.invalid,*', 1).isWholeValue, false);
  });
});

describe('measured NO_PROXY cells (n01–n30, d01–d08): every client predicted', () => {
  const cases = fixture.cases.filter((c) => /^[nd]\d\d$/.test(c.id));
  test('the fixture has all of them', () => assert.equal(cases.length, 30 + 8));
  for (const c of cases) {
    for (const [client, cell] of cellsOf(c)) {
      test(`${c.id} ${JSON.stringify(c.env.no_proxy)} → ${c.url}: ${client} ${cell.outcome}`, () => {
        const route = routeRequest(client, envOf(c), c.url);
        assert.equal(outcomeOf(route), measuredOutcome(cell));
        if (cell.outcome === 'direct (DNS fail)') assert.deepEqual(route, { route: 'direct', because: 'no-proxy-match' });
      });
    }
  }
});

describe('cells explained by something other than NO_PROXY matching', () => {
  const GO_LOOPBACK = ['n14', 'n15', 'n16', 'n17', 'n25', 'n26'];
  test(`${GO_LOOPBACK.join(', ')}: Go is direct because of its loopback bypass`, () => {
    for (const id of GO_LOOPBACK) {
      const c = caseById(id);
      assert.equal(c.outcomes.go?.outcome, 'direct', id);
      assert.deepEqual(routeRequest('go', envOf(c), c.url), { route: 'direct', because: 'go-loopback' }, id);
    }
  });

  // The same entry forms with non-loopback addresses, measured with Go's decision function.
  const GO_TWINS: Record<string, string> = { n14: 'd01', n15: 'd02', n16: 'd03', n17: 'd04' };
  for (const [real, twin] of Object.entries(GO_TWINS)) {
    test(`${real}: Go's matching alone, without the loopback bypass, is what ${twin} measured`, () => {
      const c = caseById(real);
      const { host, port } = hostAndPort(c.url);
      assert.equal(matchesHost('go', c.env.no_proxy, host, port), !viaProxy(caseById(twin).outcomes.go));
    });
  }

  test('goBypassesLoopback: localhost and loopback IPs only', () => {
    for (const host of ['localhost', '127.0.0.1', '127.0.0.2', '127.255.1.2', '[::1]', '::1']) assert.equal(goBypassesLoopback(host), true, host);
    for (const host of ['vm', '10.1.2.3', '[fd00::1]', 'localhost.example', 'api.internal.example']) assert.equal(goBypassesLoopback(host), false, host);
  });
  // source: x/net/http/httpproxy useProxy compares `host == "localhost"` before lower-casing.
  test('goBypassesLoopback is exact about the name (not measured; source)', () => {
    assert.equal(goBypassesLoopback('LOCALHOST'), false);
    assert.equal(goBypassesLoopback('localhost.'), false);
    assert.equal(goBypassesLoopback('[::ffff:127.0.0.1]'), true);
  });

  test('axios 1.21.1 agrees with proxy-from-env except in n15, n16, n20, n21, n26', () => {
    const differing = fixture.cases
      .filter((c) => c.reference['node-axios'] && c.outcomes['node-proxy-from-env'])
      .filter((c) => measuredOutcome(c.reference['node-axios']) !== measuredOutcome(c.outcomes['node-proxy-from-env'] as MeasuredCell))
      .map((c) => c.id);
    assert.deepEqual(differing, ['n15', 'n16', 'n20', 'n21', 'n26']);
  });
});

describe('matchesHost on single entries and values', () => {
  test('an entry matches like the same text as a whole value, except a `*` inside a list (n09, n10)', () => {
    const star = entry('other.invalid,*', 1);
    const matching = ALL_CLIENTS.filter((c) => matchesHost(c, star, 'api.internal.example'));
    assert.deepEqual(matching, ['node-proxy-from-env', 'go']);
    assert.deepEqual(
      ALL_CLIENTS.filter((c) => matchesHost(c, entry('*'), 'api.internal.example')),
      ALL_CLIENTS.filter((c) => c !== 'wget'),
    );
  });

  test('default port: `host:443` matches an https URL without a port in undici, proxy-from-env and Go (n13 for https; not measured)', () => {
    const e = entry('api.example.com:443');
    const matching = ALL_CLIENTS.filter((c) => matchesHost(c, e, 'api.example.com', undefined, 'https'));
    assert.deepEqual(matching, ['node-undici', 'node-proxy-from-env', 'go']);
  });

  test('IPv6 hosts are accepted with or without brackets', () => {
    for (const host of ['::1', '[::1]']) {
      assert.equal(matchesHost('curl', '::1', host), true);
      assert.equal(matchesHost('python-urllib', '[::1]', host), true);
    }
  });

  test('an empty value matches nothing', () => {
    for (const client of ALL_CLIENTS) assert.equal(matchesHost(client, '', 'api.example.'), false);
  });

  // source: wget 1.21.3 sepstring() skips blanks only after a comma.
  test('wget keeps a leading space on the first entry and trailing spaces (not measured; source)', () => {
    assert.equal(matchesHost('wget', ' api.example.com', 'api.example.com'), false);
    assert.equal(matchesHost('wget', 'api.example.com ,x', 'api.example.com'), false);
    assert.equal(matchesHost('wget', 'x, api.example.com', 'api.example.com'), true);
    assert.equal(matchesHost('curl', ' api.example.com', 'api.example.com'), true);
  });

  // source: libcurl Curl_check_noproxy (strcmp "*", blanks as separators); undici and
  // proxy-from-env split on /[,\s]/; Python and Go only on commas.
  test('` *` is not the wildcard for curl; spaces separate entries only for curl, undici, proxy-from-env (not measured; source)', () => {
    assert.equal(matchesHost('curl', ' *', 'api.example.com'), false);
    assert.equal(matchesHost('go', ' *', 'api.example.com'), true);
    const spaced = ALL_CLIENTS.filter((c) => matchesHost(c, 'a.example b.example', 'b.example'));
    assert.deepEqual(spaced, ['curl', 'node-undici', 'node-proxy-from-env', 'git']);
  });

  // source: libcurl 7.88.1 strips the brackets before the check, so IPv6 hosts are compared as names.
  test('IPv6 CIDR works in Go only (d05; curl, undici, wget, git not measured; source)', () => {
    const matching = ALL_CLIENTS.filter((c) => matchesHost(c, 'fd00::/8', '[fd00::1]'));
    assert.deepEqual(matching, ['go']);
  });

  // source: CPython proxy_bypass_environment lstrip('.'); requests own check case-sensitive,
  // rescued by urllib's lower-casing (n19 measured).
  test('requests: leading dots and case (n06, n19)', () => {
    assert.equal(matchesHost('python-requests', '..internal.example', 'internal.example'), true);
    assert.equal(matchesHost('python-requests', 'API.Internal.EXAMPLE', 'api.internal.example'), true);
  });

  // source: requests should_bypass_proxies reads `no_proxy or NO_PROXY`; urllib's
  // getproxies_environment deletes an empty lowercase no_proxy.
  test('requests reads NO_PROXY past an empty no_proxy, urllib does not (not measured; source)', () => {
    const env = new Map([
      ['http_proxy', 'http://127.0.0.1:18081'],
      ['no_proxy', ''],
      ['NO_PROXY', 'api.example.com'],
    ]);
    assert.equal(routeRequest('python-requests', env, 'http://api.example.com/').route, 'direct');
    assert.equal(routeRequest('python-urllib', env, 'http://api.example.com/').route, 'proxy');
  });

  test('routeRequest rejects URLs other than http(s)', () => {
    assert.throws(() => routeRequest('curl', new Map(), 'tcp://docker:2375'), RangeError);
  });
});

describe('entrySupport: which clients honour an entry', () => {
  // Single-entry cases: the clients that measured "proxy" are exactly those that ignore the
  // entry (Go from the d-twin where its loopback bypass hides the matching).
  const MEASURED: { id: string; index: number; goFrom?: string }[] = [
    { id: 'n07', index: 0 },
    { id: 'n09', index: 0 },
    { id: 'n10', index: 1 },
    { id: 'n11', index: 0 },
    { id: 'n14', index: 0, goFrom: 'd01' },
    { id: 'n15', index: 0, goFrom: 'd02' },
    { id: 'n16', index: 0, goFrom: 'd03' },
    { id: 'n17', index: 0, goFrom: 'd04' },
    { id: 'n20', index: 0 },
    { id: 'n24', index: 0 },
    { id: 'n30', index: 0 },
  ];
  for (const { id, index, goFrom } of MEASURED) {
    const c = caseById(id);
    test(`${id} ${JSON.stringify(c.env.no_proxy)}: ignored by exactly the clients that went through the proxy`, () => {
      const measuredIgnored = ALL_CLIENTS.filter((client) => viaProxy(client === 'go' && goFrom ? caseById(goFrom).outcomes.go : c.outcomes[client]));
      assert.deepEqual(entryIgnoredBy(entry(c.env.no_proxy, index)), measuredIgnored);
    });
  }

  test('`*.corp.example`: the brief example', () => {
    const support = entrySupport(entry('*.corp.example'));
    assert.deepEqual(support.ignored, ['curl', 'wget', 'python-requests', 'python-urllib', 'git']);
    assert.deepEqual(support.honoured, ['node-undici', 'node-proxy-from-env', 'go']);
    assert.equal(support.suggestedRewrite, '.corp.example');
    assert.equal(support.note, '`*.corp.example` is not understood by curl, wget, Python requests, Python urllib and git (n07): write `.corp.example`');
  });

  test('a bare domain is partial for proxy-from-env, which matches it exactly (n02)', () => {
    const support = entrySupport(entry('corp.example'));
    assert.deepEqual(support.partial, ['node-proxy-from-env']);
    assert.deepEqual(support.ignored, []);
    assert.equal(support.suggestedRewrite, undefined);
    assert.match(support.note, /proxy-from-env.*only matches `corp.example` itself.*\(n02\)/);
  });

  test('a leading dot: subdomains everywhere, the apex only in some (n06)', () => {
    const support = entrySupport(entry('.corp.example'));
    assert.equal(support.honoured.length, ALL_CLIENTS.length);
    assert.match(support.note, /itself only in curl, Python requests, Python urllib, undici EnvHttpProxyAgent and git, not in wget, proxy-from-env .* and Go .* \(n06\)/);
  });

  test('host:port is ignored by curl, wget, git (n11); IP:port also by requests (d06)', () => {
    assert.deepEqual(entryIgnoredBy(entry('registry:5000')), ['curl', 'wget', 'git']);
    assert.deepEqual(entryIgnoredBy(entry('10.1.2.3:2375')), ['curl', 'wget', 'python-requests', 'git']);
    assert.match(entrySupport(entry('registry:5000')).note, /Python requests and Python urllib only match it when the URL spells out the port \(n13\)/);
  });

  test('spaces: after a comma they are harmless (n18); around the first entry wget keeps them (source)', () => {
    assert.deepEqual(entryIgnoredBy(entry('a.example, b.example', 1)), []);
    const first = entrySupport(entry(' a.example,b.example'));
    assert.deepEqual(first.ignored, ['wget']);
    assert.equal(first.suggestedRewrite, 'a.example');
    assert.match(first.note, /for wget the surrounding space is part of the entry/);
  });

  test('a rewrite replaces the text, or the whole segment when the space is the problem', () => {
    const value = 'a.example, *.corp.example';
    const harmless = entrySupport(entry(value, 1));
    assert.equal(harmless.suggestedRewrite, '.corp.example');
    assert.deepEqual(harmless.rewriteRange, { start: 11, end: 25 });
    assert.equal(value.slice(0, 11) + '.corp.example' + value.slice(25), 'a.example, .corp.example');
    const spaced = entrySupport(entry(' a.example ,b.example'));
    assert.equal(spaced.suggestedRewrite, 'a.example');
    assert.deepEqual(spaced.rewriteRange, { start: 0, end: 11 });
    // curl, Python, undici and git only take `*` as the exact whole value (source: strcmp / ==).
    assert.deepEqual(entrySupport(entry(' *')).rewriteRange, { start: 0, end: 2 });
  });

  const REWRITES: [string, string | undefined][] = [
    ['"api.internal.example"', 'api.internal.example'],
    ["'*.corp.example'", '.corp.example'],
    ['other.invalid;api.internal.example', 'other.invalid,api.internal.example'],
    ['a.example b.example', 'a.example,b.example'],
    ['api.internal.example.', 'api.internal.example'],
    ['::1', '::1,[::1]'],
    ['[fd00::1]', 'fd00::1,[fd00::1]'],
    ['[fd00::1]:2375', undefined],
    ['http://proxy.example:3128/', 'proxy.example'],
    ['10.0.0.0/8', undefined],
    ['localhost', undefined],
    [' ', undefined],
  ];
  for (const [value, rewrite] of REWRITES) {
    test(`rewrite ${JSON.stringify(value)} → ${JSON.stringify(rewrite)}`, () => {
      assert.equal(entrySupport(entry(value)).suggestedRewrite, rewrite);
    });
  }

  test('every rewrite is at least as widely honoured as the original', () => {
    for (const [value, rewrite] of REWRITES) {
      if (rewrite === undefined) continue;
      const before = entrySupport(entry(value)).ignored;
      const after = parseNoProxy(rewrite).map((e) => new Set(entryIgnoredBy(e)));
      const ignoredByAll = ALL_CLIENTS.filter((c) => after.every((s) => s.has(c)));
      assert.ok(ignoredByAll.every((c) => before.includes(c)), `${value} → ${rewrite}: ${ignoredByAll.join(',')}`);
    }
  });

  test('a single-address CIDR is probed with that address', () => {
    assert.deepEqual(entrySupport(entry('10.1.2.0/32')).honoured, ['curl', 'python-requests', 'go', 'git']);
  });

  test('notes for the other forms name the measured case', () => {
    assert.match(entrySupport(entry('10.0.0.0/8')).note, /CIDR ranges are ignored by wget, Python urllib, undici EnvHttpProxyAgent and proxy-from-env .*\(n15, d02\)/);
    assert.match(entrySupport(entry('fd00::1')).note, /IPv6 without brackets is ignored by Python urllib, undici EnvHttpProxyAgent and proxy-from-env .*\(n16, d03\)/);
    assert.match(entrySupport(entry('"x.example"')).note, /quotes .* ignored by every client \(n30\)/);
    assert.match(entrySupport(entry('a;b')).note, /`;` is not a separator.*every client \(n24\)/);
    assert.match(entrySupport(entry('*')).note, /every client except wget, which has no wildcard \(n09\)/);
    assert.match(entrySupport(entry('a,*', 1)).note, /inside a list it is ignored by curl, wget, .* and git \(n10\)/);
    assert.match(entrySupport(entry('a,,b', 1)).note, /^Empty entry/);
    assert.match(entrySupport(entry('127.0.0.1')).note, /understood by every client/);
  });
});

describe('suggestNoProxyValue', () => {
  test('rewrites every entry, drops empty ones, joins with commas', () => {
    assert.equal(
      suggestNoProxyValue('localhost, *.corp.example,,"api.internal.example";other.invalid,'),
      'localhost,.corp.example,api.internal.example,other.invalid',
    );
  });
  test('undefined when nothing changes', () => {
    assert.equal(suggestNoProxyValue('localhost,127.0.0.1,.corp.example'), undefined);
  });
});
