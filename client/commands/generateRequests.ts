// The generator requests to the language server. Their parameters and
// results carry the proxy password, so the client's message trace
// (`proxylint.trace.server`) is paused while one is under way.
import * as vscode from 'vscode';
import { Trace, type LanguageClient } from 'vscode-languageclient/node';
import type { GenerateParams, GenerateResult, GenerateTargetsParams, GenerateTargetsResult } from '../../server/services/generate';

export const GENERATE_REQUEST = 'proxylint/generate';
export const GENERATE_TARGETS_REQUEST = 'proxylint/generateTargets';

export type ClientGetter = () => LanguageClient | undefined;

/** The generated settings, or undefined after showing why there are none. */
export async function requestGenerate(getClient: ClientGetter, params: GenerateParams): Promise<GenerateResult | undefined> {
  return send<GenerateResult>(getClient, GENERATE_REQUEST, params, true);
}

/** The runners or services of a document, or undefined when it has none (`showError`: say why). */
export async function requestTargets(getClient: ClientGetter, params: GenerateTargetsParams, showError: boolean): Promise<GenerateTargetsResult | undefined> {
  return send<GenerateTargetsResult>(getClient, GENERATE_TARGETS_REQUEST, params, showError);
}

async function send<R>(getClient: ClientGetter, method: string, params: unknown, showError: boolean): Promise<R | undefined> {
  const client = getClient();
  if (!client) {
    void vscode.window.showErrorMessage('proxylint: the language server is not running.');
    return undefined;
  }
  const configured = vscode.workspace.getConfiguration('proxylint').get<string>('trace.server', 'off');
  const traced = Trace.fromString(configured) !== Trace.Off;
  try {
    if (traced) await client.setTrace(Trace.Off);
    return await client.sendRequest<R>(method, params);
  } catch (error) {
    // The server's messages never hold the password (it masks them).
    if (showError) void vscode.window.showErrorMessage(`proxylint: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    if (traced) await client.setTrace(Trace.fromString(configured));
  }
}
