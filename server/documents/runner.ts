// GitLab Runner config.toml → ProxyModel: one scope per `[[runners]]`, from its
// `environment = [...]`; docker-in-docker from `[[runners.docker.services]]`
// or a tcp DOCKER_HOST.
import { ParseError, parseTOML, type AST } from 'toml-eslint-parser';
import type { Assignment, DindUse, ProxyModel, Span } from '../engine/model';
import { environmentAssignment } from './assignments';
import { dindFromDockerHost } from '../proxy/dockerHost';
import { lineIndentAt, lineOf, withoutByteOrderMark } from './text';

type TOMLTable = AST.TOMLTable;
type TOMLKeyValue = AST.TOMLKeyValue;

interface RunnerParts {
  header: TOMLTable;
  name: string | null;
  environment: Assignment[];
  dindServices: string[];
}

export function parseRunnerConfig(text: string): ProxyModel {
  const model: ProxyModel = { kind: 'runner', text, scopes: [], parseProblem: null };
  let ast;
  try {
    ast = parseTOML(withoutByteOrderMark(text));
  } catch (error) {
    if (error instanceof ParseError) {
      model.parseProblem = { message: `TOML does not parse: ${error.message}`, span: { start: error.index, end: error.index + 1 } };
      return model;
    }
    throw error;
  }
  const runners = new Map<number, RunnerParts>();
  for (const table of ast.body[0].body) {
    if (table.type !== 'TOMLTable' || table.resolvedKey[0] !== 'runners' || typeof table.resolvedKey[1] !== 'number') continue;
    const index = table.resolvedKey[1];
    const path = table.resolvedKey.slice(2).join('.');
    if (path === '') {
      runners.set(index, { header: table, name: stringValue(keyValue(table, 'name')), environment: environmentOf(text, keyValue(table, 'environment')), dindServices: [] });
    } else if (path.startsWith('docker.services.')) {
      const runner = runners.get(index);
      const image = stringValue(keyValue(table, 'name'));
      if (runner && image && /dind/i.test(image)) runner.dindServices.push(stringValue(keyValue(table, 'alias'))?.split(/[ ,]/)[0] || serviceHost(image));
    }
  }
  for (const runner of runners.values()) {
    const label = runner.name ? `runner "${runner.name}"` : `runner on line ${lineOf(text, runner.header.range[0]) + 1}`;
    const anchor: Span = { start: runner.header.range[0], end: runner.header.key.range[1] + 2 };
    model.scopes.push({ label, consumer: 'any-program', assignments: runner.environment, anchor, dind: dindOf(runner) });
  }
  return model;
}

function keyValue(table: TOMLTable, name: string): TOMLKeyValue | undefined {
  return table.body.find((kv) => kv.key.keys.length === 1 && keyName(kv.key.keys[0]) === name);
}

function keyName(key: TOMLKeyValue['key']['keys'][number]): string {
  return key.type === 'TOMLBare' ? key.name : String(key.value);
}

function stringValue(kv: TOMLKeyValue | undefined): string | null {
  return kv && kv.value.type === 'TOMLValue' && kv.value.kind === 'string' ? kv.value.value : null;
}

function environmentOf(text: string, kv: TOMLKeyValue | undefined): Assignment[] {
  if (!kv || kv.value.type !== 'TOMLArray') return [];
  const array = kv.value;
  const arrayLine = lineOf(text, array.range[0]);
  const entries: Assignment[] = [];
  for (const element of array.elements) {
    if (element.type !== 'TOMLValue' || element.kind !== 'string') continue;
    entries.push(stringEntry(text, element, lineOf(text, element.range[0]) !== arrayLine));
  }
  return entries;
}

function stringEntry(text: string, element: AST.TOMLStringValue, multilineArray: boolean): Assignment {
  const span: Span = { start: element.range[0], end: element.range[1] };
  const content = element.value;
  const quoteLength = element.multiline ? 3 : 1;
  const contentStart = span.start + quoteLength;
  // Offsets inside the string are exact only when the source has no escapes.
  const exact = text.startsWith(content, contentStart);
  const eq = content.indexOf('=');
  const name = eq < 0 ? content : content.slice(0, eq);
  const value = eq < 0 ? null : content.slice(eq + 1);
  return environmentAssignment({
    name,
    value,
    span,
    nameSpan: exact ? { start: contentStart, end: contentStart + name.length } : span,
    valueSpan: exact && eq >= 0 ? { start: contentStart + eq + 1, end: contentStart + content.length } : span,
    valueOffsets: exact && eq >= 0 ? (i) => contentStart + eq + 1 + i : null,
    syntax: { kind: 'toml-string', quote: element.style === 'literal' ? 'literal' : 'basic', multilineArray, elementIndent: lineIndentAt(text, span.start) },
  });
}

/** GitLab names a service container after its image: `docker:24-dind` is reachable as `docker`. */
function serviceHost(image: string): string {
  const repository = image.split(':')[0];
  return repository.slice(repository.lastIndexOf('/') + 1);
}

function dindOf(runner: RunnerParts): DindUse | null {
  const fromDockerHost = dindFromDockerHost(runner.environment);
  if (fromDockerHost) return fromDockerHost;
  if (runner.dindServices.length > 0) return { host: runner.dindServices[0], evidence: `the docker-in-docker service "${runner.dindServices[0]}"` };
  return null;
}
