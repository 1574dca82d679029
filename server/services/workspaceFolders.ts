// The workspace folders the client has open, as file system paths: from the
// `initialize` request, refreshed with `workspace/workspaceFolders` where the
// client supports it (folders can be added after start).
import { sep } from 'node:path';
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { pathOfUri } from './documentLinting';

export interface Folder {
  uri: string;
  path: string;
}

export class WorkspaceFolders {
  private folders: Folder[] = [];
  private canAsk = false;

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.canAsk = params.capabilities.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    this.folders = toFolders(folders);
  }

  /** The folders now; asks the client when it can tell. */
  async current(): Promise<Folder[]> {
    if (this.canAsk) {
      try {
        const folders = await this.connection.workspace.getWorkspaceFolders();
        this.folders = toFolders(folders ?? []);
      } catch {
        // keep the folders from initialize
      }
    }
    return this.folders;
  }

  /** The innermost known folder holding a path. */
  folderOf(path: string): Folder | null {
    let best: Folder | null = null;
    for (const folder of this.folders) {
      const inside = path === folder.path || path.startsWith(folder.path.endsWith(sep) ? folder.path : folder.path + sep);
      if (inside && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }
}

function toFolders(folders: readonly { uri: string }[]): Folder[] {
  return folders.filter((f) => f.uri.startsWith('file:')).map((f) => ({ uri: f.uri, path: pathOfUri(f.uri).replace(/[\\/]+$/, '') || sep }));
}
