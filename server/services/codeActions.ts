// Quick fixes from the diagnostics' data, "disable for this line", and the
// "fix all" source action.
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../engine/fixAll';
import { minimalEdit } from '../engine/fixes';
import type { LintOptions } from '../engine/lint';
import { lineIndentAt } from '../documents/text';
import { CodeActionKind } from '../lsp';
import { fixOfData, SOURCE, toDiagnostic, toTextEdit, type QuickFix } from './diagnostics';
import { lintDocument, MAX_DOCUMENT_LENGTH, pathOfUri } from './documentLinting';
import { placeOf, type CurrentDiagnostics } from './openDocumentDiagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.proxylint`;

/** `published` finds the diagnostics published for the document's current version, when there are such. */
export function codeActions(document: TextDocument, params: CodeActionParams, options: LintOptions, docsBase: string, published: CurrentDiagnostics | null = null): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
  if (wants(CodeActionKind.QuickFix) && ours.length > 0) {
    const current = currentFixes(document, ours, options, docsBase, published);
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

/**
 * The fix of each diagnostic, from the data of the current diagnostic with the same code and range: the one
 * published for this version (when the client's diagnostic is current, its own data), else a fresh lint's. A
 * diagnostic from an older text gets the fix of the problem as it is now, or none when it is gone.
 */
function currentFixes(document: TextDocument, diagnostics: Diagnostic[], options: LintOptions, docsBase: string, published: CurrentDiagnostics | null): Map<Diagnostic, QuickFix> {
  const fixes = new Map<Diagnostic, QuickFix>();
  let current = published;
  for (const diagnostic of diagnostics) {
    current ??= freshDiagnostics(document, options, docsBase);
    const fix = fixOfData(current(diagnostic)?.data);
    if (fix) fixes.set(diagnostic, fix);
  }
  return fixes;
}

function freshDiagnostics(document: TextDocument, options: LintOptions, docsBase: string): CurrentDiagnostics {
  const byPlace = new Map(lintDocument(document, options).findings.map((f) => toDiagnostic(document, f, docsBase)).map((d) => [placeOf(d), d]));
  return (diagnostic) => byPlace.get(placeOf(diagnostic));
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
