// "Proxy: Check workspace": lints every matching file of the workspace
// folders from disk, not only open ones, publishes their diagnostics, keeps
// them current as files change on disk (`workspace/didChangeWatchedFiles`),
// and compares the files of each folder with each other (`proxy-inconsistent`).
// An open document's own text always wins over its file on disk.
import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minimatch } from 'minimatch';
import type { CancellationToken, Connection, Diagnostic, InitializeParams, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType } from '../lsp';
import { checkWorkspace, type WorkspaceFile } from '../engine/workspace';
import { GitignoreRules } from '../files/gitignore';
import { mayHoldProxySetup, SKIPPED_DIRECTORIES, walkCandidateFiles } from '../files/walk';
import { maskSecrets } from '../proxy/url';
import { toDiagnostic } from './diagnostics';
import { lintDocument, MAX_DOCUMENT_LENGTH, pathOfUri } from './documentLinting';
import { ModelCache } from './modelCache';
import type { ProxylintSettings } from './settings';
import { toWorkspaceDiagnostic } from './workspaceDiagnostics';
import { WorkspaceFolders, type Folder } from './workspaceFolders';
import { CHECK_WORKSPACE_METHOD, type CheckWorkspaceParams, type CheckWorkspaceResult } from './workspaceScanProtocol';

export interface WorkspaceScanDependencies {
  settingsFor(uri: string): Promise<ProxylintSettings>;
  docsBase(): string;
  /** Re-lints and republishes an open document (its cross-file diagnostics changed). */
  revalidate(uri: string): void;
}

/** A file read from disk by a scan; its diagnostics are published while it is not open. */
interface DiskFile {
  path: string;
  folder: Folder;
  document: TextDocument;
  diagnostics: Diagnostic[];
}

/** Cross-file results settle this long after the last change, so a burst of edits compares once. */
const CONSISTENCY_DELAY_MS = 50;

export class WorkspaceScan {
  private readonly folders: WorkspaceFolders;
  private readonly disk = new Map<string, DiskFile>();
  private readonly scannedFolders = new Set<string>();
  private readonly openModels = new ModelCache();
  /** Models of files read from disk; each read gets a new version so the cache never serves an older text. */
  private readonly diskModels = new ModelCache();
  private diskVersion = 0;
  /** Cross-file diagnostics by file path. */
  private crossFile = new Map<string, Diagnostic[]>();
  private consistencyTimer: NodeJS.Timeout | undefined;
  private consistencyRun: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly deps: WorkspaceScanDependencies,
  ) {
    this.folders = new WorkspaceFolders(connection);
    connection.onRequest(CHECK_WORKSPACE_METHOD, (params: CheckWorkspaceParams, token: CancellationToken) => this.checkWorkspace(params ?? {}, token));
    connection.onDidChangeWatchedFiles((params) => void this.filesChanged(params.changes).catch((error: unknown) => this.logError('update files changed on disk', error)));
    documents.onDidClose((event) => {
      this.openModels.forget(event.document.uri);
      // Runs after the server cleared the closed document's diagnostics: its file on disk takes over.
      setImmediate(() => void this.documentClosed(event.document.uri));
    });
  }

  initialize(params: InitializeParams): void {
    this.folders.initialize(params);
  }

  /** Cross-file diagnostics of an open document, to publish with its own. */
  diagnosticsFor(uri: string): Diagnostic[] {
    return this.crossFile.get(pathOfUri(uri)) ?? [];
  }

  /** An open document was linted: its text may change what other files are compared with. */
  documentLinted(): void {
    this.scheduleConsistency();
  }

  /** Settings changed: re-lint what was read from disk. */
  settingsChanged(): void {
    void (async () => {
      for (const file of [...this.disk.values()]) await this.load(file.path, file.folder);
      this.publishDiskFiles([...this.disk.values()]);
      this.scheduleConsistency();
    })().catch((error: unknown) => this.logError('re-lint the workspace', error));
  }

  private async checkWorkspace(params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> {
    const progress = this.connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('proxylint: checking workspace', 0, 'Looking for files…', true);
    let cancelled = false;
    try {
      const folders = await this.folders.current();
      const found: { path: string; folder: Folder }[] = [];
      for (const folder of folders) {
        this.scannedFolders.add(folder.path);
        const settings = await this.deps.settingsFor(folder.uri);
        if (!settings.enable) continue;
        const exclude = await this.filesExclude(folder);
        let walked = 0;
        for (const path of walkCandidateFiles(folder.path, { ...settings.lint, exclude, topOutsideRepository: folder.path })) {
          found.push({ path, folder });
          if (++walked % 100 === 0) await yieldToEventLoop();
          if (token.isCancellationRequested) break;
        }
      }
      const seen = new Set<string>();
      for (let i = 0; i < found.length; i++) {
        if (token.isCancellationRequested) {
          cancelled = true;
          break;
        }
        const { path, folder } = found[i];
        seen.add(path);
        progress.report(Math.floor((i * 100) / found.length), relative(folder.path, path));
        const file = await this.load(path, folder);
        if (file) this.publishDiskFiles([file]);
        await yieldToEventLoop();
      }
      if (!cancelled) {
        // Files read by an earlier scan that are gone or excluded now.
        for (const file of [...this.disk.values()]) {
          if (folders.some((f) => f.path === file.folder.path) && !seen.has(file.path)) this.forget(file.path);
        }
      }
      await this.updateConsistencyNow();
      const scanned = [...this.disk.values()].filter((f) => seen.has(f.path));
      const diagnosticsOf = (file: DiskFile) => (this.isOpen(file.path) ? [] : [...file.diagnostics, ...(this.crossFile.get(file.path) ?? [])]);
      return {
        files: scanned.length,
        problems: scanned.reduce((sum, f) => sum + diagnosticsOf(f).length, 0),
        filesWithProblems: scanned.filter((f) => diagnosticsOf(f).length > 0).length,
        cancelled,
      };
    } finally {
      progress.done();
    }
  }

  /** Reads and lints one file; null (and forgotten) when it is not one of the kinds, too large, or unreadable. */
  private async load(path: string, folder: Folder): Promise<DiskFile | null> {
    const uri = pathToFileURL(path).toString();
    let text: string;
    try {
      if ((await stat(path)).size > MAX_DOCUMENT_LENGTH) throw new Error('too large');
      text = await readFile(path, 'utf8');
    } catch {
      this.forget(path);
      return null;
    }
    const settings = await this.deps.settingsFor(folder.uri);
    const document = TextDocument.create(uri, 'plaintext', ++this.diskVersion, text);
    const result = settings.enable ? lintDocument(document, settings.lint) : { kind: null, findings: [] };
    if (!result.kind) {
      this.forget(path);
      return null;
    }
    const file: DiskFile = { path, folder, document, diagnostics: result.findings.map((f) => toDiagnostic(document, f, this.deps.docsBase())) };
    this.disk.set(path, file);
    return file;
  }

  private forget(path: string): void {
    const file = this.disk.get(path);
    if (!file) return;
    this.disk.delete(path);
    this.diskModels.forget(file.document.uri);
    if (!this.isOpen(path)) void this.connection.sendDiagnostics({ uri: pathToFileURL(path).toString(), diagnostics: [] });
  }

  private publishDiskFiles(files: readonly DiskFile[]): void {
    for (const file of files) {
      if (this.isOpen(file.path)) continue;
      void this.connection.sendDiagnostics({ uri: file.document.uri, diagnostics: [...file.diagnostics, ...(this.crossFile.get(file.path) ?? [])] });
    }
  }

  private isOpen(path: string): boolean {
    return this.documents.all().some((d) => d.uri.startsWith('file:') && pathOfUri(d.uri) === path);
  }

  private async documentClosed(uri: string): Promise<void> {
    const path = pathOfUri(uri);
    const folder = this.folders.folderOf(path);
    if (folder && this.scannedFolders.has(folder.path) && mayHoldProxySetup(path)) {
      const file = await this.load(path, folder);
      if (file) this.publishDiskFiles([file]);
    }
    this.scheduleConsistency();
  }

  private async filesChanged(changes: readonly { uri: string; type: FileChangeType }[]): Promise<void> {
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const path = pathOfUri(change.uri);
      const folder = this.folders.folderOf(path);
      if (!folder || !this.scannedFolders.has(folder.path)) continue;
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event: forget everything under it.
        for (const known of [...this.disk.keys()]) if (known === path || known.startsWith(path + sep)) this.forget(known);
        continue;
      }
      if (!(await this.belongsToScan(path, folder))) {
        this.forget(path);
        continue;
      }
      const file = await this.load(path, folder);
      if (file) this.publishDiskFiles([file]);
    }
    this.scheduleConsistency();
  }

  /** What a scan of the folder would find: a candidate name, not in a skipped, ignored or excluded place. */
  private async belongsToScan(path: string, folder: Folder): Promise<boolean> {
    const settings = await this.deps.settingsFor(folder.uri);
    if (!settings.enable || !mayHoldProxySetup(path, settings.lint)) return false;
    const parts = relative(folder.path, path).split(sep);
    if (parts.slice(0, -1).some((part) => SKIPPED_DIRECTORIES.has(part))) return false;
    const parent = path.slice(0, path.length - parts[parts.length - 1].length - 1);
    if (GitignoreRules.forDirectory(parent, folder.path).ignores(path, false)) return false;
    const exclude = await this.filesExclude(folder);
    return !exclude(path, false);
  }

  /** The editor's `files.exclude` globs that are on, as a predicate over paths of the folder. */
  private async filesExclude(folder: Folder): Promise<(path: string, isDirectory: boolean) => boolean> {
    let globs: string[] = [];
    try {
      const setting: unknown = await this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: 'files.exclude' });
      if (setting && typeof setting === 'object') globs = Object.entries(setting as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob);
    } catch {
      // a client without workspace/configuration: nothing excluded beyond the defaults
    }
    if (globs.length === 0) return () => false;
    return (path) => {
      const rel = relative(folder.path, path).split(sep).join('/');
      return globs.some((glob) => minimatch(rel, glob, { dot: true }));
    };
  }

  private scheduleConsistency(): void {
    if (this.consistencyTimer) clearTimeout(this.consistencyTimer);
    this.consistencyTimer = setTimeout(() => {
      this.consistencyTimer = undefined;
      void this.updateConsistencyNow().catch((error: unknown) => this.logError('compare the workspace files', error));
    }, CONSISTENCY_DELAY_MS);
  }

  /** Compares the files of each folder and republishes the files whose cross-file diagnostics changed. Runs one at a time. */
  private updateConsistencyNow(): Promise<void> {
    this.consistencyRun = this.consistencyRun.then(() => this.updateConsistency()).catch((error: unknown) => this.logError('compare the workspace files', error));
    return this.consistencyRun;
  }

  private async updateConsistency(): Promise<void> {
    const byFolder = new Map<string, WorkspaceFile[]>();
    const documentOf = new Map<string, TextDocument>();
    const openPaths = new Set<string>();
    const add = (folder: Folder, file: WorkspaceFile, document: TextDocument) => {
      byFolder.set(folder.path, [...(byFolder.get(folder.path) ?? []), file]);
      documentOf.set(file.id, document);
    };
    for (const document of this.documents.all()) {
      if (!document.uri.startsWith('file:')) continue;
      const path = pathOfUri(document.uri);
      openPaths.add(path);
      const folder = this.folders.folderOf(path);
      if (!folder) continue;
      const settings = await this.deps.settingsFor(document.uri);
      // The document may have closed while settings were fetched.
      if (!settings.enable || this.documents.get(document.uri) !== document) continue;
      const found = this.openModels.get(document, settings.lint);
      if (found) add(folder, { id: path, displayName: relative(folder.path, path), model: found.model, options: settings.lint }, document);
    }
    for (const file of this.disk.values()) {
      if (openPaths.has(file.path)) continue;
      const settings = await this.deps.settingsFor(file.folder.uri);
      const found = this.diskModels.get(file.document, settings.lint);
      if (found) add(file.folder, { id: file.path, displayName: relative(file.folder.path, file.path), model: found.model, options: settings.lint }, file.document);
    }
    const next = new Map<string, Diagnostic[]>();
    for (const files of byFolder.values()) {
      // Every finding compares two files: a folder with one file has none (and a large open file would be
      // checked again after every pause in typing).
      if (files.length < 2) continue;
      files.sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0));
      for (const finding of checkWorkspace(files)) {
        const diagnostic = toWorkspaceDiagnostic(finding, (id) => documentOf.get(id)!, this.deps.docsBase());
        next.set(finding.file, [...(next.get(finding.file) ?? []), diagnostic]);
      }
    }
    const previous = this.crossFile;
    this.crossFile = next;
    for (const path of new Set([...previous.keys(), ...next.keys()])) {
      if (JSON.stringify(previous.get(path) ?? []) === JSON.stringify(next.get(path) ?? [])) continue;
      const open = this.documents.all().find((d) => d.uri.startsWith('file:') && pathOfUri(d.uri) === path);
      if (open) this.deps.revalidate(open.uri);
      else {
        const file = this.disk.get(path);
        if (file) this.publishDiskFiles([file]);
      }
    }
  }

  private logError(what: string, error: unknown): void {
    this.connection.console.error(`proxylint could not ${what}: ${maskSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
