// Findings → LSP diagnostics, with the fix carried in `data`.
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/lint';
import { DiagnosticSeverity } from '../lsp';
import { ruleById } from '../rules';
import type { Severity } from '../rules/rule';

export const SOURCE = 'proxylint';

/**
 * What a diagnostic carries for its quick fix. A fix's edit is written
 * `[startLine, startCharacter, endLine, endCharacter, newText]`: a large file
 * has thousands of diagnostics, all sent again after every keystroke, and a
 * TextEdit's JSON is five times longer. No document version: a diagnostic
 * that did not change is published again as it was (see
 * openDocumentDiagnostics.ts), and code actions take the fix of the diagnostic
 * published for the current version at the same place, or of a fresh lint.
 */
export interface DiagnosticData {
  fix: { title: string; edits: DataEdit[] };
}

export type DataEdit = [startLine: number, startCharacter: number, endLine: number, endCharacter: number, newText: string];

/** A fix as code actions apply it. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, finding: Finding, docsBase: string): Diagnostic {
  const data: DiagnosticData | undefined = finding.fix ? { fix: { title: finding.fix.title, edits: finding.fix.edits.map((e) => toDataEdit(document, e)) } } : undefined;
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
    // Fields left undefined are not sent.
    data,
  };
}

function toDataEdit(document: TextDocument, edit: { start: number; end: number; newText: string }): DataEdit {
  const start = document.positionAt(edit.start);
  const end = document.positionAt(edit.end);
  return [start.line, start.character, end.line, end.character, edit.newText];
}

/** The fix a diagnostic's data carries, as text edits; null when it carries none (or something else). */
export function fixOfData(data: unknown): QuickFix | null {
  const fix = (data as Partial<DiagnosticData> | null | undefined)?.fix;
  if (!fix || typeof fix.title !== 'string' || !Array.isArray(fix.edits)) return null;
  const edits: TextEdit[] = [];
  for (const edit of fix.edits as unknown[]) {
    if (!Array.isArray(edit) || edit.length !== 5 || !edit.slice(0, 4).every((n) => Number.isInteger(n) && n >= 0) || typeof edit[4] !== 'string') return null;
    const [startLine, startCharacter, endLine, endCharacter, newText] = edit as DataEdit;
    edits.push({ range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } }, newText });
  }
  return { title: fix.title, edits };
}

export function toTextEdit(document: TextDocument, edit: { start: number; end: number; newText: string }): TextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText };
}
