// The proxy URL a generator writes: checked while the user types, credentials
// percent-encoded, and the NO_PROXY entries the user adds checked too.
// Pure and free of Node APIs: the VS Code client bundles it for `validateInput`.
import { encodeUserinfoPart, parseProxyUrl } from '../proxy/url';
import { GeneratorError, type ProxyInput } from './types';

/** Schemes every generated setting may use; Docker, Go, curl and git read all four. */
const SCHEMES = new Set(['http', 'https', 'socks5', 'socks5h']);
const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?)*$/;
const BRACKETED_IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;

/** Why a proxy URL cannot be used, in one sentence; null when it can. The message never repeats a password. */
export function proxyUrlProblem(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter the proxy URL, e.g. http://proxy.corp.example:3128';
  if (/[\s"'`]/.test(trimmed)) return 'The proxy URL must not contain spaces or quotes.';
  const url = parseProxyUrl(trimmed);
  if (!url) return 'Enter the proxy URL, e.g. http://proxy.corp.example:3128';
  if (!url.scheme) return `Add the scheme: http://${trimmed.slice(trimmed.lastIndexOf('@') + 1)} (undici and Python requests reject a proxy URL without one).`;
  if (!SCHEMES.has(url.scheme.text.toLowerCase())) return `The scheme must be http, https, socks5 or socks5h, not "${url.scheme.text}".`;
  if (!HOST_NAME.test(url.host.text) && !BRACKETED_IPV6.test(url.host.text)) return url.host.text === '' ? 'The proxy URL has no host.' : `"${url.host.text}" is not a host name or IP address.`;
  if (!url.port || url.port.text === '') return 'Add the port, e.g. :3128 (without one curl and git use 1080, other clients 80).';
  const port = Number(url.port.text);
  if (!/^\d{1,5}$/.test(url.port.text) || port < 1 || port > 65535) return `The port must be a number from 1 to 65535, not "${url.port.text}".`;
  if (url.rest && url.rest.text !== '/') return 'A proxy URL has no path, query or fragment: end it after the port.';
  return null;
}

/** Why a NO_PROXY entry would not work as meant; null when every client reads it. */
export function noProxyEntryProblem(entry: string): string | null {
  if (entry === '') return 'An empty NO_PROXY entry.';
  if (/[\s"'`,;$%\\]/.test(entry)) return `"${entry}": a NO_PROXY entry is one host name, domain or IP address, without spaces, quotes, commas or $.`;
  if (entry.startsWith('*.')) return `"${entry}": curl, wget, git and Python do not understand "*."; write "${entry.slice(1)}", which they all read as the domain and its subdomains.`;
  if (entry === '*') return '"*" would send nothing through the proxy (and wget does not understand it).';
  if (entry.includes('*')) return `"${entry}": no client understands a "*" inside an entry.`;
  return null;
}

/** The extra NO_PROXY hosts from a comma-separated answer; throws on an entry clients would misread. */
export function parseNoProxyList(answer: string): string[] {
  const entries = answer
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const problem = noProxyEntryProblem(entry);
    if (problem) throw new GeneratorError(problem);
  }
  return entries;
}

/** Why a comma-separated NO_PROXY answer cannot be used; null when it can (for `validateInput`). */
export function noProxyListProblem(answer: string): string | null {
  try {
    parseNoProxyList(answer);
    return null;
  } catch (error) {
    return error instanceof GeneratorError ? error.message : String(error);
  }
}

/**
 * Percent-encodes a user name or password typed in clear: every character
 * outside RFC 3986's unreserved set, `%` included, so the URL decodes back to
 * exactly what was typed (encodeURIComponent leaves `!'()*`, which the
 * credentials-unencoded rule and some clients do not accept).
 */
export function encodeCredential(raw: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(raw);
  } catch {
    throw new GeneratorError('The user name or password contains an invalid character (a lone UTF-16 surrogate).');
  }
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The proxy URL to write: scheme lower-cased, no trailing slash, credentials
 * percent-encoded (typed ones fully, ones inside the URL keeping their `%XX`
 * escapes). Checks the NO_PROXY entries too, so every generator starts here.
 * Throws a GeneratorError whose message holds no password.
 */
export function proxyUrlOf(input: ProxyInput): string {
  const problem = proxyUrlProblem(input.proxyUrl);
  if (problem) throw new GeneratorError(problem);
  for (const entry of input.noProxy) {
    const entryProblem = noProxyEntryProblem(entry);
    if (entryProblem) throw new GeneratorError(entryProblem);
  }
  const url = parseProxyUrl(input.proxyUrl.trim())!;
  const scheme = url.scheme!.text.toLowerCase();
  const hostPort = `${url.host.text}:${url.port!.text}`;
  const user = input.user ?? '';
  const password = input.password ?? '';
  if (url.user && (user !== '' || password !== '')) throw new GeneratorError('The proxy URL already holds credentials: give them either in the URL or separately, not both.');
  if (url.user) {
    const inUrl = { interpolation: false };
    const userinfo = encodeUserinfoPart(url.user.text, inUrl) + (url.password ? `:${encodeUserinfoPart(url.password.text, inUrl)}` : '');
    return `${scheme}://${userinfo}@${hostPort}`;
  }
  if (user === '' && password !== '') throw new GeneratorError('A password needs a user name.');
  if (user === '') return `${scheme}://${hostPort}`;
  // A user without a password makes git prompt for one (proxy-semantics p17).
  if (password === '') throw new GeneratorError('Enter the password for the proxy user (git prompts for one when the URL has none).');
  return `${scheme}://${encodeCredential(user)}:${encodeCredential(password)}@${hostPort}`;
}
