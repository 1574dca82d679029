// Docker client config.json (`~/.docker/config.json`): `proxies.default`,
// which the docker CLI passes to every container and build as HTTP_PROXY and
// http_proxy alike. Merged with jsonc-parser's `modify` so every other key and
// its formatting stay as they are; or a whole new file.
import { findNodeAtLocation, modify, applyEdits as applyJsonEdits, parseTree, type FormattingOptions } from 'jsonc-parser';
import { parseDockerJson } from '../documents/dockerJson';
import { eolOf } from '../documents/text';
import { minimalEdit } from '../engine/fixes';
import type { TextEditAt } from '../engine/fixes';
import { BASE_NO_PROXY, noProxyList } from './environment';
import { effectiveEdits } from './edits';
import { proxyUrlOf } from './proxyUrl';
import { GeneratorError, type GeneratedEdits, type GeneratedFile, type ProxyInput } from './types';

export const DOCKER_CONFIG_PATH = '~/.docker/config.json';

type ProxyKey = 'httpProxy' | 'httpsProxy' | 'noProxy';

function proxiesDefault(input: ProxyInput): Record<ProxyKey, string> {
  const url = proxyUrlOf(input);
  return { httpProxy: url, httpsProxy: url, noProxy: noProxyList(BASE_NO_PROXY, input.noProxy).join(',') };
}

/** A new config.json, indented with tabs as the docker CLI writes it. */
export function newDockerConfig(input: ProxyInput): GeneratedFile {
  return { text: `${JSON.stringify({ proxies: { default: proxiesDefault(input) } }, null, '\t')}\n`, path: DOCKER_CONFIG_PATH };
}

/** Edits that set `proxies.default` in an existing config.json: present keys get the new value, missing ones are added. */
export function mergeDockerConfig(text: string, input: ProxyInput): GeneratedEdits {
  const values = proxiesDefault(input);
  const model = parseDockerJson(text, 'docker-client');
  if (model.parseProblem) throw new GeneratorError(`config.json ${model.parseProblem.message.replace(/^JSON /, '')}; fix it first.`);
  const root = parseTree(text)!;
  if (root.type !== 'object') throw new GeneratorError('config.json must hold a JSON object.');
  const formatting = formattingOf(text);
  const proxies = findNodeAtLocation(root, ['proxies']);
  const existing = findNodeAtLocation(root, ['proxies', 'default']);
  if (proxies && proxies.type !== 'object') throw new GeneratorError('"proxies" in config.json is not an object.');
  if (existing && existing.type !== 'object') throw new GeneratorError('"proxies.default" in config.json is not an object.');

  const set = (current: string, path: (string | number)[], value: unknown) => applyJsonEdits(current, modify(current, path, value, { formattingOptions: formatting }));
  if (!proxies) return { edits: editsBetween(text, set(text, ['proxies'], { default: values })) };
  if (!existing) return { edits: editsBetween(text, set(text, ['proxies', 'default'], values)) };

  const keys = Object.keys(values) as ProxyKey[];
  const present = keys.filter((key) => findNodeAtLocation(root, ['proxies', 'default', key]));
  // Values already there are replaced where they stand (each edit stays inside its value)...
  const edits = present.flatMap((key) => editsBetween(text, set(text, ['proxies', 'default', key], values[key])));
  // ...and missing keys are added together after the object's last property, in one insertion.
  let withMissing = text;
  for (const key of keys.filter((k) => !present.includes(k))) withMissing = set(withMissing, ['proxies', 'default', key], values[key]);
  edits.push(...editsBetween(text, withMissing));
  return { edits: effectiveEdits(text, edits) };
}

/** config.json merged when there is one (non-blank text), otherwise a new file. */
export function generateDockerConfig(text: string | undefined, input: ProxyInput): GeneratedFile | GeneratedEdits {
  return text === undefined || text.trim() === '' ? newDockerConfig(input) : mergeDockerConfig(text, input);
}

function editsBetween(before: string, after: string): TextEditAt[] {
  const edit = minimalEdit(before, after);
  return edit ? [edit] : [];
}

/** The file's own indentation, so jsonc-parser formats what it inserts like its neighbours. */
function formattingOf(text: string): FormattingOptions {
  const indented = /^([ \t]+)\S/m.exec(text);
  const eol = eolOf(text);
  if (!indented) return { insertSpaces: false, tabSize: 1, eol };
  if (indented[1].startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indented[1].length, eol };
}
