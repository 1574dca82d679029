// server/documents/yamlAnchors.ts walks a document once with its own loop
// instead of yaml's `visit` and `Alias.resolve`: on any document it must give
// what those give (same targets, same nodes, same order).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isAlias, isNode, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import { COMPOSE_PARSE_OPTIONS, parseCompose } from '../../server/documents/compose';
import { aliasesOf, anchoredNodes, resolveAlias, setSourceText } from '../../server/documents/yamlAnchors';

/** What yaml's own visitor sees: every anchored node and every alias, in its order. */
function visitedByYaml(doc: Document): { anchored: { anchor: string; node: Node }[]; aliases: Alias[] } {
  const anchored: { anchor: string; node: Node }[] = [];
  const aliases: Alias[] = [];
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) aliases.push(node);
      else if (isNode(node) && node.anchor) anchored.push({ anchor: node.anchor, node });
    },
  });
  return { anchored, aliases };
}

function assertSameAsYaml(text: string): void {
  const doc = parseDocument(text, COMPOSE_PARSE_OPTIONS);
  const expected = visitedByYaml(doc);
  const anchored = anchoredNodes(doc);
  assert.equal(anchored.length, expected.anchored.length, text);
  anchored.forEach((found, i) => {
    assert.equal(found.anchor, expected.anchored[i].anchor, text);
    assert.equal(found.node, expected.anchored[i].node, text);
  });
  const aliases = aliasesOf(doc);
  assert.deepEqual(aliases, expected.aliases, text);
  aliases.forEach((alias, i) => assert.equal(aliases[i], expected.aliases[i], text));
  for (const alias of expected.aliases) assert.equal(resolveAlias(doc, alias), alias.resolve(doc), `*${alias.source} in ${JSON.stringify(text)}`);
  assertSkippingWalkResolves(text);
}

/** With the source text declared, the walk skips collections without `&` or `*`: every alias must still resolve as yaml resolves it. */
function assertSkippingWalkResolves(text: string): void {
  const doc = parseDocument(text, COMPOSE_PARSE_OPTIONS);
  setSourceText(doc, text);
  const aliases = visitedByYaml(doc).aliases;
  // Resolve the last alias first: the walk must not depend on being asked in order.
  for (const alias of [...aliases].reverse()) assert.equal(resolveAlias(doc, alias), alias.resolve(doc), `skipping walk: *${alias.source} in ${JSON.stringify(text)}`);
}

test('anchors redefined, used before they are defined, on keys, on collections, in flow and block collections', () => {
  const texts = [
    'a: &x 1\nb: *x\nc: &x 2\nd: *x\n',
    'a: *x\nb: &x 1\n',
    '&k key: 1\nother: *k\n',
    'list:\n  - &m { a: 1, b: [&n 2, *n] }\n  - *m\n  - [*m, &m 3, *m]\n',
    'top: &t\n  inner: &t 1\n  again: *t\nafter: *t\n',
    '? &c [1, 2]\n: *c\nflow: [a: *c, &c b: 2, *c]\n',
    'x-env: &env\n  A: 1\nservices:\n  s:\n    environment:\n      <<: *env\n      B: 2\n',
    '&root\na: *root\n',
    'a: &e\nb: *e\n',
  ];
  for (const text of texts) assertSameAsYaml(text);
});

const anchorName = fc.constantFrom('a', 'b', 'c');
const scalar = fc.oneof(fc.constantFrom('1', 'v', '"q"', "'s'", ''), anchorName.map((name) => `*${name}`));
const withAnchor = (body: fc.Arbitrary<string>) => fc.tuple(fc.option(anchorName, { nil: null }), body).map(([anchor, text]) => (anchor ? `&${anchor} ${text}` : text));
const flowNode: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    withAnchor(scalar),
    withAnchor(fc.array(tie('node'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`)),
    withAnchor(fc.array(fc.tuple(fc.constantFrom('k', 'l', 'm'), tie('node')), { maxLength: 3 }).map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`)),
  ),
})).node;
const blockDocument = fc
  .array(fc.tuple(fc.constantFrom('p', 'q', 'r', '<<'), fc.oneof(flowNode, fc.array(flowNode, { minLength: 1, maxLength: 3 }).map((items) => `\n${items.map((item) => `  - ${item}`).join('\n')}`))), { minLength: 1, maxLength: 6 })
  .map((pairs) => `${pairs.map(([key, value]) => `${key}: ${value}`).join('\n')}\n`);

test('the skipping walk: anchors before a collection`s range (first keys, block values), marks in comments and strings, deep nesting', () => {
  const texts = [
    'a:\n  &k first: 1\n  second: 2\nb: *k\n',
    'a: &m\n  &k first: 1\nb: *m\nc: *k\n',
    'plain:\n  x: 1\n  y: [1, 2]\nlater:\n  - &z { q: 1 }\nuse: *z\n',
    'n:\n  deep:\n    deeper:\n      - - &d 1\nuse: [*d]\n',
    '# a comment with & and *\nq: "a&b*c"\nr:\n  s: &x 1\nt: *x\n',
    'list:\n  - a: 1\n  - &i\n    b: 2\n  - *i\n',
    '? &ck\n  k: 1\n: v\nref: *ck\n',
    'x-env: &env\n  A: 1\nservices:\n  s1:\n    image: a\n    ports: ["1:1"]\n  s2:\n    environment:\n      <<: *env\n',
  ];
  for (const text of texts) assertSameAsYaml(text);
});

test('on generated documents: the same anchored nodes, aliases and alias targets as yaml itself', () => {
  fc.assert(
    fc.property(blockDocument, (text) => assertSameAsYaml(text)),
    { seed: 8, numRuns: 400 },
  );
});

test('a service key written twice: the model reads the first, as yaml`s get does', () => {
  const text = 'services:\n  s:\n    environment:\n      - A=1\n    environment:\n      - B=2\n    depends_on: [x]\n    depends_on: [api]\n  api:\n    image: nginx\n';
  const [scope] = parseCompose(text).scopes;
  assert.deepEqual(scope.assignments.map((a) => a.name), ['A']);
  assert.deepEqual(scope.peers?.map((p) => p.name), []);
});
