// A systemd drop-in giving the Docker daemon or GitLab Runner its proxy:
// `[Service]` with one quoted `Environment=` per variable, `%` doubled because
// systemd expands specifiers in Environment= (proxy-semantics section 5).
import { renderEnvironmentWord } from '../writers/systemd';
import { noProxyList, proxyEnvironment, BASE_NO_PROXY } from './environment';
import { proxyUrlOf } from './proxyUrl';
import { GeneratorError, type GeneratedFile, type ProxyInput } from './types';

export type SystemdUnit = 'docker' | 'gitlab-runner';

export const SYSTEMD_UNITS: Readonly<Record<SystemdUnit, { description: string; reads: string }>> = {
  docker: { description: 'the Docker daemon', reads: 'image pulls and pushes by dockerd' },
  'gitlab-runner': { description: 'GitLab Runner', reads: "the runner's own requests to GitLab and its image pulls" },
};

export interface SystemdDropInOptions {
  unit: SystemdUnit;
}

export function dropInPath(unit: SystemdUnit): string {
  return `/etc/systemd/system/${unit}.service.d/http-proxy.conf`;
}

export function generateSystemdDropIn(input: ProxyInput, options: SystemdDropInOptions): GeneratedFile {
  const unit = SYSTEMD_UNITS[options.unit];
  if (!unit) throw new GeneratorError(`The unit must be docker or gitlab-runner, not "${String(options.unit)}".`);
  const url = proxyUrlOf(input);
  const path = dropInPath(options.unit);
  const lines = [
    `# ${path}`,
    `# Proxy for ${unit.description} (${unit.reads}), written by proxylint.`,
    '# Both spellings: the daemon reads either, programs it starts may read only the lowercase one.',
  ];
  if (url.includes('%')) lines.push('# The credentials are percent-encoded, and each % is doubled because systemd expands % specifiers.');
  lines.push('[Service]');
  for (const entry of proxyEnvironment(url, noProxyList(BASE_NO_PROXY, input.noProxy))) {
    lines.push(`Environment=${renderEnvironmentWord(entry.name, entry.value, true)}`);
  }
  return { text: `${lines.join('\n')}\n`, path, followUp: systemdFollowUp(options.unit) };
}

/** What makes systemd read the drop-in, restarts the daemon and shows what it got (no password in the commands themselves). */
export function systemdFollowUp(unit: SystemdUnit): string[] {
  return [
    `sudo mkdir -p /etc/systemd/system/${unit}.service.d`,
    'sudo systemctl daemon-reload',
    `sudo systemctl restart ${unit}`,
    `sudo systemctl show --property=Environment ${unit}`,
  ];
}
