// Finds the files to lint under the paths given on the command line.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Names worth reading to detect their kind; everything else is never opened. */
const CANDIDATE = /\.(ya?ml|toml|service|socket|conf|json)$/i;

export interface FileToLint {
  path: string;
  /** Named on the command line: linted even when its name alone does not tell its kind. */
  explicit: boolean;
}

export function collectFiles(paths: readonly string[]): { files: FileToLint[]; missing: string[] } {
  const files: FileToLint[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (stats.isDirectory()) walk(path, files);
    else files.push({ path, explicit: true });
  }
  return { files, missing };
}

function walk(directory: string, files: FileToLint[]): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, files);
    } else if (entry.isFile() && CANDIDATE.test(entry.name)) {
      files.push({ path, explicit: false });
    }
  }
}
