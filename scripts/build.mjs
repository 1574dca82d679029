// Bundles the client (VS Code side), the language server and the CLI with esbuild.
import * as esbuild from 'esbuild';
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

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/server.ts'], outfile: `${outdir}/server.js` }),
  esbuild.build({ ...common, entryPoints: ['server/cli.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } }),
  // Worker threads of a parallel CLI run (server/cli/parallel.ts) load this next to cli.js.
  esbuild.build({ ...common, entryPoints: ['server/cli/lintWorker.ts'], outfile: `${outdir}/cliWorker.js` }),
]);
