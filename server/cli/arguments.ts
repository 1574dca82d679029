// The command line: options in the style of ESLint, hadolint and shellcheck,
// parsed by Node's own `util.parseArgs`.
import type { RuleSetting } from '../engine/lint';
import { allRuleDescriptors } from '../engine/ruleCatalog';
import { parseCommandLineOptions } from './commandLine';
import { UsageError } from './errors';
import { FORMAT_NAMES, type FormatName } from './formats';

export const USAGE = `Usage: proxylint [options] <file, folder or glob>...
       proxylint [options] --stdin --stdin-filename <path> < file
       proxylint generate <kind> ...   (writes correct settings; see proxylint generate --help)

Lints HTTP proxy settings in docker-compose files, GitLab Runner config.toml,
systemd units and drop-ins, and Docker config.json / daemon.json. Folders are
searched for those files; .gitignore, node_modules and .git are skipped.

Options:
  -f, --format <name>         output format: text (default), json, sarif, gitlab
  -o, --output-file <path>    write the report to a file instead of standard output
      --max-warnings <n>      fail only when there are more than n warnings
      --rule <id>=<severity>  set a rule's severity: off, hint, info, warning, error
                              (repeatable; overrides .proxylintrc.json)
  -q, --quiet                 report errors only: warnings, info and hints are
                              neither shown nor counted
      --color, --no-color     force colour on or off (default: on for a terminal,
                              off when NO_COLOR is set)
      --stdin                 lint standard input
      --stdin-filename <path> the name standard input is linted as (required with
                              --stdin: the name tells the kind of file)
      --no-ignore             also lint files that .gitignore excludes
  -h, --help                  show this help
  -v, --version               show the version

Exit codes:
  0  no errors, and no warnings (or no more than --max-warnings)
  1  errors, or warnings (more than --max-warnings when given)
  2  bad usage, or an input that could not be read

Docs: https://github.com/proxylint/proxylint/blob/main/docs/cli.md`;

export interface CliArguments {
  paths: string[];
  format: FormatName;
  outputFile: string | null;
  /** null: any warning fails the run. */
  maxWarnings: number | null;
  rules: Record<string, RuleSetting>;
  quiet: boolean;
  /** null: decide from the terminal and NO_COLOR. */
  colour: boolean | null;
  stdin: boolean;
  stdinFilename: string | null;
  gitignore: boolean;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'lint'; args: CliArguments };

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'no-ignore': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals } = parseCommandLineOptions(argv, OPTIONS);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const format = values.format ?? 'text';
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, not ${JSON.stringify(format)}`);
  }
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color contradict each other');
  if (positionals.includes('-')) throw new UsageError('to lint standard input, use --stdin --stdin-filename <path>');
  const stdin = values.stdin ?? false;
  const stdinFilename = values['stdin-filename'] ?? null;
  if (stdin && positionals.length > 0) throw new UsageError('--stdin lints standard input only: give no files or folders with it');
  if (stdin && stdinFilename === null) throw new UsageError('--stdin needs --stdin-filename <path>: the name tells which kind of file it is');
  if (!stdin && stdinFilename !== null) throw new UsageError('--stdin-filename only goes with --stdin');
  if (stdinFilename === '') throw new UsageError('--stdin-filename must not be empty');
  if (!stdin && positionals.length === 0) throw new UsageError('no file, folder or glob given');

  return {
    kind: 'lint',
    args: {
      paths: positionals,
      format: format as FormatName,
      outputFile: values['output-file'] ?? null,
      maxWarnings: values['max-warnings'] === undefined ? null : parseMaxWarnings(values['max-warnings']),
      rules: parseRuleOptions(values.rule ?? []),
      quiet: values.quiet ?? false,
      colour: values.color ? true : values['no-color'] ? false : null,
      stdin,
      stdinFilename,
      gitignore: !values['no-ignore'],
    },
  };
}

function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not ${JSON.stringify(value)}`);
  return Number(value);
}

function parseRuleOptions(options: readonly string[]): Record<string, RuleSetting> {
  const known = new Set(allRuleDescriptors().map((r) => r.id));
  const rules: Record<string, RuleSetting> = {};
  for (const option of options) {
    const match = /^([a-z0-9-]+)=([a-z]+)$/.exec(option.trim());
    if (!match) throw new UsageError(`--rule takes <id>=<severity>, e.g. --rule credentials-plaintext=off, not ${JSON.stringify(option)}`);
    const [, id, setting] = match;
    if (!known.has(id)) throw new UsageError(`--rule: unknown rule ${JSON.stringify(id)}; rules are: ${[...known].sort().join(', ')}`);
    if (!(RULE_SETTINGS as readonly string[]).includes(setting)) {
      throw new UsageError(`--rule ${id}: severity must be one of ${RULE_SETTINGS.join(', ')}, not ${JSON.stringify(setting)}`);
    }
    rules[id] = setting as RuleSetting;
  }
  return rules;
}
