// A throwaway code-server: every directory it writes (config, user data,
// extensions, XDG, TMPDIR) lives under one temp folder, it listens on a free
// loopback port without auth, and it is stopped by the process group it was
// started in.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { installedExtensionFolder } from './vsix.mjs';
import { waitFor } from './waitFor.mjs';

// Keep the workbench quiet and deterministic: no welcome page, tips, update or
// gallery checks, no preview tabs that the next opened file would replace.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.editor.enablePreview': false,
  'workbench.editor.enablePreviewFromQuickOpen': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'files.autoSave': 'off',
  'chat.disableAIFeatures': true,
};

// The marketplace is unreachable here: point the gallery at a closed loopback
// port so nothing waits on a network timeout.
const CLOSED_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/res',
});

export function codeServerEntry(cacheDir) {
  return path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function createCodeServerHome(tempDir) {
  const home = {
    configFile: path.join(tempDir, 'code-server.yaml'),
    userDataDir: path.join(tempDir, 'user-data'),
    extensionsDir: path.join(tempDir, 'extensions'),
    xdgDir: path.join(tempDir, 'xdg'),
    tmpDir: path.join(tempDir, 'tmp'),
    logFile: path.join(tempDir, 'code-server.log'),
  };
  fs.mkdirSync(path.join(home.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(home.extensionsDir, { recursive: true });
  fs.mkdirSync(home.tmpDir, { recursive: true });
  fs.writeFileSync(home.configFile, 'auth: none\ncert: false\n');
  fs.writeFileSync(path.join(home.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return home;
}

function codeServerEnv(home, extraEnv) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(home.xdgDir, 'config'),
    XDG_DATA_HOME: path.join(home.xdgDir, 'data'),
    XDG_CACHE_HOME: path.join(home.xdgDir, 'cache'),
    // Its IPC sockets and scratch files go to the run's folder, not the shared /tmp.
    TMPDIR: home.tmpDir,
    EXTENSIONS_GALLERY: CLOSED_GALLERY,
    ...extraEnv,
  };
}

function commonArgs(home) {
  return ['--config', home.configFile, '--user-data-dir', home.userDataDir, '--extensions-dir', home.extensionsDir];
}

export function installExtension({ entry, home, vsixPath }) {
  const result = spawnSync(process.execPath, [entry, ...commonArgs(home), '--install-extension', vsixPath, '--force'], {
    env: codeServerEnv(home, {}),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server could not install ${vsixPath} (exit ${result.status}):\n${output.trim()}`);
  }
  return installedExtensionFolder(home.extensionsDir, vsixPath);
}

async function freeLoopbackPort() {
  const server = net.createServer();
  await new Promise((resolve, reject) => server.listen(0, '127.0.0.1', resolve).on('error', reject));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startCodeServer({ entry, home, workspaceDir, env = {}, startTimeoutMs = 60_000 }) {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(home.logFile, 'a');
  const args = [
    entry, ...commonArgs(home),
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    workspaceDir,
  ];
  // detached: its own process group, so stop() also ends the extension host,
  // the language server and any other child it started.
  const child = spawn(process.execPath, args, { env: codeServerEnv(home, env), detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));

  async function stop() {
    if (exited) return;
    signalGroup(child.pid, 'SIGTERM');
    const stopped = await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 5_000, false))]);
    if (!stopped) signalGroup(child.pid, 'SIGKILL');
    await exitPromise;
  }

  let starting = true;
  try {
    await Promise.race([
      waitFor(async () => (await fetch(`${url}/healthz`)).ok, { timeoutMs: startTimeoutMs, what: `code-server on ${url}/healthz` }),
      exitPromise.then((how) => {
        if (starting) throw new Error(`code-server exited while starting (${JSON.stringify(how)}), see ${home.logFile}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    starting = false;
  }
  return { url, pid: child.pid, stop, folderUrl: `${url}/?folder=${encodeURIComponent(workspaceDir)}` };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}
