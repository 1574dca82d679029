// Lints open documents from their cached models: the model of each text is
// parsed once (a compose file incrementally, see engine/incremental) and shared
// with hover, completion and the workspace scan, and a compose file's scopes
// that an edit did not touch keep their findings. Same result as lintDocument.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintModelIncrementally, type LintMemory } from '../engine/incremental/incrementalLint';
import { lintModel, type Finding, type LintOptions, type LintResult } from '../engine/lint';
import { lintDocument } from './documentLinting';
import { ModelCache, prepareForEdits } from './modelCache';

export interface OpenDocumentLint extends LintResult {
  /** Findings moved from the previous lint's without moving lines, to the finding each was copied from (see incrementalLint.ts). */
  movedFrom?: ReadonlyMap<Finding, Finding>;
}

export class OpenDocumentLinter {
  private readonly models = new ModelCache();
  private readonly memories = new Map<string, LintMemory>();

  /**
   * Parses the document's text ahead of its lint, detecting its kind as default settings do: the server does
   * it while the document's settings are fetched. Settings that detect the kind differently parse it again.
   */
  prepare(document: TextDocument): void {
    this.models.get(document);
  }

  /** After the document's diagnostics are out: makes what its next edit is parsed from, which a whole parse leaves for later. */
  prepareForEdits(uri: string): void {
    prepareForEdits(uri);
  }

  lint(document: TextDocument, options: LintOptions): OpenDocumentLint {
    const found = this.models.get(document, options);
    // Files proxylint does not handle, and files too large to parse, get lintDocument's answer.
    if (!found) {
      this.memories.delete(document.uri);
      return lintDocument(document, options);
    }
    if (found.kind !== 'compose') return { kind: found.kind, findings: lintModel(found.model, options) };
    const linted = lintModelIncrementally(found.model, options, this.memories.get(document.uri) ?? null);
    if (linted.memory) this.memories.set(document.uri, linted.memory);
    else this.memories.delete(document.uri);
    return { kind: found.kind, findings: linted.findings, movedFrom: linted.movedFrom };
  }

  forget(uri: string): void {
    this.models.forget(uri);
    this.memories.delete(uri);
  }
}
