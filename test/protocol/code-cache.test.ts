// The production server's code cache (server/codeCacheEntry.ts): the first
// start writes V8's cache next to the bundle when it exits, the next start
// uses it, and a cache that does not fit (garbage, another build's file) is
// ignored or removed; in every case the server publishes the same diagnostics.
// Runs a copy of the built server in a folder of its own.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { diagnosticsOfOneRun, SERVER_PATH } from '../support/lspClient';

const COMPOSE = readFileSync('examples/broken/compose/docker-compose.yml', 'utf8');
const URI = 'file:///code-cache/docker-compose.yml';
const diagnosticsOfOneStart = (serverPath: string, cacheSetting: string, cacheFolder?: string) =>
  diagnosticsOfOneRun(serverPath, URI, COMPOSE, { env: { PROXYLINT_CODE_CACHE: cacheSetting, ...(cacheFolder ? { PROXYLINT_CODE_CACHE_DIR: cacheFolder } : {}) } });

/** A cache file of another build, which a write removes from its own folder. */
const OTHER_BUILD_CACHE = 'server.js.0123456789abcdef.v0.0.0-x64.v8cache';

const cacheFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.v8cache'));

describe('the code cache of the production server', { skip: !readFileSync(SERVER_PATH, 'utf8').includes('PROXYLINT_CODE_CACHE') && 'a development build has no code cache' }, () => {
  let folder: string;
  let serverPath: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'proxylint-code-cache-'));
    serverPath = join(folder, 'server.js');
    copyFileSync(SERVER_PATH, serverPath);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('written by the first start, used by the next, ignored when it does not fit: the same diagnostics every time', async () => {
    // Another build's cache, which the first write removes.
    writeFileSync(join(folder, OTHER_BUILD_CACHE), 'old');
    const first = await diagnosticsOfOneStart(serverPath, 'log');
    assert.match(first.log, /code cache: none/);
    assert.match(first.log, /code cache: written/);
    assert.ok(first.diagnostics.length > 3);
    const [cache] = cacheFiles(folder);
    assert.deepEqual(cacheFiles(folder), [cache], 'one cache file, of this build');

    const second = await diagnosticsOfOneStart(serverPath, 'log');
    assert.match(second.log, /code cache: used/);
    assert.doesNotMatch(second.log, /written/);
    assert.deepEqual(second.diagnostics, first.diagnostics);

    writeFileSync(join(folder, cache), 'not a cache at all');
    const third = await diagnosticsOfOneStart(serverPath, 'log');
    assert.match(third.log, /code cache: rejected/);
    assert.match(third.log, /code cache: written/);
    assert.deepEqual(third.diagnostics, first.diagnostics);
    assert.match(
      (await diagnosticsOfOneStart(serverPath, 'log')).log,
      /code cache: used/,
      'the rejected cache was written again',
    );
  });

  test('PROXYLINT_CODE_CACHE_DIR (the extension storage the client names) holds the cache instead, created when missing', async () => {
    for (const name of cacheFiles(folder)) rmSync(join(folder, name));
    const storage = join(folder, 'globalStorage', 'proxylint.proxylint');
    writeFileSync(join(folder, OTHER_BUILD_CACHE), 'another build, next to the bundle');
    const first = await diagnosticsOfOneStart(serverPath, 'log', storage);
    assert.match(first.log, /code cache: none/);
    assert.match(first.log, /code cache: written/);
    assert.equal(cacheFiles(storage).length, 1);
    assert.deepEqual(cacheFiles(folder), [OTHER_BUILD_CACHE], 'nothing written or removed next to the bundle');
    const second = await diagnosticsOfOneStart(serverPath, 'log', storage);
    assert.match(second.log, /code cache: used/);
    assert.deepEqual(second.diagnostics, first.diagnostics);
    rmSync(join(folder, OTHER_BUILD_CACHE));
  });

  test('a cache folder it cannot write: no cache, the same diagnostics', async () => {
    const blocked = join(folder, 'a-file-not-a-folder');
    writeFileSync(blocked, '');
    const { diagnostics, log } = await diagnosticsOfOneStart(serverPath, 'log', join(blocked, 'storage'));
    assert.match(log, /code cache: none/);
    assert.doesNotMatch(log, /written/);
    assert.ok(diagnostics.length > 3);
  });

  test('PROXYLINT_CODE_CACHE=off neither reads nor writes one', async () => {
    for (const name of cacheFiles(folder)) rmSync(join(folder, name));
    const { diagnostics, log } = await diagnosticsOfOneStart(serverPath, 'off');
    assert.ok(diagnostics.length > 3);
    assert.equal(log, '');
    assert.deepEqual(cacheFiles(folder), []);
    assert.ok(!existsSync(join(folder, 'server.js.v8cache')));
  });
});
