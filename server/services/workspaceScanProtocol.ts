// The `proxylint/checkWorkspace` request between the VS Code command and the
// server. No imports: the client bundle includes this file.

export const CHECK_WORKSPACE_METHOD = 'proxylint/checkWorkspace';

export interface CheckWorkspaceParams {
  /** Token for `$/progress` reports (LSP work done progress), chosen by the client. */
  workDoneToken?: string | number;
}

export interface CheckWorkspaceResult {
  /** Files of a kind proxylint knows that were linted. */
  files: number;
  /** Problems in them (errors, warnings, info and hints), per-file and cross-file. */
  problems: number;
  filesWithProblems: number;
  /** The client cancelled: what was linted so far stays published. */
  cancelled: boolean;
}
