// Mutations of a document: the ways real files get damaged or reformatted
// (truncated saves, stray bytes, editors switching line endings or adding a
// BOM, tabs, pasted megabytes, machine-generated nesting). Mutations are plain
// data, so fast-check can shrink and print them; `applyMutation` does the work.
import fc from 'fast-check';
import type { FileKind } from '../../server/engine/model';

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; at: number; other: number }
  | { op: 'bom' }
  | { op: 'crlf' }
  | { op: 'cr-only' }
  | { op: 'mixed-line-endings'; at: number }
  | { op: 'strip-final-newline' }
  | { op: 'tabs' }
  | { op: 'invalid-utf8'; at: number; bytes: number[] }
  | { op: 'lone-surrogate'; at: number; unit: number }
  | { op: 'deep-nesting'; at: number; depth: number; open: string; close: string }
  | { op: 'huge-line'; at: number; length: number; unit: string };

/** A position as any non-negative integer, taken modulo the text length so it stays valid while shrinking. */
function positionIn(text: string, at: number): number {
  return text.length === 0 ? 0 : at % (text.length + 1);
}

function lineBounds(text: string): { start: number; end: number }[] {
  const bounds: { start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) {
      bounds.push({ start, end: text.length });
      return bounds;
    }
    bounds.push({ start, end: newline + 1 });
    start = newline + 1;
  }
}

export function withBom(text: string): string {
  return text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
}

export function withCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export function withoutFinalNewline(text: string): string {
  return text.replace(/(\r?\n)+$/, '');
}

/**
 * Tabs where the syntax allows them. YAML forbids tabs in indentation, so
 * compose files get them as the separator after `:` and before comments;
 * TOML, systemd and JSON get tab indentation (one tab per two spaces).
 */
export function withTabs(text: string, kind: FileKind): string {
  if (kind === 'compose') return text.replace(/^([ ]*(?:- )?[^\s#:'"][^:\n]*):[ ]+(?=\S)/gm, '$1:\t').replace(/[ ]+#/g, '\t#');
  const indented = text.replace(/^( +)/gm, (spaces) => '\t'.repeat(Math.ceil(spaces.length / 2)));
  return kind === 'runner' ? indented.replace(/^(\s*[A-Za-z_][\w.-]*) = /gm, '$1\t=\t') : indented;
}

export function applyMutation(text: string, mutation: Mutation, kind: FileKind): string {
  switch (mutation.op) {
    case 'truncate':
      return text.slice(0, positionIn(text, mutation.at));
    case 'insert': {
      const at = positionIn(text, mutation.at);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'delete': {
      const at = positionIn(text, mutation.at);
      return text.slice(0, at) + text.slice(at + mutation.length);
    }
    case 'duplicate-line': {
      const lines = lineBounds(text);
      const line = lines[mutation.at % lines.length];
      const content = text.slice(line.start, line.end);
      return text.slice(0, line.end) + (content.endsWith('\n') ? content : `\n${content}`) + text.slice(line.end);
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = mutation.at % lines.length;
      const b = mutation.other % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'bom':
      return withBom(text);
    case 'crlf':
      return withCrlf(text);
    case 'cr-only':
      return text.replace(/\r?\n/g, '\r');
    case 'mixed-line-endings': {
      // Every other line break from a given line on becomes CRLF: what a merge of two checkouts leaves.
      let index = 0;
      return text.replace(/\r?\n/g, (eol) => (index++ >= mutation.at % 7 && index % 2 === 0 ? '\r\n' : eol === '\r\n' ? '\n' : eol));
    }
    case 'strip-final-newline':
      return withoutFinalNewline(text);
    case 'tabs':
      return withTabs(text, kind);
    case 'invalid-utf8': {
      // The bytes a file holds, decoded as the CLI and VS Code decode them: invalid sequences become U+FFFD.
      const bytes = Buffer.from(text, 'utf8');
      const at = bytes.length === 0 ? 0 : mutation.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(mutation.bytes), bytes.subarray(at)]).toString('utf8');
    }
    case 'lone-surrogate': {
      const at = positionIn(text, mutation.at);
      return text.slice(0, at) + String.fromCharCode(mutation.unit) + text.slice(at);
    }
    case 'deep-nesting': {
      const at = positionIn(text, mutation.at);
      return text.slice(0, at) + mutation.open.repeat(mutation.depth) + mutation.close.repeat(mutation.depth) + text.slice(at);
    }
    case 'huge-line': {
      const at = positionIn(text, mutation.at);
      return text.slice(0, at) + mutation.unit.repeat(mutation.length) + text.slice(at);
    }
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[], kind: FileKind): string {
  return mutations.reduce((current, mutation) => applyMutation(current, mutation, kind), text);
}

/** Characters that mean something in at least one of the syntaxes. */
const SYNTAX_CHARACTERS = ['"', "'", '\\', '=', ':', '#', ';', ',', '[', ']', '{', '}', '-', '&', '*', '<<', '%', '%%', '$', '@', '\n', '\r\n', '\r', '\t', ' ', '\u0000', '\u00a0', '\u2028', '\uFEFF', 'é', '😀'];

const position = fc.nat({ max: 1_000_000 });

const insertedText = fc.oneof(
  fc.constantFrom(...SYNTAX_CHARACTERS),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...SYNTAX_CHARACTERS), maxLength: 6 }),
  fc.constantFrom('HTTP_PROXY=http://u:F@oBar!@proxy:3128', '  - NO_PROXY=docker', '[Service]\n', '[[runners]]\n', '"proxies": {', 'http_proxy: x\n', '<<: *proxy-env\n', 'Environment="A=b" \\\n'),
);

/**
 * One mutation of any kind. Deep nesting and huge lines are rare and at most
 * `maxSize` long, so a bounded run stays fast (test/fuzz/extremes.test.ts
 * covers the largest sizes deterministically).
 */
export function mutationArbitrary(maxSize: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), at: position, text: insertedText }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate-line' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), at: position, other: position }) },
  { weight: 2, arbitrary: fc.constant({ op: 'bom' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'crlf' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'cr-only' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('mixed-line-endings' as const), at: fc.nat({ max: 6 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'strip-final-newline' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'tabs' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('invalid-utf8' as const),
      at: position,
      bytes: fc.array(fc.oneof(fc.constantFrom(0xff, 0xfe, 0xc0, 0xc3, 0xe2, 0x82, 0xf0, 0x9f, 0xed, 0xa0, 0x80), fc.integer({ min: 0x80, max: 0xff })), { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('lone-surrogate' as const), at: position, unit: fc.integer({ min: 0xd800, max: 0xdfff }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('deep-nesting' as const),
      at: position,
      depth: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constant(Math.min(1_000, maxSize)), fc.constant(maxSize)),
      pair: fc.constantFrom(['[', ']'], ['{', '}'], ['{"a":', '}'], ['{a: ', '}'], ['a = [', ']'], ['- ', ''], ['"', '"'], ['(', ')']),
    }).map(({ op, at, depth, pair }) => ({ op, at, depth, open: pair[0], close: pair[1] })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('huge-line' as const),
      at: position,
      length: fc.oneof(fc.integer({ min: 100, max: Math.max(100, maxSize / 10) }), fc.constant(maxSize)),
      unit: fc.constantFrom('a', ' ', '%', '@', ',', 'x,', '\\', '"', '#', '=', '%%40', 'é'),
    }),
  },
  );
}

export function mutationsArbitrary(maxSize: number): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationArbitrary(maxSize), { minLength: 1, maxLength: 3 });
}
