// Re-parses only the service an edit is in. A compose file's model is made of
// each service's scopes, which depend on that service's text and on a few
// facts of the others (names, images, docker-in-docker) and on anchors
// written before it. After a full parse the scopes are kept per service
// block; an edit inside one service's block (not on its key line) re-parses
// that block alone, at its place in the text, and reuses the other services'
// scopes, moved by the change in length. Whenever the edit could change what
// other services see (a service's name, image or anchors, anything outside
// the services, a line that would start a new service) the file is parsed
// whole: the result is always the model a full parse gives
// (test/unit/incremental.test.ts checks that on random edits).
import { Composer, isMap, isScalar, parseDocument, Parser, type Document, type Node, type Pair } from 'yaml';
import { parseDocumentOfKind } from '../../documents';
import { COMPOSE_PARSE_OPTIONS, composeModel, serviceFacts, serviceScopes, type ComposeFacts, type ServiceFacts } from '../../documents/compose';
import { lastStartAtOrBefore, spanInside } from '../../documents/text';
import { aliasesOf, anchoredNodes, setOuterAnchors, setSourceText } from '../../documents/yamlAnchors';
import type { ProxyModel, Scope } from '../model';
import { servicesLayout, staysOneService, type ServiceBlock } from './composeLayout';
import { CannotShift, shiftScopes } from './shiftScopes';

interface Block extends ServiceBlock {
  /** Offset of the service's key (its name). */
  keyStart: number;
  name: string;
  facts: ServiceFacts | null;
  scopes: Scope[];
  /** Some node of the block carries an anchor: editing it may change what other services' aliases resolve to. */
  definesAnchors: boolean;
}

interface Anchor {
  anchor: string;
  node: Node;
  start: number;
  end: number;
}

export interface ComposeParseState {
  text: string;
  model: ProxyModel;
  indent: number;
  blocks: Block[];
  facts: ComposeFacts;
  /** Anchored nodes of the last full parse, with the offsets they had then. */
  anchors: Anchor[];
  /** Offsets before this one are those of the last full parse: anchors there are still where they were. */
  unchangedBefore: number;
  /**
   * The scopes each of the last MAX_ORIGIN_STEPS incremental parses moved, oldest first. The origins of a
   * generation older than that are forgotten, so a long editing session does not keep every version alive.
   */
  movedGenerations: readonly (readonly Scope[])[];
}

/** Where a scope of an incrementally parsed model came from: an earlier model's scope, moved. */
export interface ScopeOrigin {
  from: Scope;
  /** Offsets at or after this one (in the earlier text) moved by `delta`. */
  at: number;
  delta: number;
  /** The edit added or removed line breaks before the scope: line numbers after it changed. */
  linesMoved: boolean;
}

/** Scopes of incrementally parsed models that are earlier scopes moved (scopes before the edit are the same objects). */
export const scopeOrigins = new WeakMap<Scope, ScopeOrigin>();

/** How many incremental parses back a scope's origin is kept (incrementalLint looks no further): older versions are freed. */
export const MAX_ORIGIN_STEPS = 8;

export interface ComposeParse {
  model: ProxyModel;
  /**
   * What the next parse of the same document can start from; null when the file can only be parsed whole.
   * After a whole parse it is made when first read: the first diagnostics of a file do not wait for it.
   */
  readonly state: ComposeParseState | null;
  /** The last parse was incremental (for tests and the benchmark). */
  incremental: boolean;
}

/** The model of `text`, re-using `previous` (the state of an earlier text of the same document) where an edit allows. */
export function parseComposeIncrementally(text: string, path: string, previous: ComposeParseState | null): ComposeParse {
  if (previous) {
    try {
      const state = reparseOneService(previous, text);
      if (state) return { model: state.model, state, incremental: true };
    } catch (error) {
      if (!(error instanceof CannotShift)) throw error;
    }
  }
  return parseWhole(text, path);
}

function parseWhole(text: string, path: string): ComposeParse {
  let doc: Document;
  const perService: { pair: Pair; scopes: Scope[]; facts: ServiceFacts | null }[] = [];
  let model: ProxyModel;
  try {
    doc = parseDocument(text, COMPOSE_PARSE_OPTIONS);
    setSourceText(doc, text);
    model = composeModel(doc, text, (pair, scopes, facts) => perService.push({ pair, scopes, facts }));
  } catch (error) {
    // Too deeply nested and the like: the documents' entry point words that failure.
    if (!(error instanceof RangeError)) throw error;
    return { model: parseDocumentOfKind('compose', text, path), state: null, incremental: false };
  }
  if (model.parseProblem) {
    // As parseDocumentOfKind does: a reported range an editor can show.
    model.parseProblem.span = spanInside(text, model.parseProblem.span);
    return { model, state: null, incremental: false };
  }
  return withStateWhenRead(model, () => stateOf(text, model, doc, perService));
}

/** A whole parse whose state is made when first read; what it is made from (the YAML document) is let go then. */
function withStateWhenRead(model: ProxyModel, makeState: () => ComposeParseState | null): ComposeParse {
  let make: (() => ComposeParseState | null) | null = makeState;
  let state: ComposeParseState | null = null;
  return {
    model,
    get state() {
      if (make) {
        state = make();
        make = null;
      }
      return state;
    },
    incremental: false,
  };
}

function stateOf(text: string, model: ProxyModel, doc: Document, perService: { pair: Pair; scopes: Scope[]; facts: ServiceFacts | null }[]): ComposeParseState | null {
  // A `%YAML 1.1` directive changes how scalars read; a block parsed alone would not know it.
  if (/^%/m.test(text)) return null;
  const layout = servicesLayout(text);
  if (!layout || layout.blocks.length !== perService.length || perService.length === 0) return null;
  const anchors: Anchor[] = anchoredNodes(doc).map(({ anchor, node }) => ({ anchor, node, start: node.range?.[0] ?? -1, end: node.range?.[1] ?? -1 }));
  const blocks: Block[] = [];
  for (let i = 0; i < perService.length; i++) {
    const { pair, scopes, facts } = perService[i];
    const block = layout.blocks[i];
    const key = pair.key as Node | null;
    const keyStart = key?.range?.[0];
    // The text split must agree with the parser on where every service is.
    if (!isScalar(key) || keyStart !== block.start + layout.indent) return null;
    blocks.push({
      ...block,
      keyStart,
      name: String(key.value),
      facts,
      scopes,
      definesAnchors: anchors.some((a) => a.start >= block.start && a.start < block.end),
    });
  }
  const facts = composeFactsOf(blocks);
  return { text, model, indent: layout.indent, blocks, facts, anchors, unchangedBefore: text.length + 1, movedGenerations: [] };
}

function composeFactsOf(blocks: readonly Block[]): ComposeFacts {
  const facts: ComposeFacts = { dindServices: new Set(), images: new Map() };
  for (const { facts: service } of blocks) {
    if (!service) continue;
    if (service.dind) facts.dindServices.add(service.name);
    facts.images.set(service.name, service.image);
  }
  return facts;
}

/** The state after re-parsing only the service block the edit is in; null when the edit needs a full parse. */
function reparseOneService(previous: ComposeParseState, text: string): ComposeParseState | null {
  const before = previous.text;
  if (before === text) return previous;
  const prefix = commonPrefix(before, text);
  const suffix = commonSuffix(before, text, prefix);
  const oldEnd = before.length - suffix;
  const delta = text.length - before.length;
  const index = blockContaining(previous.blocks, prefix, oldEnd);
  if (index < 0) return null;
  const block = previous.blocks[index];
  if (block.definesAnchors) return null;
  const newEnd = block.end + delta;
  const blockText = text.slice(block.start, newEnd);
  if (!staysOneService(blockText, previous.indent)) return null;
  // A line break must still close the block, or the next service's key line would join it.
  if (newEnd < text.length && text[newEnd - 1] !== '\n') return null;

  const doc = parseBlock(blockText, block.start);
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return null;
  const pair = doc.contents.items[0] as Pair;
  const key = pair.key as Node | null;
  if (!isScalar(key) || key.range?.[0] !== block.keyStart || String(key.value) !== block.name) return null;
  if (anchoredNodes(doc).length > 0) return null;
  const outer = anchorsFor(doc, previous, block.start);
  if (!outer) return null;
  setOuterAnchors(doc, outer);
  const facts = serviceFacts(doc, pair);
  if (JSON.stringify(facts) !== JSON.stringify(block.facts)) return null;

  const scopes = serviceScopes(doc, text, pair, previous.facts);
  const linesMoved = lineBreaks(before, prefix, oldEnd) !== lineBreaks(text, prefix, text.length - suffix);
  const generation: Scope[] = [];
  const blocks = previous.blocks.map((other, i): Block => {
    if (i < index) return other;
    if (i === index) return { ...other, end: newEnd, scopes };
    // Unmoved scopes stay the same objects (their findings are reused as they are); moved ones are copies that know their origin.
    if (delta === 0 && !linesMoved) return other;
    const moved = shiftScopes(other.scopes, prefix, delta);
    moved.forEach((scope, j) => {
      scopeOrigins.set(scope, { from: other.scopes[j], at: prefix, delta, linesMoved });
      generation.push(scope);
    });
    return { ...other, start: other.start + delta, end: other.end + delta, keyLineEnd: other.keyLineEnd + delta, keyStart: other.keyStart + delta, scopes: moved };
  });
  const model: ProxyModel = { kind: 'compose', text, scopes: blocks.flatMap((b) => b.scopes), parseProblem: null };
  return { ...previous, text, model, blocks, unchangedBefore: Math.min(previous.unchangedBefore, prefix), movedGenerations: withGeneration(previous.movedGenerations, generation) };
}

/** The generations with the newest added; the origins of the one that falls out of the window are forgotten. */
function withGeneration(generations: readonly (readonly Scope[])[], generation: readonly Scope[]): readonly (readonly Scope[])[] {
  if (generation.length === 0) return generations;
  const kept = [...generations, generation];
  while (kept.length > MAX_ORIGIN_STEPS) for (const scope of kept.shift()!) scopeOrigins.delete(scope);
  return kept;
}

/** The block holding the whole changed range [start, oldEnd) of the old text, after its key line; -1 if none does. */
function blockContaining(blocks: readonly Block[], start: number, oldEnd: number): number {
  const index = lastStartAtOrBefore(blocks.length, (i) => blocks[i].start, start);
  const block = blocks[index];
  if (!block || start <= block.keyLineEnd || oldEnd >= block.end) return -1;
  return index;
}

/** Parses one block at its offset in the whole text, so every range in it is a document offset. */
function parseBlock(blockText: string, offset: number): Document {
  const parser = new Parser();
  parser.offset = offset;
  const composer = new Composer(COMPOSE_PARSE_OPTIONS);
  const docs = [...composer.compose(parser.parse(blockText), true, offset + blockText.length)];
  return docs[0] as Document;
}

/**
 * The anchors the block's aliases resolve to, as in the whole text: the last
 * of each name before the block. Null unless every one is known and still
 * where the last full parse saw it.
 */
function anchorsFor(doc: Document, state: ComposeParseState, blockStart: number): Map<string, Node> | null {
  const names = new Set(aliasesOf(doc).map((alias) => alias.source));
  const outer = new Map<string, Node>();
  if (names.size === 0) return outer;
  const limit = Math.min(state.unchangedBefore, blockStart);
  for (const anchor of state.anchors) {
    if (!names.has(anchor.anchor)) continue;
    if (anchor.start < 0 || anchor.end >= limit) return null;
    outer.set(anchor.anchor, anchor.node);
  }
  for (const name of names) if (!outer.has(name)) return null;
  return outer;
}

function lineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
