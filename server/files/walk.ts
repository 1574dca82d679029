// Every file under a folder that may hold a proxy setup, in a stable order,
// skipping version-control and dependency folders and what `.gitignore` says.
// Shared by the CLI and the language server's workspace scan.
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { detectFileKind, type DetectOptions } from '../documents/detect';
import { GitignoreRules } from './gitignore';

/** Never walked into: they hold no setup of the user's and can be huge. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface WalkOptions extends DetectOptions {
  /** Honour `.gitignore` files (default true). */
  gitignore?: boolean;
  /** Where `.gitignore` files start counting when the walk is not inside a git repository (see GitignoreRules.forDirectory). */
  topOutsideRepository?: string;
  /** Further names or paths to leave out (the editor's `files.exclude`); called for folders and files. */
  exclude?: (path: string, isDirectory: boolean) => boolean;
}

/**
 * Text that satisfies every content test of `detectFileKind` (`[[runners]]`,
 * a `"proxies"` key): with it, a name that can hold some kind is recognised,
 * so the walk never opens files whose name rules every kind out.
 */
const PROBE_TEXT = '[[runners]]\n"proxies": {}\n';

export function mayHoldProxySetup(path: string, options: DetectOptions = {}): boolean {
  return detectFileKind(path, PROBE_TEXT, options) !== null;
}

/** Paths of candidate files under `root`, depth first, entries sorted by name. */
export function* walkCandidateFiles(root: string, options: WalkOptions = {}): Generator<string> {
  yield* walkFiles(root, (path) => mayHoldProxySetup(path, options), options);
}

/** Paths of the files under `root` that `accept` takes, depth first, entries sorted by name. */
export function* walkFiles(root: string, accept: (path: string) => boolean, options: WalkOptions = {}): Generator<string> {
  const rules = options.gitignore === false ? null : GitignoreRules.forDirectory(root, options.topOutsideRepository);
  const entries = sortedEntries(root);
  if (entries) yield* walk(root, entries, rules, accept, options);
}

/** `rules` include the folder's own `.gitignore`. */
function* walk(directory: string, entries: readonly Dirent[], rules: GitignoreRules | null, accept: (path: string) => boolean, options: WalkOptions): Generator<string> {
  for (const entry of entries) {
    const path = join(directory, entry.name);
    // Symbolic links are not followed: they can loop, and git records them as links.
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || rules?.ignores(path, true) || options.exclude?.(path, true)) continue;
      const children = sortedEntries(path);
      // The listing tells whether the folder has a `.gitignore`: no lookup per folder.
      if (children) yield* walk(path, children, rules?.childListed(path, children) ?? null, accept, options);
    } else if (entry.isFile() && accept(path) && !rules?.ignores(path, false) && !options.exclude?.(path, false)) {
      yield path;
    }
  }
}

/** A folder's entries sorted by name; null when it cannot be read. */
function sortedEntries(directory: string): Dirent[] | null {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return null;
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
