// The extension as users get it: the .vsix that `npm run package` builds.
// PROXYLINT_E2E_VSIX=<file> tests that file instead (no build).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const PACKAGED_VSIX = 'dist/proxylint.vsix';

export function packagedVsix(root) {
  const given = process.env.PROXYLINT_E2E_VSIX;
  if (given) return path.resolve(given);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '-s', 'package'], { cwd: root, stdio: 'inherit' });
  const vsix = path.join(root, PACKAGED_VSIX);
  if (result.status !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`"npm run package" did not produce ${PACKAGED_VSIX} (exit ${result.status})`);
  }
  return vsix;
}

/** The folder an editor installed the .vsix into (`publisher.name-version`) under its extensions folder. */
export function installedExtensionFolder(extensionsDir, vsix) {
  const folder = fs.readdirSync(extensionsDir).find((name) => name.startsWith('proxylint.proxylint-'));
  if (!folder) throw new Error(`no proxylint folder in ${extensionsDir} after installing ${vsix}`);
  return path.join(extensionsDir, folder);
}
