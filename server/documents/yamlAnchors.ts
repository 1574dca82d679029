// Alias → the node it stands for, for a whole YAML document in one walk.
// yaml's own `Alias.resolve(doc)` walks the whole document on every call, so a
// compose file with an alias in each service took time quadratic in its size.
import { isAlias, isCollection, isPair, isScalar, type Alias, type Document, type Node } from 'yaml';

const indexes = new WeakMap<Document, Map<Alias, Node | undefined>>();
/** Anchors defined before a document that is one part of a larger one (engine/incremental parses one service alone). */
const outerAnchors = new WeakMap<Document, ReadonlyMap<string, Node>>();

/** What `alias.resolve(doc)` returns: the last node before the alias that carries its anchor. */
export function resolveAlias(doc: Document, alias: Alias): Node | undefined {
  let index = indexes.get(doc);
  if (!index) {
    index = aliasTargets(doc);
    indexes.set(doc, index);
  }
  // An alias added after the walk (the document was edited) is resolved the slow way.
  return index.has(alias) ? index.get(alias) : (alias.resolve(doc) as Node | undefined);
}

/** Declares the anchors that precede `doc` in the text it was cut from: its aliases resolve to them as in the whole text. */
export function setOuterAnchors(doc: Document, anchors: ReadonlyMap<string, Node>): void {
  outerAnchors.set(doc, anchors);
  indexes.delete(doc);
}

export interface AnchoredNode {
  anchor: string;
  node: Node;
}

/** Every node that carries an anchor, in document order. */
export function anchoredNodes(doc: Document): AnchoredNode[] {
  const found: AnchoredNode[] = [];
  eachNode(doc.contents, (node) => {
    if (!isAlias(node) && node.anchor) found.push({ anchor: node.anchor, node });
  });
  return found;
}

/** Every alias, in document order. */
export function aliasesOf(doc: Document): Alias[] {
  const found: Alias[] = [];
  eachNode(doc.contents, (node) => {
    if (isAlias(node)) found.push(node);
  });
  return found;
}

/** One walk in document order, the same order `Alias.resolve` searches in: an anchor counts from its node on. */
function aliasTargets(doc: Document): Map<Alias, Node | undefined> {
  const latest = new Map<string, Node>(outerAnchors.get(doc) ?? []);
  const targets = new Map<Alias, Node | undefined>();
  eachNode(doc.contents, (node) => {
    if (isAlias(node)) targets.set(node, latest.get(node.source));
    else if (node.anchor) latest.set(node.anchor, node);
  });
  return targets;
}

/**
 * Every node under `value` (aliases, scalars, maps, sequences; a pair's key before its value), parents first:
 * the order of yaml's `visit` with a `Node` visitor, without the ancestor path `visit` copies at every collection.
 * Scalars, most of the nodes, are recognised first: each type test is a property lookup on a node just made.
 */
function eachNode(value: unknown, callback: (node: Node) => void): void {
  if (isScalar(value) || isAlias(value)) {
    callback(value);
  } else if (isPair(value)) {
    eachNode(value.key, callback);
    eachNode(value.value, callback);
  } else if (isCollection(value)) {
    callback(value);
    for (const item of value.items) eachNode(item, callback);
  }
}
