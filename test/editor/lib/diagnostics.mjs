// One shape for a diagnostic, whichever way it was read: from the client's test
// hook file (JSON of vscode.Diagnostic objects) or from the vscode API itself.
//   { range: { start: {line, character}, end: {line, character} },  // 0-based
//     message, code, source, severity: 'error' | 'warning' | 'info' | 'hint' }

// vscode.DiagnosticSeverity numbers, and the names Diagnostic.toJSON() writes.
const SEVERITY = { 0: 'error', 1: 'warning', 2: 'info', 3: 'hint',
  error: 'error', warning: 'warning', information: 'info', info: 'info', hint: 'hint' };

export function normalizeDiagnostic(raw) {
  // vscode.Range serialises as [start, end]; a plain object has {start, end}.
  const [start, end] = Array.isArray(raw.range) ? raw.range : [raw.range.start, raw.range.end];
  const code = raw.code !== null && typeof raw.code === 'object' ? raw.code.value : raw.code;
  return {
    range: { start: position(start), end: position(end) },
    message: String(raw.message),
    code: code === undefined ? undefined : String(code),
    source: raw.source,
    severity: SEVERITY[String(raw.severity).toLowerCase()] ?? 'unknown',
  };
}

function position(p) {
  return { line: p.line, character: p.character };
}

// Same diagnostic, also after an edit elsewhere re-published the file's list.
export function sameDiagnostic(a, b) {
  return a.code === b.code && a.message === b.message && a.range.start.line === b.range.start.line
    && a.range.start.character === b.range.start.character;
}

// "5:3 warning lowercase-missing" for logs: 1-based like the editor, and
// without the message, which is long (and is the extension's to mask).
export function describeDiagnostic(d) {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}`;
}
