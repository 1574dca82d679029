// proxy-url-invalid: a proxy URL that some client of the scope cannot use or
// reads differently: blanks around it (p15), no scheme (p01, p02), a scheme the
// client does not support (p05, p06, p08), no host, a bad port, no port where
// clients disagree on the default (p03), a path. Only blanks and a missing
// scheme have an unambiguous rewrite (`proxy:3128` → `http://proxy:3128`: every
// client that accepts the bare form reads it as http); the rest needs the user.
import type { ProxyModel, Span } from '../engine/model';
import { ALL_CLIENTS, clientListKey, defaultProxyPort, supportsProxyScheme, type ClientId } from '../proxy/clients';
import { VariantMemo } from '../proxy/memo';
import { maskProxyUrl, parseProxyUrl, type ProxyUrl, type TextPart } from '../proxy/url';
import { isProxyUrlSetting } from '../proxy/variables';
import { stripQuotes } from './quotedValue';
import type { Rule } from './rule';
import { clientList, englishList, readersOf, verbFor } from './scopeClients';
import { isInterpolated } from './scopeSettings';
import { activeScopes, valuePartSpan } from './scopes';

interface Problem {
  /** Characters of the value to underline; the whole value when absent. */
  part?: { start: number; end: number };
  /** Completes "HTTP_PROXY in service "api" …". */
  message: string;
  /** The corrected value, when there is exactly one. */
  rewrite?: string;
}

export const proxyUrlInvalid: Rule = {
  id: 'proxy-url-invalid',
  defaultSeverity: 'error',
  description: 'A proxy URL has no scheme, an unsupported scheme, no host, a bad or missing port, a path, or blanks around it.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      for (const assignment of scope.assignments) {
        if (!isProxyUrlSetting(assignment.setting) || !assignment.value) continue;
        // Quotes inside the value are quoted-value's finding (and its fix comes first).
        if (stripQuotes(assignment.value) !== null) continue;
        // Only what the clients that read this variable do matters (curl never reads HTTP_PROXY, Go no all_proxy).
        const clients = readersOf(model, scope, assignment);
        if (clients.length === 0) continue;
        const problem = settledProblem(model, assignment.value, clients);
        if (!problem) continue;
        const span: Span = problem.part ? valuePartSpan(assignment, problem.part.start, problem.part.end) : assignment.valueSpan;
        report({
          span,
          message: `${assignment.name} in ${scope.label} ${problem.message}.`,
          fix:
            problem.rewrite === undefined
              ? undefined
              : { title: `Change ${assignment.name} to ${problem.shownRewrite}`, operations: [{ op: 'replace-value', target: assignment, value: problem.rewrite }] },
        });
      }
    }
  },
};

interface SettledProblem extends Problem {
  /** The rewrite with its password masked, for the fix title. */
  shownRewrite?: string;
}

/** Services repeat the same proxy URLs, and the server re-lints them on every keystroke: each value is judged once per file kind and readers. */
const problemMemo = new VariantMemo<Readonly<SettledProblem> | null>(4_096, 4_096);

const KIND_NUMBERS: Readonly<Record<ProxyModel['kind'], number>> = { compose: 0, runner: 1, systemd: 2, 'docker-client': 3, 'docker-daemon': 4, 'env-file': 5 };

/** The value's problem with its settled rewrite; findProblem reads no more of the model than its kind, which is part of the key. */
function settledProblem(model: ProxyModel, value: string, clients: readonly ClientId[]): Readonly<SettledProblem> | null {
  return problemMemo.get(value, clientListKey(clients) * 8 + KIND_NUMBERS[model.kind], () => {
    const found = findProblem(model, value, clients);
    if (!found) return null;
    const rewrite = settledRewrite(model, found, clients);
    // Shared between findings, so frozen.
    if (found.part) Object.freeze(found.part);
    return Object.freeze({ ...found, rewrite, ...(rewrite === undefined ? {} : { shownRewrite: maskProxyUrl(rewrite) }) });
  });
}

/** Chained rewrites (` proxy:3128` → `proxy:3128` → `http://proxy:3128`) up to a value with no problem; none if a step has no rewrite. */
function settledRewrite(model: ProxyModel, problem: Problem, clients: readonly ClientId[]): string | undefined {
  let rewrite = problem.rewrite;
  for (let step = 0; rewrite !== undefined && step < 4; step++) {
    const next = findProblem(model, rewrite, clients);
    if (!next) return rewrite;
    rewrite = next.rewrite;
  }
  return undefined;
}

function findProblem(model: ProxyModel, value: string, clients: readonly ClientId[]): Problem | null {
  if (value !== value.trim()) return blanksAround(value, clients);
  const url = parseProxyUrl(value);
  if (!url) return null;
  // Compose fills `${PROXY_HOST}` in later: what the client gets is not in the file. Interpolated credentials are fine.
  if (isInterpolated(model, withoutUserinfo(value, url))) return null;
  return missingScheme(value, url, clients) ?? unsupportedScheme(url, clients) ?? badHost(url) ?? badPort(url, clients) ?? extraPath(url);
}

/** p15: curl, wget and Python reject the URL; Go silently goes direct; undici, axios and git trim it. */
function blanksAround(value: string, clients: readonly ClientId[]): Problem | null {
  const failing = clients.filter((c) => c === 'curl' || c === 'wget' || c === 'python-requests' || c === 'python-urllib');
  const consequences = [
    failing.length > 0 ? `${clientList(failing)} ${verbFor(failing, 'rejects', 'reject')} it` : '',
    clients.includes('go') ? 'Go silently ignores the proxy and goes direct' : '',
  ].filter(Boolean);
  if (consequences.length === 0) return null;
  return { message: `has blanks around the URL: ${englishList(consequences)}`, rewrite: value.trim() };
}

/** A host name, an IPv4 address or a bracketed IPv6 address. */
const PLAIN_HOST = /^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$|^\[[0-9A-Fa-f:.]+\]$/;
const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])$/;

/** p01/p02: undici rejects a scheme-less proxy, Python requests too when the host is a name; the others assume http://. */
function missingScheme(value: string, url: ProxyUrl, clients: readonly ClientId[]): Problem | null {
  if (url.scheme) return null;
  const failing = clients.filter((c) => c === 'node-undici' || (c === 'python-requests' && !IP_HOST.test(url.host.text)));
  if (failing.length === 0) return null;
  const unambiguous = PLAIN_HOST.test(url.host.text) && (url.port === null || /^\d+$/.test(url.port.text)) && (url.rest === null || url.rest.text === '/');
  return {
    message: `has no scheme: ${clientList(failing)} ${verbFor(failing, 'rejects', 'reject')} it, while the other clients read it as http://`,
    rewrite: unambiguous ? `http://${value}` : undefined,
  };
}

/** p05 (wget: https "Must be HTTP"), p06 (socks5), p08 (socks5h; Go 1.19 reads it as a host name). */
function unsupportedScheme(url: ProxyUrl, clients: readonly ClientId[]): Problem | null {
  const scheme = url.scheme;
  if (!scheme) return null;
  const name = scheme.text.toLowerCase();
  const unsupported = clients.filter((client) => !supportsProxyScheme(client, name));
  if (unsupported.length === 0) return null;
  const part = partOf(scheme);
  if (!ALL_CLIENTS.some((client) => supportsProxyScheme(client, name))) {
    return { part, message: `uses the scheme ${scheme.text}://, which no measured client can use for a proxy (an HTTP proxy is written http://)` };
  }
  const advice =
    name === 'https'
      ? ': most proxies expect http:// even in HTTPS_PROXY, and with https:// the other clients speak TLS to the proxy itself'
      : name === 'socks5h' && unsupported.includes('go')
        ? ' (Go 1.19, the version measured, reads it as a host name)'
        : '';
  return { part, message: `uses the scheme ${scheme.text}://, which ${clientList(unsupported)} cannot use for a proxy${advice}` };
}

function badHost(url: ProxyUrl): Problem | null {
  return url.host.text === '' ? { message: 'has no proxy host' } : null;
}

/** p03: with no port, curl and git connect to 1080, everyone else to 80. */
function badPort(url: ProxyUrl, clients: readonly ClientId[]): Problem | null {
  if (url.port) {
    const port = Number(url.port.text);
    const valid = /^\d+$/.test(url.port.text) && port >= 1 && port <= 65535;
    return valid ? null : { part: partOf(url.port), message: `has the port "${url.port.text}", which is not a number from 1 to 65535` };
  }
  const scheme = url.scheme?.text.toLowerCase() ?? 'http';
  const byPort = new Map<number, ClientId[]>();
  for (const client of clients) {
    const port = defaultProxyPort(client, scheme);
    if (port !== undefined) byPort.set(port, [...(byPort.get(port) ?? []), client]);
  }
  if (byPort.size < 2) return null;
  const groups = [...byPort].map(([port, ids]) => `${clientList(ids)} ${verbFor(ids, 'connects to', 'connect to')} ${port}`);
  return { part: partOf(url.host), message: `has no port, and clients disagree on the default: ${englishList(groups)}` };
}

function extraPath(url: ProxyUrl): Problem | null {
  if (!url.rest || url.rest.text === '/') return null;
  return { part: partOf(url.rest), message: 'has a path, query or fragment after the host, which is no part of a proxy address (a proxy.pac URL names a PAC file, not a proxy)' };
}

function partOf(part: TextPart): { start: number; end: number } {
  return { start: part.start, end: part.end };
}

function withoutUserinfo(value: string, url: ProxyUrl): string {
  if (!url.user) return value;
  const end = (url.password ?? url.user).end;
  return value.slice(0, url.user.start) + value.slice(end);
}
