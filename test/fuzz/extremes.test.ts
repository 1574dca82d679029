// The largest inputs, deterministically: nesting 20,000 deep in every bracket
// style of every syntax, 40,000-character lines of the characters rules look
// at, and 20,000 assignments in one scope. The engine must neither throw nor
// take time worse than linear (the language server lints on every keystroke).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { FileKind } from '../../server/engine/model';
import { FILE_KINDS, PATHS_OF_KIND } from '../support/fileKinds';
import { lintTimeBound } from '../support/inputChecks';
import type { ExtremeRequest, ExtremeResult } from './extremesWorker';
import { applyMutation } from './mutations';

/** A small document of each kind with a proxy setting whose value the huge lines land in. */
const BASE: Readonly<Record<FileKind, string>> = {
  compose: 'services:\n  api:\n    image: alpine\n    environment:\n      - HTTP_PROXY=http://u:p@proxy:3128\n      - NO_PROXY=localhost,api\n',
  runner: '[[runners]]\n  name = "r"\n  environment = ["HTTP_PROXY=http://u:p@proxy:3128", "NO_PROXY=localhost,docker"]\n',
  systemd: '[Service]\nEnvironment="HTTP_PROXY=http://u:p@proxy:3128" "NO_PROXY=localhost,127.0.0.1"\n',
  'docker-client': '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://u:p@proxy:3128",\n      "noProxy": "localhost,docker"\n    }\n  }\n}\n',
  'docker-daemon': '{\n  "proxies": {\n    "http-proxy": "http://u:p@proxy:3128",\n    "no-proxy": "localhost,docker"\n  }\n}\n',
  'env-file': 'HTTP_PROXY=http://u:p@proxy:3128\nNO_PROXY=localhost,docker\n',
};

/** Where an inserted run lands: inside the proxy URL, inside the NO_PROXY list, and at the end. */
function insertionPoints(text: string): number[] {
  return [text.indexOf('proxy:3128'), text.indexOf('localhost') + 'localhost'.length, text.length];
}

/** Where a long line lands: inside the variable name (names reach messages), the proxy URL and the NO_PROXY list. */
function lineInsertionPoints(text: string): number[] {
  return [text.search(/(_PROXY|-proxy|Proxy)\b/) + 1, text.indexOf('proxy:3128'), text.indexOf('localhost') + 'localhost'.length];
}

const NESTING: readonly [string, string][] = [
  ['[', ']'],
  ['{', '}'],
  ['{"a":', '}'],
  ['{a: ', '}'],
  ['a = [', ']'],
  ['- ', ''],
  ['"', '"'],
];

/** The characters quoting, credentials and NO_PROXY parsing look at. */
const LINE_UNITS = ['a', ' ', '%', '@', ',', '- ', '\\', '"', '#'];
const LINE_LENGTH = 40_000;

/** One scope with 20,000 assignments, half of them duplicates: thousands of findings and fixes. */
function manyAssignments(kind: FileKind): string {
  const names = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? 'HTTP_PROXY' : `VAR_${i}`));
  switch (kind) {
    case 'compose':
      return `services:\n  api:\n    environment:\n${names.map((n) => `      - ${n}=http://proxy:3128`).join('\n')}\n`;
    case 'runner':
      return `[[runners]]\n  environment = [\n${names.map((n) => `    "${n}=http://proxy:3128",`).join('\n')}\n  ]\n`;
    case 'systemd':
      return `[Service]\n${names.map((n) => `Environment=${n}=http://proxy:3128`).join('\n')}\n`;
    case 'docker-client':
      return `{"proxies": {"default": {${names.map((n, i) => `"${i % 2 === 0 ? 'httpProxy' : n}": "http://proxy:3128"`).join(', ')}}}}\n`;
    case 'docker-daemon':
      return `{"proxies": {${names.map((n, i) => `"${i % 2 === 0 ? 'http-proxy' : n}": "http://proxy:3128"`).join(', ')}}}\n`;
    case 'env-file':
      return `${names.map((n) => `${n}=http://proxy:3128`).join('\n')}\n`;
  }
}

/** Runs inputs in a worker thread; a lint that runs past its bound fails the test instead of blocking it. */
class ExtremeRunner {
  private worker: Worker | null = null;

  run(request: ExtremeRequest, timeoutMs: number): Promise<ExtremeResult | 'timeout'> {
    // tsx compiles the worker's TypeScript; an eval'd bootstrap is how a worker gets its loader.
    this.worker ??= new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(join(__dirname, 'extremesWorker.ts'))});`, { eval: true });
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        void worker.terminate();
        this.worker = null;
        resolve('timeout');
      }, timeoutMs);
      const onMessage = (result: ExtremeResult) => {
        cleanup();
        resolve(result);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

const runner = new ExtremeRunner();
after(() => runner.close());

/** Lint invariants and the first fix; the first lint must stay within the linear-time bound. */
async function assertHandled(kind: FileKind, text: string, what: string): Promise<void> {
  // The check re-lints once for the fix: twice the lint bound, and some slack for the worker.
  const result = await runner.run({ kind, path: PATHS_OF_KIND[kind][0], text }, 3 * lintTimeBound(text) + 2_000);
  assert.notEqual(result, 'timeout', `${kind}, ${what}: linting ${text.length} characters did not finish within ${Math.round((3 * lintTimeBound(text) + 2_000) / 1000)} s`);
  if (result === 'timeout') return;
  assert.deepEqual(result.problems, [], `${kind}, ${what}:\n${result.problems.join('\n')}`);
  assert.ok(result.lintMs < lintTimeBound(text), `${kind}, ${what}: lint took ${Math.round(result.lintMs)} ms for ${text.length} characters (${result.findings} findings)`);
}

for (const kind of FILE_KINDS) {
  describe(`extreme ${kind} inputs`, () => {
    const base = BASE[kind];
    test('nesting 20,000 deep', async () => {
      for (const [open, close] of NESTING) {
        for (const at of insertionPoints(base)) {
          await assertHandled(kind, applyMutation(base, { op: 'deep-nesting', at, depth: 20_000, open, close }, kind), `${JSON.stringify(open)} nested at ${at}`);
        }
      }
    });
    test('40,000-character lines', async () => {
      for (const unit of LINE_UNITS) {
        for (const at of lineInsertionPoints(base)) {
          await assertHandled(kind, applyMutation(base, { op: 'huge-line', at, length: Math.ceil(LINE_LENGTH / unit.length), unit }, kind), `a line of ${JSON.stringify(unit)} at ${at}`);
        }
      }
    });
    test('20,000 assignments in one scope', async () => {
      await assertHandled(kind, manyAssignments(kind), '20,000 assignments');
    });
  });
}
