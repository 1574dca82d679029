// Reads the file the proxylint client writes when PROXYLINT_TEST_DIAGNOSTICS_FILE
// is set: { [uri]: Diagnostic[] }, rewritten on every onDidChangeDiagnostics.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeDiagnostic } from './diagnostics.mjs';

export function createDiagnosticsHookFile(hookPath, workspaceDir) {
  const workspaceRoot = fs.realpathSync(workspaceDir);

  function relativePath(uri) {
    const url = new URL(uri);
    // code-server's extension host sees file:// URIs; a remote one would keep the path.
    const absolute = url.protocol === 'file:' ? fileURLToPath(url) : decodeURIComponent(url.pathname);
    return path.relative(workspaceRoot, absolute).split(path.sep).join('/');
  }

  return {
    path: hookPath,
    // relPath -> normalized diagnostics; null while the file does not exist
    // or does not parse (the next poll reads it again). The client writes it
    // atomically (temp file, then rename).
    read() {
      let raw;
      try {
        raw = JSON.parse(fs.readFileSync(hookPath, 'utf8'));
      } catch {
        return null;
      }
      const byFile = new Map();
      for (const [uri, diagnostics] of Object.entries(raw)) {
        byFile.set(relativePath(uri), diagnostics.map(normalizeDiagnostic));
      }
      return byFile;
    },
  };
}
