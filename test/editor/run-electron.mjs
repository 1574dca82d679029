#!/usr/bin/env node
// npm run test:electron -- the same scenarios as `npm run test:editor`, in
// desktop VS Code through @vscode/test-electron and the vscode API driver.
// It needs VS Code: downloaded once into .cache/editor-e2e/vscode-test/ (needs
// the network), or given with VSCODE_EXECUTABLE_PATH. On Linux without a
// display run it under xvfb-run. See README.md here.
//
// Environment: PROXYLINT_E2E_VSIX, PROXYLINT_E2E_ONLY, PROXYLINT_E2E_RUN_PENDING,
// PROXYLINT_E2E_KEEP as for run-code-server.mjs, and
//   VSCODE_EXECUTABLE_PATH=<file>   use this VS Code instead of downloading one
//   PROXYLINT_E2E_VSCODE_VERSION    version to download (default 1.100.3, as code-server 4.100.3)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { installedExtensionFolder, packagedVsix } from './lib/vsix.mjs';
import { copyExampleWorkspace } from './lib/workspace.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const VSCODE_VERSION = process.env.PROXYLINT_E2E_VSCODE_VERSION ?? '1.100.3';
const DOWNLOAD_LIMIT_MS = 120_000;
const TEST_DIRS = ['drivers', 'lib', 'suite'];

// A closed network must end in a message, not a hang: the download gets a hard limit.
async function vscodeExecutable() {
  if (process.env.VSCODE_EXECUTABLE_PATH) return process.env.VSCODE_EXECUTABLE_PATH;
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DOWNLOAD_LIMIT_MS / 1000} s`)), DOWNLOAD_LIMIT_MS);
  });
  try {
    return await Promise.race([
      downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: path.join(ROOT, '.cache', 'editor-e2e', 'vscode-test'), timeout: 15_000 }),
      limit,
    ]);
  } catch (error) {
    throw new Error([
      `could not download VS Code ${VSCODE_VERSION} for @vscode/test-electron: ${error.message}`,
      'This machine may have no network to the VS Code update service. Either:',
      '  - run the same scenarios in code-server instead: npm run test:editor',
      '  - or point VSCODE_EXECUTABLE_PATH at an installed VS Code and run again.',
    ].join('\n'));
  } finally {
    clearTimeout(timer);
  }
}

// Installs the .vsix the way a user does, and returns the folder VS Code
// unpacked it into: that folder is then loaded as the development extension.
function installVsix(executable, vsix, extensionsDir, userDataDir) {
  const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(executable, { reuseMachineInstall: true });
  const result = spawnSync(cli, [...args, `--extensions-dir=${extensionsDir}`, `--user-data-dir=${userDataDir}`,
    '--install-extension', vsix, '--force'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`VS Code could not install ${vsix}:\n${result.stdout}\n${result.stderr}`);
  return installedExtensionFolder(extensionsDir, vsix);
}

async function main() {
  const executable = await vscodeExecutable();
  const vsix = packagedVsix(ROOT);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'proxylint-electron-'));
  try {
    const extensionDir = installVsix(executable, vsix, path.join(temp, 'installed'), path.join(temp, 'install-user-data'));
    // The tests run from inside the extension's folder so that the driver's
    // require('vscode') is proxylint's own API object (see vscodeApiDriver.cjs).
    const testsDir = path.join(extensionDir, 'editor-tests');
    for (const dir of TEST_DIRS) fs.cpSync(path.join(HERE, dir), path.join(testsDir, dir), { recursive: true });
    const workspaceDir = copyExampleWorkspace(ROOT, path.join(temp, 'workspace'));
    const reportFile = path.join(temp, 'report.txt');
    const userDataDir = path.join(temp, 'user-data');

    const exitCode = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: path.join(testsDir, 'drivers', 'electronEntry.cjs'),
      launchArgs: [
        workspaceDir,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${path.join(temp, 'no-other-extensions')}`,
        '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu',
      ],
      extensionTestsEnv: {
        PROXYLINT_E2E_WORKSPACE: workspaceDir,
        PROXYLINT_E2E_REPORT_FILE: reportFile,
        PROXYLINT_E2E_ONLY: process.env.PROXYLINT_E2E_ONLY,
        PROXYLINT_E2E_RUN_PENDING: process.env.PROXYLINT_E2E_RUN_PENDING,
        PROXYLINT_E2E_USER_DATA_DIR: userDataDir,
        PROXYLINT_E2E_EXTENSION_DIR: extensionDir,
      },
    }).catch((error) => { // a failed scenario (the report says which) or VS Code not starting
      console.error(error.message);
      return 1;
    });
    if (fs.existsSync(reportFile)) process.stdout.write(fs.readFileSync(reportFile, 'utf8'));
    else console.error('the extension host wrote no report: see VS Code\'s output above');
    return exitCode;
  } finally {
    if (process.env.PROXYLINT_E2E_KEEP) console.log(`kept ${temp}`);
    else fs.rmSync(temp, { recursive: true, force: true });
  }
}

try {
  process.exit(await main());
} catch (error) {
  console.error(`editor tests (test-electron) failed: ${error.message}`);
  process.exit(1);
}
