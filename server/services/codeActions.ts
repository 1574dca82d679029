// Quick fixes from the diagnostics' data, "disable for this line", and the
// "fix all" source action.
import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../engine/fixAll';
import { minimalEdit } from '../engine/fixes';
import type { LintOptions } from '../engine/lint';
import { lineIndentAt } from '../documents/text';
import { SOURCE, toDiagnostic, toTextEdit, type DiagnosticData } from './diagnostics';
import { lintDocument, MAX_DOCUMENT_LENGTH, pathOfUri } from './documentLinting';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.proxylint`;

export function codeActions(document: TextDocument, params: CodeActionParams, options: LintOptions, docsBase: string): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
  if (wants(CodeActionKind.QuickFix) && ours.length > 0) {
    const current = currentFixes(document, ours, options, docsBase);
    for (const diagnostic of ours) {
      const fix = current.get(diagnostic);
      if (fix) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri]: fix.edits } } });
      }
    }
    for (const diagnostic of ours) {
      const disable = disableForLine(document, diagnostic);
      if (disable) actions.push(disable);
    }
  }
  if (wants(FIX_ALL_KIND) && (only !== undefined || ours.length > 1)) {
    const all = fixAllAction(document, options);
    if (all) actions.push(all);
  }
  return actions;
}

/** The fix of each diagnostic: from its data when the document has not changed since, else from a fresh lint. */
function currentFixes(document: TextDocument, diagnostics: Diagnostic[], options: LintOptions, docsBase: string): Map<Diagnostic, NonNullable<DiagnosticData['fix']>> {
  const fixes = new Map<Diagnostic, NonNullable<DiagnosticData['fix']>>();
  let fresh: Diagnostic[] | null = null;
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (data && data.version === document.version) {
      if (data.fix) fixes.set(diagnostic, data.fix);
      continue;
    }
    fresh ??= lintDocument(document, options).findings.map((f) => toDiagnostic(document, f, docsBase));
    const match = fresh.find((f) => f.code === diagnostic.code && sameRange(f, diagnostic));
    const fix = (match?.data as DiagnosticData | undefined)?.fix;
    if (fix) fixes.set(diagnostic, fix);
  }
  return fixes;
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}

const COMMENT_CAPABLE = /\.(ya?ml|toml|service|socket|conf|env)$/i;

function disableForLine(document: TextDocument, diagnostic: Diagnostic): CodeAction | null {
  if (!COMMENT_CAPABLE.test(pathOfUri(document.uri)) || typeof diagnostic.code !== 'string') return null;
  const line = diagnostic.range.start.line;
  const lineStart = document.offsetAt({ line, character: 0 });
  const indent = lineIndentAt(document.getText(), lineStart);
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  return {
    title: `Disable ${diagnostic.code} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# proxylint-disable-next-line ${diagnostic.code}${eol}` }] } },
  };
}

function fixAllAction(document: TextDocument, options: LintOptions): CodeAction | null {
  const before = document.getText();
  if (before.length > MAX_DOCUMENT_LENGTH) return null;
  const { text, applied } = fixAll(before, pathOfUri(document.uri), options);
  const edit = minimalEdit(before, text);
  if (!edit || applied === 0) return null;
  return { title: 'Fix all proxylint problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [toTextEdit(document, edit)] } } };
}
