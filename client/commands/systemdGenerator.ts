// Proxy: Generate systemd drop-in… — unit → proxy questions → a new
// `systemd-unit` editor with the drop-in, and the commands to run after saving it.
import * as vscode from 'vscode';
import type { SystemdUnit } from '../../server/generators/systemdDropIn';
import { GENERATOR_COMMANDS } from './generatorIds';
import { askProxyInput, pickOne } from './proxyPrompts';
import { requestGenerate, type ClientGetter } from './generateRequests';

export async function generateSystemdDropIn(getClient: ClientGetter): Promise<void> {
  const title = GENERATOR_COMMANDS.systemdDropIn.title.replace(/…$/, '');
  const unit = await pickOne<SystemdUnit>(title, 'Which daemon gets the proxy?', [
    { label: 'Docker daemon', description: 'docker.service', detail: 'Image pulls and pushes by dockerd', value: 'docker' },
    { label: 'GitLab Runner', description: 'gitlab-runner.service', detail: "The runner's requests to GitLab", value: 'gitlab-runner' },
  ]);
  if (!unit) return;
  const input = await askProxyInput({ title, askNoProxy: true });
  if (!input) return;
  const result = await requestGenerate(getClient, { kind: 'systemd', input, options: { unit } });
  if (!result?.text) return;
  const document = await vscode.workspace.openTextDocument({ language: 'systemd-unit', content: result.text });
  await vscode.window.showTextDocument(document);
  const commands = result.followUp ?? [];
  const copy = 'Copy commands';
  const answer = await vscode.window.showInformationMessage(`Save this drop-in as ${result.path}, then run: ${commands.join(' && ')}`, copy);
  if (answer === copy) await vscode.env.clipboard.writeText(commands.join('\n'));
}
