// One entry point from (path, text) to the model, whatever the file kind.
import type { FileKind, ProxyModel } from '../engine/model';
import { parseCompose } from './compose';
import { parseDockerJson } from './dockerJson';
import { parseRunnerConfig } from './runner';
import { parseSystemdUnit } from './systemd';

export function parseDocumentOfKind(kind: FileKind, text: string, path: string): ProxyModel {
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
  }
}
