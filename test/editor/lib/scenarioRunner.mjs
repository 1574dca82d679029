// Runs the editor scenarios (test/editor/suite/NN-*.mjs) one after another
// against one driver. It is its own small runner, not node:test or mocha,
// because the same code must run in plain node (code-server driver) and inside
// VS Code's extension host (vscode API driver).
//
// A scenario module's default export: { title, pending?, timeoutMs?, run(context) }
//   pending: a reason; the scenario is reported as skipped and not run
//            (unless runPending is set, to try whether it passes now).
//   context: { driver, log, skip(reason), editorFiles }
//   editorFiles: { userDataDir, extensionDir } where the editor keeps its
//            files and the installed extension, when the runner knows them.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { maskSecrets } from './maskSecrets.mjs';

const SCENARIO_FILE = /^\d{2}-[\w-]+\.mjs$/;

class SkipSignal extends Error {}

export async function loadScenarios(suiteDir) {
  const files = fs.readdirSync(suiteDir).filter((name) => SCENARIO_FILE.test(name)).sort();
  const scenarios = [];
  for (const file of files) {
    const { default: scenario } = await import(pathToFileURL(path.join(suiteDir, file)).href);
    scenarios.push({ id: file.replace(/\.mjs$/, ''), ...scenario });
  }
  return scenarios;
}

// `only`: ids or id prefixes to run (e.g. ["02"]); empty means all.
export async function runScenarios(scenarios, { driver, artifactsDir, print = console.log, runPending = false, only = [], editorFiles = null }) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const started = Date.now();
  const say = (line) => print(maskSecrets(line));
  for (const scenario of scenarios) {
    if (only.length && !only.some((prefix) => scenario.id.startsWith(prefix))) continue;
    const label = `${scenario.id}: ${scenario.title}`;
    if (scenario.pending && !runPending) {
      counts.skipped += 1;
      say(`SKIP ${label}\n     pending: ${scenario.pending}`);
      continue;
    }
    const t0 = Date.now();
    try {
      await driver.resetUi?.();
      await withTimeout(scenario.run({
        driver,
        editorFiles,
        log: (message) => say(`     ${message}`),
        skip: (reason) => { throw new SkipSignal(reason); },
      }), scenario.timeoutMs ?? 120_000, label);
      counts.passed += 1;
      say(`ok   ${label} (${seconds(t0)})${scenario.pending ? '\n     pending, but passed: remove its `pending`' : ''}`);
    } catch (error) {
      if (error instanceof SkipSignal) {
        counts.skipped += 1;
        say(`SKIP ${label}\n     ${error.message}`);
        continue;
      }
      counts.failed += 1;
      say(`FAIL ${label} (${seconds(t0)})\n     ${withoutAnsi(error.stack ?? String(error)).split('\n').join('\n     ')}`);
      const screenshot = await saveScreenshot(driver, artifactsDir, scenario.id);
      if (screenshot) say(`     screenshot: ${screenshot}`);
    }
  }
  say(`editor tests (${driver.name}) took ${seconds(started)}`);
  // The closing line CI reads.
  say(`editor: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return counts;
}

async function saveScreenshot(driver, artifactsDir, id) {
  if (!artifactsDir || !driver.screenshot) return null;
  const file = path.join(artifactsDir, `${id}.png`);
  try {
    fs.mkdirSync(artifactsDir, { recursive: true });
    await driver.screenshot(file);
    return file;
  } catch {
    return null;
  }
}

function withTimeout(promise, ms, label) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Playwright colours its call logs.
function withoutAnsi(text) {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
