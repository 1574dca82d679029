// Paths as CI tools want them: relative to the repository root (the current
// folder), with forward slashes.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `compose/docker-compose.yml`; null for a file outside `cwd`. */
export function relativeToRoot(file: string, cwd: string): string | null {
  const rel = relative(cwd, resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

/** A URI reference for SARIF: relative and percent-encoded inside `cwd`, an absolute `file:` URI outside it. */
export function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relativeToRoot(file, cwd);
  if (rel === null) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
