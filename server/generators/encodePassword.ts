// "Encode a proxy password": the proxy URL with the typed credentials
// percent-encoded, ready to paste; and the masked form, the only one shown.
import { maskProxyUrl } from '../proxy/url';
import { proxyUrlOf } from './proxyUrl';
import { GeneratorError, type ProxyInput } from './types';

export interface EncodedProxyUrl {
  /** The URL with encoded credentials: for the clipboard or stdout, never for a message. */
  url: string;
  /** The same URL with the password replaced by `****`. */
  masked: string;
}

export function encodeProxyUrl(input: ProxyInput): EncodedProxyUrl {
  if ((input.user ?? '') === '' && !/@/.test(input.proxyUrl)) throw new GeneratorError('Enter the user name and password to encode.');
  const url = proxyUrlOf(input);
  return { url, masked: maskProxyUrl(url) };
}
