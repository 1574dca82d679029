// Side by side with the server users already run: yaml-language-server on the
// same compose file, with the compose-spec schema from bench/fixtures (schema
// store off: nothing is fetched). Both servers are measured the same way:
// cold start (spawn to first diagnostics) and warm edits (didChange to the
// next diagnostics, one edit at a time).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeFileOfLines } from './generate';
import { editSite, proxylintSession } from './latency';
import { LspSession } from './lspSession';
import { median } from './stats';

const REPO = resolve(__dirname, '..');
const INSTALL_DIR = join(REPO, '.cache/bench-yamlls');
const SCHEMA = join(__dirname, 'fixtures/compose-spec.schema.json');

/** yaml-language-server's fixed debounce before it validates a changed document (yamlSettings.validationDelayMs). */
export const YAMLLS_VALIDATION_DELAY_MS = 200;

export interface ServerTiming {
  server: string;
  coldMs: number;
  warmMs: number;
  /** Diagnostics on the generated file, to show both did real work. */
  diagnostics: number;
}

export interface SideBySideResult {
  lines: number;
  proxylint: ServerTiming;
  yamlls: ServerTiming;
  yamllsVersion: string;
}

/** Installs yaml-language-server (pinned in bench/yamlls/package.json) outside the project's dependencies, once. */
export function ensureYamlLanguageServer(): string {
  const wanted = readFileSync(join(__dirname, 'yamlls/package.json'), 'utf8');
  const manifest = join(INSTALL_DIR, 'package.json');
  const entry = join(INSTALL_DIR, 'node_modules/yaml-language-server/bin/yaml-language-server');
  if (!existsSync(entry) || !existsSync(manifest) || readFileSync(manifest, 'utf8') !== wanted) {
    mkdirSync(INSTALL_DIR, { recursive: true });
    copyFileSync(join(__dirname, 'yamlls/package.json'), manifest);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], { cwd: INSTALL_DIR, stdio: 'inherit' });
  }
  return entry;
}

function yamllsSession(entry: string, root: string): Promise<LspSession> {
  const schemaUri = pathToFileURL(SCHEMA).toString();
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    schemas: { [schemaUri]: ['**/docker-compose*.yml', '**/compose*.yaml'] },
  };
  return LspSession.start({
    command: process.execPath,
    args: [entry, '--stdio'],
    configuration: (item) => (item.section === 'yaml' ? yaml : item.section === 'http' ? { proxy: '', proxyStrictSSL: false } : {}),
    rootPath: root,
    rootUri: pathToFileURL(root).toString(),
  });
}

async function measure(name: string, start: (root: string) => Promise<LspSession>, text: string, root: string, opts: { colds: number; warms: number; afterStart?: (s: LspSession) => Promise<void> }): Promise<ServerTiming> {
  mkdirSync(root, { recursive: true });
  const path = join(root, 'docker-compose.yml');
  writeFileSync(path, text);
  const uri = pathToFileURL(path).toString();
  const colds: number[] = [];
  let diagnostics = 0;
  for (let run = 0; run < opts.colds; run++) {
    const spawned = performance.now();
    const session = await start(root);
    await opts.afterStart?.(session);
    const first = session.next((p) => p.params.uri === uri);
    await session.open(uri, 'dockercompose', text);
    const published = await first;
    colds.push(published.at - spawned);
    diagnostics = published.params.diagnostics.length;
    if (run < opts.colds - 1) await session.stop();
    else {
      // The last cold session stays for the warm edits.
      const warm = await warmEdits(session, uri, text, opts.warms);
      await session.stop();
      return { server: name, coldMs: median(colds), warmMs: warm, diagnostics };
    }
  }
  throw new Error('unreachable');
}

/** Edits at the same place one at a time: send, wait for the next diagnostics, pause, repeat. */
async function warmEdits(session: LspSession, uri: string, text: string, count: number): Promise<number> {
  await new Promise((r) => setTimeout(r, 500));
  const site = editSite(text);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = { line: site.line, character: site.character };
    const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    const sent = performance.now();
    const next = session.next((p) => p.params.uri === uri && p.at >= sent);
    await session.change(uri, i + 2, [change]);
    times.push((await next).at - sent);
    await new Promise((r) => setTimeout(r, 100));
  }
  return median(times);
}

export async function benchSideBySide(serverPath: string, quick: boolean, outDir: string, log: (line: string) => void = () => {}): Promise<SideBySideResult> {
  const entry = ensureYamlLanguageServer();
  const yamllsVersion = (JSON.parse(readFileSync(join(INSTALL_DIR, 'node_modules/yaml-language-server/package.json'), 'utf8')) as { version: string }).version;
  const text = composeFileOfLines(500, 5);
  const colds = quick ? 1 : 5;
  const warms = quick ? 6 : 20;
  const proxylint = await measure('proxylint', (root) => proxylintSession(serverPath, root), text, resolve(outDir, 'side-by-side/proxylint'), { colds, warms });
  log(`proxylint: cold ${proxylint.coldMs.toFixed(0)} ms, warm ${proxylint.warmMs.toFixed(1)} ms, ${proxylint.diagnostics} diagnostics`);
  const yamlls = await measure('yaml-language-server', (root) => yamllsSession(entry, root), text, resolve(outDir, 'side-by-side/yamlls'), { colds, warms, afterStart: (s) => s.configurationChanged() });
  log(`yaml-language-server ${yamllsVersion}: cold ${yamlls.coldMs.toFixed(0)} ms, warm ${yamlls.warmMs.toFixed(1)} ms, ${yamlls.diagnostics} diagnostics`);
  return { lines: text.split('\n').length, proxylint, yamlls, yamllsVersion };
}

/** Proves the schema is applied: a compose file with a wrong key gets a schema diagnostic from yaml-language-server. */
export async function yamllsValidatesWithSchema(outDir: string): Promise<string[]> {
  const entry = ensureYamlLanguageServer();
  const root = resolve(outDir, 'side-by-side/schema-check');
  mkdirSync(root, { recursive: true });
  const path = join(root, 'docker-compose.yml');
  const text = 'services:\n  web:\n    image: nginx\n    restrat: always\n';
  writeFileSync(path, text);
  const session = await yamllsSession(entry, root);
  try {
    await session.configurationChanged();
    const uri = pathToFileURL(path).toString();
    const first = session.next((p) => p.params.uri === uri);
    await session.open(uri, 'dockercompose', text);
    return (await first).params.diagnostics.map((d) => d.message);
  } finally {
    await session.stop();
  }
}

if (require.main === module) {
  // `--json`: the result on standard output, for run.ts (a process of its own, as for latency.ts).
  const json = process.argv.includes('--json');
  const serverPath = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? resolve(__dirname, 'out/dist/server.js');
  const log = (line: string) => (json ? process.stderr.write(`  ${line}\n`) : console.log(line));
  void (async () => {
    const messages = await yamllsValidatesWithSchema(resolve(__dirname, 'out'));
    // Without the schema, yaml-language-server would only parse: the comparison would flatter proxylint.
    if (!messages.some((m) => /restrat/.test(m))) throw new Error(`yaml-language-server did not apply the compose schema: ${JSON.stringify(messages)}`);
    log(`schema applied: ${messages.join('; ')}`);
    const result = await benchSideBySide(serverPath, process.env.BENCH_QUICK === '1', resolve(__dirname, 'out'), log);
    if (json) process.stdout.write(JSON.stringify(result));
  })().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
