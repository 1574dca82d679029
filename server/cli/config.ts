// `.proxylintrc.json` at the project root: the CLI's equivalent of the
// `proxylint.rules` and `proxylint.composeFilePatterns` settings.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintOptions } from '../engine/lint';
import { toSettings } from '../services/settings';
import { UsageError } from './errors';

export { UsageError };

export const CONFIG_FILE = '.proxylintrc.json';

export function loadProjectConfig(directory: string): LintOptions {
  const path = join(directory, CONFIG_FILE);
  if (!existsSync(path)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return toSettings(raw).lint;
}

