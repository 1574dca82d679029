// GitLab Runner config.toml: the proxy environment for one `[[runners]]`
// (existing proxy entries get the new value, missing ones are appended in the
// array's own layout), NO_PROXY aware of docker-in-docker, and on request
// git's `http.proxy` set in `pre_get_sources_script`.
import { parseTOML, type AST } from 'toml-eslint-parser';
import { parseRunnerConfig } from '../documents/runner';
import { eolOf, lineEndAt, lineIndentAt, lineOf } from '../documents/text';
import type { TextEditAt } from '../engine/fixes';
import type { Scope } from '../engine/model';
import { maskSecrets } from '../proxy/url';
import { renderTomlString } from '../writers/toml';
import { BASE_NO_PROXY, dindNoProxy, noProxyList, placeMissing, proxyEnvironment, PROXY_VARIABLE_NAMES, type EnvironmentEntry } from './environment';
import { effectiveEdits } from './edits';
import { proxyUrlOf } from './proxyUrl';
import { GeneratorError, type GeneratedEdits, type ProxyInput } from './types';

export interface RunnerOptions {
  /** The `[[runners]]` table: its `name`, or its 0-based position among the runners. Optional when the file has one runner. */
  runner?: string | number;
  /** Also make git use the proxy: `git config --global http.proxy` in the runner's `pre_get_sources_script`. */
  gitProxy?: boolean;
}

export interface RunnerTarget {
  /** 0-based position among the `[[runners]]` tables. */
  index: number;
  name: string | null;
  /** 1-based line of the `[[runners]]` header. */
  line: number;
  /** Docker-in-docker host the runner uses, if any. */
  dindHost: string | null;
}

interface RunnerTable {
  target: RunnerTarget;
  table: AST.TOMLTable;
  scope: Scope | undefined;
}

/** The runners of a config.toml, for the quick pick and `--runner`. */
export function listRunners(text: string): RunnerTarget[] {
  return readRunners(text).map((r) => r.target);
}

export function generateRunnerEnvironment(text: string, input: ProxyInput, options: RunnerOptions = {}): GeneratedEdits {
  const url = proxyUrlOf(input);
  const runner = chooseRunner(readRunners(text), options.runner);
  const noProxy = noProxyList(BASE_NO_PROXY, input.noProxy, dindNoProxy(runner.scope?.dind ?? null));
  const environment = proxyEnvironment(url, noProxy);
  const eol = eolOf(text);
  const { table } = runner;
  const keyIndent = table.body.length > 0 ? lineIndentAt(text, table.body[0].range[0]) : `${lineIndentAt(text, table.range[0])}  `;
  // New keys go after the runner's last key, before its sub-tables ([runners.docker] ...).
  const endOfKeys = lineEndAt(text, table.body.length > 0 ? table.body[table.body.length - 1].range[1] - 1 : table.key.range[1]);

  const edits: TextEditAt[] = [];
  let appended = '';
  const environmentKey = keyValue(table, 'environment');
  if (!environmentKey) {
    appended += `${eol}${keyIndent}environment = ${multilineArray(environment, 'basic', keyIndent, eol)}`;
  } else if (environmentKey.value.type === 'TOMLArray') {
    edits.push(...mergeIntoArray(text, environmentKey.value, runner.scope, environment, keyIndent, eol));
  } else {
    throw new GeneratorError(`environment of ${labelOf(runner.target)} is not an array; make it environment = ["NAME=value", ...] first.`);
  }
  if (options.gitProxy) {
    const script = `git config --global http.proxy '${url}'`;
    // pre_clone_script is the name runners before 15.9 read; extend it where it is still used.
    const existing = keyValue(table, 'pre_get_sources_script') ?? keyValue(table, 'pre_clone_script');
    if (existing) edits.push(extendScript(runner.target, existing, script, eol));
    else appended += `${eol}${keyIndent}pre_get_sources_script = ${renderTomlString(script, 'basic')}`;
  }
  if (appended !== '') edits.push({ start: endOfKeys, end: endOfKeys, newText: appended });
  return { edits: effectiveEdits(text, edits) };
}

function readRunners(text: string): RunnerTable[] {
  const model = parseRunnerConfig(text);
  if (model.parseProblem) throw new GeneratorError(maskSecrets(model.parseProblem.message));
  const ast = parseTOML(text);
  const runners: RunnerTable[] = [];
  for (const node of ast.body[0].body) {
    if (node.type !== 'TOMLTable' || node.resolvedKey.length !== 2 || node.resolvedKey[0] !== 'runners' || typeof node.resolvedKey[1] !== 'number') continue;
    const scope = model.scopes.find((s) => s.anchor.start === node.range[0]);
    const nameKey = keyValue(node, 'name');
    const name = nameKey && nameKey.value.type === 'TOMLValue' && nameKey.value.kind === 'string' ? nameKey.value.value : null;
    runners.push({ target: { index: runners.length, name, line: lineOf(text, node.range[0]) + 1, dindHost: scope?.dind?.host ?? null }, table: node, scope });
  }
  return runners;
}

function chooseRunner(runners: RunnerTable[], wanted: string | number | undefined): RunnerTable {
  if (runners.length === 0) throw new GeneratorError('This file has no [[runners]] table.');
  if (wanted === undefined) {
    if (runners.length === 1) return runners[0];
    throw new GeneratorError(`This file has ${runners.length} runners (${runners.map((r) => labelOf(r.target)).join(', ')}): choose one.`);
  }
  if (typeof wanted === 'number') {
    const byIndex = runners[wanted];
    if (!byIndex) throw new GeneratorError(`There is no runner number ${wanted + 1}: the file has ${runners.length}.`);
    return byIndex;
  }
  const named = runners.filter((r) => r.target.name === wanted);
  if (named.length === 1) return named[0];
  if (named.length > 1) throw new GeneratorError(`${named.length} runners are named "${wanted}": choose one by its position.`);
  throw new GeneratorError(`No runner is named "${wanted}" (runners: ${runners.map((r) => labelOf(r.target)).join(', ')}).`);
}

export function labelOf(target: RunnerTarget): string {
  return target.name !== null ? `"${target.name}"` : `the runner on line ${target.line}`;
}

function keyValue(table: AST.TOMLTable, name: string): AST.TOMLKeyValue | undefined {
  return table.body.find((kv) => kv.key.keys.length === 1 && (kv.key.keys[0].type === 'TOMLBare' ? kv.key.keys[0].name : kv.key.keys[0].value) === name);
}

function multilineArray(entries: EnvironmentEntry[], quote: 'basic' | 'literal', keyIndent: string, eol: string): string {
  const elements = entries.map((e) => `${keyIndent}  ${renderTomlString(`${e.name}=${e.value}`, quote)},${eol}`).join('');
  return `[${eol}${elements}${keyIndent}]`;
}

/** New values for the proxy entries already in the array; missing ones next to their twin, or after the last element, in the array's own layout. */
function mergeIntoArray(text: string, array: AST.TOMLArray, scope: Scope | undefined, environment: EnvironmentEntry[], keyIndent: string, eol: string): TextEditAt[] {
  const elements = (scope?.assignments ?? []).filter((a) => a.span.start >= array.range[0] && a.span.end <= array.range[1]);
  const existing = elements.filter((a) => PROXY_VARIABLE_NAMES.includes(a.name));
  const edits: TextEditAt[] = existing.map((assignment) => {
    const entry = environment.find((e) => e.name === assignment.name)!;
    return { ...assignment.span, newText: renderTomlString(`${entry.name}=${entry.value}`, assignment.syntax.kind === 'toml-string' ? assignment.syntax.quote : 'basic') };
  });
  const missing = environment.filter((e) => !existing.some((a) => a.name === e.name));
  if (missing.length === 0) return edits;
  const strings = array.elements.filter((e): e is AST.TOMLStringValue => e.type === 'TOMLValue' && e.kind === 'string');
  const quote = strings.length > 0 ? strings[0].style : 'basic';
  const render = (e: EnvironmentEntry) => renderTomlString(`${e.name}=${e.value}`, quote);
  const last = array.elements[array.elements.length - 1];
  if (!last) return [...edits, { start: array.range[0], end: array.range[1], newText: multilineArray(missing, quote, keyIndent, eol) }];

  const multiline = lineOf(text, last.range[0]) !== lineOf(text, array.range[0]);
  const atEnd: EnvironmentEntry[] = [];
  for (const group of placeMissing(missing, elements)) {
    const comma = group.after && group.after.span.end < last.range[1] ? /^[ \t]*,/.exec(text.slice(group.after.span.end)) : null;
    if (!group.after || !comma) {
      atEnd.push(...group.entries);
      continue;
    }
    const afterComma = group.after.span.end + comma[0].length;
    if (multiline && /^[ \t]*(#.*)?$/.test(text.slice(afterComma, lineEndAt(text, afterComma)))) {
      const at = lineEndAt(text, afterComma);
      const indent = lineIndentAt(text, group.after.span.start);
      edits.push({ start: at, end: at, newText: group.entries.map((e) => `${eol}${indent}${render(e)},`).join('') });
    } else {
      edits.push({ start: afterComma, end: afterComma, newText: group.entries.map((e) => ` ${render(e)},`).join('') });
    }
  }
  if (atEnd.length > 0) edits.push(...appendToArray(text, array, last, atEnd.map(render), multiline, eol));
  return edits;
}

function appendToArray(text: string, array: AST.TOMLArray, last: AST.TOMLContentNode, rendered: string[], multiline: boolean, eol: string): TextEditAt[] {
  const trailingComma = /^[ \t]*,/.exec(text.slice(last.range[1], array.range[1] - 1));
  const restOfLine = text.slice(last.range[1] + (trailingComma ? trailingComma[0].length : 0), lineEndAt(text, last.range[1]));
  if (multiline && /^[ \t]*(#.*)?$/.test(restOfLine)) {
    // One element per line, after the last element's line so its comment stays with it; the array's trailing-comma style is kept.
    const indent = lineIndentAt(text, last.range[0]);
    const at = lineEndAt(text, last.range[1]);
    const lines = rendered.map((r, i) => `${eol}${indent}${r}${trailingComma || i < rendered.length - 1 ? ',' : ''}`).join('');
    if (trailingComma) return [{ start: at, end: at, newText: lines }];
    // The comma goes right after the element, before any comment on its line.
    if (at === last.range[1]) return [{ start: at, end: at, newText: `,${lines}` }];
    return [{ start: last.range[1], end: last.range[1], newText: ',' }, { start: at, end: at, newText: lines }];
  }
  return [{ start: last.range[1], end: last.range[1], newText: rendered.map((r) => `, ${r}`).join('') }];
}

/** The script with git's proxy line replaced or appended; everything else in it kept. */
function extendScript(target: RunnerTarget, kv: AST.TOMLKeyValue, command: string, eol: string): TextEditAt {
  const value = kv.value;
  if (value.type !== 'TOMLValue' || value.kind !== 'string') throw new GeneratorError(`${keyName(kv)} of ${labelOf(target)} is not a string.`);
  const kept = value.value.split('\n').filter((line) => !/^\s*git config --global http\.proxy\b/.test(line));
  while (kept.length > 0 && kept[kept.length - 1].trim() === '') kept.pop();
  const script = [...kept, command].join('\n');
  // A CRLF file would put \r into a multi-line string's lines; there the newlines stay escaped.
  const rendered = script.includes('\n') && eol === '\n' ? renderTomlMultiline(script) : renderTomlString(script, value.style);
  return { start: value.range[0], end: value.range[1], newText: rendered };
}

function keyName(kv: AST.TOMLKeyValue): string {
  const key = kv.key.keys[0];
  return key.type === 'TOMLBare' ? key.name : key.value;
}

/** A TOML multi-line basic string, one script line per line (the newline after `"""` is not part of the value). */
function renderTomlMultiline(content: string): string {
  const escaped = content.replace(/[\\"\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return `"""\n${escaped}"""`;
}
