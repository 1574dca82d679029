// NO_PROXY: parsing a value into entries with exact offsets, and deciding, per
// client, whether a host bypasses the proxy.
//
// Every matcher below reproduces the measured behaviour in shared/proxy-semantics
// (cases n01–n30 and the decision-only d01–d08; cells copied to
// test/fixtures/proxy-semantics/measured-cases.json) and, for what those cells
// cannot show, the source of the measured version (function named in the comment):
// libcurl 7.88.1 Curl_check_noproxy, wget 1.21.3 sepstring/sufmatch, CPython 3.11
// proxy_bypass_environment, requests 2.34.2 should_bypass_proxies, undici 7.30.2
// EnvHttpProxyAgent, proxy-from-env 2.1.0 shouldProxy, Go 1.19 x/net httpproxy.

import {
  ALL_CLIENTS,
  clientDisplayName,
  effectiveValue,
  proxyFromEnvironment,
  type ClientId,
  type EnvMap,
  type TargetScheme,
} from './clients';
import { BoundedMemo } from './memo';

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

export type NoProxyEntryForm =
  | 'hostname' // api.example.com, localhost, vm:2375
  | 'leading-dot' // .example.com
  | 'wildcard-prefix' // *.example.com
  | 'star' // *
  | 'inner-wildcard' // a*b, foo.*, *example.com
  | 'ipv4' // 10.1.2.3, 10.1.2.3:2375
  | 'ipv6' // fd00::1
  | 'ipv6-bracketed' // [fd00::1], [fd00::1]:2375
  | 'cidr4' // 10.0.0.0/8
  | 'cidr6' // fd00::/8
  | 'url' // http://proxy.example:3128/ (a URL where a host was expected)
  | 'invalid' // anything no client can match, incl. `a;b` and `a b` (see separatorProblem)
  | 'empty'; // a,,b  or a trailing comma

export interface NoProxyEntry {
  /** Position among the comma-separated segments, from 0. */
  index: number;
  /** The segment exactly as written between commas, surrounding whitespace included. */
  raw: string;
  /** Offsets of `raw` in the value (end exclusive). */
  start: number;
  end: number;
  /** `raw` without surrounding whitespace, and where it sits: the span to underline. */
  text: string;
  textStart: number;
  textEnd: number;
  form: NoProxyEntryForm;
  /**
   * The host or address the entry names, as written, without quotes, `*.`/`.` prefix,
   * brackets, port or trailing dot ('' for `*` and empty entries; the address for CIDR).
   */
  host: string;
  port?: number;
  hasSurroundingSpace: boolean;
  /** A `"` or `'` at either end: it is part of the entry for every client (n30). */
  hasQuotes: boolean;
  hasTrailingDot: boolean;
  /** Another character than `,` used as a separator (n24). */
  separatorProblem?: 'semicolon' | 'whitespace';
  /** The value has no comma: `*` only means "every host" to most clients in that case (n09 vs n10). */
  isWholeValue: boolean;
}

export function parseNoProxy(value: string): NoProxyEntry[] {
  if (value === '') return [];
  const segments = value.split(',');
  const entries: NoProxyEntry[] = [];
  let start = 0;
  segments.forEach((raw, index) => {
    entries.push(parseEntry(raw, start, index, segments.length === 1));
    start += raw.length + 1;
  });
  return entries;
}

function parseEntry(raw: string, start: number, index: number, isWholeValue: boolean): NoProxyEntry {
  const text = raw.trim();
  const textStart = start + (raw.length - raw.trimStart().length);
  const hasQuotes = /^["']|["']$/.test(text);
  const core = text.replace(/^["']+|["']+$/g, '').trim();
  return {
    index,
    raw,
    start,
    end: start + raw.length,
    text,
    textStart,
    textEnd: textStart + text.length,
    hasSurroundingSpace: raw !== text,
    hasQuotes,
    isWholeValue,
    ...classify(core),
  };
}

interface Classified {
  form: NoProxyEntryForm;
  host: string;
  port?: number;
  hasTrailingDot: boolean;
  separatorProblem?: 'semicolon' | 'whitespace';
}

const URL_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

function classify(core: string): Classified {
  const plain = (form: NoProxyEntryForm, host: string, port?: number, hasTrailingDot = false): Classified =>
    port === undefined ? { form, host, hasTrailingDot } : { form, host, port, hasTrailingDot };

  if (core === '') return plain('empty', '');
  if (core.includes(';')) return { ...plain('invalid', ''), separatorProblem: 'semicolon' };
  if (/\s/.test(core)) return { ...plain('invalid', ''), separatorProblem: 'whitespace' };
  if (URL_PREFIX.test(core)) {
    const url = splitUrl(core);
    return url ? plain('url', url.host, url.port) : plain('invalid', '');
  }
  if (core === '*') return plain('star', '');

  const slash = core.indexOf('/');
  if (slash >= 0) {
    const address = core.slice(0, slash);
    const bits = core.slice(slash + 1);
    if (/^\d{1,3}$/.test(bits)) {
      if (parseIpv4(address) && Number(bits) <= 32) return plain('cidr4', address);
      if (parseIpv6(address) && Number(bits) <= 128) return plain('cidr6', address);
    }
    return plain('invalid', '');
  }

  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(core);
  if (bracketed) {
    const port = bracketed[2] === undefined ? undefined : portNumber(bracketed[2]);
    if (!parseIpv6(bracketed[1]) || port === null) return plain('invalid', '');
    return plain('ipv6-bracketed', bracketed[1], port);
  }

  const colons = core.split(':').length - 1;
  if (colons >= 2) return parseIpv6(core) ? plain('ipv6', core) : plain('invalid', '');

  let hostPart = core;
  let port: number | undefined;
  if (colons === 1) {
    const hostPort = /^(.+):(\d+)$/.exec(core);
    const parsedPort = hostPort ? portNumber(hostPort[2]) : null;
    if (!hostPort || parsedPort === null) return plain('invalid', '');
    hostPart = hostPort[1];
    port = parsedPort;
  }
  const hasTrailingDot = hostPart.length > 1 && hostPart.endsWith('.');
  if (hasTrailingDot) hostPart = hostPart.slice(0, -1);

  if (parseIpv4(hostPart)) return plain('ipv4', hostPart, port, hasTrailingDot);
  if (hostPart.startsWith('*.') && isHostname(hostPart.slice(2))) {
    return plain('wildcard-prefix', hostPart.slice(2), port, hasTrailingDot);
  }
  if (hostPart.includes('*')) return plain('inner-wildcard', hostPart, port, hasTrailingDot);
  if (hostPart.startsWith('.') && isHostname(hostPart.slice(1))) {
    return plain('leading-dot', hostPart.slice(1), port, hasTrailingDot);
  }
  if (isHostname(hostPart)) return plain('hostname', hostPart, port, hasTrailingDot);
  return plain('invalid', '');
}

function portNumber(digits: string): number | null {
  const port = Number(digits);
  return port <= 65535 ? port : null;
}

/** Dot-separated non-empty labels without characters that cannot be in a host name. */
function isHostname(text: string): boolean {
  return text !== '' && text.split('.').every((label) => label !== '' && !/[\s"'/\\@;,*[\]:?#%<>|]/.test(label));
}

/** Lower-cased scheme, host as written (brackets removed) and port of a URL; credentials skipped. */
function splitUrl(text: string): { scheme: string; host: string; port?: number } | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^/?#]*@)?(\[[^\]]*\]|[^:/?#@]*)(?::(\d*))?(?:[/?#]|$)/.exec(text);
  if (!m || m[2] === '' || m[2] === '[]') return undefined;
  const scheme = m[1].toLowerCase();
  const host = m[2].startsWith('[') ? m[2].slice(1, -1) : m[2];
  return m[3] ? { scheme, host, port: Number(m[3]) } : { scheme, host };
}

// ---------------------------------------------------------------------------
// IP addresses (strict forms only: dotted-quad IPv4 without leading zeros, RFC 4291 IPv6
// without zone). Exotic spellings such as `10.1` or `010.1.2.3` are read differently by
// each client (inet_aton, WHATWG, Go) and are not modelled.
// ---------------------------------------------------------------------------

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
  return Uint8Array.from(parts, Number);
}

function parseIpv6Groups(text: string, allowIpv4Tail: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (allowIpv4Tail && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return undefined;
      groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIpv6(text: string): Uint8Array | undefined {
  const gap = text.indexOf('::');
  let groups: number[] | undefined;
  if (gap < 0) {
    groups = parseIpv6Groups(text, true);
    if (!groups || groups.length !== 8) return undefined;
  } else {
    if (text.indexOf('::', gap + 1) >= 0) return undefined;
    const head = parseIpv6Groups(text.slice(0, gap), false);
    const tail = parseIpv6Groups(text.slice(gap + 2), true);
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  }
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

/** WHATWG URL serialisation of an IPv6 address (what undici and proxy-from-env compare against). */
function serializeIpv6(bytes: Uint8Array): string {
  const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1]);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/** IPv4 as an IPv4-mapped IPv6 address, so that one 16-byte form compares like Go's net.IP. */
function mapIpv4(v4: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(16);
  bytes[10] = 0xff;
  bytes[11] = 0xff;
  bytes.set(v4, 12);
  return bytes;
}

function embeddedIpv4(bytes: Uint8Array): Uint8Array | undefined {
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12) : undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function samePrefix(a: Uint8Array, b: Uint8Array, bits: number): boolean {
  for (let i = 0; i < a.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((a[i] & mask) !== (b[i] & mask)) return false;
  }
  return true;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

// ---------------------------------------------------------------------------
// The request target, in the forms the clients compare against
// ---------------------------------------------------------------------------

interface Target {
  /** Lower-cased host as written in the URL; IPv6 without brackets; a trailing dot kept. */
  name: string;
  kind: 'name' | 'ipv4' | 'ipv6';
  /** IPv4 address of an IPv4 target. */
  ipv4?: Uint8Array;
  /** 16-byte form of an IP target (IPv4 mapped), as Go's net.ParseIP gives it. */
  ip?: Uint8Array;
  explicitPort?: number;
  /** Explicit port, else 80/443 by scheme (undici, proxy-from-env and Go use it, n13). */
  effectivePort: number;
  /** WHATWG `url.host` without the port: IPv6 bracketed and compressed (undici, proxy-from-env). */
  urlHost: string;
}

function toTarget(host: string, port: number | undefined, scheme: TargetScheme): Target {
  const name = stripBrackets(host.trim()).toLowerCase();
  const effectivePort = port ?? (scheme === 'https' ? 443 : 80);
  const base = { name, effectivePort, ...(port === undefined ? {} : { explicitPort: port }) };
  const ipv4 = parseIpv4(name);
  if (ipv4) return { ...base, kind: 'ipv4', ipv4, ip: mapIpv4(ipv4), urlHost: name };
  const ipv6 = name.includes(':') ? parseIpv6(name) : undefined;
  if (ipv6) return { ...base, kind: 'ipv6', ip: ipv6, urlHost: `[${serializeIpv6(ipv6)}]` };
  return { ...base, kind: 'name', urlHost: name };
}

// ---------------------------------------------------------------------------
// Per-client matchers. Each client splits a value into comma-separated segments
// (some split further on whitespace) and bypasses the proxy if any segment matches,
// except for a `*` that some clients only honour as the whole, untrimmed value.
// ---------------------------------------------------------------------------

interface ClientMatcher {
  /** The whole-value wildcard check, on the value exactly as set. */
  wholeValueMatchesAll(value: string): boolean;
  /** One comma-separated segment, as written (whitespace included). */
  segmentMatches(segment: string, target: Target, isFirstSegment: boolean): boolean;
}

// libcurl Curl_check_noproxy (curl and git alike: same cells in n01–n30).
// Tokens are split on blanks and commas. Names compare case-insensitively after dropping one
// trailing dot on both sides and one leading dot on the entry, so `.x` also matches `x` (n06)
// and trailing dots never matter (n20, n21). An IPv4 host only matches IPv4/CIDR tokens (n15);
// a port makes a token never match (n11, n13). IPv6 hosts reach the check without brackets and
// are compared as names, so `::1` matches and `[::1]` does not (n16, n17), and IPv6 CIDR never does.
const libcurl: ClientMatcher = {
  wholeValueMatchesAll: (value) => value === '*', // n09; `*` in a list is an ordinary token (n10)
  segmentMatches(segment, target) {
    return segment
      .split(/[ \t]+/)
      .some((token) => token !== '' && (target.ipv4 ? curlIpv4TokenMatches(target.ipv4, token) : curlNameTokenMatches(target.name, token)));
  },
};

function curlNameTokenMatches(host: string, token: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  let pattern = token.toLowerCase();
  if (pattern.endsWith('.')) pattern = pattern.slice(0, -1);
  if (pattern.startsWith('.')) pattern = pattern.slice(1);
  if (pattern.length === name.length) return pattern === name;
  return pattern.length < name.length && name[name.length - pattern.length - 1] === '.' && name.endsWith(pattern);
}

function curlIpv4TokenMatches(host: Uint8Array, token: string): boolean {
  const slash = token.indexOf('/');
  // atoi(): leading digits, 0 when none; a negative value is a huge unsigned one (> 32).
  const bits = slash < 0 ? 0 : Number(/^\s*([+-]?\d+)/.exec(token.slice(slash + 1))?.[1] ?? 0);
  const network = parseIpv4(slash < 0 ? token : token.slice(0, slash));
  if (!network || bits < 0 || bits > 32) return false;
  return bits !== 0 && bits !== 32 ? samePrefix(host, network, bits) : sameBytes(host, network);
}

// wget 1.21.3: sepstring() splits on commas and skips whitespace only after a comma, so the first
// entry keeps leading blanks and every entry keeps trailing ones. sufmatch() compares
// case-insensitively from the end: an exact match, a match at a label boundary, or any suffix
// match when the entry starts with a dot (so `.x` does not match `x` itself, n06).
// No wildcard (n09), no CIDR (n15), ports and brackets are literal text (n11, n17).
const wget: ClientMatcher = {
  wholeValueMatchesAll: () => false,
  segmentMatches(segment, target, isFirstSegment) {
    const entry = (isFirstSegment ? segment : segment.replace(/^[ \t\n\v\f\r]+/, '')).toLowerCase();
    const host = target.name;
    if (host.length < entry.length || !host.endsWith(entry)) return false;
    const before = host.length - entry.length - 1;
    return before === -1 || host[before] === '.' || entry.startsWith('.');
  },
};

// CPython 3.11 proxy_bypass_environment(host) where host is `req.host`: the URL's netloc, port
// included when written, IPv6 in brackets. Entries are stripped, leading dots dropped (n06),
// lower-cased; equal to the host with or without port, or a `.entry` suffix of either.
// Hence `vm:18080` matches only when the URL spells the port (n11 vs n13), `[::1]` matches and
// `::1` does not (n16, n17), and there is no CIDR (n15) or `*.x` (n07).
const urllib: ClientMatcher = {
  wholeValueMatchesAll: (value) => value === '*', // `no_proxy == '*'`, untrimmed
  segmentMatches(segment, target) {
    const host = target.kind === 'ipv6' ? `[${target.name}]` : target.name;
    return urllibEntryMatches(segment, target.explicitPort === undefined ? host : `${host}:${target.explicitPort}`);
  },
};

function urllibEntryMatches(segment: string, reqHost: string): boolean {
  let name = segment.trim();
  if (!name) return false;
  name = name.replace(/^\.+/, '').toLowerCase();
  const host = reqHost.toLowerCase();
  const hostOnly = /^([\s\S]*):([0-9]*)$/.exec(host)?.[1] ?? host; // urllib.parse._splitport
  if (hostOnly === name || host === name) return true;
  return hostOnly.endsWith(`.${name}`) || host.endsWith(`.${name}`);
}

// requests 2.34.2 should_bypass_proxies: its own check (spaces removed, case-sensitive entries),
// then urllib's proxy_bypass on the bare hostname (no port, IPv6 without brackets).
// Own check: an IPv4 host matches an equal entry or an IPv4 CIDR (n15) but never `ip:port` (d06);
// a name matches equal/`.suffix` with or without the URL's explicit port (n11, n13).
// The urllib half adds `*` as the whole value (n09), case-insensitivity (n19) and bare IPv6 (n16).
const requests: ClientMatcher = {
  wholeValueMatchesAll: urllib.wholeValueMatchesAll,
  segmentMatches(segment, target) {
    return requestsOwnEntryMatches(segment.replace(/ /g, ''), target) || urllibEntryMatches(segment, target.name);
  },
};

function requestsOwnEntryMatches(entry: string, target: Target): boolean {
  if (!entry) return false;
  if (target.ipv4) {
    const cidr = /^([^/]*)\/([+-]?\d+)$/.exec(entry); // is_valid_cidr: one slash, mask 1..32
    if (cidr) {
      const network = parseIpv4(cidr[1]);
      const bits = Number(cidr[2]);
      return network !== undefined && bits >= 1 && bits <= 32 && samePrefix(target.ipv4, network, bits);
    }
    return target.name === entry;
  }
  const hostWithPort = target.explicitPort ? `${target.name}:${target.explicitPort}` : target.name;
  const name = entry.replace(/^\.+/, '');
  if (target.name === name || hostWithPort === name) return true;
  return target.name.endsWith(`.${name}`) || hostWithPort.endsWith(`.${name}`);
}

/**
 * requests with the two values it really reads: `no_proxy or NO_PROXY` for its own check and
 * urllib's getproxies()['no'] for the second. They differ only when the lowercase spelling is
 * set but empty (urllib deletes it, requests falls through to NO_PROXY); matchesHost() assumes one value.
 */
function requestsBypasses(own: string, viaUrllib: string, target: Target): boolean {
  const ownMatches = own !== '' && own.split(',').some((segment) => requestsOwnEntryMatches(segment.replace(/ /g, ''), target));
  const urllibMatches =
    viaUrllib !== '' && (viaUrllib === '*' || viaUrllib.split(',').some((segment) => urllibEntryMatches(segment, target.name)));
  return ownMatches || urllibMatches;
}

// undici 7.30.2 EnvHttpProxyAgent: entries split on commas and whitespace; `host:port` split
// with /^(.+):(\d+)$/ (so `::1` reads as host `:` port 1, n16); a leading `.` or `*.` removed;
// equal or subdomain of the URL host, which keeps IPv6 brackets (n17). `.x` and `*.x` therefore
// match the apex too (n06, n08); a bare domain matches subdomains (n02); `*` only as the whole
// value (n09 vs n10). No CIDR (n15). undici 8.10 changed the IPv6 handling (#5623).
const undici: ClientMatcher = {
  wholeValueMatchesAll: (value) => value === '*',
  segmentMatches(segment, target) {
    return segment.split(/\s/).some((entry) => {
      if (!entry) return false;
      const hostPort = /^(.+):(\d+)$/.exec(entry);
      const name = (hostPort ? hostPort[1] : entry).replace(/^\*?\./, '').toLowerCase();
      const port = hostPort ? Number.parseInt(hostPort[2], 10) : 0;
      if (port && port !== target.effectivePort) return false;
      return target.urlHost === name || target.urlHost.slice(-(name.length + 1)) === `.${name}`;
    });
  },
};

// proxy-from-env 2.1.0 shouldProxy: value lower-cased, split on commas and whitespace, `host:port`
// as in undici. An entry not starting with `.` or `*` must equal the host (exact only, n02);
// otherwise the `*` is dropped and the host must end with the rest, so `*` anywhere matches all
// (n10), `*.x`/`.x` match subdomains only (n06, n08). No CIDR (n15); IPv6 only bracketed (n16, n17).
const proxyFromEnv: ClientMatcher = {
  wholeValueMatchesAll: (value) => value.toLowerCase() === '*',
  segmentMatches(segment, target) {
    return segment
      .toLowerCase()
      .split(/\s/)
      .some((entry) => {
        if (!entry) return false;
        const hostPort = /^(.+):(\d+)$/.exec(entry);
        let name = hostPort ? hostPort[1] : entry;
        const port = hostPort ? Number.parseInt(hostPort[2], 10) : 0;
        if (port && port !== target.effectivePort) return false;
        if (!/^[.*]/.test(name)) return target.urlHost === name;
        if (name.startsWith('*')) name = name.slice(1);
        return target.urlHost.endsWith(name);
      });
  },
};

// Go 1.19 x/net/http/httpproxy config.init/useProxy: entries trimmed and lower-cased; `*` anywhere
// matches all (n10); CIDR (n15/d02, d05); IP or [IPv6] with optional port compared as addresses
// (d01, d03, d06, d07), so `[fd00::1]` without a port is an unmatchable name (d04); other entries
// are domains: `*.` becomes `.`, `x` matches x and *.x, `.x` only subdomains (n06, n08); a port
// must equal the URL's, explicit or default (n11, n13). Trailing dots are not removed (n20, n21).
// Go's loopback bypass comes before all this: goBypassesLoopback().
const go: ClientMatcher = {
  wholeValueMatchesAll: () => false, // `*` is handled per entry
  segmentMatches(segment, target) {
    const entry = segment.trim().toLowerCase();
    if (!entry) return false;
    if (entry === '*') return true;
    const cidr = goParseCidr(entry);
    if (cidr) return target.ip !== undefined && goCidrContains(cidr, target.ip);
    let host = entry;
    let port = '';
    const split = goSplitHostPort(entry);
    if (split) {
      if (!split.host) return false;
      host = split.host;
      port = split.port;
    }
    const portMatches = port === '' || port === String(target.explicitPort ?? target.effectivePort);
    const ip = goParseIp(host);
    if (ip) return target.ip !== undefined && sameBytes(ip, target.ip) && portMatches;
    if (host.startsWith('*.')) host = host.slice(1);
    const matchesApex = !host.startsWith('.');
    const suffix = matchesApex ? `.${host}` : host;
    return (target.name.endsWith(suffix) || (matchesApex && target.name === host)) && portMatches;
  },
};

function goParseIp(text: string): Uint8Array | undefined {
  const v4 = parseIpv4(text);
  if (v4) return mapIpv4(v4);
  return text.includes(':') ? parseIpv6(text) : undefined;
}

function goParseCidr(text: string): { network: Uint8Array; bits: number } | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || !/^\d+$/.test(text.slice(slash + 1))) return undefined;
  const bits = Number(text.slice(slash + 1));
  const address = text.slice(0, slash);
  const v4 = parseIpv4(address);
  if (v4) return bits <= 32 ? { network: v4, bits } : undefined;
  const v6 = parseIpv6(address);
  return v6 && bits <= 128 ? { network: v6, bits } : undefined;
}

/** net.IPNet.Contains: an IPv4 network holds IPv4 (or IPv4-mapped) hosts only, an IPv6 one IPv6 only. */
function goCidrContains(cidr: { network: Uint8Array; bits: number }, ip: Uint8Array): boolean {
  const host = embeddedIpv4(ip) ?? ip;
  return host.length === cidr.network.length && samePrefix(host, cidr.network, cidr.bits);
}

/** net.SplitHostPort; undefined where Go returns an error (then the entry is taken as a host). */
function goSplitHostPort(text: string): { host: string; port: string } | undefined {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return undefined;
  let host: string;
  let afterOpen = 0;
  let afterClose = 0;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0 || close + 1 !== colon) return undefined;
    host = text.slice(1, close);
    afterOpen = 1;
    afterClose = close + 1;
  } else {
    host = text.slice(0, colon);
    if (host.includes(':')) return undefined;
  }
  if (text.indexOf('[', afterOpen) >= 0 || text.indexOf(']', afterClose) >= 0) return undefined;
  return { host, port: text.slice(colon + 1) };
}

const MATCHERS: Readonly<Record<ClientId, ClientMatcher>> = {
  curl: libcurl,
  git: libcurl,
  wget,
  'python-requests': requests,
  'python-urllib': urllib,
  'node-undici': undici,
  'node-proxy-from-env': proxyFromEnv,
  go,
};

function valueMatches(client: ClientId, value: string, target: Target): boolean {
  if (value === '') return false; // every client: an empty NO_PROXY is no list at all
  const matcher = MATCHERS[client];
  return matcher.wholeValueMatchesAll(value) || value.split(',').some((segment, i) => matcher.segmentMatches(segment, target, i === 0));
}

function entryMatches(client: ClientId, entry: NoProxyEntry, target: Target): boolean {
  const matcher = MATCHERS[client];
  return (entry.isWholeValue && matcher.wholeValueMatchesAll(entry.raw)) || matcher.segmentMatches(entry.raw, target, entry.index === 0);
}

/**
 * Does `client` skip the proxy for `host` because of this NO_PROXY entry or whole value?
 * `host` is the URL host (name, IPv4, IPv6 with or without brackets); `port` the port written in
 * the URL, if any; `scheme` gives the default port. Go's loopback bypass is not included:
 * see goBypassesLoopback(). For python-requests the value is taken as both its own no_proxy and
 * urllib's (they differ only when the lowercase spelling is empty; routeRequest handles that).
 */
export function matchesHost(
  client: ClientId,
  entryOrValue: NoProxyEntry | string,
  host: string,
  port?: number,
  scheme: TargetScheme = 'http',
): boolean {
  const key = `${client}\0${typeof entryOrValue === 'string' ? `v${entryOrValue}` : `e${JSON.stringify(entryOrValue)}`}\0${host}\0${port}\0${scheme}`;
  return matchMemo.get(key, () => {
    const target = toTarget(host, port, scheme);
    return typeof entryOrValue === 'string' ? valueMatches(client, entryOrValue, target) : entryMatches(client, entryOrValue, target);
  });
}

/** Pure functions of their arguments, asked again for every service that repeats a list (bench/: most of no-proxy-entry's time). */
const matchMemo = new BoundedMemo<boolean>(16_384);
const supportMemo = new BoundedMemo<EntrySupport>(4_096);

/**
 * Go never proxies `localhost` or a loopback IP, whatever NO_PROXY says (c02–c05).
 * x/net httpproxy useProxy compares `host == "localhost"` before lower-casing, so `LOCALHOST`
 * and `localhost.` are not bypassed (source; not measured).
 */
export function goBypassesLoopback(host: string): boolean {
  const bare = stripBrackets(host);
  if (bare === 'localhost') return true;
  const ip = goParseIp(bare);
  if (!ip) return false;
  const v4 = embeddedIpv4(ip);
  return v4 ? v4[0] === 127 : sameBytes(ip, parseIpv6('::1') as Uint8Array);
}

// ---------------------------------------------------------------------------
// One request: proxy or direct, and why
// ---------------------------------------------------------------------------

export type Route =
  | { route: 'proxy'; proxy: string; variable: string }
  | { route: 'direct'; because: 'no-proxy-variable' | 'no-proxy-match' | 'go-loopback' }
  | { route: 'error'; because: 'go-cgi-refusal'; message: string };

/**
 * Where `client` sends a request for `url` given the environment: the proxy variable it
 * picks (clients.ts), then Go's loopback bypass, then NO_PROXY as that client reads it.
 */
export function routeRequest(client: ClientId, env: EnvMap, url: string): Route {
  const parts = splitUrl(url);
  if (!parts || (parts.scheme !== 'http' && parts.scheme !== 'https')) throw new RangeError('routeRequest needs an http:// or https:// URL');
  const { host, port } = parts;
  const scheme: TargetScheme = parts.scheme;
  const choice = proxyFromEnvironment(client, env, scheme);
  if (choice.kind === 'refused') return { route: 'error', because: 'go-cgi-refusal', message: choice.reason };
  if (choice.kind === 'none') return { route: 'direct', because: 'no-proxy-variable' };
  if (client === 'go' && goBypassesLoopback(host)) return { route: 'direct', because: 'go-loopback' };
  const target = toTarget(host, port, scheme);
  const bypass =
    client === 'python-requests'
      ? requestsBypasses(
          effectiveValue('python-requests', env, 'no_proxy') ?? '',
          effectiveValue('python-urllib', env, 'no_proxy') ?? '',
          target,
        )
      : valueMatches(client, effectiveValue(client, env, 'no_proxy') ?? '', target);
  if (bypass) return { route: 'direct', because: 'no-proxy-match' };
  return { route: 'proxy', proxy: choice.value, variable: choice.variable };
}

// ---------------------------------------------------------------------------
// Which clients honour an entry: for the no-proxy-entry rule
// ---------------------------------------------------------------------------

export interface EntrySupport {
  /** Clients that match every host the entry is meant to cover. */
  honoured: ClientId[];
  /** Clients that match none of them: for these the entry does nothing. */
  ignored: ClientId[];
  /** Clients that match some of them, e.g. proxy-from-env matches `x` but not `api.x` (n02). */
  partial: ClientId[];
  /** One line for a human, naming the clients and the measured case. */
  note: string;
  /** The entry as the clients read it as meant, when it can be written better; no surrounding space. */
  suggestedRewrite?: string;
  /**
   * Offsets in the value that suggestedRewrite replaces: the entry's text, or the whole segment
   * when its surrounding space stops some client from matching (wget, curl's `*`).
   */
  rewriteRange?: { start: number; end: number };
}

interface Probe {
  host: string;
  port?: number;
}

/**
 * Parts of a space- or `;`-separated entry probed as hosts. Each probe matches against the whole
 * entry, so probing every part of a pasted 100 KB entry was quadratic (minutes in the language
 * server); the first parts show what clients do with such an entry just as well.
 */
const PROBED_PARTS = 16;

/** Hosts the entry is meant to cover, built from what it names, not from how it is written. */
function intendedHosts(entry: NoProxyEntry): Probe[] {
  const at = (host: string): Probe => (entry.port === undefined ? { host } : { host, port: entry.port });
  switch (entry.form) {
    case 'hostname':
    case 'ipv4':
    case 'url':
      return [at(entry.host)];
    case 'ipv6':
    case 'ipv6-bracketed':
      return [at(`[${entry.host}]`)];
    case 'leading-dot':
    case 'wildcard-prefix':
      return [at(`api.${entry.host}`)];
    case 'inner-wildcard':
      return [at(entry.host.replace(/\*/g, 'x'))];
    case 'star':
      return [{ host: 'api.example.com' }];
    case 'cidr4':
    case 'cidr6':
      return [{ host: firstAddressIn(entry.host, Number(entry.text.replace(/["']/g, '').split('/')[1])) }];
    case 'invalid':
      return entry.separatorProblem ? separatedParts(entry).slice(0, PROBED_PARTS).flatMap(intendedHosts) : [];
    case 'empty':
      return [];
  }
}

/** An address inside the range: the one after the network address (`10.0.0.0/8` → 10.0.0.1), bracketed for IPv6. */
function firstAddressIn(address: string, bits: number): string {
  const v4 = parseIpv4(address);
  if (v4) {
    if (bits < 32) v4[3] |= 1;
    return v4.join('.');
  }
  const v6 = parseIpv6(address) as Uint8Array;
  if (bits < 128) v6[15] |= 1;
  return `[${serializeIpv6(v6)}]`;
}

/** The entries a `;`- or space-separated entry was meant to be. */
function separatedParts(entry: NoProxyEntry): NoProxyEntry[] {
  const inner = entry.text.replace(/^["']+|["']+$/g, '');
  return inner
    .split(/[;\s]+/)
    .filter((part) => part !== '')
    .map((part, i) => parseEntry(part, 0, i + 1, false));
}

export function entrySupport(entry: NoProxyEntry): EntrySupport {
  // Shared between callers, so frozen: nobody may change another caller's answer.
  return supportMemo.get(JSON.stringify(entry), () => deepFreeze(analyseEntry(entry)));
}

function deepFreeze(support: EntrySupport): EntrySupport {
  for (const list of [support.honoured, support.ignored, support.partial]) Object.freeze(list);
  if (support.rewriteRange) Object.freeze(support.rewriteRange);
  return Object.freeze(support);
}

function analyseEntry(entry: NoProxyEntry): EntrySupport {
  const hosts = intendedHosts(entry);
  const honoured: ClientId[] = [];
  const ignored: ClientId[] = [];
  const partial: ClientId[] = [];
  for (const client of ALL_CLIENTS) {
    const hits = hosts.filter((p) => matchesHost(client, entry, p.host, p.port)).length;
    if (hosts.length === 0 || hits === 0) ignored.push(client);
    else if (hits < hosts.length) partial.push(client);
    // A bare domain is meant for its subdomains too, as most clients read it (n02).
    else if (entry.form === 'hostname' && !matchesHost(client, entry, `api.${entry.host}`, entry.port)) partial.push(client);
    else honoured.push(client);
  }
  const support = { honoured, ignored, partial };
  const rewrite = rewriteEntry(entry);
  const note = describe(entry, support, rewrite?.text);
  return rewrite === undefined ? { ...support, note } : { ...support, note, suggestedRewrite: rewrite.text, rewriteRange: rewrite.range };
}

export function entryIgnoredBy(entry: NoProxyEntry): ClientId[] {
  return entrySupport(entry).ignored;
}

/** The entry written so that the clients that can read its form read it as meant; undefined if already so. */
function rewriteEntry(entry: NoProxyEntry): { text: string; range: { start: number; end: number } } | undefined {
  const canonical = canonicalText(entry);
  if (canonical === undefined) return undefined;
  if (clientsHurtBySpace(entry).length > 0) return { text: canonical, range: { start: entry.start, end: entry.end } };
  return canonical === entry.text ? undefined : { text: canonical, range: { start: entry.textStart, end: entry.textEnd } };
}

/** Clients for which the entry's surrounding space stops a match that the trimmed entry makes (wget, curl's `*`). */
function clientsHurtBySpace(entry: NoProxyEntry): ClientId[] {
  if (!entry.hasSurroundingSpace) return [];
  const parsed = parseNoProxy(entry.text)[0];
  if (!parsed) return [];
  const trimmed: NoProxyEntry = { ...parsed, index: entry.index, isWholeValue: entry.isWholeValue };
  const hosts = intendedHosts(trimmed);
  return ALL_CLIENTS.filter((c) => hosts.some((p) => matchesHost(c, trimmed, p.host, p.port) && !matchesHost(c, entry, p.host, p.port)));
}

function canonicalText(entry: NoProxyEntry): string | undefined {
  const port = entry.port === undefined ? '' : `:${entry.port}`;
  const bothIpv6Forms = (host: string): string => `${host},[${host}]`; // n16/n17: no single form works everywhere
  switch (entry.form) {
    case 'hostname':
    case 'ipv4':
      return entry.host + port;
    case 'leading-dot':
    case 'wildcard-prefix': // `*.x` → `.x`: the same hosts wherever `*.x` works (n07, n08 vs n05, n06)
      return `.${entry.host}${port}`;
    case 'ipv6':
      return bothIpv6Forms(entry.host);
    case 'ipv6-bracketed':
      return entry.port === undefined ? bothIpv6Forms(entry.host) : `[${entry.host}]${port}`;
    case 'url':
      return entry.host.includes(':') ? bothIpv6Forms(entry.host) : entry.host;
    case 'star':
    case 'inner-wildcard':
    case 'cidr4':
    case 'cidr6':
      return entry.text.replace(/^["']+|["']+$/g, '').trim();
    case 'invalid': {
      if (!entry.separatorProblem) return undefined;
      return separatedParts(entry)
        .map((part) => canonicalText(part) ?? part.text)
        .join(',');
    }
    case 'empty':
      return undefined;
  }
}

/**
 * The whole value with every entry rewritten as entrySupport suggests, surrounding space and
 * empty entries dropped, plain `,` between entries; undefined when that changes nothing.
 */
export function suggestNoProxyValue(value: string): string | undefined {
  const rewritten = parseNoProxy(value)
    .filter((entry) => entry.form !== 'empty')
    .map((entry) => canonicalText(entry) ?? entry.text)
    .join(',');
  return rewritten === value ? undefined : rewritten;
}

/** Verb form for a list of clients as the subject: "curl splits", "curl and git split", "every client splits". */
function verb(ids: readonly ClientId[], singular: string, plural: string): string {
  return ids.length === 1 || ids.length === ALL_CLIENTS.length ? singular : plural;
}

function clientList(ids: readonly ClientId[]): string {
  if (ids.length === ALL_CLIENTS.length) return 'every client';
  const names = ids.map(clientDisplayName);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function describe(entry: NoProxyEntry, support: Omit<EntrySupport, 'note'>, rewrite: string | undefined): string {
  const shown = `\`${entry.text}\``;
  const { honoured, ignored, partial } = support;
  const byIgnored = clientList(ignored);
  const fix = rewrite === undefined ? '' : `: write \`${rewrite}\``;

  if (entry.form === 'empty') {
    return entry.hasQuotes ? `${shown} is an empty quoted entry, ignored by every client: remove it` : 'Empty entry: every client skips it (n22, n23); it can go';
  }
  if (entry.hasQuotes) return `${shown}: the quotes become part of the entry, so it is ignored by ${byIgnored} (n30)${fix}`;
  if (entry.separatorProblem === 'semicolon') {
    return `${shown}: \`;\` is not a separator, so this is one entry that is ignored by ${byIgnored} (n24)${fix}`;
  }
  if (entry.separatorProblem === 'whitespace') {
    const splitting = honoured.concat(partial);
    return `${shown}: only ${clientList(splitting)} ${verb(splitting, 'splits', 'split')} entries on spaces; it is ignored by ${byIgnored}${fix}`;
  }
  if (entry.form === 'url') return `${shown} is a URL, but NO_PROXY lists host names, so it is ignored by ${byIgnored}${fix}`;
  const hurtBySpace = clientsHurtBySpace(entry);
  if (hurtBySpace.length > 0) {
    return `\`${entry.raw}\`: for ${clientList(hurtBySpace)} the surrounding space is part of the entry, so it never matches there${fix}`;
  }
  if (entry.hasTrailingDot && ignored.length > 0) {
    return `${shown}: with the trailing dot it is only matched by ${clientList(honoured.concat(partial))} and is ignored by ${byIgnored} (n20)${fix}`;
  }
  switch (entry.form) {
    case 'star':
      if (ignored.length === 0) return `${shown} turns the proxy off for every client`;
      return entry.isWholeValue
        ? `${shown} alone turns the proxy off for every client except ${byIgnored}, which has no wildcard (n09)`
        : `${shown} only means "every host" as the whole value; inside a list it is ignored by ${byIgnored} (n10)`;
    case 'wildcard-prefix':
      return `${shown} is not understood by ${byIgnored} (n07)${fix}`;
    case 'inner-wildcard':
      return `${shown}: \`*\` inside an entry is not a wildcard; it is ignored by ${byIgnored}`;
    case 'cidr4':
    case 'cidr6':
      return `${shown}: CIDR ranges are ignored by ${byIgnored} (${entry.form === 'cidr4' ? 'n15, d02' : 'd05'}); list the addresses those clients are given as well`;
    case 'ipv6':
      return `${shown}: IPv6 without brackets is ignored by ${byIgnored} (n16, d03)${fix}`;
    case 'ipv6-bracketed':
      return `${shown}: IPv6 in brackets is ignored by ${byIgnored} (n17, d04)${fix}`;
    default:
      break;
  }
  if (entry.port !== undefined && ignored.length > 0) {
    const explicitOnly = honoured.filter((c) => c === 'python-requests' || c === 'python-urllib');
    const caveat =
      explicitOnly.length > 0 ? `; ${clientList(explicitOnly)} only ${verb(explicitOnly, 'matches', 'match')} it when the URL spells out the port (n13)` : '';
    return `${shown}: entries with a port are ignored by ${byIgnored} (n11, d06)${caveat}`;
  }
  if (entry.form === 'invalid') return `${shown} is not a host name, IP address or CIDR range; it is ignored by ${byIgnored}`;
  if (ignored.length > 0) return `${shown} is ignored by ${byIgnored}${fix}`;
  if (entry.form === 'hostname' && partial.length > 0) {
    return `${shown} is understood by every client, but ${clientList(partial)} only ${verb(partial, 'matches', 'match')} \`${entry.host}\` itself, not its subdomains (n02): add \`.${entry.host}\` if you need them`;
  }
  if (entry.form === 'leading-dot') {
    const apex = ALL_CLIENTS.filter((c) => matchesHost(c, entry, entry.host, entry.port));
    const notApex = ALL_CLIENTS.filter((c) => !apex.includes(c));
    if (notApex.length > 0 && apex.length > 0) {
      return `${shown} matches subdomains in every client; \`${entry.host}\` itself only in ${clientList(apex)}, not in ${clientList(notApex)} (n06): add \`${entry.host}\` if you need it`;
    }
  }
  return `${shown} is understood by every client${fix}`;
}
