// The command-line linter: same engine as the language server.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { collectFiles } from './cli/files';
import { loadProjectConfig, UsageError } from './cli/config';
import { formatJson, formatText, locate, type Located } from './cli/format';
import { detectFileKind } from './documents/detect';
import { lint, type LintOptions } from './engine/lint';
import type { FileKind } from './engine/model';

const USAGE = `Usage: proxylint [options] <file or folder>...

Lints HTTP proxy settings in docker-compose files, GitLab Runner config.toml,
systemd units and drop-ins, and Docker config.json / daemon.json.

Options:
  --format <text|json>  output format (default: text)
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no error or warning, 1 errors or warnings found, 2 bad usage or unreadable input.`;

interface Arguments {
  paths: string[];
  format: 'text' | 'json';
}

function parseArguments(argv: string[]): Arguments | 'help' | 'version' {
  const args: Arguments = { paths: [], format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-v' || arg === '--version') return 'version';
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be text or json, not ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
      args.format = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      args.paths.push(arg);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no file or folder given');
  return args;
}

/** A file named on the command line whose name does not tell its kind is read as the kind its extension suggests. */
function kindByExtension(path: string, text: string): FileKind | null {
  switch (extname(path).toLowerCase()) {
    case '.yml':
    case '.yaml':
      return 'compose';
    case '.toml':
      return 'runner';
    case '.conf':
    case '.service':
      return 'systemd';
    case '.json':
      return /"proxies"\s*:/.test(text) ? 'docker-client' : null;
    default:
      return null;
  }
}

function run(argv: string[]): number {
  const parsed = parseArguments(argv);
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed === 'version') {
    process.stdout.write(`${process.env.PROXYLINT_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const options: LintOptions = loadProjectConfig(process.cwd());
  const { files, missing } = collectFiles(parsed.paths);
  let exitCode = 0;
  for (const path of missing) {
    process.stderr.write(`proxylint: ${path}: no such file or folder\n`);
    exitCode = 2;
  }
  const results: Located[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file.path, 'utf8');
    } catch (error) {
      process.stderr.write(`proxylint: cannot read ${file.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      exitCode = 2;
      continue;
    }
    const kind = detectFileKind(file.path, text, options) ?? (file.explicit ? kindByExtension(file.path, text) : null);
    if (!kind) continue;
    results.push(...locate(file.path, text, lint(text, file.path, { ...options, kind }).findings));
  }
  const output = parsed.format === 'json' ? formatJson(results) : formatText(results);
  if (output) process.stdout.write(`${output}\n`);
  if (exitCode === 0 && results.some((r) => r.severity === 'error' || r.severity === 'warning')) exitCode = 1;
  return exitCode;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`proxylint: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
