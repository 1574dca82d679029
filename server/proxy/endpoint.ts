// Where a proxy URL sends traffic, without who logs in: the part two files must
// agree on when they configure the same setup.
import { parseProxyUrl } from './url';

/**
 * `scheme://host[:port]` of a proxy URL value, lowercased, without credentials
 * or path; null when the value cannot be compared (empty, or its host or port
 * comes from interpolation such as `${PROXY_HOST}`).
 *
 * A missing scheme is `http` (what every measured client assumes). A missing
 * port stays missing: curl then uses 1080 and the other clients 80
 * (proxy-semantics p03), so `proxy` and `proxy:80` are not the same proxy.
 */
export function proxyEndpoint(value: string): string | null {
  const url = parseProxyUrl(value.trim());
  if (!url || url.host.text === '') return null;
  const host = url.host.text.toLowerCase();
  const port = url.port?.text ?? '';
  if (/[$%{}]/.test(host) || /[$%{}]/.test(port)) return null;
  const scheme = (url.scheme?.text ?? 'http').toLowerCase();
  return `${scheme}://${host}${port === '' ? '' : `:${port}`}`;
}
