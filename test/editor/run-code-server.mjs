#!/usr/bin/env node
// npm run test:editor -- the packaged extension in a throwaway code-server,
// driven by headless Chromium through what a user does. See README.md here.
//
// Environment (all optional):
//   PROXYLINT_E2E_VSIX=<file>       test this .vsix instead of building one
//   PROXYLINT_E2E_ONLY=02,03        run only scenarios whose id starts so
//   PROXYLINT_E2E_RUN_PENDING=1     also run pending scenarios
//   PROXYLINT_E2E_KEEP=1            keep the temp folder (workspace, logs)
//   PROXYLINT_E2E_CACHE=<dir>       where scripts/editor-e2e/install.sh puts code-server
//   PROXYLINT_E2E_CHROMIUM=<file>   browser binary (default /usr/bin/chromium)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCodeServerDriver } from './drivers/codeServerDriver.mjs';
import { assertImplementsDriver } from './drivers/driverInterface.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { codeServerEntry, createCodeServerHome, installExtension, startCodeServer } from './lib/codeServer.mjs';
import { createDiagnosticsHookFile } from './lib/diagnosticsHookFile.mjs';
import { maskSecrets } from './lib/maskSecrets.mjs';
import { loadScenarios, runScenarios } from './lib/scenarioRunner.mjs';
import { packagedVsix } from './lib/vsix.mjs';
import { copyExampleWorkspace } from './lib/workspace.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const CACHE = path.resolve(process.env.PROXYLINT_E2E_CACHE ?? path.join(ROOT, '.cache', 'editor-e2e'));
const ARTIFACTS = path.join(HERE, 'artifacts');
const CHROMIUM = process.env.PROXYLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';

// Run in reverse order on any exit, normal or not, so code-server never outlives us.
const cleanups = [];
let cleaningUp = null;
function cleanUp() {
  cleaningUp ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch((error) => console.error(`cleanup: ${error.message}`));
  })();
  return cleaningUp;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => cleanUp().finally(() => process.exit(130)));
}

// code-server and playwright-core live in .cache/editor-e2e/ (not in git): a
// fresh clone gets them from scripts/editor-e2e/install.sh, run here when
// anything is missing (it verifies and exits quickly when all is there).
function ensureInstalled() {
  const missing = () => [codeServerEntry(CACHE), path.join(CACHE, 'node_modules', 'playwright-core'), CHROMIUM]
    .filter((file) => !fs.existsSync(file));
  if (missing().length === 0) return;
  console.log(`editor tests: installing their tools (missing: ${missing().join(', ')})`);
  const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'editor-e2e', 'install.sh')], {
    stdio: 'inherit',
    env: { ...process.env, PROXYLINT_E2E_CACHE: CACHE },
  });
  if (install.status !== 0 || missing().length) {
    throw new Error(`scripts/editor-e2e/install.sh failed (exit ${install.status}); still missing: ${missing().join(', ')}`);
  }
}

async function main() {
  ensureInstalled();
  const scenarios = await loadScenarios(path.join(HERE, 'suite'));
  const vsix = packagedVsix(ROOT);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'proxylint-editor-'));
  cleanups.push(async () => {
    if (process.env.PROXYLINT_E2E_KEEP) console.log(`kept ${temp}`);
    else fs.rmSync(temp, { recursive: true, force: true });
  });
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });

  const workspaceDir = copyExampleWorkspace(ROOT, path.join(temp, 'workspace'));
  const hookFile = path.join(temp, 'diagnostics.json');
  const entry = codeServerEntry(CACHE);
  const home = createCodeServerHome(path.join(temp, 'code-server'));
  const extensionDir = installExtension({ entry, home, vsixPath: vsix });

  const codeServer = await startCodeServer({ entry, home, workspaceDir, env: { PROXYLINT_TEST_DIAGNOSTICS_FILE: hookFile } });
  cleanups.push(codeServer.stop);
  // Last resort if node exits without the async cleanup (e.g. an uncaught error).
  process.on('exit', () => { try { process.kill(-codeServer.pid, 'SIGKILL'); } catch {} });

  const browser = await launchChromium({ cacheDir: CACHE, profileDir: path.join(temp, 'chromium-profile'), executablePath: CHROMIUM, origin: codeServer.url });
  cleanups.push(() => browser.context.close());

  const driver = assertImplementsDriver(createCodeServerDriver({
    page: browser.page,
    workspaceDir,
    diagnosticsHook: createDiagnosticsHookFile(hookFile, workspaceDir),
  }));
  console.log(`editor tests: ${path.relative(ROOT, vsix) || vsix} in code-server at ${codeServer.url} (pid ${codeServer.pid})`);
  try {
    await driver.start(codeServer.folderUrl);
  } catch (error) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await driver.screenshot(path.join(ARTIFACTS, 'startup.png')).catch(() => {});
    saveLogs(home, hookFile);
    throw error;
  }

  const counts = await runScenarios(scenarios, {
    driver,
    artifactsDir: ARTIFACTS,
    runPending: Boolean(process.env.PROXYLINT_E2E_RUN_PENDING),
    only: (process.env.PROXYLINT_E2E_ONLY ?? '').split(',').filter(Boolean),
    editorFiles: { userDataDir: home.userDataDir, extensionDir },
  });
  if (counts.failed) saveLogs(home, hookFile);
  return counts.failed ? 1 : 0;
}

// code-server's and the extension host's logs (including the proxylint output
// channel) and the last diagnostics the client reported, for a failed run.
function saveLogs(home, hookFile) {
  const target = path.join(ARTIFACTS, 'logs');
  fs.mkdirSync(target, { recursive: true });
  for (const [from, to] of [[home.logFile, 'code-server.log'], [path.join(home.userDataDir, 'logs'), 'vscode-logs'], [hookFile, 'diagnostics.json']]) {
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, to), { recursive: true });
  }
  console.log(`logs: ${target}`);
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(maskSecrets(`editor tests could not run: ${error.stack ?? error}`));
} finally {
  await cleanUp();
}
process.exit(exitCode);
