// Hover on a proxy variable name: what it is for, which clients read this
// spelling (measured, see server/proxy/clients.ts) and the value each client
// ends up with once both spellings are considered.
import type { Assignment, FileKind, Scope } from '../../engine/model';
import { ALL_CLIENTS, clientDisplayName, effectiveVariable, readsVariable, type ClientId, type ProxyVariable } from '../../proxy/clients';
import { envName } from '../../proxy/variables';
import { environmentOf } from '../assignmentAt';
import { code, table } from './markdown';
import { joinNames, SETTING_PURPOSE, shownValue } from './describe';

const MODELLED: ReadonlySet<string> = new Set<ProxyVariable>(['http_proxy', 'https_proxy', 'no_proxy', 'all_proxy']);

export function variableHover(kind: FileKind, assignment: Assignment, scopes: Scope[]): string | null {
  const setting = assignment.setting;
  if (!setting) return null;
  if (assignment.spelling === 'json-key') return dockerKeyHover(kind, assignment);
  const lines = [`**${assignment.name}**: ${SETTING_PURPOSE[setting]}`];
  if (assignment.value === null) {
    lines.push(kind === 'compose' || kind === 'env-file' ? `${code(assignment.name)} takes its value from the environment docker compose runs in; it is not known here.` : `${code(assignment.name)} has no value here.`);
  }
  const ignored = scopes.find((scope) => scope.ignoredBecause);
  if (ignored) return [...lines, `Ignored: ${ignored.ignoredBecause}.`].join('\n\n');
  if (!MODELLED.has(setting)) return lines.join('\n\n');
  const variable = setting as ProxyVariable;
  // An anchor merged into several services: one table per distinct environment.
  const sections = new Map<string, string[]>();
  for (const scope of scopes) {
    const clients: readonly ClientId[] = scope.consumer === 'go-daemon' ? ['go'] : ALL_CLIENTS;
    const body = readersTable(assignment.name, variable, environmentOf(scope), clients);
    sections.set(body, [...(sections.get(body) ?? []), scope.label]);
  }
  for (const [body, labels] of sections) {
    const consumer = scopes.find((scope) => scope.label === labels[0])?.consumer;
    const intro = consumer === 'go-daemon' ? `This unit runs a Go daemon: it reads both spellings, ${code(envName(variable, 'upper'))} first.` : null;
    lines.push(`In ${joinNames(labels)}:`);
    if (intro) lines.push(intro);
    lines.push(body);
  }
  return lines.join('\n\n');
}

function readersTable(name: string, variable: ProxyVariable, env: Map<string, string>, clients: readonly ClientId[]): string {
  const rows = clients.map((client) => [clientDisplayName(client), readsVariable(client, name) ? 'yes' : 'no', uses(client, variable, env)]);
  return table(['client', `reads ${code(name)}`, 'uses'], rows);
}

function uses(client: ClientId, variable: ProxyVariable, env: Map<string, string>): string {
  if (!readsVariable(client, variable) && !readsVariable(client, variable.toUpperCase())) return `nothing: ignores ${variable}`;
  const found = effectiveVariable(client, env, variable);
  if (!found) return 'nothing: not set';
  if (found.value === '') return `nothing: ${code(found.name)} is empty`;
  return `${code(found.name)} = ${code(shownValue(variable, found.value))}`;
}

const DOCKER_CLIENT_KEYS: Readonly<Record<string, string>> = {
  httpProxy: 'HTTP_PROXY',
  httpsProxy: 'HTTPS_PROXY',
  noProxy: 'NO_PROXY',
  ftpProxy: 'FTP_PROXY',
  allProxy: 'ALL_PROXY',
};

const DOCKER_DAEMON_KEYS: ReadonlySet<string> = new Set(['http-proxy', 'https-proxy', 'no-proxy']);

function dockerKeyHover(kind: FileKind, assignment: Assignment): string {
  const setting = assignment.setting!;
  const lines: string[] = [];
  const upper = DOCKER_CLIENT_KEYS[assignment.name];
  if (kind === 'docker-client' && upper) {
    lines.push(`**${assignment.name}**: ${SETTING_PURPOSE[setting]}, for containers and builds this docker CLI starts.`);
    lines.push(`The CLI sets it as ${code(upper)} and ${code(upper.toLowerCase())}, so clients that read only one spelling see it too. It does not change the proxy of the CLI or the daemon.`);
  } else if (kind === 'docker-daemon' && DOCKER_DAEMON_KEYS.has(assignment.name)) {
    lines.push(`**${assignment.name}**: ${SETTING_PURPOSE[setting]}, for dockerd's own requests (image pulls, registry logins).`);
    lines.push(`It overrides the ${code(setting.toUpperCase())} environment of the docker service and is not passed to containers. dockerd is a Go program.`);
  } else {
    lines.push(`**${assignment.name}**: ${SETTING_PURPOSE[setting]}; this Docker file does not read this key.`);
  }
  if (assignment.value !== null) lines.push(`Value: ${code(shownValue(setting, assignment.value))}`);
  return lines.join('\n\n');
}
