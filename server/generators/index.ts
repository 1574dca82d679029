// One entry point for every generator, shared by the language server's
// `proxylint/generate` request and `proxylint generate` on the command line.
import { generateCompose, listComposeServices } from './compose';
import { generateDockerConfig } from './dockerConfig';
import { encodeProxyUrl, type EncodedProxyUrl } from './encodePassword';
import { generateRunnerEnvironment } from './runnerConfig';
import { generateSystemdDropIn, type SystemdUnit } from './systemdDropIn';
import { GeneratorError, type GeneratedEdits, type GeneratedFile, type GeneratorKind, type ProxyInput } from './types';

export interface GeneratorOptions {
  /** systemd: the unit whose drop-in is written. */
  unit?: SystemdUnit;
  /** runner: the `[[runners]]` table, by name or 0-based position. */
  runner?: string | number;
  /** runner: also set git's http.proxy in pre_get_sources_script. */
  gitProxy?: boolean;
  /** compose: the services that get the proxy; all of them when absent. */
  services?: string[];
}

export type GeneratorOutput = ({ type: 'file' } & GeneratedFile) | ({ type: 'edits' } & GeneratedEdits) | ({ type: 'encoded' } & EncodedProxyUrl);

/** Runs a generator; `target` is the text of the file to merge into (required for runner and compose). */
export function runGenerator(kind: GeneratorKind, input: ProxyInput, target: string | undefined, options: GeneratorOptions = {}): GeneratorOutput {
  switch (kind) {
    case 'systemd':
      return { type: 'file', ...generateSystemdDropIn(input, { unit: options.unit ?? 'docker' }) };
    case 'runner':
      return { type: 'edits', ...generateRunnerEnvironment(requireTarget(target, 'a GitLab Runner config.toml'), input, { runner: options.runner, gitProxy: options.gitProxy }) };
    case 'docker-config': {
      const result = generateDockerConfig(target, input);
      return 'edits' in result ? { type: 'edits', ...result } : { type: 'file', ...result };
    }
    case 'compose': {
      const text = requireTarget(target, 'a docker-compose file');
      return { type: 'edits', ...generateCompose(text, input, { services: options.services ?? listComposeServices(text).map((s) => s.name) }) };
    }
    case 'encode':
      return { type: 'encoded', ...encodeProxyUrl(input) };
    default:
      throw new GeneratorError(`Unknown generator "${String(kind)}".`);
  }
}

function requireTarget(target: string | undefined, what: string): string {
  if (target === undefined) throw new GeneratorError(`This generator edits ${what}: give its text.`);
  return target;
}

export { GENERATOR_KINDS, GeneratorError, type GeneratorKind, type ProxyInput } from './types';
