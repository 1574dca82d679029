// The file a generator merges into: the active editor's document when it is
// the right kind of file, else one the user picks; and applying the server's
// edits to it as one undoable WorkspaceEdit.
import * as vscode from 'vscode';
import type { TextEdit } from 'vscode-languageclient/node';

/** The active document when `fits` says so, else a file chosen in the open dialog; undefined when cancelled. */
export async function chooseTargetDocument(
  fits: (document: vscode.TextDocument) => Promise<boolean> | boolean,
  dialog: { title: string; filters: Record<string, string[]> },
): Promise<vscode.TextDocument | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && (await fits(active))) return active;
  const picked = await vscode.window.showOpenDialog({ title: dialog.title, canSelectMany: false, canSelectFiles: true, canSelectFolders: false, filters: dialog.filters });
  if (!picked || picked.length === 0) return undefined;
  return vscode.workspace.openTextDocument(picked[0]);
}

/** Applies edits computed for `version` of the document and shows it; false (and a message) when the document changed meanwhile. */
export async function applyEditsToDocument(document: vscode.TextDocument, version: number, edits: TextEdit[]): Promise<boolean> {
  if (document.version !== version) {
    void vscode.window.showErrorMessage(`proxylint: ${vscode.workspace.asRelativePath(document.uri)} changed while the settings were generated; nothing was changed. Run the command again.`);
    return false;
  }
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(`proxylint: ${vscode.workspace.asRelativePath(document.uri)} already has these proxy settings; nothing to change.`);
    return true;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    document.uri,
    edits.map((e) => new vscode.TextEdit(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText)),
  );
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    void vscode.window.showErrorMessage(`proxylint: could not edit ${vscode.workspace.asRelativePath(document.uri)}.`);
    return false;
  }
  await vscode.window.showTextDocument(document);
  return true;
}

/** The last segment of a document's path. */
export function baseName(document: vscode.TextDocument): string {
  const path = document.uri.path;
  return path.slice(path.lastIndexOf('/') + 1);
}
