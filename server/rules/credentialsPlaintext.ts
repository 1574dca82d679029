// credentials-plaintext: a proxy password written into a file that gets
// committed, copied and shown in `docker inspect`. A hint: where the password
// can come from instead depends on the file kind, so there is no automatic fix.
import type { FileKind } from '../engine/model';
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
        const password = parseProxyUrl(assignment.value)?.password;
        if (!password || password.text === '') continue;
        // `${PROXY_PASSWORD}` in compose: the file holds a reference, not the password.
        if (model.kind === 'compose' && literalPart(password.text) === '') continue;
        report({
          span: valuePartSpan(assignment, password.start, password.end),
          message: `The proxy password in ${assignment.name} of ${scope.label} is written in plain text: ${ALTERNATIVES[model.kind] ?? `keep the file private (mode 0600), ${CNTLM}`}.`,
        });
      }
    }
  },
};

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
