// Per file kind: paths that make the engine detect it, and the real parser of
// its syntax, used to check that a fixed text still reads the way the
// consumer reads it. The parsers here are called directly, not through the
// engine, so an engine bug cannot hide behind its own parse.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTOML } from 'toml-eslint-parser';
import { parseAllDocuments } from 'yaml';
import type { FileKind } from '../../server/engine/model';

export const FILE_KINDS: readonly FileKind[] = ['compose', 'runner', 'systemd', 'docker-client', 'docker-daemon', 'env-file'];

/**
 * Virtual paths per kind. A systemd drop-in's consumer depends on its unit
 * (Go daemons read both spellings), so systemd has one path of each.
 */
export const PATHS_OF_KIND: Readonly<Record<FileKind, readonly string[]>> = {
  compose: ['/fuzz/project/docker-compose.yml'],
  runner: ['/fuzz/etc/gitlab-runner/config.toml'],
  systemd: ['/fuzz/etc/systemd/system/app.service.d/http-proxy.conf', '/fuzz/etc/systemd/system/docker.service.d/http-proxy.conf', '/fuzz/etc/systemd/system/app.service'],
  'docker-client': ['/fuzz/home/.docker/config.json'],
  'docker-daemon': ['/fuzz/etc/docker/daemon.json'],
  'env-file': ['/fuzz/project/proxy.env', '/fuzz/project/.env'],
};

const BOM = '\uFEFF';

/**
 * Why the consumer's parser rejects the text, or null when it reads it.
 * YAML: the `yaml` library with unique keys (docker compose rejects duplicate
 * keys). TOML: toml-eslint-parser, a TOML 1.0 parser that checks the spec.
 * JSON: `JSON.parse`, after the BOM that dockerd strips. systemd units are
 * checked with `systemd-analyze verify` instead (see `systemdComplaints`);
 * env files have no parser but compose-go's, which the engine's follows.
 */
export function realParseError(kind: FileKind, text: string): string | null {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  try {
    switch (kind) {
      case 'compose': {
        const errors = parseAllDocuments(body, { merge: true }).flatMap((doc) => ('errors' in doc ? doc.errors : []));
        return errors.length > 0 ? errors[0].message.split('\n')[0] : null;
      }
      case 'runner':
        parseTOML(body);
        return null;
      case 'docker-client':
      case 'docker-daemon':
        JSON.parse(body);
        return null;
      case 'systemd':
      case 'env-file':
        return null;
    }
  } catch (error) {
    // The JS parser's own stack limit (a 150,000-character string, deep nesting) is no syntax error: the consumer reads the file.
    if (error instanceof RangeError) return null;
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

/** The file extension a kind's inputs are stored with in the regression folder. */
export const EXTENSION_OF_KIND: Readonly<Record<FileKind, string>> = {
  compose: '.yml',
  runner: '.toml',
  systemd: '.conf',
  'docker-client': '.json',
  'docker-daemon': '.json',
  'env-file': '.env',
};

let systemdAnalyzeAvailable: boolean | undefined;

export function hasSystemdAnalyze(): boolean {
  systemdAnalyzeAvailable ??= spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).status === 0;
  return systemdAnalyzeAvailable;
}

/** One line systemd complained about while loading a unit: "Invalid syntax, ignoring", "Failed to resolve specifiers"... */
export interface SystemdComplaint {
  /** 1-based line of the unit text. */
  line: number;
  message: string;
}

/**
 * Loads each text as a service unit with `systemd-analyze verify` (offline:
 * nothing is started) and returns, per text, the complaints about its lines.
 * All texts go to one process, since each start costs tens of milliseconds.
 */
export function systemdComplaints(texts: readonly string[]): SystemdComplaint[][] {
  if (texts.length === 0) return [];
  const directory = mkdtempSync(join(tmpdir(), 'proxylint-systemd-'));
  try {
    const files = texts.map((text, index) => {
      const file = join(directory, `unit${index}.service`);
      writeFileSync(file, text);
      return file;
    });
    // verify exits non-zero for unit-level errors (no ExecStart=); the line-level messages on stderr are what we read.
    const result = spawnSync('systemd-analyze', ['verify', '--man=no', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    const perFile = texts.map((): SystemdComplaint[] => []);
    for (const line of output.split('\n')) {
      const match = /^(.*\/unit(\d+)\.service):(\d+): (.*)$/.exec(line);
      if (match) perFile[Number(match[2])].push({ line: Number(match[3]), message: match[4] });
    }
    return perFile;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
