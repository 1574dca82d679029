// Extension weight: the production bundles of client and server, the
// packaged .vsix (packaged from a staging copy, so dist/ is not touched), and
// what makes up the client bundle (esbuild's metafile).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const REPO = resolve(__dirname, '..');

export interface WeightResult {
  clientBytes: number;
  serverBytes: number;
  cliBytes: number;
  vsixBytes: number | null;
  /** Largest packages in the client bundle, bytes of output each. */
  clientParts: { name: string; bytes: number }[];
}

/** Packages the extension from a staging folder holding the files .vscodeignore lets in, with the bundles from `distDir`. */
function packageVsix(distDir: string, outDir: string): number | null {
  const staging = resolve(outDir, 'vsix-staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore', 'schemas', 'docs', 'language-configuration']) {
    if (existsSync(join(REPO, entry))) cpSync(join(REPO, entry), join(staging, entry), { recursive: true });
  }
  cpSync(distDir, join(staging, 'dist'), { recursive: true });
  const vsix = resolve(outDir, 'proxylint.vsix');
  rmSync(vsix, { force: true });
  try {
    execFileSync(process.execPath, [join(REPO, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: staging, stdio: 'pipe' });
  } catch (error) {
    process.stderr.write(`bench: vsce package failed: ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}\n`);
    return null;
  }
  return statSync(vsix).size;
}

/** Output bytes of the client bundle per package, from a metafile build with the production settings. */
async function clientComposition(outDir: string): Promise<{ name: string; bytes: number }[]> {
  const result = await esbuild.build({
    entryPoints: [join(REPO, 'client/extension.ts')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    mainFields: ['module', 'main'],
    external: ['vscode'],
    outfile: resolve(outDir, 'weight/client.js'),
    metafile: true,
    logLevel: 'silent',
  });
  const byPackage = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const name = match ? match[1] : input.startsWith('client/') || input.includes('/client/') ? '(proxylint client code)' : input.includes('server/') ? '(proxylint server code in the client)' : input;
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

export async function benchWeight(distDir: string, outDir: string, log: (line: string) => void = () => {}): Promise<WeightResult> {
  const size = (name: string) => statSync(join(distDir, name)).size;
  const clientParts = await clientComposition(outDir);
  const result: WeightResult = { clientBytes: size('client.js'), serverBytes: size('server.js'), cliBytes: size('cli.js'), vsixBytes: packageVsix(distDir, outDir), clientParts };
  log(`weight: client ${result.clientBytes} B, server ${result.serverBytes} B, vsix ${result.vsixBytes} B`);
  return result;
}

if (require.main === module) {
  void benchWeight(resolve(__dirname, 'out/dist'), resolve(__dirname, 'out'), (line) => console.log(line)).then((r) => console.log(r.clientParts.slice(0, 12)));
}

