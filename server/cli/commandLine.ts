// `util.parseArgs` for both commands (lint and generate), with its errors said
// the way a CLI user needs them rather than the way its API explains them.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The options and positionals of a command line; a usage error for anything parseArgs refuses. */
export function parseCommandLineOptions<T extends OptionsConfig>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

function describeParseError(error: unknown): string {
  const { code, message = '' } = error as { code?: string; message?: string };
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      // Up to a blank only: parseArgs quotes the whole argument, which may hold a password given after the wrong option.
      return `unknown option ${/'(-[^' ]*)/.exec(message)?.[1] ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = longName(/'(-[^']*)'/.exec(message)?.[1]);
      return /argument missing|ambiguous/.test(message) ? `${option} needs a value` : `${option} takes no value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'unexpected argument';
    default:
      return 'the command line does not parse';
  }
}

/** `-f, --format <value>` → `--format`. */
function longName(option: string | undefined): string {
  if (!option) return 'an option';
  return /--[a-z-]+/.exec(option)?.[0] ?? option;
}
