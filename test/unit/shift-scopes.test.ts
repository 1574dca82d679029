// Moving scopes after an edit: the field-by-field copies give exactly what the
// generic walk gives, on the models of every fixture and of generated compose
// files, and objects with fields the copies do not know are still moved
// (through the generic walk).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeFile } from '../../bench/generate';
import { parseDocumentOfKind } from '../../server/documents';
import { shiftScopes, shifted } from '../../server/engine/incremental/shiftScopes';
import type { Scope } from '../../server/engine/model';
import { corpusFiles } from '../support/corpus';

/** Scopes as plain data, each offset function replaced by the offsets it gives for the value's characters. */
function comparable(scopes: readonly Scope[]): unknown {
  return JSON.parse(
    JSON.stringify(
      scopes.map((scope) => ({ ...scope, assignments: scope.assignments.map((a) => ({ ...a, valueOffsets: a.valueOffsets && a.value !== null ? [...a.value].map((_, i) => a.valueOffsets!(i)) : a.valueOffsets })) })),
    ),
  );
}

/** Edit positions spread over the text: before, inside and after every part of it. */
function editPositions(text: string): number[] {
  return [0, 1, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 1, text.length].filter((at, i, all) => at >= 0 && all.indexOf(at) === i);
}

const inputs = [
  ...corpusFiles().filter((file) => file.text.length < 200_000),
  ...[3, 17].map((seed) => ({ file: `generated compose ${seed}`, kind: 'compose' as const, lintPath: 'docker-compose.yml', text: composeFile(30, seed) })),
];

test('scopes: the field-by-field copy equals the generic walk, for every fixture and edit position', () => {
  let scopes = 0;
  for (const input of inputs) {
    const model = parseDocumentOfKind(input.kind, input.text, input.lintPath);
    scopes += model.scopes.length;
    for (const at of editPositions(input.text)) {
      for (const delta of [7, -3, 0]) {
        assert.deepEqual(comparable(shiftScopes(model.scopes, at, delta)), comparable(shifted(model.scopes, at, delta)), `${input.file}: moved by ${delta} at ${at}`);
      }
    }
  }
  assert.ok(scopes > 100, `only ${scopes} scopes were moved`);
});

test('an object with a field the copies do not know is moved by the generic walk', () => {
  const model = parseDocumentOfKind('compose', composeFile(4, 2), 'docker-compose.yml');
  const scope = model.scopes[1];
  const assignment = scope.assignments[0];
  // Fields a later change of the model might add: their offsets must move too.
  const extended = [{ ...scope, extra: { note: { start: 100, end: 104 } }, assignments: [{ ...assignment, extraSpan: { start: assignment.span.start, end: assignment.span.end } }] }] as unknown as Scope[];
  const moved = shiftScopes(extended, 0, 10) as unknown as { extra: { note: { start: number } }; assignments: { extraSpan: { start: number } }[] }[];
  assert.equal(moved[0].extra.note.start, 110);
  assert.equal(moved[0].assignments[0].extraSpan.start, assignment.span.start + 10);
});

test('a value offset function moved many times gives the offsets of one move by the sum', () => {
  const text = composeFile(4, 2);
  const model = parseDocumentOfKind('compose', text, 'docker-compose.yml');
  const assignment = model.scopes.flatMap((s) => s.assignments).find((a) => a.valueOffsets && a.value)!;
  let scopes = model.scopes;
  for (let i = 0; i < 500; i++) scopes = shiftScopes(scopes, 0, 1);
  const moved = scopes.flatMap((s) => s.assignments).find((a) => a.name === assignment.name && a.span.start === assignment.span.start + 500)!;
  assert.equal(moved.valueOffsets!(0), assignment.valueOffsets!(0) + 500);
  assert.equal(moved.valueOffsets!(assignment.value!.length - 1), assignment.valueOffsets!(assignment.value!.length - 1) + 500);
});

