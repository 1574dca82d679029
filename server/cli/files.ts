// The files a run lints, from what the command line names: files (linted
// whatever their name), folders (searched for the kinds proxylint knows) and
// globs such as 'deploy/**/*.yml' (quoted, so proxylint expands them itself).
import { lstatSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import type { DetectOptions } from '../documents/detect';
import { walkCandidateFiles, walkFiles } from '../files/walk';

export interface FileToLint {
  path: string;
  /** Named on the command line or matched by a glob: linted even when its name alone does not tell its kind. */
  explicit: boolean;
}

export interface CollectOptions extends DetectOptions {
  gitignore: boolean;
  cwd: string;
}

/**
 * The files to lint, in a stable order, found as they are asked for: a run
 * starts linting while the walk goes on. What cannot be linted (a missing
 * path, a glob that matches nothing) is added to `errors`, one line each for
 * standard error; any of them makes the exit code 2.
 */
export function* filesToLint(paths: readonly string[], options: CollectOptions, errors: string[]): Generator<FileToLint> {
  // One path yields each file once; only several can name a file twice (a folder and a file in it, overlapping globs).
  const seen = paths.length > 1 ? new Set<string>() : null;
  for (const path of paths) {
    const absolute = resolve(options.cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      if (isGlob(path)) {
        const matches = expandGlob(path, options);
        if (matches.length === 0) errors.push(`${path}: no files match this pattern`);
        for (const match of matches) if (firstTime(seen, resolve(options.cwd, match))) yield { path: match, explicit: true };
      } else {
        errors.push(`${path}: ${describeMissing(absolute, error)}`);
      }
      continue;
    }
    if (stats.isDirectory()) {
      const prefixLength = absolute.endsWith(sep) ? absolute.length : absolute.length + 1;
      for (const found of walkCandidateFiles(absolute, { ...options, topOutsideRepository: options.cwd })) {
        // `found` is `absolute` joined with the rest: it is already the resolved path (no relative() and resolve() per file).
        if (firstTime(seen, found)) yield { path: join(path, found.slice(prefixLength)), explicit: false };
      }
    } else if (stats.isFile()) {
      if (firstTime(seen, absolute)) yield { path, explicit: true };
    } else {
      errors.push(`${path}: not a regular file (a FIFO, socket or device is not linted)`);
    }
  }
}

/** A file named twice is linted once. */
function firstTime(seen: Set<string> | null, resolved: string): boolean {
  if (!seen) return true;
  if (seen.has(resolved)) return false;
  seen.add(resolved);
  return true;
}

function describeMissing(absolute: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    try {
      if (lstatSync(absolute).isSymbolicLink()) return 'a symbolic link to a file that does not exist';
    } catch {
      // not even a link
    }
    return 'no such file or folder';
  }
  return `cannot read it (${code ?? String(error)})`;
}

function isGlob(path: string): boolean {
  return new Minimatch(path.split(sep).join('/')).hasMagic();
}

/**
 * Files matching a glob, as paths in the glob's own terms (`deploy/**\/*.yml`
 * → `deploy/a/compose.yml`). The walk starts at the glob's literal folder and
 * skips what a folder walk skips.
 */
function expandGlob(pattern: string, options: CollectOptions): string[] {
  const normalized = pattern.split(sep).join('/');
  const literal: string[] = [];
  for (const segment of normalized.split('/').slice(0, -1)) {
    if (new Minimatch(segment).hasMagic()) break;
    literal.push(segment);
  }
  const base = literal.length === 0 ? '' : literal.join('/') || '/';
  const baseAbsolute = resolve(options.cwd, base || '.');
  const matcher = new Minimatch(normalized, { dot: false });
  const shown = (path: string) => {
    const rel = relative(baseAbsolute, path).split(sep).join('/');
    return base === '' ? rel : `${base.replace(/\/$/, '')}/${rel}`;
  };
  return [...walkFiles(baseAbsolute, (path) => matcher.match(shown(path)), { gitignore: options.gitignore, topOutsideRepository: options.cwd })].map(shown);
}
