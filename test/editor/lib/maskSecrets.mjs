// Proxy URLs in the examples carry (fake) passwords; nothing the editor tests
// print may show one. The password may itself contain '@', so everything up to
// the last '@' of the URL's authority is masked. The engine's twin,
// maskSecrets in server/proxy/url.ts, is TypeScript outside the bundles, and
// this harness runs as plain node and inside the extension host's copy of it.
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:@/"'`]+:)[^\s/"'`]*@/gi;

export function maskSecrets(text) {
  return String(text).replace(URL_PASSWORD, '$1****@');
}
