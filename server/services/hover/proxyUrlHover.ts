// Hover on a proxy URL value: its parts, the password masked, the port clients
// fall back to, and whether the credentials are percent-encoded.
import type { FileKind } from '../../engine/model';
import { ALL_CLIENTS, clientDisplayName, defaultProxyPort, supportsProxyScheme } from '../../proxy/clients';
import { parseProxyUrl, unencodedCharacters, type EncodingOptions } from '../../proxy/url';
import { code, table } from './markdown';
import { joinNames, shownValue } from './describe';

export function proxyUrlHover(kind: FileKind, value: string): string | null {
  const url = parseProxyUrl(value);
  if (!url) return null;
  // Compose substitutes `${VAR}` before any client sees the value.
  const options: EncodingOptions = { interpolation: kind === 'compose' };
  const scheme = url.scheme?.text.toLowerCase() ?? null;
  const rows: string[][] = [
    ['scheme', url.scheme ? code(url.scheme.text) : 'none: most clients assume `http://`; undici rejects the value, Python requests too when the host is a name'],
    ['host', url.host.text === '' ? 'empty' : code(url.host.text)],
    ['port', url.port ? code(url.port.text) : `none: ${defaultPorts(scheme ?? 'http')}`],
  ];
  if (url.user) rows.push(['user', url.user.text === '' ? 'empty' : `${code(url.user.text)}${encodingNote(url.user.text, options, true)}`]);
  if (url.password) rows.push(['password', `\`****\`${encodingNote(url.password.text, options, false)}`]);
  if (url.rest) rows.push(['after the host', code(url.rest.text)]);
  const lines = [`**Proxy URL** ${code(shownValue('http_proxy', value, 200))}`, table(['part', 'value'], rows)];
  if (scheme) {
    const unable = ALL_CLIENTS.filter((client) => !supportsProxyScheme(client, scheme));
    if (unable.length > 0) lines.push(`${joinNames(unable.map(clientDisplayName))} cannot use a ${code(`${scheme}://`)} proxy.`);
  }
  return lines.join('\n\n');
}

/** `curl and git connect to 1080, the others to 80`, from each client's measured default. */
function defaultPorts(scheme: string): string {
  const byPort = new Map<number, string[]>();
  for (const client of ALL_CLIENTS) {
    const port = defaultProxyPort(client, scheme);
    if (port !== undefined) byPort.set(port, [...(byPort.get(port) ?? []), clientDisplayName(client)]);
  }
  const groups = [...byPort.entries()].sort((a, b) => b[1].length - a[1].length);
  if (groups.length === 0) return 'no client has a default for this scheme';
  if (groups.length === 1) return `clients connect to ${groups[0][0]}`;
  const [most, ...others] = groups;
  return `${others.map(([port, names]) => `${joinNames(names)} connect to ${port}`).join(', ')}, the others to ${most[0]}`;
}

/** Never lists the password's characters: even one of them is part of the secret. */
function encodingNote(part: string, options: EncodingOptions, listCharacters: boolean): string {
  const raw = unencodedCharacters(part, options);
  if (raw.length > 0) {
    const what = listCharacters ? raw.map((c) => code(c)).join(' ') : `${raw.length} reserved character${raw.length === 1 ? '' : 's'}`;
    return ` (not percent-encoded: ${what}; clients misread it)`;
  }
  if (/%[0-9A-Fa-f]{2}/.test(part)) return ' (percent-encoded)';
  if (options.interpolation && /\$\{?[A-Za-z_]/.test(part)) return ' (substituted by compose)';
  return '';
}
