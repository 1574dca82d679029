// docker-compose files → ProxyModel. Environment and build args in map or list
// form; anchors and `<<` merge keys are followed to where the value is written.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Assignment, DindUse, EnvironmentFileReference, Peer, ProxyModel, QuoteStyle, Scope, Span } from '../engine/model';
import { dindFromDockerHost } from '../proxy/dockerHost';
import { environmentAssignment, identityOffsets } from './assignments';
import { lineIndentAt } from './text';
import { resolveAlias, setSourceText } from './yamlAnchors';

/** What the compose parser asks of `yaml`; the incremental parser (engine/incremental) parses parts of a file with the same. */
export const COMPOSE_PARSE_OPTIONS = { merge: true, uniqueKeys: false, prettyErrors: false } as const;

export function parseCompose(text: string): ProxyModel {
  const doc = parseDocument(text, COMPOSE_PARSE_OPTIONS);
  setSourceText(doc, text);
  return composeModel(doc, text);
}

/**
 * The model of a parsed compose document. `perService` sees the scopes of
 * each service as they are made: the incremental parser keeps them per
 * service, to reuse those of the services an edit did not touch.
 */
export function composeModel(doc: Document, text: string, perService?: (pair: Pair, scopes: Scope[], facts: ServiceFacts | null) => void): ProxyModel {
  const model: ProxyModel = { kind: 'compose', text, scopes: [], parseProblem: null };
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    model.parseProblem = { message: `YAML does not parse: ${firstLine(error.message)}`, span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) } };
    return model;
  }
  const services = resolve(doc, doc.get('services', true));
  if (!isMap(services)) return model;

  const perServiceFacts = services.items.map((pair) => serviceFacts(doc, pair));
  const facts = composeFacts(perServiceFacts);
  services.items.forEach((pair, i) => {
    const scopes = serviceScopes(doc, text, pair, facts);
    model.scopes.push(...scopes);
    perService?.(pair, scopes, perServiceFacts[i]);
  });
  return model;
}

/** What other services' scopes depend on of one service (null for a service whose name is no scalar). */
export interface ServiceFacts {
  name: string;
  /** Its image; null when it is built instead. */
  image: string | null;
  /** It runs a Docker daemon (a `docker:dind` image). */
  dind: boolean;
}

/** The facts of every service together: what one service's scopes may read of the others. */
export interface ComposeFacts {
  /** Services running a Docker daemon, by name. */
  dindServices: Set<string>;
  /** Each service's image (null when it is built instead), by service name. */
  images: Map<string, string | null>;
}

export function serviceFacts(doc: Document, pair: Pair): ServiceFacts | null {
  if (!isScalar(pair.key)) return null;
  const service = resolve(doc, pair.value);
  const image = isMap(service) ? service.get('image') : null;
  const written = typeof image === 'string' ? image : null;
  return { name: String(pair.key.value), image: written, dind: written !== null && DIND_IMAGE.test(written) };
}

export function composeFacts(services: readonly (ServiceFacts | null)[]): ComposeFacts {
  const facts: ComposeFacts = { dindServices: new Set(), images: new Map() };
  for (const service of services) {
    if (!service) continue;
    if (service.dind) facts.dindServices.add(service.name);
    facts.images.set(service.name, service.image);
  }
  return facts;
}

/** The scopes of one service: its environment, and its build args. */
export function serviceScopes(doc: Document, text: string, pair: Pair, facts: ComposeFacts): Scope[] {
  const scopes: Scope[] = [];
  if (!isScalar(pair.key)) return scopes;
  const name = String(pair.key.value);
  const service = resolve(doc, pair.value);
  if (!isMap(service)) return scopes;
  const anchor = spanOf(pair.key);
  const fields = serviceFields(service);
  const environment = collectEnvironment(doc, text, resolve(doc, fields.environment));
  const dependencies = dependencyEntries(doc, fields);
  const dind = dindFor(environment, dependencies, facts.dindServices, name);
  if (environment.length > 0 || dind) {
    scopes.push({ label: `service "${name}"`, consumer: 'any-program', assignments: environment, anchor, dind, peers: peersOf(dependencies, name, environment, facts.images), environmentFiles: environmentFilesOf(doc, fields.env_file) });
  }
  const build = resolve(doc, fields.build);
  if (isMap(build)) {
    const args = collectEnvironment(doc, text, resolve(doc, build.get('args', true)));
    if (args.length > 0) scopes.push({ label: `build args of service "${name}"`, consumer: 'any-program', assignments: args, anchor, dind: null });
  }
  return scopes;
}

/** The service keys the model reads. */
const SERVICE_FIELDS = ['environment', 'build', 'env_file', 'depends_on', 'links'] as const;
type ServiceFields = Record<(typeof SERVICE_FIELDS)[number], unknown>;

/** The value nodes of the keys the model reads, in one pass over the service: what `service.get(key, true)` gives for each (the first pair with that key). */
function serviceFields(service: YAMLMap): ServiceFields {
  const fields: ServiceFields = { environment: undefined, build: undefined, env_file: undefined, depends_on: undefined, links: undefined };
  const found = new Set<string>();
  for (const item of service.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const key = item.key.value;
    if (typeof key !== 'string' || found.has(key) || !(SERVICE_FIELDS as readonly string[]).includes(key)) continue;
    found.add(key);
    fields[key as keyof ServiceFields] = item.value ?? undefined;
  }
  return fields;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/:$/, '');
}

function resolve(doc: Document, node: unknown): unknown {
  let current = node;
  for (let depth = 0; depth < 16 && isAlias(current); depth++) current = resolveAlias(doc, current);
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
function collectEnvironment(doc: Document, text: string, node: unknown, seen?: Set<unknown>): Assignment[] {
  // `seen` (the nodes merged so far, against cycles) is made at the first merge key: most maps have none.
  if (seen?.has(node)) return [];
  seen?.add(node);
  if (isSeq(node)) return listEntries(text, node);
  if (!isMap(node)) return [];
  const local: Assignment[] = [];
  const merged: Assignment[] = [];
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    if (isMergeKey(pair.key)) {
      seen ??= new Set([node]);
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        // YAML merge: a key from an earlier source wins over the same key from a later one.
        const earlier = new Set(merged.map((a) => a.name));
        merged.push(...collectEnvironment(doc, text, resolve(doc, source), seen).filter((a) => !earlier.has(a.name)));
      }
      continue;
    }
    const entry = mapEntry(text, pair as Pair<Scalar, unknown>, node);
    if (entry) local.push(entry);
  }
  if (merged.length === 0) return local;
  const localNames = new Set(local.map((a) => a.name));
  return [...local, ...merged.filter((a) => !localNames.has(a.name))];
}

/** `env_file:` as a path, a list of paths, or a list of `{ path, required }` (compose 2.24+). */
function environmentFilesOf(doc: Document, envFile: unknown): EnvironmentFileReference[] {
  const node = resolve(doc, envFile);
  const references: EnvironmentFileReference[] = [];
  for (const item of isSeq(node) ? node.items : [node]) {
    const entry = resolve(doc, item);
    if (isScalar(entry) && entry.value !== null) references.push({ path: String(entry.value), span: spanOf(entry), optional: false });
    if (isMap(entry)) {
      const path = entry.get('path', true);
      if (isScalar(path) && path.value !== null) references.push({ path: String(path.value), span: spanOf(path), optional: entry.get('required') === false });
    }
  }
  return references;
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
  let entryEnd = nameSpan.end;
  if (isScalar(valueNode)) {
    valueSpan = spanOf(valueNode);
    value = valueNode.value === null ? null : String(valueNode.value);
    valueQuote = quoteStyle(valueNode);
    if (value !== null) offsets = identityOffsets(text, valueSpan, value, valueQuote === 'plain' ? 0 : 1);
    // `KEY:` has an empty value right after the colon: the entry ends there (a flow map's next entry goes after it),
    // while the value span stays right after the name, where rules point at a missing value.
    entryEnd = valueSpan.end;
    if (valueNode.value === null && valueNode.source === '') valueSpan = { start: nameSpan.end, end: nameSpan.end };
  } else if (valueNode !== null && valueNode !== undefined) {
    // A nested collection is not an environment value; leave it to compose's own validation.
    return null;
  }
  const span = { start: nameSpan.start, end: Math.max(valueSpan.end, nameSpan.end, entryEnd) };
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
    const exact = text.startsWith(itemText, contentStart);
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

function dindFor(environment: Assignment[], dependencies: readonly DependencyEntry[], dindServices: Set<string>, selfName: string): DindUse | null {
  const fromDockerHost = dindFromDockerHost(environment);
  if (fromDockerHost) return fromDockerHost;
  if (dindServices.has(selfName)) return null;
  for (const { name: dependency } of dependencies) {
    if (dindServices.has(dependency)) return { host: dependency, evidence: `depends on the docker-in-docker service "${dependency}"` };
  }
  return null;
}

interface DependencyEntry {
  name: string;
  key: 'depends_on' | 'links';
  span: Span;
}

/** `depends_on` (list or map form) and `links` (`db` or `db:alias`) entries, where they are written. */
function dependencyEntries(doc: Document, fields: ServiceFields): DependencyEntry[] {
  const entries: DependencyEntry[] = [];
  for (const key of ['depends_on', 'links'] as const) {
    const node = resolve(doc, fields[key]);
    if (isSeq(node)) for (const item of node.items) if (isScalar(item)) entries.push({ name: String(item.value).split(':')[0], key, span: spanOf(item) });
    if (isMap(node)) for (const pair of node.items) if (isScalar(pair.key)) entries.push({ name: String(pair.key.value), key, span: spanOf(pair.key) });
  }
  return entries;
}

/** Other services this one talks to by name: its dependencies and links, and URLs or hosts naming them in its environment values. */
function peersOf(dependencies: readonly DependencyEntry[], selfName: string, environment: Assignment[], images: Map<string, string | null>): Peer[] {
  const peers: Peer[] = [];
  const add = (name: string, evidence: string, span: Span, scheme: string | null) => {
    if (name !== selfName && images.has(name)) peers.push({ name, evidence, span, scheme, image: images.get(name) ?? null });
  };
  for (const entry of dependencies) add(entry.name, entry.key, entry.span, null);
  for (const assignment of environment) {
    // A proxy variable names the proxy, which is reached through no proxy anyway; NO_PROXY is what peers are checked against.
    if (assignment.setting || assignment.value === null) continue;
    for (const reference of hostReferences(assignment.value)) {
      if (!images.has(reference.host.toLowerCase())) continue;
      const offsets = assignment.valueOffsets;
      const span = offsets ? { start: offsets(reference.start), end: offsets(reference.end - 1) + 1 } : assignment.valueSpan;
      add(reference.host.toLowerCase(), `${assignment.name}=${reference.shown}`, span, reference.scheme);
    }
  }
  return peers;
}

interface HostReference {
  host: string;
  /** Offsets of the host inside the value. */
  start: number;
  end: number;
  scheme: string | null;
  /** The reference without credentials, for messages. */
  shown: string;
}

const URL_HOST = /([A-Za-z][A-Za-z0-9+.-]*):\/\/([^\s/@,;]*@)?([A-Za-z0-9_.-]+)(:\d+)?/g;
const BARE_HOST = /^([A-Za-z0-9_.-]+)(:\d+)?$/;

/** Hosts named in an environment value: in URLs (`postgres://u@db/x`), or as the whole value or list item (`db`, `kafka:9092,zk:2181`). */
function hostReferences(value: string): HostReference[] {
  const references: HostReference[] = [];
  // Most values name no URL: skip the URL pattern (and the copy of it `matchAll` makes) for them.
  if (value.includes('://')) {
    for (const match of value.matchAll(URL_HOST)) {
      const [, scheme, userinfo = '', host, port = ''] = match;
      const start = match.index + scheme.length + 3 + userinfo.length;
      references.push({ host, start, end: start + host.length, scheme: scheme.toLowerCase(), shown: `${scheme}://${host}${port}` });
    }
  }
  if (references.length > 0) return references;
  let offset = 0;
  for (const item of value.split(',')) {
    const leading = item.length - item.trimStart().length;
    const match = BARE_HOST.exec(item.trim());
    if (match) references.push({ host: match[1], start: offset + leading, end: offset + leading + match[1].length, scheme: null, shown: item.trim() });
    offset += item.length + 1;
  }
  return references;
}
