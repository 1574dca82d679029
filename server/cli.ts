// The command-line linter: same engine as the language server.
import { parseCommandLine, USAGE } from './cli/arguments';
import { InputError, UsageError } from './cli/errors';
import { generateCommand } from './cli/generate';
import { EXIT_USAGE_OR_INPUT } from './cli/exitCode';
import { lintCommand } from './cli/lintCommand';
import { VERSION } from './version';

async function run(argv: string[]): Promise<number> {
  if (argv[0] === 'generate') return generateCommand(argv.slice(1), { env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  const command = parseCommandLine(argv);
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  return lintCommand(command.args, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`proxylint: ${error.message}\nRun proxylint --help for the options.\n`);
      process.exitCode = EXIT_USAGE_OR_INPUT;
    } else if (error instanceof InputError) {
      process.stderr.write(`proxylint: ${error.message}\n`);
      process.exitCode = EXIT_USAGE_OR_INPUT;
    } else {
      throw error;
    }
  },
);
