// One entry point from (path, text) to the model, whatever the file kind.
import type { FileKind, ProxyModel } from '../engine/model';
import { parseCompose } from './compose';
import { parseDockerJson } from './dockerJson';
import { parseEnvFile } from './envFile';
import { parseRunnerConfig } from './runner';
import { parseSystemdUnit } from './systemd';
import { spanInside } from './text';

export function parseDocumentOfKind(kind: FileKind, text: string, path: string): ProxyModel {
  let model: ProxyModel;
  try {
    model = parseOfKind(kind, text, path);
  } catch (error) {
    // The parsers recurse once per nesting level: a file nested thousands deep overflows the stack.
    // That is a file we cannot read, to report like any other, not a crash of the server or the CLI.
    if (!(error instanceof RangeError)) throw error;
    const reason = /call stack/i.test(error.message) ? 'it nests too deeply, or holds a value too long, for the parser' : error.message;
    model = { kind, text, scopes: [], parseProblem: { message: `The file cannot be read: ${reason}`, span: { start: 0, end: 0 } } };
  }
  // Parser libraries place errors past the end (at EOF) or between \r and \n; a reported range must be one an editor can show.
  if (model.parseProblem) model.parseProblem.span = spanInside(text, model.parseProblem.span);
  return model;
}

function parseOfKind(kind: FileKind, text: string, path: string): ProxyModel {
  switch (kind) {
    case 'compose':
      return parseCompose(text);
    case 'runner':
      return parseRunnerConfig(text);
    case 'systemd':
      return parseSystemdUnit(text, path);
    case 'docker-client':
    case 'docker-daemon':
      return parseDockerJson(text, kind);
    case 'env-file':
      return parseEnvFile(text, path);
  }
}
