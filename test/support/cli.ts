// Runs the built CLI (dist/cli.js, or the cli.js next to PROXYLINT_SERVER_PATH,
// or PROXYLINT_CLI_PATH) as a real process, and makes throwaway project trees.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const CLI_PATH =
  process.env.PROXYLINT_CLI_PATH ??
  (process.env.PROXYLINT_SERVER_PATH ? join(dirname(resolve(process.env.PROXYLINT_SERVER_PATH)), 'cli.js') : resolve(__dirname, '../../dist/cli.js'));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Text piped to standard input (otherwise standard input is empty). */
  input?: string;
  env?: NodeJS.ProcessEnv;
  stdio?: SpawnSyncOptions['stdio'];
}

/** Environment without what would colour or configure the output from outside. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return { ...env, ...extra };
}

export function runCli(args: readonly string[], options: RunOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: options.env ?? cleanEnv(),
    encoding: 'utf8',
    stdio: options.stdio,
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** A fresh folder holding the given files (paths relative to it); returns its real path. */
export function projectTree(files: Readonly<Record<string, string>>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'proxylint-cli-')));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Files that are correct for every rule of the catalog, to which tests add one mistake at a time. */
export const CLEAN = {
  /** dockerd reads both spellings: the uppercase ones are enough, and it needs no NO_PROXY for loopback. */
  dropIn: (proxy = 'http://proxy.corp.example:3128', noProxy = 'localhost,127.0.0.1,.corp.example') =>
    `[Service]\nEnvironment="HTTP_PROXY=${proxy}"\nEnvironment="HTTPS_PROXY=${proxy}"\nEnvironment="NO_PROXY=${noProxy}"\n`,
  clientConfig: (proxy = 'http://proxy.corp.example:3128', noProxy = 'localhost,127.0.0.1,.corp.example') =>
    `{\n  "proxies": {\n    "default": {\n      "httpProxy": "${proxy}",\n      "httpsProxy": "${proxy}",\n      "noProxy": "${noProxy}"\n    }\n  }\n}\n`,
  compose: (proxy = 'http://proxy.corp.example:3128', noProxy = 'localhost,127.0.0.1,.corp.example') =>
    `services:\n  app:\n    image: app:1\n    environment:\n${['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy'].map((n) => `      ${n}: ${proxy}\n`).join('')}      NO_PROXY: ${noProxy}\n      no_proxy: ${noProxy}\n`,
};
