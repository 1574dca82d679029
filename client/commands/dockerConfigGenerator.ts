// Proxy: Add proxy settings to Docker config.json… — file (the active
// config.json, ~/.docker/config.json, or one picked) → proxy questions →
// `proxies.default` merged in, or a new file.
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { GENERATOR_COMMANDS } from './generatorIds';
import { askProxyInput, pickOne } from './proxyPrompts';
import { requestGenerate, type ClientGetter } from './generateRequests';
import { applyEditsToDocument, baseName } from './targetDocument';

export async function addDockerConfig(getClient: ClientGetter): Promise<void> {
  const title = GENERATOR_COMMANDS.dockerConfig.title.replace(/…$/, '');
  const document = await chooseConfigJson(title);
  if (!document) return;
  const input = await askProxyInput({ title, askNoProxy: true });
  if (!input) return;
  const version = document.version;
  const text = document.getText();
  const result = await requestGenerate(getClient, { kind: 'docker-config', input, targetUri: document.uri.toString(), targetText: text, options: {} });
  if (!result) return;
  if (result.edits) {
    await applyEditsToDocument(document, version, result.edits);
  } else if (result.text !== undefined) {
    // A blank or new file: the whole text replaces it.
    const end = document.positionAt(text.length);
    await applyEditsToDocument(document, version, [{ range: { start: { line: 0, character: 0 }, end: { line: end.line, character: end.character } }, newText: result.text }]);
  }
}

/** The active config.json; else ~/.docker/config.json (opened, or a new editor that saves there) or a file picked in the dialog. */
async function chooseConfigJson(title: string): Promise<vscode.TextDocument | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && baseName(active) === 'config.json') return active;
  const home = vscode.Uri.file(join(homedir(), '.docker', 'config.json'));
  const exists = await vscode.workspace.fs.stat(home).then(
    () => true,
    () => false,
  );
  const choice = await pickOne<'home' | 'other'>(title, 'Which config.json?', [
    { label: '~/.docker/config.json', description: exists ? 'merge into it' : 'create it', value: 'home' },
    { label: 'Choose a file…', value: 'other' },
  ]);
  if (!choice) return undefined;
  if (choice === 'home') return vscode.workspace.openTextDocument(exists ? home : home.with({ scheme: 'untitled' }));
  const picked = await vscode.window.showOpenDialog({ title: 'Docker config.json', canSelectMany: false, filters: { 'JSON files': ['json'] } });
  return picked && picked.length > 0 ? vscode.workspace.openTextDocument(picked[0]) : undefined;
}
