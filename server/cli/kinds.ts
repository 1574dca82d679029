// The kind of a file to lint: from its name and content like the editor does,
// and, for a file the user named, from its extension when its name alone does
// not tell (a compose file called `stack.yml`, a drop-in outside `*.d/`).
import { extname } from 'node:path';
import { detectFileKind, type DetectOptions } from '../documents/detect';
import type { FileKind } from '../engine/model';

export function kindOfFile(path: string, text: string, explicit: boolean, options: DetectOptions): FileKind | null {
  return detectFileKind(path, text, options) ?? (explicit ? kindByExtension(path, text) : null);
}

function kindByExtension(path: string, text: string): FileKind | null {
  switch (extname(path).toLowerCase()) {
    case '.yml':
    case '.yaml':
      return 'compose';
    case '.toml':
      return 'runner';
    case '.conf':
    case '.service':
      return 'systemd';
    case '.json':
      return /"proxies"\s*:/.test(text) ? 'docker-client' : null;
    default:
      return null;
  }
}
