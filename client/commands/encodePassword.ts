// Proxy: Encode a proxy password… — proxy URL → user → password → the URL
// with encoded credentials on the clipboard; only the masked URL is shown.
import * as vscode from 'vscode';
import { GENERATOR_COMMANDS } from './generatorIds';
import { askProxyInput } from './proxyPrompts';
import { requestGenerate, type ClientGetter } from './generateRequests';

export async function encodeProxyPassword(getClient: ClientGetter): Promise<void> {
  const title = GENERATOR_COMMANDS.encodePassword.title.replace(/…$/, '');
  const input = await askProxyInput({ title, askNoProxy: false, requireUser: true });
  if (!input) return;
  const result = await requestGenerate(getClient, { kind: 'encode', input });
  if (!result?.text) return;
  await vscode.env.clipboard.writeText(result.text);
  void vscode.window.showInformationMessage(`Copied ${result.masked} to the clipboard (password percent-encoded).`);
}
