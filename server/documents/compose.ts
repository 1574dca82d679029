// docker-compose files → ProxyModel. Environment and build args in map or list
// form; anchors and `<<` merge keys are followed to where the value is written.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Assignment, DindUse, ProxyModel, QuoteStyle, Scope, Span } from '../engine/model';
import { dindFromDockerHost } from '../proxy/dockerHost';
import { environmentAssignment, identityOffsets } from './assignments';
import { lineIndentAt } from './text';

export function parseCompose(text: string): ProxyModel {
  const model: ProxyModel = { kind: 'compose', text, scopes: [], parseProblem: null };
  const doc = parseDocument(text, { merge: true, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    model.parseProblem = { message: `YAML does not parse: ${firstLine(error.message)}`, span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) } };
    return model;
  }
  const services = resolve(doc, doc.get('services', true));
  if (!isMap(services)) return model;

  const serviceNames = new Set<string>();
  for (const pair of services.items) if (isScalar(pair.key)) serviceNames.add(String(pair.key.value));
  const dindServices = findDindServices(doc, services);

  for (const pair of services.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const service = resolve(doc, pair.value);
    if (!isMap(service)) continue;
    const anchor = spanOf(pair.key);
    const environment = collectEnvironment(doc, text, resolve(doc, service.get('environment', true)));
    const dind = dindFor(doc, service, environment, dindServices, name);
    if (environment.length > 0 || dind) {
      model.scopes.push({ label: `service "${name}"`, consumer: 'any-program', assignments: environment, anchor, dind });
    }
    const build = resolve(doc, service.get('build', true));
    if (isMap(build)) {
      const args = collectEnvironment(doc, text, resolve(doc, build.get('args', true)));
      if (args.length > 0) model.scopes.push({ label: `build args of service "${name}"`, consumer: 'any-program', assignments: args, anchor, dind: null });
    }
  }
  return model;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/:$/, '');
}

function resolve(doc: Document, node: unknown): unknown {
  let current = node;
  for (let depth = 0; depth < 16 && isAlias(current); depth++) current = current.resolve(doc);
  return current;
}

function spanOf(node: Node | { range?: [number, number, number] | null }): Span {
  const range = (node as { range?: [number, number, number] | null }).range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

function quoteStyle(node: Scalar): QuoteStyle {
  if (node.type === 'QUOTE_DOUBLE') return 'double';
  if (node.type === 'QUOTE_SINGLE') return 'single';
  return 'plain';
}

/** The effective entries of an `environment:` or `args:` node: local keys first, then merged ones they do not override. */
function collectEnvironment(doc: Document, text: string, node: unknown, seen = new Set<unknown>()): Assignment[] {
  if (seen.has(node)) return [];
  seen.add(node);
  if (isSeq(node)) return listEntries(text, node);
  if (!isMap(node)) return [];
  const local: Assignment[] = [];
  const merged: Assignment[] = [];
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    if (isMergeKey(pair.key)) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) merged.push(...collectEnvironment(doc, text, resolve(doc, source), seen));
      continue;
    }
    const entry = mapEntry(text, pair as Pair<Scalar, unknown>, node);
    if (entry) local.push(entry);
  }
  const localNames = new Set(local.map((a) => a.name));
  return [...local, ...merged.filter((a) => !localNames.has(a.name))];
}

function isMergeKey(key: Scalar): boolean {
  return key.source === '<<' || typeof key.value === 'symbol';
}

function mapEntry(text: string, pair: Pair<Scalar, unknown>, parent: YAMLMap): Assignment | null {
  const key = pair.key;
  const name = String(key.value);
  const nameSpan = spanOf(key);
  const keyQuote = quoteStyle(key);
  const valueNode = pair.value;
  let value: string | null = null;
  let valueSpan: Span = { start: nameSpan.end, end: nameSpan.end };
  let valueQuote: QuoteStyle = 'plain';
  let offsets: ((i: number) => number) | null = null;
  if (isScalar(valueNode)) {
    valueSpan = spanOf(valueNode);
    value = valueNode.value === null ? null : String(valueNode.value);
    valueQuote = quoteStyle(valueNode);
    if (value !== null) offsets = identityOffsets(text, valueSpan, value, valueQuote === 'plain' ? 0 : 1);
    if (valueNode.value === null && valueNode.source === '') valueSpan = { start: nameSpan.end, end: nameSpan.end };
  } else if (valueNode !== null && valueNode !== undefined) {
    // A nested collection is not an environment value; leave it to compose's own validation.
    return null;
  }
  const span = { start: nameSpan.start, end: Math.max(valueSpan.end, nameSpan.end) };
  return environmentAssignment({
    name,
    value,
    span,
    nameSpan,
    valueSpan,
    valueOffsets: offsets,
    syntax: { kind: 'yaml-map', keyQuote, valueQuote, valueSpan: isScalar(valueNode) ? valueSpan : null, entryIndent: lineIndentAt(text, nameSpan.start), flow: Boolean(parent.flow) },
  });
}

function listEntries(text: string, seq: YAMLSeq): Assignment[] {
  const entries: Assignment[] = [];
  for (const item of seq.items) {
    if (!isScalar(item) || item.value === null) continue;
    const itemText = String(item.value);
    const span = spanOf(item);
    const quote = quoteStyle(item);
    const contentStart = span.start + (quote === 'plain' ? 0 : 1);
    // Offsets inside the scalar are exact only when the source has no escapes.
    const exact = identityOffsets(text, span, itemText, quote === 'plain' ? 0 : 1);
    const eq = itemText.indexOf('=');
    const name = eq < 0 ? itemText : itemText.slice(0, eq);
    const value = eq < 0 ? null : itemText.slice(eq + 1);
    const nameSpan = exact ? { start: contentStart, end: contentStart + name.length } : span;
    const valueSpan = exact ? (eq < 0 ? { start: nameSpan.end, end: nameSpan.end } : { start: contentStart + eq + 1, end: contentStart + itemText.length }) : span;
    entries.push(
      environmentAssignment({
        name: name.trim(),
        value,
        span,
        nameSpan,
        valueSpan,
        valueOffsets: exact && eq >= 0 ? (i) => contentStart + eq + 1 + i : null,
        syntax: { kind: 'yaml-list', quote, itemIndent: lineIndentAt(text, span.start), flow: Boolean(seq.flow) },
      }),
    );
  }
  return entries;
}

const DIND_IMAGE = /(^|\/)docker:[^\s]*dind|dind/i;

/** Services running a Docker daemon (`docker:dind` images), by name. */
function findDindServices(doc: Document, services: YAMLMap): Set<string> {
  const names = new Set<string>();
  for (const pair of services.items) {
    const service = resolve(doc, pair.value);
    if (!isScalar(pair.key) || !isMap(service)) continue;
    const image = service.get('image');
    if (typeof image === 'string' && DIND_IMAGE.test(image)) names.add(String(pair.key.value));
  }
  return names;
}

function dindFor(doc: Document, service: YAMLMap, environment: Assignment[], dindServices: Set<string>, selfName: string): DindUse | null {
  const fromDockerHost = dindFromDockerHost(environment);
  if (fromDockerHost) return fromDockerHost;
  if (dindServices.has(selfName)) return null;
  for (const dependency of dependencyNames(doc, service)) {
    if (dindServices.has(dependency)) return { host: dependency, evidence: `depends on the docker-in-docker service "${dependency}"` };
  }
  return null;
}

function dependencyNames(doc: Document, service: YAMLMap): string[] {
  const names: string[] = [];
  for (const key of ['depends_on', 'links']) {
    const node = resolve(doc, service.get(key, true));
    if (isSeq(node)) for (const item of node.items) if (isScalar(item)) names.push(String(item.value).split(':')[0]);
    if (isMap(node)) for (const pair of node.items) if (isScalar(pair.key)) names.push(String(pair.key.value));
  }
  return names;
}
