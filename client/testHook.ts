// Test-only: when PROXYLINT_TEST_DIAGNOSTICS_FILE is set (by the editor test
// harness), the diagnostics proxylint shows are written there as JSON so tests
// can read back exactly what the user sees. Inert otherwise.
import { renameSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

export function startDiagnosticsTestHook(): vscode.Disposable {
  const target = process.env.PROXYLINT_TEST_DIAGNOSTICS_FILE;
  if (!target) return new vscode.Disposable(() => undefined);
  const write = () => {
    const snapshot: Record<string, unknown[]> = {};
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      const ours = diagnostics.filter((d) => d.source === 'proxylint');
      if (ours.length === 0) continue;
      snapshot[uri.toString()] = ours.map((d) => ({
        range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
        message: d.message,
        code: typeof d.code === 'object' ? d.code.value : d.code,
        source: d.source,
        severity: d.severity,
      }));
    }
    // Write beside it, then rename: a reader polling the file sees the old
    // snapshot or the new one, never half of one.
    const partial = `${target}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(snapshot, null, 2));
    renameSync(partial, target);
  };
  write();
  return vscode.languages.onDidChangeDiagnostics(write);
}
