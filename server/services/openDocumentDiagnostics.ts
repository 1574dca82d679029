// The diagnostics of open documents. A lint of a large file after a keystroke
// finds mostly what it found before; a finding it reuses (or moves without
// moving lines, see engine/incremental/incrementalLint.ts) is at the same line
// and column, so its diagnostic is reused too instead of being built again.
// The list last published for each document is kept: code actions compare the
// diagnostics they are given with it to tell current fixes from stale ones.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/lint';
import { toDiagnostic } from './diagnostics';
import type { OpenDocumentLint } from './openDocumentLinting';

/** The current diagnostic with the code and range of a given one (a rule reports one finding per place). */
export type CurrentDiagnostics = (diagnostic: Diagnostic) => Diagnostic | undefined;

interface Publication {
  version: number;
  diagnostics: readonly Diagnostic[];
  /** The diagnostics by code and range, made on the first code action request. */
  byPlace?: Map<string, Diagnostic>;
}

export class OpenDocumentDiagnostics {
  /** Per document, the diagnostic built for each finding of its last lint (findings are never shared between documents). */
  private readonly built = new Map<string, Map<Finding, Diagnostic>>();
  private readonly publications = new Map<string, Publication>();

  constructor(private readonly docsBase: () => string) {}

  /** The diagnostics of a lint of the document's current text, reusing those of the previous lint's findings that did not move. */
  build(document: TextDocument, lint: OpenDocumentLint): Diagnostic[] {
    const previous = this.built.get(document.uri);
    const current = new Map<Finding, Diagnostic>();
    const diagnostics = lint.findings.map((finding) => {
      let diagnostic = previous?.get(finding);
      if (!diagnostic) {
        const origin = lint.movedFrom?.get(finding);
        diagnostic = (origin && previous?.get(origin)) ?? toDiagnostic(document, finding, this.docsBase());
      }
      current.set(finding, diagnostic);
      return diagnostic;
    });
    this.built.set(document.uri, current);
    return diagnostics;
  }

  /** Remembers what was published for a version of the document. */
  published(uri: string, version: number, diagnostics: readonly Diagnostic[]): void {
    this.publications.set(uri, { version, diagnostics });
  }

  /** Finds the published diagnostic with the code and range of a given one; null unless the last publication is of the document's current version. */
  current(document: TextDocument): CurrentDiagnostics | null {
    const publication = this.publications.get(document.uri);
    if (!publication || publication.version !== document.version) return null;
    return (diagnostic) => {
      publication.byPlace ??= new Map(publication.diagnostics.map((d) => [placeOf(d), d]));
      return publication.byPlace.get(placeOf(diagnostic));
    };
  }

  /** Settings changed: what was published may no longer be what a lint gives. */
  forgetPublications(): void {
    this.publications.clear();
  }

  forget(uri: string): void {
    this.built.delete(uri);
    this.publications.delete(uri);
  }
}

export function placeOf(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${String(diagnostic.code)}\0${start.line}:${start.character}-${end.line}:${end.character}`;
}
