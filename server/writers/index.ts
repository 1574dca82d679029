// The writer for each syntax an assignment can be written in.
import type { FixOperation, TextEditAt } from '../engine/fixes';
import type { AssignmentSyntax } from '../engine/model';
import { envFileWriter } from './envFile';
import { jsonWriter } from './json';
import { systemdWriter } from './systemd';
import { tomlWriter } from './toml';
import { yamlWriter } from './yaml';

export interface SyntaxWriter {
  render(text: string, operation: FixOperation): TextEditAt;
}

export function writerFor(kind: AssignmentSyntax['kind']): SyntaxWriter {
  switch (kind) {
    case 'yaml-map':
    case 'yaml-list':
      return yamlWriter;
    case 'toml-string':
      return tomlWriter;
    case 'systemd-word':
      return systemdWriter;
    case 'json-property':
      return jsonWriter;
    case 'env-line':
      return envFileWriter;
  }
}
