// `proxylint generate <kind>`: the command-palette generators for scripts.
// The result goes to standard output (or back into --file with --in-place);
// messages go to standard error and never hold the password.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyEdits } from '../engine/fixes';
import { GENERATOR_KINDS, GeneratorError, runGenerator, type GeneratorKind, type GeneratorOptions, type ProxyInput } from '../generators';
import { parseNoProxyList } from '../generators/proxyUrl';
import { listRunners } from '../generators/runnerConfig';
import type { SystemdUnit } from '../generators/systemdDropIn';
import { maskSecrets } from '../proxy/url';
import { parseCommandLineOptions } from './commandLine';
import { InputError, UsageError } from './errors';
import { readStandardInput } from './stdin';

export const GENERATE_USAGE = `Usage: proxylint generate <kind> --proxy <url> [options]

Writes correct proxy settings. Kinds:
  systemd        a drop-in for the Docker daemon or GitLab Runner (a new file)
  runner         the environment of a [[runners]] table in config.toml (--file)
  docker-config  proxies.default in Docker's config.json (merged into --file
                 when it exists, else a new file)
  compose        the proxy environment of docker-compose services (--file)
  encode         the proxy URL with the credentials percent-encoded

Options:
      --proxy <url>          the proxy, e.g. http://proxy.corp.example:3128 (required)
      --user <name>          the proxy user
      --password-env <var>   read the password from this environment variable
      --password-stdin       read the password from standard input (its first line)
      --password <password>  the password itself; avoid it, command lines are
                             visible to other users and kept in shell history
      --no-proxy <hosts>     extra NO_PROXY hosts, comma-separated (repeatable)
      --file <path>          the file to merge into, or the drop-in to write
      --in-place             write the result to --file, not to standard output
      --unit <name>          systemd: docker (default) or gitlab-runner
      --runner <name|n>      runner: the [[runners]] table, by name or 1-based
                             position (needed when the file has several)
      --git-proxy            runner: also set git's http.proxy in
                             pre_get_sources_script
      --service <name>       compose: a service to give the proxy (repeatable;
                             default: every service)
  -h, --help                 show this help

Standard output carries the result, encoded password included: redirect it to
a file, never to a log. Exit codes: 0 done, 2 bad usage or input.

Example:
  proxylint generate systemd --proxy http://proxy.corp.example:3128 \\
    --user svc-docker --password-env PROXY_PASSWORD \\
    | sudo tee /etc/systemd/system/docker.service.d/http-proxy.conf

Docs: docs/generators.md`;

export interface GenerateIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadStream;
}

const OPTIONS = {
  proxy: { type: 'string' },
  user: { type: 'string' },
  'password-env': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  password: { type: 'string' },
  'no-proxy': { type: 'string', multiple: true },
  file: { type: 'string' },
  'in-place': { type: 'boolean' },
  unit: { type: 'string' },
  runner: { type: 'string' },
  'git-proxy': { type: 'boolean' },
  service: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Options that make sense for one kind only. */
const KIND_OPTIONS: Readonly<Record<string, GeneratorKind>> = { unit: 'systemd', runner: 'runner', 'git-proxy': 'runner', service: 'compose' };

export async function generateCommand(argv: readonly string[], io: GenerateIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`proxylint generate: ${maskSecrets(error.message)}\nRun proxylint generate --help for the options.\n`);
      return 2;
    }
    if (error instanceof GeneratorError || error instanceof InputError) {
      io.stderr.write(`proxylint generate: ${maskSecrets(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

async function run(argv: readonly string[], io: GenerateIo): Promise<number> {
  const { values, positionals } = parseCommandLineOptions(argv, OPTIONS);
  if (values.help) {
    io.stdout.write(`${GENERATE_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`which kind? One of ${GENERATOR_KINDS.join(', ')}`);
  if (positionals.length > 1) throw new UsageError(`one kind at a time, not ${positionals.length} (${positionals.map((p) => JSON.stringify(p)).join(', ')})`);
  const kind = positionals[0] as GeneratorKind;
  if (!GENERATOR_KINDS.includes(kind)) throw new UsageError(`unknown kind ${JSON.stringify(positionals[0])}; kinds are ${GENERATOR_KINDS.join(', ')}`);
  for (const [option, only] of Object.entries(KIND_OPTIONS)) {
    if (values[option as keyof typeof values] !== undefined && kind !== only) throw new UsageError(`--${option} applies to ${only} only`);
  }
  if (values.proxy === undefined) throw new UsageError('--proxy <url> is required');
  const file = values.file;
  if (values['in-place'] && file === undefined) throw new UsageError('--in-place needs --file <path>');
  if (kind === 'encode' && file !== undefined) throw new UsageError('encode writes no file: drop --file');
  if (kind === 'systemd' && file !== undefined && !values['in-place']) throw new UsageError('for systemd, --file names the drop-in to write: add --in-place, or leave both out to print it');
  if ((kind === 'runner' || kind === 'compose') && file === undefined) throw new UsageError(`${kind} merges into a file: give --file <path>`);
  const unit = values.unit ?? 'docker';
  if (unit !== 'docker' && unit !== 'gitlab-runner') throw new UsageError(`--unit must be docker or gitlab-runner, not ${JSON.stringify(unit)}`);

  const input: ProxyInput = {
    proxyUrl: values.proxy,
    user: values.user,
    password: await passwordOf(values, io),
    noProxy: (values['no-proxy'] ?? []).flatMap((list) => parseNoProxyList(list)),
  };
  const target = kind === 'systemd' || kind === 'encode' || file === undefined ? undefined : readTarget(file, kind);
  const options: GeneratorOptions = { unit: unit as SystemdUnit, gitProxy: values['git-proxy'], services: values.service };
  if (values.runner !== undefined) options.runner = runnerOption(target ?? '', values.runner);

  const output = runGenerator(kind, input, target, options);
  if (output.type === 'encoded') {
    io.stdout.write(`${output.url}\n`);
    return 0;
  }
  const result = output.type === 'file' ? output.text : applyEdits(target ?? '', output.edits);
  if (values['in-place']) {
    writeResult(file!, result);
    io.stderr.write(`proxylint: wrote ${file}\n`);
  } else {
    io.stdout.write(result);
  }
  if (output.type === 'file' && output.path && !values['in-place'] && kind === 'systemd') io.stderr.write(`proxylint: save it as ${output.path}\n`);
  if (output.followUp && output.followUp.length > 0) io.stderr.write(`Then run:\n${output.followUp.map((c) => `  ${c}\n`).join('')}`);
  return 0;
}

type Values = { 'password-env'?: string; 'password-stdin'?: boolean; password?: string };

async function passwordOf(values: Values, io: GenerateIo): Promise<string | undefined> {
  const sources = [values['password-env'] !== undefined, values['password-stdin'] === true, values.password !== undefined].filter(Boolean).length;
  if (sources > 1) throw new UsageError('give the password one way: --password-env, --password-stdin or --password');
  if (values['password-env'] !== undefined) {
    const password = io.env[values['password-env']];
    if (password === undefined) throw new UsageError(`--password-env: the environment variable ${values['password-env']} is not set`);
    return password;
  }
  if (values['password-stdin']) return (await readStandardInput(io.stdin)).split(/\r?\n/)[0];
  return values.password;
}

function readTarget(path: string, kind: GeneratorKind): string | undefined {
  if (kind === 'docker-config' && !existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** `--runner build` is a name; `--runner 2` the second runner unless one is named "2". */
function runnerOption(text: string, value: string): string | number {
  if (!/^\d+$/.test(value) || listRunners(text).some((r) => r.name === value)) return value;
  const position = Number(value);
  if (position < 1) throw new UsageError('--runner positions start at 1');
  return position - 1;
}

/** Files holding a proxy password are created readable by their owner only; existing files keep their mode. */
function writeResult(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { mode: 0o600 });
  } catch (error) {
    throw new InputError(`${path}: cannot write it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
