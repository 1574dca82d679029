// The incremental compose parser gives exactly what a full parse gives: same
// scopes, spans, offsets, and so the same findings (spans, messages, fixes),
// over many random edit sequences on realistic files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { composeFile } from '../../bench/generate';
import { parseDocumentOfKind } from '../../server/documents';
import { lint, lintModel } from '../../server/engine/lint';
import type { ProxyModel } from '../../server/engine/model';
import { parseComposeIncrementally, type ComposeParseState } from '../../server/engine/incremental/incrementalCompose';
import { lintModelIncrementally, type LintMemory } from '../../server/engine/incremental/incrementalLint';

/** The model as plain data; offset functions are compared by offsetsOf. */
function comparable(model: ProxyModel): unknown {
  return JSON.parse(JSON.stringify(model, (_key, value: unknown) => (typeof value === 'function' ? 'function' : value)));
}

function offsetsOf(model: ProxyModel): (number[] | null)[] {
  return model.scopes.flatMap((scope) => scope.assignments.map((a) => (a.valueOffsets && a.value !== null ? [...a.value].map((_, i) => a.valueOffsets!(i)) : null)));
}

function assertSameAsFullParse(text: string, model: ProxyModel, context: string): void {
  const full = parseDocumentOfKind('compose', text, 'docker-compose.yml');
  assert.deepEqual(comparable(model), comparable(full), `model differs ${context}`);
  assert.deepEqual(offsetsOf(model), offsetsOf(full), `value offsets differ ${context}`);
  assert.deepEqual(lintModel(model), lint(text, 'docker-compose.yml').findings, `findings differ ${context}`);
}

/** Lints incrementally (reusing `memory`) and checks the findings equal a full lint's. */
function assertSameFindings(text: string, model: ProxyModel, memory: LintMemory | null, context: string): { memory: LintMemory | null; checkedScopes: number } {
  const linted = lintModelIncrementally(model, {}, memory);
  assert.deepEqual(linted.findings, lint(text, 'docker-compose.yml').findings, `incremental findings differ ${context}`);
  return linted;
}

interface Edit {
  /** Where, as a fraction of the text length. */
  at: number;
  deleteCount: number;
  insert: string;
}

/** Mostly what typing in a value does; sometimes characters that change the YAML structure, and whole lines. */
const SAFE = ['a', 'b', 'x', '1', '_', '-', '.', ',', '=', '/'];
const STRUCTURAL = [' ', '\n', ':', '#', '"', "'", '*', '&', '<', '$', '{', '}', '[', ']', '@', '%', '\t'];
const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteCount: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 2 }), weight: 6 }, { arbitrary: fc.integer({ min: 0, max: 40 }), weight: 1 }),
  insert: fc.oneof(
    { arbitrary: fc.array(fc.constantFrom(...SAFE), { maxLength: 4 }).map((cs) => cs.join('')), weight: 8 },
    { arbitrary: fc.array(fc.constantFrom(...SAFE, ...STRUCTURAL), { minLength: 1, maxLength: 4 }).map((cs) => cs.join('')), weight: 2 },
    { arbitrary: fc.constantFrom('HTTP_PROXY', '      - no_proxy=db\n', '    image: docker:dind\n', '<<: *proxy-env', '&x ', '  extra:\n    image: y\n'), weight: 1 },
  ),
});

function applyEdit(text: string, edit: Edit): string {
  const at = Math.min(text.length, Math.floor(edit.at * text.length));
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.deleteCount));
}

/** Applies the edits one after the other, checking each result against a full parse; returns how many were incremental. */
function checkEditSequence(services: number, seed: number, edits: readonly Edit[]): number {
  let text = composeFile(services, seed);
  const first = parseComposeIncrementally(text, 'docker-compose.yml', null);
  let state: ComposeParseState | null = first.state;
  let memory = lintModelIncrementally(first.model, {}, null).memory;
  let incremental = 0;
  for (const [i, edit] of edits.entries()) {
    text = applyEdit(text, edit);
    const parse = parseComposeIncrementally(text, 'docker-compose.yml', state);
    if (parse.incremental) incremental++;
    const context = `after edit ${i + 1}: ${JSON.stringify(edit)}`;
    assertSameAsFullParse(text, parse.model, context);
    memory = assertSameFindings(text, parse.model, memory, context).memory;
    state = parse.state;
  }
  return incremental;
}

test('random edits of any kind: the incremental model and findings equal a full parse', () => {
  fc.assert(
    fc.property(fc.integer({ min: 4, max: 30 }), fc.integer({ min: 1, max: 1000 }), fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (services, seed, edits) => {
      checkEditSequence(services, seed, edits);
    }),
    { numRuns: 120 },
  );
});

test('typing anywhere: the incremental model and findings equal a full parse, and most keystrokes are incremental', () => {
  const keystroke: fc.Arbitrary<Edit> = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    deleteCount: fc.integer({ min: 0, max: 1 }),
    insert: fc.oneof(fc.constantFrom(...SAFE), fc.constant('')),
  });
  let steps = 0;
  let incremental = 0;
  fc.assert(
    fc.property(fc.integer({ min: 4, max: 30 }), fc.integer({ min: 1, max: 1000 }), fc.array(keystroke, { minLength: 1, maxLength: 15 }), (services, seed, edits) => {
      steps += edits.length;
      incremental += checkEditSequence(services, seed, edits);
    }),
    { numRuns: 100 },
  );
  // Keystrokes on key lines, outside the services or that break the YAML are parsed whole; the rest must not be, or this test proves nothing.
  assert.ok(incremental > steps * 0.1, `only ${incremental} of ${steps} keystrokes were parsed incrementally`);
});

test('typing in a service re-parses and re-checks only that service, anchors and merge keys included', () => {
  let text = composeFile(40, 3);
  const first = parseComposeIncrementally(text, 'docker-compose.yml', null);
  let state = first.state;
  let memory = lintModelIncrementally(first.model, {}, null).memory;
  assert.ok(state, 'the generated file has the layout the incremental parser knows');
  // A service that merges the x-proxy-env anchor.
  const site = text.indexOf('      LOG_LEVEL: ', text.length / 2);
  const lineEnd = text.indexOf('\n', site);
  for (const [i, character] of [...',cache_2'].entries()) {
    text = text.slice(0, lineEnd + i) + character + text.slice(lineEnd + i);
    const parse = parseComposeIncrementally(text, 'docker-compose.yml', state);
    assert.equal(parse.incremental, true, `keystroke ${i + 1} was parsed whole`);
    assertSameAsFullParse(text, parse.model, `after keystroke ${i + 1}`);
    const linted = assertSameFindings(text, parse.model, memory, `after keystroke ${i + 1}`);
    // Only the edited service's scopes (environment, build args) are checked again.
    assert.ok(linted.checkedScopes <= 2, `${linted.checkedScopes} scopes were checked again`);
    memory = linted.memory;
    state = parse.state;
  }
});

test('edits that other services depend on are parsed whole', () => {
  const text = composeFile(12, 5);
  const state = parseComposeIncrementally(text, 'docker-compose.yml', null).state;
  const imageAt = text.indexOf('    image: ', text.indexOf('services:'));
  const imageLineEnd = text.indexOf('\n', imageAt);
  // A changed image changes other services' peers and docker-in-docker.
  const changedImage = `${text.slice(0, imageLineEnd)}-dind${text.slice(imageLineEnd)}`;
  const parse = parseComposeIncrementally(changedImage, 'docker-compose.yml', state);
  assert.equal(parse.incremental, false);
  assertSameAsFullParse(changedImage, parse.model, 'after changing an image');
  // The anchor block above the services.
  const anchorEdit = text.replace('x-proxy-env: &proxy-env\n', 'x-proxy-env: &proxy-env\n  FTP_PROXY: http://p:1\n');
  const anchorParse = parseComposeIncrementally(anchorEdit, 'docker-compose.yml', state);
  assert.equal(anchorParse.incremental, false);
  assertSameAsFullParse(anchorEdit, anchorParse.model, 'after editing the anchor');
});
