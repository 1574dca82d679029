// The language server's entry in production builds (dist/server.js): runs the
// bundled server, which scripts/build.mjs embeds here as a string, with V8's
// code cache. Compiling the half-megabyte bundle, and the functions the first
// lint runs, is a large part of a cold start; the bytecode V8 made for them
// the first time is written to the folder PROXYLINT_CODE_CACHE_DIR names (the
// client passes VS Code's storage for the extension), else next to the
// bundle, and given back to V8 at the next start. V8 checks that the cache
// fits this V8 version, flags and source (the file name also holds a hash of
// the bundle) and ignores it otherwise;
// any failure to read, use or write it just compiles as without a cache.
// PROXYLINT_CODE_CACHE=off turns it off; PROXYLINT_CODE_CACHE=log reports on
// standard error whether the cache was used.
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

declare const PROXYLINT_SERVER_BUNDLE: string;
declare const PROXYLINT_SERVER_BUNDLE_HASH: string;

/** Written after this long, or when the server exits if sooner: by then the first diagnostics are usually out. */
const WRITE_AFTER_MS = 5_000;

const mode = process.env.PROXYLINT_CODE_CACHE;
const CACHE_NAME = /^server\.js\.([0-9a-f]+)\.[^/\\]+\.v8cache$/;
// The editor's storage for the extension is writable where its installation may not be (a system-wide install).
const cacheFolder = process.env.PROXYLINT_CODE_CACHE_DIR || __dirname;
const cacheFile = join(cacheFolder, `server.js.${PROXYLINT_SERVER_BUNDLE_HASH}.${process.version}-${process.arch}.v8cache`);

let cachedData: Buffer | undefined;
if (mode !== 'off') {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet, or not readable
  }
}
// The bundle is a CommonJS module: wrapped as Node wraps one, and given this module's place.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${PROXYLINT_SERVER_BUNDLE}\n})`, { filename: __filename, cachedData });
const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
if (mode === 'log') process.stderr.write(`proxylint code cache: ${cacheUsed ? 'used' : cachedData ? 'rejected' : 'none'}\n`);
if (mode !== 'off' && !cacheUsed) {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    try {
      // Another server may start meanwhile: it reads the old file or the whole new one, never a part.
      mkdirSync(cacheFolder, { recursive: true });
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
      removeCachesOfOtherBuilds();
      if (mode === 'log') process.stderr.write('proxylint code cache: written\n');
    } catch {
      // a folder it cannot write: no cache
    }
  };
  setTimeout(write, WRITE_AFTER_MS).unref();
  process.once('exit', write);
}
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, __filename, __dirname);

function removeCachesOfOtherBuilds(): void {
  for (const name of readdirSync(cacheFolder)) {
    const hash = CACHE_NAME.exec(name)?.[1];
    if (hash && hash !== PROXYLINT_SERVER_BUNDLE_HASH) unlinkSync(join(cacheFolder, name));
  }
}
