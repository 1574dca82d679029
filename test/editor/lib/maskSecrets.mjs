// Proxy URLs in the examples carry (fake) passwords; nothing the editor tests
// print may show one. The password may itself contain '@', so everything up to
// the last '@' of the URL's authority is masked.
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:@/"'`]+:)[^\s/"'`]*@/gi;

export function maskSecrets(text) {
  return String(text).replace(URL_PASSWORD, '$1****@');
}
