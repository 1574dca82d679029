// The proxy passwords written in the project's examples and fixtures, in every
// form they can take on the way to an output (as written, percent-decoded,
// percent-encoded, with systemd's `%%`), and a search for them in any output.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { encodeUserinfoPart, parseProxyUrl } from '../../server/proxy/url';
import { allFixtureFiles, REPOSITORY_ROOT } from './corpus';

export interface FixturePassword {
  password: string;
  /** Where it is written (repository-relative). */
  file: string;
}

/** URLs in any syntax: up to a blank, a quote or a backtick (a password with those is quoted or escaped anyway). */
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'`]+/g;

/** Shorter passwords (`p`, `pw`) would match ordinary words of any message; none of the fixtures' real ones is that short. */
const MIN_LENGTH = 5;

/** Every password of a proxy URL in the examples and fixtures; interpolated ones (`${PROXY_PASSWORD}`) are not secrets. */
export function fixturePasswords(): FixturePassword[] {
  const found = new Map<string, FixturePassword>();
  for (const path of allFixtureFiles()) {
    const text = readFileSync(path).toString('utf8');
    for (const match of text.matchAll(URL_IN_TEXT)) {
      const password = parseProxyUrl(match[0])?.password?.text;
      if (!password || password.includes('$') || /^\*+$/.test(password)) continue;
      if (!found.has(password)) found.set(password, { password, file: relative(REPOSITORY_ROOT, path) });
    }
  }
  return [...found.values()];
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The forms a password can be printed in: `F@oBar!`, `F%40oBar%21`, `F%%40oBar%%21`, and the reverse from an encoded one. */
export function passwordForms(passwords: readonly FixturePassword[]): string[] {
  const forms = new Set<string>();
  for (const { password } of passwords) {
    const unsystemd = password.replace(/%%/g, '%');
    const plain = decoded(unsystemd);
    const encoded = encodeUserinfoPart(plain, { interpolation: false });
    for (const form of [password, unsystemd, plain, encoded, encoded.replace(/%/g, '%%'), plain.replace(/%/g, '%%')]) {
      if (form.length >= MIN_LENGTH) forms.add(form);
    }
  }
  return [...forms];
}

/** The password forms an output contains, each with a little context for the failure message. */
export function leakedSecrets(output: string, forms: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const form of forms) {
    const at = output.indexOf(form);
    if (at >= 0) leaks.push(`${JSON.stringify(form)} in …${output.slice(Math.max(0, at - 60), at + form.length + 20)}…`);
  }
  return leaks;
}
