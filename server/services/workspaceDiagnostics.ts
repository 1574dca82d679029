// Cross-file findings → LSP diagnostics, the other file as related information.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../engine/ruleCatalog';
import { DiagnosticSeverity } from '../lsp';
import type { WorkspaceFinding } from '../engine/workspace';
import type { Severity } from '../rules/rule';
import { SOURCE } from './diagnostics';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `documentOf` gives the text (for positions) and URI of a file id used in the findings. */
export function toWorkspaceDiagnostic(finding: WorkspaceFinding, documentOf: (fileId: string) => TextDocument, docsBase: string): Diagnostic {
  const document = documentOf(finding.file);
  return {
    range: { start: document.positionAt(finding.span.start), end: document.positionAt(finding.span.end) },
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule, docsBase) },
    message: finding.message,
    relatedInformation: finding.related.map((r) => {
      const other = documentOf(r.file);
      return { location: { uri: other.uri, range: { start: other.positionAt(r.span.start), end: other.positionAt(r.span.end) } }, message: r.message };
    }),
  };
}
