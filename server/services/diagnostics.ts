// Findings → LSP diagnostics, with the fix carried in `data`.
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/lint';
import { ruleById } from '../rules';
import type { Severity } from '../rules/rule';

export const SOURCE = 'proxylint';

/** What a diagnostic carries for its quick fix; `version` tells whether the edits still apply. */
export interface DiagnosticData {
  version: number;
  fix?: { title: string; edits: TextEdit[] };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, finding: Finding, docsBase: string): Diagnostic {
  const data: DiagnosticData = {
    version: document.version,
    fix: finding.fix ? { title: finding.fix.title, edits: finding.fix.edits.map((e) => toTextEdit(document, e)) } : undefined,
  };
  return {
    range: { start: document.positionAt(finding.span.start), end: document.positionAt(finding.span.end) },
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    // Only rules have docs pages; parse errors and declined files do not.
    codeDescription: ruleById(finding.rule) ? { href: `${docsBase}/${finding.rule}.md` } : undefined,
    message: finding.message,
    relatedInformation: finding.related?.map((r) => ({
      location: { uri: document.uri, range: { start: document.positionAt(r.span.start), end: document.positionAt(r.span.end) } },
      message: r.message,
    })),
    data,
  };
}

export function toTextEdit(document: TextDocument, edit: { start: number; end: number; newText: string }): TextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText };
}
