// Docker's client config.json (`proxies.default`, `proxies["tcp://host:2375"]`)
// and daemon.json (`proxies.http-proxy` ...) → ProxyModel.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Assignment, FileKind, ProxyModel, Scope } from '../engine/model';
import { dockerKeyAssignment, identityOffsets } from './assignments';
import { withoutByteOrderMark } from './text';

export function parseDockerJson(text: string, kind: Extract<FileKind, 'docker-client' | 'docker-daemon'>): ProxyModel {
  const model: ProxyModel = { kind, text, scopes: [], parseProblem: null };
  const errors: ParseError[] = [];
  // Docker's own parser is strict JSON: comments and trailing commas are errors for it too.
  // dockerd skips a BOM (so do editors on Windows that write one); jsonc-parser does not.
  const root = parseTree(withoutByteOrderMark(text), errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    const error = errors[0];
    model.parseProblem = error
      ? { message: `JSON does not parse: ${printParseErrorCode(error.error)}`, span: { start: error.offset, end: error.offset + Math.max(error.length, 1) } }
      : { message: 'JSON does not parse: the file is empty', span: { start: 0, end: 0 } };
    return model;
  }
  const proxies = findNodeAtLocation(root, ['proxies']);
  if (!proxies || proxies.type !== 'object') return model;
  if (kind === 'docker-daemon') {
    model.scopes.push(scopeOf(text, proxies, ['proxies'], '"proxies" of daemon.json', kind));
    return model;
  }
  for (const property of proxies.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value || value.type !== 'object') continue;
    const name = String(key.value);
    model.scopes.push(scopeOf(text, value, ['proxies', name], `"proxies.${name}" of config.json`, kind));
  }
  return model;
}

function scopeOf(text: string, object: Node, path: string[], label: string, kind: Extract<FileKind, 'docker-client' | 'docker-daemon'>): Scope {
  const assignments: Assignment[] = [];
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    const keySpan = { start: key.offset + 1, end: key.offset + key.length - 1 };
    const isString = value.type === 'string';
    const valueSpan = isString ? { start: value.offset + 1, end: value.offset + value.length - 1 } : { start: value.offset, end: value.offset + value.length };
    assignments.push(
      dockerKeyAssignment(kind, {
        name: String(key.value),
        value: isString ? String(value.value) : null,
        span: { start: property.offset, end: property.offset + property.length },
        nameSpan: keySpan,
        valueSpan,
        valueOffsets: isString ? identityOffsets(text, valueSpan, String(value.value), 0) : null,
        syntax: { kind: 'json-property', objectPath: path },
      }),
    );
  }
  const keyNode = object.parent?.children?.[0];
  const anchor = keyNode ? { start: keyNode.offset, end: keyNode.offset + keyNode.length } : { start: object.offset, end: object.offset + 1 };
  return { label, consumer: 'docker-json', assignments, anchor, dind: null };
}
