// What the .vsix ships: the bundles, the manifest, README, LICENSE, changelog,
// schemas, docs and the language configuration the manifest names, and nothing
// else (no sources, tests, source maps, node_modules or local files). Checked
// on `vsce ls` (what `npm run package` would pack now) and, when it has been
// built, on the entries of dist/proxylint.vsix itself.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ALL_RULES } from '../../server/rules';
import { REPOSITORY_ROOT } from '../support/corpus';

const ALLOWED: readonly RegExp[] = [
  /^dist\/(client|server)\.js$/,
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^schemas\/[\w.-]+\.json$/,
  /^docs\/([\w-]+\/)*[\w.-]+\.(md|png|svg|gif)$/,
  /^language-configuration\/[\w.-]+\.json$/,
];

interface Manifest {
  main: string;
  contributes?: { jsonValidation?: { url: string }[]; languages?: { configuration?: string }[] };
}

const manifest = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as Manifest;

/** Files the installed extension needs: its entry, the server it starts, and what the manifest points at. */
function required(): string[] {
  const files = ['package.json', 'README.md', 'LICENSE', manifest.main.replace(/^\.\//, ''), 'dist/server.js'];
  for (const { url } of manifest.contributes?.jsonValidation ?? []) if (url.startsWith('./')) files.push(url.slice(2));
  for (const { configuration } of manifest.contributes?.languages ?? []) if (configuration) files.push(configuration.replace(/^\.\//, ''));
  // Diagnostics link to docs/rules/<id>.md inside the extension (works offline).
  for (const rule of ALL_RULES) files.push(`docs/rules/${rule.id}.md`);
  return files;
}

function assertContents(files: readonly string[], source: string): void {
  const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
  assert.deepEqual(unexpected, [], `${source} holds files that do not belong in the extension`);
  const missing = required().filter((file) => !files.includes(file));
  assert.deepEqual(missing, [], `${source} lacks files the extension needs`);
}

const vsce = (() => {
  try {
    return require.resolve('@vscode/vsce/vsce');
  } catch {
    return null;
  }
})();

/** Entry names of a zip file, from its central directory (a .vsix is a zip). */
function zipEntries(path: string): string[] {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, `${path} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'central directory entry');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('package contents', () => {
  test('vsce ls: only the bundles, manifest, README, LICENSE, changelog, schemas, docs and language configuration', { skip: vsce ? false : '@vscode/vsce is not installed (npm install --save-dev @vscode/vsce)' }, () => {
    // The same flags as `npm run package`.
    const listed = spawnSync(process.execPath, [vsce!, 'ls', '--no-dependencies'], { cwd: REPOSITORY_ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    assertContents(files, 'vsce ls');
  });

  const vsix = join(REPOSITORY_ROOT, 'dist/proxylint.vsix');
  test('the built dist/proxylint.vsix', { skip: existsSync(vsix) ? false : 'not built (npm run package)' }, () => {
    const entries = zipEntries(vsix);
    // vsce's own files: the VSIX manifest and the zip's content types.
    const packaging = ['extension.vsixmanifest', '[Content_Types].xml'];
    for (const file of packaging) assert.ok(entries.includes(file), `${file} is in the .vsix`);
    const files = entries.filter((entry) => !packaging.includes(entry) && !entry.endsWith('/'));
    assert.ok(
      files.every((file) => file.startsWith('extension/')),
      'every file lies under extension/',
    );
    // vsce stores the README and changelog lower-cased, and LICENSE as LICENSE.txt.
    const renamed: Readonly<Record<string, string>> = { 'readme.md': 'README.md', 'changelog.md': 'CHANGELOG.md', 'LICENSE.txt': 'LICENSE' };
    assertContents(
      files.map((file) => file.slice('extension/'.length)).map((file) => renamed[file] ?? file),
      'dist/proxylint.vsix',
    );
  });
});
