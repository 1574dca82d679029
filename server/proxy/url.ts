// Proxy URL parsing the way users mean it, credential encoding and masking.
//
// Parsing is deliberately lenient: userinfo runs to the LAST `@` (what Python
// requests and Go do, see proxy-semantics p10), so an unencoded `@` in a
// password is found and reported instead of producing a nonsense host.

export interface TextPart {
  text: string;
  /** Offset of the part inside the parsed value. */
  start: number;
  end: number;
}

export interface ProxyUrl {
  /** Scheme as written, without `://`; null when the value has none (`proxy:3128`). */
  scheme: TextPart | null;
  user: TextPart | null;
  /** Password as written (still encoded); null when there is no `:` in the userinfo. */
  password: TextPart | null;
  host: TextPart;
  /** Port as written; null when absent. */
  port: TextPart | null;
  /** Anything after the authority (`/`, `/path`, `?q`). */
  rest: TextPart | null;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

export function parseProxyUrl(value: string): ProxyUrl | null {
  if (value.trim() === '') return null;
  let pos = 0;
  let scheme: TextPart | null = null;
  const m = SCHEME.exec(value);
  if (m) {
    scheme = { text: m[1], start: 0, end: m[1].length };
    pos = m[0].length;
  }
  const at = value.lastIndexOf('@');
  let user: TextPart | null = null;
  let password: TextPart | null = null;
  if (at >= pos) {
    const userinfo = value.slice(pos, at);
    const colon = userinfo.indexOf(':');
    if (colon < 0) {
      user = { text: userinfo, start: pos, end: at };
    } else {
      user = { text: userinfo.slice(0, colon), start: pos, end: pos + colon };
      password = { text: userinfo.slice(colon + 1), start: pos + colon + 1, end: at };
    }
    pos = at + 1;
  }
  let authorityEnd = value.length;
  for (let i = pos; i < value.length; i++) {
    const c = value[i];
    if (c === '/' || c === '?' || c === '#') {
      authorityEnd = i;
      break;
    }
  }
  const hostPort = value.slice(pos, authorityEnd);
  let host: TextPart;
  let port: TextPart | null = null;
  const portSep = hostPort.startsWith('[') ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
  if (portSep >= 0) {
    host = { text: hostPort.slice(0, portSep), start: pos, end: pos + portSep };
    port = { text: hostPort.slice(portSep + 1), start: pos + portSep + 1, end: authorityEnd };
  } else {
    host = { text: hostPort, start: pos, end: authorityEnd };
  }
  const rest = authorityEnd < value.length ? { text: value.slice(authorityEnd), start: authorityEnd, end: value.length } : null;
  return { scheme, user, password, host, port, rest };
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const PERCENT_ESCAPE = /^%[0-9A-Fa-f]{2}/;
/** `${VAR}`, `${VAR:-x}` and `$VAR`: interpolation that compose resolves before any client sees the value. */
const INTERPOLATION = /^\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*|\$)/;

export interface EncodingOptions {
  /** Treat `${VAR}`/`$VAR` as opaque (compose files). */
  interpolation: boolean;
}

/** Characters of a userinfo part that a client may misread: anything not unreserved and not already a `%XX` escape. */
export function unencodedCharacters(part: string, options: EncodingOptions): string[] {
  const found: string[] = [];
  forEachToken(part, options, (token, isRaw) => {
    if (isRaw && !found.includes(token)) found.push(token);
  });
  return found;
}

/** Percent-encodes a userinfo part, keeping existing `%XX` escapes and (optionally) interpolation as they are. */
export function encodeUserinfoPart(part: string, options: EncodingOptions): string {
  let out = '';
  forEachToken(part, options, (token, isRaw) => {
    out += isRaw ? percentEncode(token) : token;
  });
  return out;
}

function forEachToken(part: string, options: EncodingOptions, visit: (token: string, isRaw: boolean) => void): void {
  let i = 0;
  while (i < part.length) {
    const tail = part.slice(i);
    const kept = PERCENT_ESCAPE.exec(tail) ?? (options.interpolation ? INTERPOLATION.exec(tail) : null);
    if (kept) {
      visit(kept[0], false);
      i += kept[0].length;
      continue;
    }
    const ch = String.fromCodePoint(part.codePointAt(i)!);
    visit(ch, !UNRESERVED.test(ch));
    i += ch.length;
  }
}

function percentEncode(ch: string): string {
  return Array.from(Buffer.from(ch, 'utf8'))
    .map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0'))
    .join('');
}

/** The URL with its password replaced by `****`; for messages, hovers and logs. */
export function maskProxyUrl(value: string): string {
  const url = parseProxyUrl(value);
  if (!url || !url.password || url.password.text === '') return value;
  return value.slice(0, url.password.start) + '****' + value.slice(url.password.end);
}

// The scheme is bounded: an unbounded `[A-Za-z0-9+.-]*` retried at every letter of a long word made masking
// a message quadratic. A longer "scheme" still matches from its last 32 characters, so the URL is masked all the same.
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s"'`]+/g;

/** Masks the password of every URL in a free text: the last line of defence before anything is shown or printed. */
export function maskSecrets(text: string): string {
  // Most messages hold no URL with userinfo: skipping the regex for them was a tenth of a lint.
  if (!mayHoldUserinfo(text)) return text;
  return text.replace(URL_IN_TEXT, (url) => maskProxyUrl(url));
}

/**
 * False only when no URL in the text can have a password: maskProxyUrl changes a URL only when an `@`
 * follows its `://` before the first blank or quote (where URL_IN_TEXT ends it). Stopping at fewer
 * characters than `\s` only answers true more often, which is safe.
 */
export function mayHoldUserinfo(text: string): boolean {
  let from = 0;
  for (let i = text.indexOf('://', from); i >= 0; i = text.indexOf('://', from)) {
    let j = i + 3;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x40 /* @ */) return true;
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x22 || c === 0x27 || c === 0x60) break;
    }
    // A `://` inside the run just scanned ends at the same place and holds no `@` either: continue after it (linear time).
    from = j;
  }
  return false;
}
