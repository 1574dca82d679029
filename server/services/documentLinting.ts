// Lints an open document: path from its URI, size limit, never throws.
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type Finding, type LintOptions, type LintResult } from '../engine/lint';

/** Larger documents are declined with one message instead of being parsed (a 20 MB log is not a compose file). */
export const MAX_DOCUMENT_LENGTH = 5_000_000;

export function pathOfUri(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // fall through: a malformed file URI still has a usable path part
    }
  }
  const withoutQuery = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(withoutQuery.replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, ''));
  } catch {
    return withoutQuery;
  }
}

export function lintDocument(document: TextDocument, options: LintOptions): LintResult {
  const text = document.getText();
  const path = pathOfUri(document.uri);
  if (text.length > MAX_DOCUMENT_LENGTH) {
    const result = lint('', path, options);
    if (!result.kind) return result;
    const tooLarge: Finding = {
      rule: 'file-too-large',
      severity: 'info',
      message: `proxylint skipped this file: it has ${text.length.toLocaleString('en')} characters, more than the ${MAX_DOCUMENT_LENGTH.toLocaleString('en')} it lints.`,
      span: { start: 0, end: 0 },
    };
    return { kind: result.kind, findings: [tooLarge] };
  }
  return lint(text, path, options);
}
