// extensionTestsPath for @vscode/test-electron: VS Code's extension host
// calls run(). It runs the same scenarios as code-server, with the vscode API
// driver. Settings come from run-electron.mjs through the environment.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { createVscodeApiDriver } = require('./vscodeApiDriver.cjs');

async function run() {
  const { loadScenarios, runScenarios } = await import(pathToFileURL(path.join(__dirname, '..', 'lib', 'scenarioRunner.mjs')).href);
  const { assertImplementsDriver } = await import(pathToFileURL(path.join(__dirname, 'driverInterface.mjs')).href);
  const driver = assertImplementsDriver(await createVscodeApiDriver({ workspaceDir: process.env.PROXYLINT_E2E_WORKSPACE }));
  const counts = await runScenarios(await loadScenarios(path.join(__dirname, '..', 'suite')), {
    driver,
    print: report,
    runPending: Boolean(process.env.PROXYLINT_E2E_RUN_PENDING),
    only: (process.env.PROXYLINT_E2E_ONLY ?? '').split(',').filter(Boolean),
    editorFiles: process.env.PROXYLINT_E2E_USER_DATA_DIR ? { userDataDir: process.env.PROXYLINT_E2E_USER_DATA_DIR, extensionDir: process.env.PROXYLINT_E2E_EXTENSION_DIR } : null,
  });
  if (counts.failed) throw new Error(`${counts.failed} editor scenario(s) failed`);
}

// The report goes to a file that run-electron.mjs prints: the extension
// host's console does not always reach the terminal that started VS Code.
function report(line) {
  if (process.env.PROXYLINT_E2E_REPORT_FILE) fs.appendFileSync(process.env.PROXYLINT_E2E_REPORT_FILE, `${line}\n`);
  else console.log(line);
}

module.exports = { run };
