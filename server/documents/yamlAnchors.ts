// Alias → the node it stands for, for a whole YAML document in one walk.
// yaml's own `Alias.resolve(doc)` walks the whole document on every call, so a
// compose file with an alias in each service took time quadratic in its size.
import { isAlias, isCollection, isPair, isScalar, type Alias, type Document, type Node } from 'yaml';

const indexes = new WeakMap<Document, Map<Alias, Node | undefined>>();
/** The text a document was parsed from, whole (its ranges are offsets into it): lets the walk skip what holds no `&` or `*`. */
const sourceTexts = new WeakMap<Document, string>();
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

/** Declares that `doc` was parsed from all of `text`, so that the alias walk may skip collections whose text holds no `&` or `*`. */
export function setSourceText(doc: Document, text: string): void {
  sourceTexts.set(doc, text);
  indexes.delete(doc);
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
  const visit = (node: Node) => {
    if (isAlias(node)) targets.set(node, latest.get(node.source));
    else if (node.anchor) latest.set(node.anchor, node);
  };
  const text = sourceTexts.get(doc);
  // The walk touched every node of a compose file (a third of building its model); most collections hold no anchor or alias.
  if (text === undefined) eachNode(doc.contents, visit);
  else eachMarkedNode(doc.contents, new MarkFinder(text), visit);
  return targets;
}

/**
 * Where `&` and `*` occur in a text, asked in text order: whether one lies in [from, to). Every anchor and alias
 * is written with one of them, so a range without any holds none (a `&` in a quoted string only answers yes more often).
 */
class MarkFinder {
  private readonly marks: number[] = [];
  private next = 0;

  constructor(text: string) {
    for (const mark of ['&', '*']) for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) this.marks.push(at);
    this.marks.sort((a, b) => a - b);
  }

  /** `from` never decreases from one call to the next. */
  anyIn(from: number, to: number): boolean {
    while (this.next < this.marks.length && this.marks[this.next] < from) this.next++;
    return this.next < this.marks.length && this.marks[this.next] < to;
  }
}

/**
 * `eachNode`, minus the collections that hold no anchor and no alias: a collection is skipped when no `&` or `*` lies
 * between the start of the last scalar or alias visited and the collection's end. That span covers every token of the
 * collection, its own anchor and its first key's anchor included, which both come before the collection's range starts
 * (document order is text order, and a scalar's range starts before anything written after it).
 */
function eachMarkedNode(value: unknown, marks: MarkFinder, callback: (node: Node) => void): void {
  let lastStart = 0;
  const walk = (value: unknown): void => {
    if (isScalar(value) || isAlias(value)) {
      if (value.range) lastStart = Math.max(lastStart, value.range[0]);
      callback(value);
    } else if (isPair(value)) {
      walk(value.key);
      walk(value.value);
    } else if (isCollection(value)) {
      // A collection without a range (made in code, not parsed) is walked.
      if (value.range && !marks.anyIn(lastStart, value.range[1])) return;
      callback(value);
      for (const item of value.items) walk(item);
    }
  };
  walk(value);
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
