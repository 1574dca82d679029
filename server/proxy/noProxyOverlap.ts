// NO_PROXY entries that name the network a setup lives in (`.corp.example`,
// `registry.corp.example`, `10.0.0.0/8`), as opposed to names that only mean
// something in one place (compose service names, `docker:2375`, loopback).
// Two files of one setup should bypass the proxy for the same network.

export type NetworkEntryKind = 'domain' | 'ipv4' | 'ipv6';

export interface NetworkEntry {
  /** The entry as written, for messages. */
  written: string;
  kind: NetworkEntryKind;
  /** Domain without leading `*.`/`.`, lowercased; IPv4/IPv6 address without brackets, port or prefix. */
  host: string;
  /** CIDR prefix length of an IPv4 entry (32 when none is written). */
  prefix: number;
}

/** Names that only mean something on one machine or inside one platform. */
const LOCAL_CONTEXT_SUFFIXES = ['localhost', 'docker.internal', 'cluster.local', 'svc', 'local'];
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

/** The network entries of a NO_PROXY list; every other entry is left out. */
export function networkEntries(list: string): NetworkEntry[] {
  const entries: NetworkEntry[] = [];
  for (const raw of list.split(/[,\s]+/)) {
    const entry = toNetworkEntry(raw);
    if (entry) entries.push(entry);
  }
  return entries;
}

function toNetworkEntry(written: string): NetworkEntry | null {
  const entry = written.trim().toLowerCase();
  // Interpolation and the bare wildcard say nothing about which network is meant.
  if (entry === '' || entry === '*' || entry.includes('$')) return null;
  const ipv6 = /^\[?([0-9a-f:]*:[0-9a-f:.]*)\]?(?::\d+)?(?:\/\d+)?$/.exec(entry);
  if (ipv6 && (entry.match(/:/g)?.length ?? 0) >= 2) {
    const address = ipv6[1];
    if (address === '::1' || address === '::') return null;
    return { written: written.trim(), kind: 'ipv6', host: address, prefix: 128 };
  }
  const withoutPort = entry.replace(/:\d+$/, '');
  const ipv4 = IPV4.exec(withoutPort);
  if (ipv4) {
    if (ipv4[1] === '127' || withoutPort.startsWith('0.0.0.0')) return null;
    const prefix = ipv4[5] === undefined ? 32 : Math.min(32, Number(ipv4[5]));
    return { written: written.trim(), kind: 'ipv4', host: `${ipv4[1]}.${ipv4[2]}.${ipv4[3]}.${ipv4[4]}`, prefix };
  }
  const domain = withoutPort.replace(/^\*?\./, '').replace(/\.$/, '');
  // A single label (`docker`, `repo_api`) is a name of the local context: a compose service, a container, a host alias.
  if (!domain.includes('.') || !/^[a-z0-9_.-]+$/.test(domain)) return null;
  if (LOCAL_CONTEXT_SUFFIXES.some((suffix) => domain === suffix || domain.endsWith(`.${suffix}`))) return null;
  return { written: written.trim(), kind: 'domain', host: domain, prefix: 0 };
}

/**
 * Whether two entries bypass some host in common: one domain inside the
 * other (`.corp.example` and `registry.corp.example`), equal IPv6 addresses,
 * or IPv4 ranges that intersect. Overlapping entries are one file being
 * narrower than another, not a disagreement.
 */
export function entriesOverlap(a: NetworkEntry, b: NetworkEntry): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'domain':
      return a.host === b.host || a.host.endsWith(`.${b.host}`) || b.host.endsWith(`.${a.host}`);
    case 'ipv6':
      return a.host === b.host;
    case 'ipv4': {
      const prefix = Math.min(a.prefix, b.prefix);
      return networkOf(a.host, prefix) === networkOf(b.host, prefix);
    }
  }
}

function networkOf(address: string, prefix: number): number {
  const value = addressValue(address);
  if (prefix === 0) return 0;
  const size = 2 ** (32 - prefix);
  return Math.floor(value / size);
}

/** An IPv4 address as a number; remembered, as a workspace check compares every file's entries with every other's. */
function addressValue(address: string): number {
  let value = addressValues.get(address);
  if (value === undefined) {
    value = address.split('.').reduce((acc, octet) => acc * 256 + (Number(octet) & 255), 0);
    if (addressValues.size >= 4096) addressValues.clear();
    addressValues.set(address, value);
  }
  return value;
}

const addressValues = new Map<string, number>();
