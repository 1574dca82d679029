// `.gitignore` rules as git applies them while a folder is walked: the files
// from the repository's top down to a folder, each matched relative to its own
// folder, deeper files overriding shallower ones. Matching is the `ignore`
// package's (the one ESLint and Prettier use), which follows git's rules.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Level {
  directory: string;
  /** `directory` with a separator at its end: the start of every path inside it. */
  prefix: string;
  rules: Ignore;
}

export class GitignoreRules {
  private constructor(private readonly levels: readonly Level[]) {}

  /**
   * Rules in force in `directory`: every `.gitignore` from the repository's
   * top (the folder holding `.git`) down to it, and `.git/info/exclude`.
   * Outside a repository, the files from `topOutsideRepository` (the current
   * folder, a workspace folder) down, when `directory` is inside it.
   */
  static forDirectory(directory: string, topOutsideRepository?: string): GitignoreRules {
    const chain: string[] = [];
    let top: string | null = null;
    for (let current = directory; ; current = dirname(current)) {
      chain.unshift(current);
      if (existsSync(join(current, '.git'))) {
        top = current;
        break;
      }
      if (dirname(current) === current) break;
    }
    let directories = [directory];
    if (top) directories = chain;
    else if (topOutsideRepository !== undefined && isInside(directory, topOutsideRepository)) directories = chain.slice(chain.indexOf(topOutsideRepository));
    let rules = new GitignoreRules([]);
    if (top) rules = rules.withFile(top, join(top, '.git', 'info', 'exclude'));
    for (const folder of directories) rules = rules.child(folder);
    return rules;
  }

  /** The rules for a subfolder: these plus its own `.gitignore`, if any. */
  child(directory: string): GitignoreRules {
    return this.withFile(directory, join(directory, '.gitignore'));
  }

  /** `child`, for a walk that has listed the subfolder: most have no `.gitignore`, and then no file is looked for. */
  childListed(directory: string, names: readonly { name: string }[]): GitignoreRules {
    return names.some((entry) => entry.name === '.gitignore') ? this.child(directory) : this;
  }

  private withFile(directory: string, file: string): GitignoreRules {
    // Most folders have none: asking first is much cheaper than a failed read's exception (a CLI run walks thousands).
    if (!existsSync(file)) return this;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return this;
    }
    return new GitignoreRules([...this.levels, { directory, prefix: directory.endsWith(sep) ? directory : directory + sep, rules: ignore().add(text) }]);
  }

  /** Whether git ignores `path` (absolute and normalized, as walks and file URIs give it). */
  ignores(path: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const level of this.levels) {
      // Inside the level's folder the relative path is the rest of the path: slicing is much cheaper than
      // relative(), which a walk would call for every entry and level.
      const rel = path.startsWith(level.prefix) ? path.slice(level.prefix.length) : relative(level.directory, path);
      if (rel === '' || rel.startsWith('..')) continue;
      const result = level.rules.test((sep === '/' ? rel : rel.split(sep).join('/')) + (isDirectory ? '/' : ''));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
