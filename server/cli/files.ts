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

export interface CollectedFiles {
  files: FileToLint[];
  /** One line each, for standard error; any of them makes the exit code 2. */
  errors: string[];
}

export function collectFiles(paths: readonly string[], options: CollectOptions): CollectedFiles {
  const files: FileToLint[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    const key = resolve(options.cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path, explicit });
  };
  for (const path of paths) {
    const absolute = resolve(options.cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      if (isGlob(path)) {
        const matches = expandGlob(path, options);
        if (matches.length === 0) errors.push(`${path}: no files match this pattern`);
        for (const match of matches) add(match, true);
      } else {
        errors.push(`${path}: ${describeMissing(absolute, error)}`);
      }
      continue;
    }
    if (stats.isDirectory()) {
      for (const found of walkCandidateFiles(absolute, { ...options, topOutsideRepository: options.cwd })) add(join(path, relative(absolute, found)), false);
    } else if (stats.isFile()) {
      add(path, true);
    } else {
      errors.push(`${path}: not a regular file (a FIFO, socket or device is not linted)`);
    }
  }
  return { files, errors };
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
