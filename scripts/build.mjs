// Bundles the client (VS Code side), the language server and the CLI with esbuild.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const production = !process.argv.includes('--dev');
// `--outdir=DIR` builds elsewhere (parallel work and benchmarks); the extension and tests use dist/.
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  legalComments: 'none',
  logLevel: 'warning',
  // jsonc-parser's UMD build loads its parts with a dynamic require that bundles cannot follow; its ESM build has none.
  mainFields: ['module', 'main'],
  // `--version`, SARIF and serverInfo report package.json's version.
  define: { 'process.env.PROXYLINT_VERSION': JSON.stringify(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version) },
};

/**
 * vscode-jsonrpc and vscode-languageserver load `crypto` and `child_process` as the server starts, for what it
 * never uses (random pipe names, resolving globally installed modules): loading them on first use instead
 * saves milliseconds of every start.
 */
const builtinsOnFirstUse = {
  name: 'builtins-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^(crypto|child_process)$/ }, (args) => (/[\\/]node_modules[\\/]vscode-/.test(args.importer) ? { path: args.path, namespace: 'on-first-use' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => ({ contents: `module.exports = new Proxy({}, { get: (_, name) => require('node:${args.path}')[name] });`, loader: 'js' }));
  },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] }),
  buildServer(),
  esbuild.build({ ...common, entryPoints: ['server/cli.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } }),
  // Worker threads of a parallel CLI run (server/cli/parallel.ts) load this next to cli.js.
  esbuild.build({ ...common, entryPoints: ['server/cli/lintWorker.ts'], outfile: `${outdir}/cliWorker.js` }),
]);

/**
 * The language server. A production build embeds the bundle in an entry that runs it with V8's code cache
 * (server/codeCacheEntry.ts): a start after the first compiles little.
 */
async function buildServer() {
  const server = { ...common, entryPoints: ['server/server.ts'], outfile: `${outdir}/server.js`, plugins: [builtinsOnFirstUse] };
  if (!production) return esbuild.build(server);
  const bundle = (await esbuild.build({ ...server, write: false })).outputFiles[0].text;
  const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
  return esbuild.build({
    ...common,
    entryPoints: ['server/codeCacheEntry.ts'],
    outfile: `${outdir}/server.js`,
    define: { ...common.define, PROXYLINT_SERVER_BUNDLE: JSON.stringify(bundle), PROXYLINT_SERVER_BUNDLE_HASH: JSON.stringify(hash) },
  });
}
