// Which kind of file a path holds, from its name (and, where names are shared
// with other tools, a look at its content).
import { minimatch } from 'minimatch';
import type { FileKind } from '../engine/model';

const COMPOSE_NAME = /^(docker-)?compose[^/\\]*\.ya?ml$/i;
const SYSTEMD_UNIT = /\.(service|socket)$/;
const SYSTEMD_DROP_IN_DIR = /\.(service|socket)\.d$/;
/** A byte order mark may precede it on the first line. */
const RUNNERS_TABLE = /^\uFEFF?[ \t]*\[\[[ \t]*runners[ \t]*\]\]/m;
/** `.env` and `proxy.env`: what compose `env_file:` and systemd `EnvironmentFile=` usually name. */
const ENV_FILE = /\.env$/;

export interface DetectOptions {
  /** Extra globs for compose files (`proxylint.composeFilePatterns`), matched against the path and the base name. */
  composeFilePatterns?: readonly string[];
}

export function detectFileKind(path: string, text: string, options: DetectOptions = {}): FileKind | null {
  const parts = path.split(/[\\/]/);
  const base = parts[parts.length - 1] ?? '';
  const parent = parts[parts.length - 2] ?? '';
  if (COMPOSE_NAME.test(base)) return 'compose';
  if ((options.composeFilePatterns ?? []).some((glob) => minimatch(path, glob, { dot: true, matchBase: true }))) return 'compose';
  if (base.endsWith('.toml') && RUNNERS_TABLE.test(text)) return 'runner';
  if (SYSTEMD_UNIT.test(base) || (SYSTEMD_DROP_IN_DIR.test(parent) && base.endsWith('.conf'))) return 'systemd';
  if (base === 'daemon.json') return 'docker-daemon';
  if (base === 'config.json' && /"proxies"\s*:/.test(text)) return 'docker-client';
  if (ENV_FILE.test(base)) return 'env-file';
  return null;
}
