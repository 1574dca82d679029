import assert from 'node:assert/strict';
import { describeDiagnostic } from '../lib/diagnostics.mjs';
import { FILES } from './support/workspace.mjs';

// "Proxy: Check workspace" lints files from disk: files that are not open get
// their diagnostics in the Problems panel too. The runner's config.toml is
// closed first (04 opened it); the app drop-in is never opened by any scenario.
const COMMAND = 'Proxy: Check workspace';
const CLOSED_FILES = [
  { relPath: FILES.runnerConfig, codes: ['dind-no-proxy', 'lowercase-missing'] },
  { relPath: FILES.systemdAppDropIn, codes: ['https-proxy-missing', 'lowercase-missing'] },
];

export default {
  title: 'command palette: "Proxy: Check workspace" reports files that are not open',
  async run({ driver, log }) {
    await driver.closeFile(FILES.runnerConfig);
    for (const { relPath } of CLOSED_FILES) {
      // Closing a file clears its diagnostics: nothing is reported for a file that is not open.
      await driver.waitForDiagnostics(relPath, (found) => found.length === 0);
    }

    await driver.runCommand(COMMAND);
    for (const { relPath, codes } of CLOSED_FILES) {
      const diagnostics = await driver.waitForDiagnostics(relPath,
        (found) => codes.every((code) => found.some((d) => d.code === code)));
      log(`${relPath}: ${diagnostics.map(describeDiagnostic).join('; ')}`);
      for (const diagnostic of diagnostics) {
        assert.equal(diagnostic.source, 'proxylint', `source of ${describeDiagnostic(diagnostic)}`);
        await driver.assertProblemListed(relPath, diagnostic);
      }
    }
  },
};
