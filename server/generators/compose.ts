// docker-compose: the proxy environment for chosen services, written once as
// an `x-proxy-env` anchor that each map-style `environment:` merges with
// `<<: *proxy-env`; list-style environments (which YAML cannot merge into)
// get the entries as list items. NO_PROXY names every service of the file, so
// services reach each other directly, and the dind daemon with its ports.
// Edits are text insertions at positions from the `yaml` parser's ranges: the
// user's comments, anchors, order and indentation stay byte for byte.
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseCompose } from '../documents/compose';
import { eolOf, lineEndAt, lineIndentAt, lineStartAt } from '../documents/text';
import type { TextEditAt } from '../engine/fixes';
import type { QuoteStyle, Scope } from '../engine/model';
import { maskSecrets } from '../proxy/url';
import { wholeLines } from '../writers/lines';
import { renderYamlScalar } from '../writers/yaml';
import { BASE_NO_PROXY, dindNoProxy, noProxyList, placeMissing, proxyEnvironment, PROXY_VARIABLE_NAMES, type EnvironmentEntry } from './environment';
import { effectiveEdits } from './edits';
import { proxyUrlOf } from './proxyUrl';
import { GeneratorError, type GeneratedEdits, type ProxyInput } from './types';

export const COMPOSE_EXTENSION_KEY = 'x-proxy-env';
const DEFAULT_ANCHOR = 'proxy-env';

export interface ComposeOptions {
  /** Names of the services that get the proxy environment. */
  services: string[];
}

export interface ComposeServiceTarget {
  name: string;
  /** How its `environment:` is written: `map` merges the anchor, `list` gets list items, `none` gets a new map. */
  environment: 'map' | 'list' | 'none' | 'other';
  /** It already has a proxy variable of its own. */
  hasProxy: boolean;
  dindHost: string | null;
}

interface ComposeFile {
  text: string;
  doc: Document;
  eol: string;
  root: YAMLMap;
  servicesPair: Pair<Scalar, YAMLMap>;
  services: YAMLMap;
  scopes: Scope[];
  anchors: Set<string>;
  /** One level of the file's indentation. */
  unit: string;
}

type ServiceEnvironment = ComposeServiceTarget['environment'];

/** The services of a compose file, for the quick pick and `--service`. */
export function listComposeServices(text: string): ComposeServiceTarget[] {
  const file = readComposeFile(text);
  return file.services.items.filter((pair) => isScalar(pair.key)).map((pair) => {
    const name = String((pair.key as Scalar).value);
    const scope = scopeOf(file, pair as Pair<Scalar, unknown>);
    return { name, environment: environmentStyle(file.doc, pair.value), hasProxy: Boolean(scope?.assignments.some((a) => a.setting !== null)), dindHost: scope?.dind?.host ?? null };
  });
}

export function generateCompose(text: string, input: ProxyInput, options: ComposeOptions): GeneratedEdits {
  const url = proxyUrlOf(input);
  const file = readComposeFile(text);
  const chosen = chooseServices(file, options.services);
  const allNames = file.services.items.filter((p) => isScalar(p.key)).map((p) => String((p.key as Scalar).value));
  const dind = chosen.flatMap((pair) => dindNoProxy(scopeOf(file, pair)?.dind ?? null));
  const environment = proxyEnvironment(url, noProxyList(BASE_NO_PROXY, input.noProxy, allNames, dind));

  const extension = file.root.items.find((p) => isScalar(p.key) && p.key.value === COMPOSE_EXTENSION_KEY);
  const anchor = extension ? existingAnchorName(file, extension) : uniqueAnchorName(file.anchors);
  const edits: TextEditAt[] = [];
  let merged = false;
  for (const service of chosen) {
    const result = addToService(file, service, anchor, environment);
    edits.push(...result.edits);
    merged ||= result.mergesAnchor;
  }
  if (extension) edits.push(...updateExtension(file, extension, anchor, environment));
  else if (merged) edits.push(insertExtension(file, anchor, environment));
  return { edits: effectiveEdits(text, edits) };
}

function readComposeFile(text: string): ComposeFile {
  const model = parseCompose(text);
  if (model.parseProblem) throw new GeneratorError(maskSecrets(model.parseProblem.message));
  const doc = parseDocument(text, { merge: true, uniqueKeys: false });
  const root = doc.contents;
  if (!isMap(root) || root.flow) throw new GeneratorError('This is not a compose file: its top level is not a block mapping.');
  const servicesPair = root.items.find((p) => isScalar(p.key) && p.key.value === 'services');
  const services = servicesPair?.value;
  if (!servicesPair || !isMap(services) || services.items.length === 0) throw new GeneratorError('This compose file has no services.');
  if (services.flow) throw new GeneratorError('services: is written in flow style ({...}); proxylint edits block-style compose files.');
  const serviceKeyIndent = lineIndentAt(text, (services.items[0].key as Scalar).range![0]).length;
  const servicesIndent = lineIndentAt(text, (servicesPair.key as Scalar).range![0]).length;
  const unit = ' '.repeat(serviceKeyIndent > servicesIndent ? serviceKeyIndent - servicesIndent : 2);
  return { text, doc, eol: eolOf(text), root, servicesPair: servicesPair as Pair<Scalar, YAMLMap>, services, scopes: model.scopes, anchors: anchorsOf(doc), unit };
}

function anchorsOf(doc: Document): Set<string> {
  const anchors = new Set<string>();
  visit(doc, {
    Node(_, node) {
      if ('anchor' in node && typeof node.anchor === 'string') anchors.add(node.anchor);
    },
  });
  return anchors;
}

function uniqueAnchorName(anchors: Set<string>): string {
  if (!anchors.has(DEFAULT_ANCHOR)) return DEFAULT_ANCHOR;
  for (let i = 2; ; i++) if (!anchors.has(`${DEFAULT_ANCHOR}-${i}`)) return `${DEFAULT_ANCHOR}-${i}`;
}

function chooseServices(file: ComposeFile, names: readonly string[]): Pair<Scalar, unknown>[] {
  if (names.length === 0) throw new GeneratorError('Choose at least one service.');
  return [...new Set(names)].map((name) => {
    const pair = file.services.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
    if (!pair) throw new GeneratorError(`There is no service "${name}" in this file.`);
    return pair as Pair<Scalar, unknown>;
  });
}

/** The model scope of a service's environment (the compose parser anchors it at the service key). */
function scopeOf(file: ComposeFile, pair: Pair<Scalar, unknown>): Scope | undefined {
  const start = pair.key.range?.[0];
  return file.scopes.find((s) => s.anchor.start === start && !s.label.startsWith('build args'));
}

function environmentStyle(doc: Document, service: unknown): ServiceEnvironment {
  if (!isMap(service)) return 'other';
  const written = service.items.find((p) => isScalar(p.key) && p.key.value === 'environment')?.value;
  const value = isAlias(written) ? written.resolve(doc) : written;
  if (value === undefined || value === null || (isScalar(value) && value.value === null)) return 'none';
  if (isMap(value)) return 'map';
  if (isSeq(value)) return 'list';
  return 'other';
}

function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && (pair.key.source === '<<' || typeof pair.key.value === 'symbol');
}

/** The edits that give one service the proxy environment, and whether they merge the anchor. */
function addToService(file: ComposeFile, pair: Pair<Scalar, unknown>, anchor: string, environment: EnvironmentEntry[]): { edits: TextEditAt[]; mergesAnchor: boolean } {
  const name = String(pair.key.value);
  const service = pair.value;
  if (!isMap(service) || service.flow || service.items.length === 0) throw new GeneratorError(`Service "${name}" is not a block mapping; proxylint cannot add an environment to it.`);
  const { text, eol, unit } = file;
  const keyIndent = lineIndentAt(text, (service.items[0].key as Scalar).range![0]);
  const environmentPair = service.items.find((p) => isScalar(p.key) && p.key.value === 'environment');
  const merge = `<<: *${anchor}`;

  if (!environmentPair) {
    if (inheritsEnvironment(file.doc, service)) throw new GeneratorError(`Service "${name}" inherits its environment through a << merge key; add the proxy where that environment is written.`);
    const lastEnd = lastLineEnd(text, service.items[service.items.length - 1]);
    return { edits: [{ start: lastEnd, end: lastEnd, newText: `${eol}${keyIndent}environment:${eol}${keyIndent}${unit}${merge}` }], mergesAnchor: true };
  }
  const key = environmentPair.key as Scalar;
  const value = environmentPair.value;
  const entryIndent = `${keyIndent}${unit}`;
  const afterColon = text.indexOf(':', key.range![1]) + 1;

  if (value === null || value === undefined || (isScalar(value) && value.value === null)) {
    // `environment:` with nothing (or `~`) becomes a map holding the merge.
    const end = isScalar(value) && value.source !== '' ? value.range![1] : afterColon;
    return { edits: [{ start: afterColon, end, newText: `${eol}${entryIndent}${merge}` }], mergesAnchor: true };
  }
  if (isAlias(value)) {
    if (value.source === anchor) return { edits: [], mergesAnchor: true };
    if (!isMap(value.resolve(file.doc))) throw new GeneratorError(`environment of service "${name}" is the list *${value.source}; add the proxy entries where that list is written.`);
    // `environment: *common` becomes a map merging both; the proxy anchor comes first so its values win.
    return { edits: [{ start: afterColon, end: value.range![1], newText: `${eol}${entryIndent}<<: [*${anchor}, *${value.source}]` }], mergesAnchor: true };
  }
  if (isMap(value)) return { edits: mergeIntoMap(file, name, value, anchor, afterColon, entryIndent), mergesAnchor: true };
  if (isSeq(value)) return { edits: addToList(file, pair, value, environment, afterColon), mergesAnchor: false };
  throw new GeneratorError(`environment of service "${name}" is neither a map nor a list.`);
}

/** A service whose `<<` merge brings an `environment` key: a local one would replace, not extend, it. */
function inheritsEnvironment(doc: Document, service: YAMLMap): boolean {
  return service.items.some((p) => {
    if (!isMergeKey(p)) return false;
    const sources = isSeq(p.value) ? p.value.items : [p.value];
    return sources.some((source) => {
      const resolved = isAlias(source) ? source.resolve(doc) : source;
      return isMap(resolved) && resolved.has('environment');
    });
  });
}

function mergeIntoMap(file: ComposeFile, name: string, map: YAMLMap, anchor: string, afterColon: number, entryIndent: string): TextEditAt[] {
  const { text, eol } = file;
  const merge = `<<: *${anchor}`;
  if (map.flow) {
    if (map.items.length === 0) return [{ start: afterColon, end: map.range![1], newText: `${eol}${entryIndent}${merge}` }];
    if (map.items.some((p) => isScalar(p.key) && PROXY_VARIABLE_NAMES.includes(String(p.key.value)))) {
      throw new GeneratorError(`environment of service "${name}" is a flow map ({...}) that already sets proxy variables; remove them or make it a block map first.`);
    }
    if (map.items.some(isMergeKey)) throw new GeneratorError(`environment of service "${name}" is a flow map with a << merge key; make it a block map first.`);
    return [{ start: map.range![0] + 1, end: map.range![0] + 1, newText: `${merge}, ` }];
  }
  const edits: TextEditAt[] = [];
  const indent = map.items.length > 0 ? lineIndentAt(text, (map.items[0].key as Scalar).range![0]) : entryIndent;
  const existingMerge = map.items.find(isMergeKey);
  if (!existingMerge) {
    // First in the map, right under `environment:`: before any comment that belongs to the first entry.
    const keyLineEnd = lineEndAt(text, afterColon);
    edits.push({ start: keyLineEnd, end: keyLineEnd, newText: `${eol}${indent}${merge}` });
  } else if (!mergesAlias(existingMerge, anchor)) {
    edits.push(extendMerge(name, existingMerge, anchor));
  }
  // Local proxy entries would override the merged ones: they go.
  for (const pair of map.items) {
    if (isMergeKey(pair) || !isScalar(pair.key) || !PROXY_VARIABLE_NAMES.includes(String(pair.key.value))) continue;
    const end = isScalar(pair.value) || isAlias(pair.value) ? pair.value.range![1] : pair.key.range![1];
    edits.push({ ...wholeLines(text, pair.key.range![0], end), newText: '' });
  }
  return edits;
}

function mergesAlias(pair: Pair, anchor: string): boolean {
  const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
  return sources.some((s) => isAlias(s) && s.source === anchor);
}

/** `<<: *base` becomes `<<: [*proxy-env, *base]`: in a merge list the first map wins. */
function extendMerge(name: string, pair: Pair, anchor: string): TextEditAt {
  const value = pair.value;
  if (isAlias(value)) return { start: value.range![0], end: value.range![1], newText: `[*${anchor}, ${value.toString()}]` };
  if (isSeq(value) && value.flow) return { start: value.range![0] + 1, end: value.range![0] + 1, newText: `*${anchor}, ` };
  throw new GeneratorError(`The << merge key in the environment of service "${name}" is not an alias or a [..] list; add *${anchor} to it by hand.`);
}

/** List-style environment: proxy items present get the new value, missing ones are appended in the list's style. */
function addToList(file: ComposeFile, pair: Pair<Scalar, unknown>, seq: YAMLSeq, environment: EnvironmentEntry[], afterColon: number): TextEditAt[] {
  const { text, eol } = file;
  const scope = scopeOf(file, pair);
  const items = (scope?.assignments ?? []).filter((a) => a.syntax.kind === 'yaml-list' && a.span.start >= seq.range![0] && a.span.end <= seq.range![1]);
  const quoteOf = (a: (typeof items)[number] | undefined): QuoteStyle => (a && a.syntax.kind === 'yaml-list' ? a.syntax.quote : 'plain');
  const render = (e: EnvironmentEntry, quote: QuoteStyle) => {
    const rendered = renderYamlScalar(`${e.name}=${e.value}`, quote);
    // Inside [...] a plain scalar ends at a comma: NO_PROXY's list must be quoted there.
    return seq.flow && quote === 'plain' && /[,[\]{}]/.test(rendered) ? JSON.stringify(`${e.name}=${e.value}`) : rendered;
  };
  const edits: TextEditAt[] = [];
  for (const item of items) {
    const entry = environment.find((e) => e.name === item.name);
    if (entry && PROXY_VARIABLE_NAMES.includes(item.name)) edits.push({ ...item.span, newText: render(entry, quoteOf(item)) });
  }
  const missing = environment.filter((e) => !items.some((a) => a.name === e.name));
  if (missing.length === 0) return edits;
  const last = items[items.length - 1];
  if (seq.flow) {
    if (seq.items.length === 0) return [...edits, { start: afterColon, end: seq.range![1], newText: ` [${missing.map((e) => render(e, 'plain')).join(', ')}]` }];
    const lastNode = seq.items[seq.items.length - 1] as { range?: [number, number, number] };
    return [...edits, { start: lastNode.range![1], end: lastNode.range![1], newText: missing.map((e) => `, ${render(e, quoteOf(last))}`).join('') }];
  }
  const lastNode = seq.items[seq.items.length - 1] as { range?: [number, number, number] };
  // Each missing item right after its twin's line (twins side by side), the others after the last item.
  for (const group of placeMissing(missing, items)) {
    const after = group.after;
    const indent = after && after.syntax.kind === 'yaml-list' ? after.syntax.itemIndent : last && last.syntax.kind === 'yaml-list' ? last.syntax.itemIndent : lineIndentAt(text, lastNode.range![0]);
    const at = lineEndAt(text, (after ? after.span.end : lastNode.range![1]) - 1);
    edits.push({ start: at, end: at, newText: group.entries.map((e) => `${eol}${indent}- ${render(e, quoteOf(after ?? last))}`).join('') });
  }
  return edits;
}

/** End of the last line a pair is written on (after a comment on that line). */
function lastLineEnd(text: string, pair: Pair): number {
  const node = (pair.value ?? pair.key) as { range?: [number, number, number] } | null;
  const end = node?.range ? node.range[1] : (pair.key as Scalar).range![1];
  return lineEndAt(text, Math.max(end - 1, 0));
}

function existingAnchorName(file: ComposeFile, extension: Pair): string {
  const value = extension.value;
  if (!isMap(value) || value.flow) throw new GeneratorError(`${COMPOSE_EXTENSION_KEY} exists but is not a block map; rename or remove it first.`);
  if ((extension.key as Scalar).range![0] > (file.servicesPair.key as Scalar).range![0]) {
    throw new GeneratorError(`${COMPOSE_EXTENSION_KEY} comes after services:, where services cannot use its anchor; move it above services: first.`);
  }
  return value.anchor ?? uniqueAnchorName(file.anchors);
}

/** The existing `x-proxy-env`: new values for its proxy keys, missing keys appended, an anchor added if it has none. */
function updateExtension(file: ComposeFile, extension: Pair, anchor: string, environment: EnvironmentEntry[]): TextEditAt[] {
  const { text, eol, unit } = file;
  const map = extension.value as YAMLMap;
  const key = extension.key as Scalar;
  const edits: TextEditAt[] = [];
  if (!map.anchor) {
    const colon = text.indexOf(':', key.range![1]) + 1;
    edits.push({ start: colon, end: colon, newText: ` &${anchor}` });
  }
  const indent = map.items.length > 0 ? lineIndentAt(text, (map.items[0].key as Scalar).range![0]) : `${lineIndentAt(text, key.range![0])}${unit}`;
  const missing: EnvironmentEntry[] = [];
  const entries = map.items.filter((p): p is Pair<Scalar, unknown> => isScalar(p.key)).map((pair) => ({ name: String(pair.key.value), pair }));
  for (const entry of environment) {
    const pair = entries.find((e) => e.name === entry.name)?.pair;
    if (!pair) missing.push(entry);
    else if (isScalar(pair.value) && pair.value.source !== '') edits.push({ start: pair.value.range![0], end: pair.value.range![1], newText: renderYamlScalar(entry.value, quoteStyle(pair.value)) });
    else {
      const colon = text.indexOf(':', (pair.key as Scalar).range![1]) + 1;
      const end = pair.value && (isScalar(pair.value) || isAlias(pair.value)) ? pair.value.range![1] : colon;
      edits.push({ start: colon, end, newText: ` ${renderYamlScalar(entry.value, 'plain')}` });
    }
  }
  for (const group of placeMissing(missing, entries)) {
    const after = group.after?.pair ?? map.items[map.items.length - 1];
    const at = after ? lastLineEnd(text, after) : lineEndAt(text, key.range![1]);
    edits.push({ start: at, end: at, newText: group.entries.map((e) => `${eol}${indent}${e.name}: ${renderYamlScalar(e.value, 'plain')}`).join('') });
  }
  return edits;
}

function quoteStyle(node: Scalar): QuoteStyle {
  return node.type === 'QUOTE_DOUBLE' ? 'double' : node.type === 'QUOTE_SINGLE' ? 'single' : 'plain';
}

/** `x-proxy-env: &proxy-env` and its entries, above `services:` and any comment lines attached to it. */
function insertExtension(file: ComposeFile, anchor: string, environment: EnvironmentEntry[]): TextEditAt {
  const { text, eol, unit } = file;
  const servicesKey = file.servicesPair.key;
  const rootIndent = lineIndentAt(text, servicesKey.range![0]);
  let at = lineStartAt(text, servicesKey.range![0]);
  let commentStart = at;
  while (commentStart > 0) {
    const previousLine = lineStartAt(text, commentStart - 1);
    if (!/^[ \t]*#/.test(text.slice(previousLine, commentStart))) break;
    commentStart = previousLine;
  }
  // Comments right above services: stay with it; a comment block that opens the file is its header and stays first.
  if (commentStart > 0) at = commentStart;
  const entries = environment.map((e) => `${rootIndent}${unit}${e.name}: ${renderYamlScalar(e.value, 'plain')}${eol}`).join('');
  return { start: at, end: at, newText: `${rootIndent}${COMPOSE_EXTENSION_KEY}: &${anchor}${eol}${entries}${eol}` };
}
