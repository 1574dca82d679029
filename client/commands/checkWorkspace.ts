// "Proxy: Check workspace": asks the server to lint every matching file of the
// workspace folders, with a cancellable progress notification; the results go
// to the Problems panel like those of open files.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_METHOD, type CheckWorkspaceParams, type CheckWorkspaceResult } from '../../server/services/workspaceScanProtocol';

export const CHECK_WORKSPACE_COMMAND = 'proxylint.checkWorkspace';

/** Files the server lints from disk once a folder was checked; it is told when they change. */
export const WATCHED_FILES_GLOB = '**/{*.yml,*.yaml,*.toml,*.service,*.socket,*.conf,*.json,*.env,.env,.env.*}';

export function registerCheckWorkspaceCommand(clientOf: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, async (): Promise<CheckWorkspaceResult | undefined> => {
    const client = clientOf();
    if (!client) {
      void vscode.window.showErrorMessage('proxylint: the language server is not running.');
      return undefined;
    }
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('proxylint: open a folder to check a workspace.');
      return undefined;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'proxylint: checking workspace', cancellable: true },
      async (progress, token) => {
        const workDoneToken = randomUUID();
        let shown = 0;
        const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const percentage = value.percentage ?? shown;
          progress.report({ message: value.message, increment: Math.max(0, percentage - shown) });
          shown = Math.max(shown, percentage);
        });
        try {
          const params: CheckWorkspaceParams = { workDoneToken };
          return await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_METHOD, params, token);
        } finally {
          listener.dispose();
        }
      },
    );
    const summary = `proxylint ${result.cancelled ? 'stopped after' : 'checked'} ${result.files} file${result.files === 1 ? '' : 's'}: ${
      result.problems === 0 ? 'no problems' : `${result.problems} problem${result.problems === 1 ? '' : 's'} in ${result.filesWithProblems} file${result.filesWithProblems === 1 ? '' : 's'}`
    }.`;
    if (result.problems > 0) {
      void vscode.window.showInformationMessage(summary, 'Show Problems').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    } else {
      void vscode.window.showInformationMessage(summary);
    }
    return result;
  });
}
