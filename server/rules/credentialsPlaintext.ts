// credentials-plaintext: a proxy password written into a file that gets
// committed, copied and shown in `docker inspect`. A hint: where the password
// can come from instead depends on the file kind, so there is no automatic fix.
import type { FileKind } from '../engine/model';
import { VariantMemo } from '../proxy/memo';
import { parseProxyUrl } from '../proxy/url';
import { isProxyUrlSetting } from '../proxy/variables';
import type { Rule } from './rule';
import { activeScopes, valuePartSpan } from './scopes';

const CNTLM = 'or point the clients at a local authenticating proxy such as CNTLM so no file holds the password';

/** Where the password can live instead, per file kind. */
const ALTERNATIVES: Readonly<Partial<Record<FileKind, string>>> = {
  compose: `take it from the environment with interpolation (\${PROXY_PASSWORD}, set in the shell or an untracked .env file), ${CNTLM}`,
  systemd: `move the variable into a root-only EnvironmentFile= (mode 0600), ${CNTLM}`,
  runner: `keep config.toml root-only (mode 0600), ${CNTLM}`,
  'docker-client': `keep the file private to its user (mode 0600), ${CNTLM}`,
  'docker-daemon': `keep the file root-only (mode 0600), ${CNTLM}`,
};

export const credentialsPlaintext: Rule = {
  id: 'credentials-plaintext',
  defaultSeverity: 'info',
  description: 'A proxy password is written in the file in plain text.',
  check(model, report) {
    // An env file (`.env`, an `EnvironmentFile=`) is where this rule tells the password to go: untracked or root-only.
    if (model.kind === 'env-file') return;
    for (const scope of activeScopes(model)) {
      for (const assignment of scope.assignments) {
        if (!isProxyUrlSetting(assignment.setting) || !assignment.value) continue;
        const password = plaintextPassword(assignment.value, model.kind === 'compose');
        if (!password) continue;
        report({
          span: valuePartSpan(assignment, password.start, password.end),
          message: `The proxy password in ${assignment.name} of ${scope.label} is written in plain text: ${ALTERNATIVES[model.kind] ?? `keep the file private (mode 0600), ${CNTLM}`}.`,
        });
      }
    }
  },
};

/** Every service repeats the same proxy URL, and the server re-lints it on every keystroke: each value is read once. */
const passwordMemo = new VariantMemo<Readonly<{ start: number; end: number }> | null>(4_096, 4_096);

/** Where in the value a password is written out, or null (none, or only a compose `${VAR}` reference to one). */
function plaintextPassword(value: string, interpolated: boolean): Readonly<{ start: number; end: number }> | null {
  // parseProxyUrl finds a password only before an `@`: most values have none, and a scan is cheaper than a memo lookup.
  if (!value.includes('@')) return null;
  return passwordMemo.get(value, interpolated ? 1 : 0, () => {
    const password = parseProxyUrl(value)?.password;
    if (!password || password.text === '') return null;
    // `${PROXY_PASSWORD}` in compose: the file holds a reference, not the password.
    if (interpolated && literalPart(password.text) === '') return null;
    return Object.freeze({ start: password.start, end: password.end });
  });
}

/**
 * What is left of a compose value once interpolation is resolved without
 * knowing the variables: `${VAR}`, `${VAR:?error}` and `$VAR` vanish, `$$` is a `$`, a
 * default (`${VAR:-s3cret}`) stays, because that password is in the file.
 */
function literalPart(text: string): string {
  return text
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-+]([^}]*)|:?\?[^}]*)?\}/g, (_, fallback: string | undefined) => fallback ?? '')
    .replace(/\$(\$|[A-Za-z_][A-Za-z0-9_]*)/g, (match) => (match === '$$' ? '$' : ''));
}
