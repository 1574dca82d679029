// Checks every generator test makes on what a generator wrote.
import assert from 'node:assert/strict';
import { applyEdits, type TextEditAt } from '../../server/engine/fixes';
import { lint, type Finding } from '../../server/engine/lint';
import type { FileKind } from '../../server/engine/model';
import { parseProxyUrl } from '../../server/proxy/url';

/**
 * A generated file with a literal password legitimately gets the
 * `credentials-plaintext` hint (the user chose to write one); every other
 * rule of the catalog must stay silent.
 */
const EXPECTED_WITH_A_PASSWORD = new Set(['credentials-plaintext']);

export function unexpectedFindings(text: string, path: string, kind?: FileKind): Finding[] {
  return lint(text, path, kind ? { kind } : {}).findings.filter((f) => !EXPECTED_WITH_A_PASSWORD.has(f.rule));
}

/** No finding but the plaintext-password hint, and the file was recognised as the expected kind. */
export function assertLintsClean(text: string, path: string, kind: FileKind): void {
  const result = lint(text, path);
  assert.equal(result.kind, kind, `${path} is linted as ${kind}`);
  assert.deepEqual(
    unexpectedFindings(text, path).map((f) => `${f.rule}: ${f.message}`),
    [],
    `findings on the generated ${path}:\n${text}`,
  );
}

/** The edits applied, checked to touch nothing before the first edit or after the last one. */
export function applyChecked(original: string, edits: readonly TextEditAt[]): string {
  const result = applyEdits(original, edits);
  if (edits.length === 0) return result;
  const first = Math.min(...edits.map((e) => e.start));
  const last = Math.max(...edits.map((e) => e.end));
  assert.equal(result.slice(0, first), original.slice(0, first), 'text before the first edit is kept');
  assert.equal(result.slice(result.length - (original.length - last)), original.slice(last), 'text after the last edit is kept');
  return result;
}

/** Every edit only inserts: removing the inserted text at each insertion point gives back the original. */
export function assertOnlyInsertions(original: string, edits: readonly TextEditAt[]): void {
  for (const edit of edits) assert.equal(edit.end, edit.start, `edit at ${edit.start} replaces ${JSON.stringify(original.slice(edit.start, edit.end))}`);
}

/** Every character of the original is still there, in order (checked without looking at the edits). */
export function assertOriginalKept(original: string, result: string): void {
  let at = 0;
  for (let i = 0; i < original.length; i++) {
    at = result.indexOf(original[i], at);
    assert.ok(at >= 0, `the original's text from ${JSON.stringify(original.slice(i, i + 40))} is not kept in:\n${result}`);
    at++;
  }
}

/** The password a client decodes from a proxy URL. */
export function decodedPassword(url: string): string | null {
  const parsed = parseProxyUrl(url);
  return parsed?.password ? decodeURIComponent(parsed.password.text) : null;
}

export function decodedUser(url: string): string | null {
  const parsed = parseProxyUrl(url);
  return parsed?.user ? decodeURIComponent(parsed.user.text) : null;
}

/** A password with every character class that breaks proxy URLs or the files they are written in. */
export const NASTY_PASSWORD = 'F@o:B/a#r !%é';
export const NASTY_PASSWORD_ENCODED = 'F%40o%3AB%2Fa%23r%20%21%25%C3%A9';
