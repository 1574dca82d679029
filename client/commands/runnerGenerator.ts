// Proxy: Add proxy environment to a GitLab Runner config.toml… — file →
// runner (when there are several) → proxy questions → git proxy? → edits.
import * as vscode from 'vscode';
import type { RunnerTarget } from '../../server/generators/runnerConfig';
import { GENERATOR_COMMANDS } from './generatorIds';
import { askProxyInput, pickOne } from './proxyPrompts';
import { requestGenerate, requestTargets, type ClientGetter } from './generateRequests';
import { applyEditsToDocument, chooseTargetDocument } from './targetDocument';

export async function addRunnerEnvironment(getClient: ClientGetter): Promise<void> {
  const title = GENERATOR_COMMANDS.runnerEnvironment.title.replace(/…$/, '');
  let runners: RunnerTarget[] = [];
  const runnersOf = async (document: vscode.TextDocument, showError: boolean) => {
    const targets = await requestTargets(getClient, { kind: 'runner', targetText: document.getText() }, showError);
    runners = targets?.runners ?? [];
    if (showError && targets && runners.length === 0) void vscode.window.showErrorMessage('proxylint: this file has no [[runners]] table.');
    return runners.length > 0;
  };
  const document = await chooseTargetDocument((d) => d.uri.path.endsWith('.toml') && runnersOf(d, false), {
    title: 'GitLab Runner config.toml',
    filters: { 'GitLab Runner config': ['toml'] },
  });
  if (!document || (runners.length === 0 && !(await runnersOf(document, true)))) return;
  let runner = 0;
  if (runners.length > 1) {
    const picked = await pickOne<number>(
      title,
      'Which runner gets the proxy?',
      runners.map((r) => ({ label: r.name ?? `runner on line ${r.line}`, description: r.dindHost ? `docker-in-docker (${r.dindHost})` : undefined, detail: `[[runners]] on line ${r.line}`, value: r.index })),
    );
    if (picked === undefined) return;
    runner = picked;
  }
  const input = await askProxyInput({ title, askNoProxy: true });
  if (!input) return;
  const gitProxy = await pickOne<boolean>(title, "Also set git's proxy for the clone?", [
    { label: 'No', detail: 'git reads http_proxy and https_proxy from the environment', value: false },
    { label: "Yes, set git's http.proxy in pre_get_sources_script", value: true },
  ]);
  if (gitProxy === undefined) return;
  const version = document.version;
  const result = await requestGenerate(getClient, { kind: 'runner', input, targetUri: document.uri.toString(), targetText: document.getText(), options: { runner, gitProxy } });
  if (!result?.edits) return;
  await applyEditsToDocument(document, version, result.edits);
}
