// Steps several scenarios share. They use only the driver interface, so they
// run the same under code-server and under the vscode API driver.
import assert from 'node:assert/strict';
import { describeDiagnostic } from '../../lib/diagnostics.mjs';

// Opens `relPath`, waits until proxylint reports at least one diagnostic and
// every code in `expectedCodes` for it, and checks that each of its
// diagnostics is shown to the user. Returns them.
export async function expectDiagnosticsShown({ driver, log }, relPath, expectedCodes) {
  await driver.openFile(relPath);
  const diagnostics = await driver.waitForDiagnostics(relPath,
    (found) => found.length > 0 && expectedCodes.every((code) => found.some((d) => d.code === code)));
  log(`${relPath}: ${diagnostics.map(describeDiagnostic).join('; ')}`);
  for (const diagnostic of diagnostics) {
    assert.equal(diagnostic.source, 'proxylint', `source of ${describeDiagnostic(diagnostic)}`);
    assert.ok(diagnostic.code, `a code on ${describeDiagnostic(diagnostic)}`);
    await driver.assertDiagnosticShown(relPath, diagnostic);
  }
  return diagnostics;
}

// 0-based position of the first occurrence of `needle` in `text`.
export function positionOf(text, needle) {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const character = lines[line].indexOf(needle);
    if (character >= 0) return { line, character };
  }
  throw new Error(`"${needle}" is not in the editor`);
}

// The passwords of the proxy URLs in `text`, to check that none is shown.
export function proxyPasswordsIn(text) {
  return [...text.matchAll(/[a-z]+:\/\/[^\s:@/"']+:([^\s/"']*)@[^\s@/"']+/gi)].map((m) => m[1]);
}
