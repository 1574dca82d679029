// Wording shared by hovers and completion documentation.
import type { ProxySetting } from '../../engine/model';
import { maskProxyUrl, maskSecrets } from '../../proxy/url';
import { isProxyUrlSetting } from '../../proxy/variables';

export const SETTING_PURPOSE: Readonly<Record<ProxySetting, string>> = {
  http_proxy: 'the proxy for `http://` URLs',
  https_proxy: 'the proxy for `https://` URLs',
  no_proxy: 'the hosts reached without the proxy',
  ftp_proxy: 'the proxy for `ftp://` URLs',
  all_proxy: 'the fallback proxy for every scheme',
};

/** A value as it may be shown: passwords masked, long lists shortened. */
export function shownValue(setting: ProxySetting | null, value: string, maxLength = 80): string {
  // Mask before shortening: a cut URL would no longer be recognised as one.
  const masked = maskSecrets(isProxyUrlSetting(setting) ? maskProxyUrl(value) : value);
  return masked.length > maxLength ? `${masked.slice(0, maxLength - 1)}…` : masked;
}

/** `curl, wget and git` */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
