// Proxy: Add proxy environment to docker-compose services… — file →
// services (all picked at first) → proxy questions → edits.
import * as vscode from 'vscode';
import type { ComposeServiceTarget } from '../../server/generators/compose';
import { GENERATOR_COMMANDS } from './generatorIds';
import { askProxyInput, pickMany } from './proxyPrompts';
import { requestGenerate, requestTargets, type ClientGetter } from './generateRequests';
import { applyEditsToDocument, chooseTargetDocument } from './targetDocument';

const YAML_FILE = /\.ya?ml$/i;

export async function addComposeEnvironment(getClient: ClientGetter): Promise<void> {
  const title = GENERATOR_COMMANDS.compose.title.replace(/…$/, '');
  let services: ComposeServiceTarget[] = [];
  const servicesOf = async (document: vscode.TextDocument, showError: boolean) => {
    services = (await requestTargets(getClient, { kind: 'compose', targetText: document.getText() }, showError))?.services ?? [];
    return services.length > 0;
  };
  const document = await chooseTargetDocument((d) => YAML_FILE.test(d.uri.path) && servicesOf(d, false), {
    title: 'docker-compose file',
    filters: { 'Compose files': ['yml', 'yaml'] },
  });
  if (!document || (services.length === 0 && !(await servicesOf(document, true)))) return;
  const chosen = await pickMany<string>(
    title,
    'Which services get the proxy?',
    services.map((s) => ({ label: s.name, description: describe(s), picked: true, value: s.name })),
  );
  if (!chosen) return;
  const input = await askProxyInput({ title, askNoProxy: true });
  if (!input) return;
  const version = document.version;
  const result = await requestGenerate(getClient, { kind: 'compose', input, targetUri: document.uri.toString(), targetText: document.getText(), options: { services: chosen } });
  if (!result?.edits) return;
  await applyEditsToDocument(document, version, result.edits);
}

function describe(service: ComposeServiceTarget): string {
  const facts: string[] = [];
  if (service.environment === 'list') facts.push('list environment');
  if (service.hasProxy) facts.push('has proxy settings (replaced)');
  if (service.dindHost) facts.push(`docker-in-docker (${service.dindHost})`);
  return facts.join(', ');
}
