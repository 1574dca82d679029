import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../lib/waitFor.mjs';

// The language server keeps V8's code cache in the storage VS Code gives the
// extension (the client names it), not in the installed extension's folder,
// which may not be writable. The server writes it 5 s after it starts, which
// the scenarios before this one have long passed.
const v8Caches = (folder) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.v8cache')) : []);

export default {
  title: "the server's code cache is written to the extension's storage, not its installation",
  async run({ editorFiles, log, skip }) {
    if (!editorFiles?.userDataDir || !editorFiles.extensionDir) skip('this runner does not say where the editor keeps its files');
    const storage = path.join(editorFiles.userDataDir, 'User', 'globalStorage', 'proxylint.proxylint');
    const [cache] = await waitFor(() => v8Caches(storage).length > 0 && v8Caches(storage), { timeoutMs: 20_000, what: `a code cache in ${storage}` });
    assert.deepEqual(v8Caches(path.join(editorFiles.extensionDir, 'dist')), [], 'nothing written into the installed extension');
    log(`${path.relative(editorFiles.userDataDir, path.join(storage, cache))}`);
  },
};
