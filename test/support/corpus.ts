// Every file the project keeps as an example or fixture, with its kind: the
// seeds for fuzzing, the inputs of the fix-safety and secrets tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { detectFileKind } from '../../server/documents/detect';
import type { FileKind } from '../../server/engine/model';
import { FILE_KINDS, PATHS_OF_KIND } from './fileKinds';

export const REPOSITORY_ROOT = resolve(__dirname, '../..');
export const REGRESSIONS_DIRECTORY = join(REPOSITORY_ROOT, 'test/fixtures/fuzz-regressions');
export const CORPUS_DIRECTORIES = ['examples', 'test/fixtures'].map((d) => join(REPOSITORY_ROOT, d));

export interface CorpusFile {
  /** Path relative to the repository root. */
  file: string;
  kind: FileKind;
  /** The path to lint it under: its own path, or a path of its kind for regression inputs (kept under neutral names). */
  lintPath: string;
  text: string;
}

function walk(directory: string): string[] {
  let names: string[];
  try {
    names = readdirSync(directory).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Regression inputs: `fuzz-regressions/<kind>/<name>`, read as bytes and decoded as UTF-8 like the CLI does. */
export function regressionInputs(): CorpusFile[] {
  const inputs: CorpusFile[] = [];
  for (const kind of FILE_KINDS) {
    for (const path of walk(join(REGRESSIONS_DIRECTORY, kind))) {
      inputs.push({ file: relative(REPOSITORY_ROOT, path), kind, lintPath: PATHS_OF_KIND[kind][0], text: readFileSync(path).toString('utf8') });
    }
  }
  return inputs;
}

/** Examples and fixtures whose path (and content) make them one of the kinds; regression inputs included. */
export function corpusFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const directory of CORPUS_DIRECTORIES) {
    for (const path of walk(directory)) {
      if (path.startsWith(REGRESSIONS_DIRECTORY)) continue;
      const text = readFileSync(path).toString('utf8');
      const kind = detectFileKind(path, text);
      if (kind) files.push({ file: relative(REPOSITORY_ROOT, path), kind, lintPath: path, text });
    }
  }
  return [...files, ...regressionInputs()];
}

/** Every file under the corpus directories, whatever its kind (secrets are looked for in all of them). */
export function allFixtureFiles(): string[] {
  return CORPUS_DIRECTORIES.flatMap((directory) => walk(directory));
}
