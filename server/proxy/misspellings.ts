// Misspelled variable names: `HTTPPROXY`, `HTTP-PROXY`, `NO_PROXIES`,
// `REQUEST_CA_BUNDLE`... No program reads them, so the setting silently does
// nothing. Deliberately conservative: a name is called a misspelling only when
// it is one of the known ones, differs from a real name only in separators,
// or is one edit away from it with the same first letter. Names that extend a
// real one (`HTTP_PROXY_HOST`, `NO_PROXY2`) or merely resemble one
// (`GOPROXY`, `HTTP_PORT`, `PROXY_HOST`) are other variables, not mistakes.
import { editDistance } from './editDistance';
import { BoundedMemo } from './memo';
import { squashName } from './variables';

interface KnownVariable {
  /** How programs spell it; proxy variables are read in lower and upper case. */
  name: string;
  bothCases: boolean;
  /** Who reads it, for the message. */
  readers: string;
}

const KNOWN: readonly KnownVariable[] = [
  { name: 'http_proxy', bothCases: true, readers: 'curl, wget, git, Python, Go and Node read http_proxy or HTTP_PROXY' },
  { name: 'https_proxy', bothCases: true, readers: 'curl, wget, git, Python, Go and Node read https_proxy or HTTPS_PROXY' },
  { name: 'no_proxy', bothCases: true, readers: 'clients read no_proxy or NO_PROXY' },
  { name: 'ftp_proxy', bothCases: true, readers: 'clients read ftp_proxy or FTP_PROXY' },
  { name: 'all_proxy', bothCases: true, readers: 'curl and Python read all_proxy or ALL_PROXY' },
  { name: 'REQUESTS_CA_BUNDLE', bothCases: false, readers: 'Python requests reads REQUESTS_CA_BUNDLE' },
  { name: 'CURL_CA_BUNDLE', bothCases: false, readers: 'curl reads CURL_CA_BUNDLE' },
  { name: 'SSL_CERT_FILE', bothCases: false, readers: 'OpenSSL-based programs and Go read SSL_CERT_FILE' },
  { name: 'SSL_CERT_DIR', bothCases: false, readers: 'OpenSSL-based programs and Go read SSL_CERT_DIR' },
  { name: 'NODE_EXTRA_CA_CERTS', bothCases: false, readers: 'Node.js reads NODE_EXTRA_CA_CERTS' },
  { name: 'GIT_SSL_CAINFO', bothCases: false, readers: 'git reads GIT_SSL_CAINFO' },
];

/** Misspellings seen in real files that are more than one edit away (squashed name → real name). */
const KNOWN_MISSPELLINGS: Readonly<Record<string, string>> = {
  noproxies: 'no_proxy',
  httpproxies: 'http_proxy',
  httpsproxies: 'https_proxy',
  ftpproxies: 'ftp_proxy',
  allproxies: 'all_proxy',
  noproxys: 'no_proxy',
  httpproxys: 'http_proxy',
  httpsproxys: 'https_proxy',
  requestcabundle: 'REQUESTS_CA_BUNDLE',
  requestscabundles: 'REQUESTS_CA_BUNDLE',
  nodeextracacert: 'NODE_EXTRA_CA_CERTS',
  nodeextracacerts: 'NODE_EXTRA_CA_CERTS',
  nodeextracert: 'NODE_EXTRA_CA_CERTS',
  nodeextracerts: 'NODE_EXTRA_CA_CERTS',
};

/** Names shorter than this (squashed) are too close to too many others for an edit-distance guess. */
const MIN_GUESS_LENGTH = 7;

export interface Misspelling {
  /** The real name, in the case the original was written in where the real one has two. */
  correct: string;
  readers: string;
}

/** Each known name squashed once, not once per name asked about. */
const SQUASHED_KNOWN: ReadonlyMap<KnownVariable, string> = new Map(KNOWN.map((k) => [k, squashName(k.name)]));

/** The same few names fill every scope of a file: each is judged once (the edit distances were a tenth of a runner lint). */
const misspellingMemo = new BoundedMemo<Misspelling | null>(4_096, 256);

/** What a name is a misspelling of, or null when it is a real name or some other variable. */
export function misspellingOf(name: string): Misspelling | null {
  // Shared between callers through the memo, so frozen.
  return misspellingMemo.get(name, () => {
    const found = judge(name);
    return found && Object.freeze(found);
  });
}

function judge(name: string): Misspelling | null {
  if (KNOWN.some((k) => isExact(name, k))) return null;
  const squashed = squashName(name);
  const exactSquash = KNOWN.find((k) => SQUASHED_KNOWN.get(k) === squashed);
  if (exactSquash) {
    // Only the case differs (`Http_Proxy`, `ssl_cert_file`): a matter of case, not spelling; other rules judge it.
    if (name.toLowerCase() === exactSquash.name.toLowerCase()) return null;
    return result(exactSquash, name);
  }
  const listed = KNOWN_MISSPELLINGS[squashed];
  if (listed) return result(KNOWN.find((k) => k.name === listed)!, name);
  if (squashed.length < MIN_GUESS_LENGTH || /[0-9]/.test(name)) return null;
  const near = KNOWN.filter((k) => {
    const real = SQUASHED_KNOWN.get(k)!;
    // Lengths two apart are at least two edits apart: no need to compute the distance.
    return real[0] === squashed[0] && Math.abs(real.length - squashed.length) <= 1 && !squashed.includes(real) && editDistance(real, squashed) === 1;
  });
  return near.length === 1 ? result(near[0], name) : null;
}

function isExact(name: string, known: KnownVariable): boolean {
  return known.bothCases ? name === known.name || name === known.name.toUpperCase() : name === known.name;
}

function result(known: KnownVariable, original: string): Misspelling {
  if (!known.bothCases) return { correct: known.name, readers: known.readers };
  // Keep the case the user wrote: HTTPPROXY → HTTP_PROXY, http.proxy → http_proxy; mixed case becomes lowercase, the spelling every client reads.
  const upper = original === original.toUpperCase() && original !== original.toLowerCase();
  return { correct: upper ? known.name.toUpperCase() : known.name, readers: known.readers };
}
