// A fresh copy of examples/broken/ for every run: the quick-fix scenario edits
// files, and the examples in git must stay as they are.
import fs from 'node:fs';
import path from 'node:path';

export function copyExampleWorkspace(root, targetDir) {
  const source = path.join(root, 'examples', 'broken');
  if (!fs.existsSync(source)) throw new Error(`${source} does not exist: the scenarios open its files`);
  fs.cpSync(source, targetDir, { recursive: true });
  return targetDir;
}
