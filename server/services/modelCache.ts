// The parsed model of each open document, kept for its current version so a
// burst of hover, completion and symbol requests parses the text once.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocumentOfKind } from '../documents';
import { detectFileKind, type DetectOptions } from '../documents/detect';
import { parseComposeIncrementally, type ComposeParse } from '../engine/incremental/incrementalCompose';
import type { FileKind, ProxyModel } from '../engine/model';
import { MAX_DOCUMENT_LENGTH, pathOfUri } from './documentLinting';

export interface DocumentModel {
  kind: FileKind;
  model: ProxyModel;
  /**
   * The model of the last version that parsed (this one when it does). Text
   * being typed often does not parse; completion still needs the file's facts
   * (services, docker-in-docker), which rarely change between keystrokes.
   */
  lastParsed: ProxyModel;
}

interface Entry {
  version: number;
  /** The detection options the entry was made with: a settings change may change the kind. */
  optionsKey: string;
  result: DocumentModel | null;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  /** The model of the document's current text, or null when proxylint does not handle the file (or it is too large). */
  get(document: TextDocument, options: DetectOptions = {}): DocumentModel | null {
    const optionsKey = JSON.stringify(options.composeFilePatterns ?? []);
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.optionsKey === optionsKey) return cached.result;
    const result = parse(document, options);
    if (result && result.model.parseProblem && cached?.result?.kind === result.kind) result.lastParsed = cached.result.lastParsed;
    this.entries.set(document.uri, { version: document.version, optionsKey, result });
    return result;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    lastParses.delete(uri);
  }
}

/** Makes what the next edit of the document is parsed from, if its last parse left that for later (see incrementalCompose.ts). */
export function prepareForEdits(uri: string): void {
  void lastParses.get(uri)?.compose?.state;
}

/**
 * The last parse of each document, whichever cache made it (diagnostics,
 * hover and completion, the workspace scan): one parse per text, and the
 * state a compose file's next version is parsed incrementally from.
 */
const lastParses = new Map<string, { kind: FileKind; text: string; model: ProxyModel; compose: ComposeParse | null }>();

function parseText(uri: string, kind: FileKind, text: string, path: string): ProxyModel {
  const last = lastParses.get(uri);
  if (last && last.kind === kind && last.text === text) return last.model;
  if (kind !== 'compose') {
    const model = parseDocumentOfKind(kind, text, path);
    lastParses.set(uri, { kind, text, model, compose: null });
    return model;
  }
  const parsed = parseComposeIncrementally(text, path, last?.kind === 'compose' ? (last.compose?.state ?? null) : null);
  lastParses.set(uri, { kind, text, model: parsed.model, compose: parsed });
  return parsed.model;
}

function parse(document: TextDocument, options: DetectOptions): DocumentModel | null {
  const text = document.getText();
  if (text.length > MAX_DOCUMENT_LENGTH) return null;
  const path = pathOfUri(document.uri);
  const kind = detectFileKind(path, text, options);
  if (!kind) return null;
  const model = parseText(document.uri, kind, text, path);
  return { kind, model, lastParsed: model };
}
