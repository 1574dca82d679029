// Lints the files of a large run on worker threads, so a CI machine's cores
// share the parsing; small runs stay on this thread, where no worker has to
// start. Each worker lints whole files (lintSource, the same code as a
// single-threaded run) and sends back their problems and models; this thread
// compares the files with each other and sorts, so the report is the same,
// in the same order, whatever the number of threads.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../engine/lint';
import type { ProxyModel } from '../engine/model';
import { finishRun, lintTexts, type LintedSource, type RunResult, type SourceText } from './lintRun';

/** Below this many files a worker's start-up (loading the engine, warming it up: about half a second of CPU each) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 1000;
/** Files per message: large enough to amortise messaging, small enough to keep both threads busy to the end. */
const BATCH_SIZE = 48;

/** The worker bundle, next to the CLI bundle (scripts/build.mjs builds both). */
export const WORKER_PATH = join(__dirname, 'cliWorker.js');

export interface WorkerRequest {
  start: number;
  sources: SourceText[];
}

export interface WorkerResponse {
  start: number;
  /** Models come without their text (this thread has it) and without functions, which cannot cross threads. */
  results: (LintedSource | null)[];
}

/** `PROXYLINT_THREADS=n` sets the number of threads (1: none started); by default one per core. */
export function threadCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const requested = Number.parseInt(env.PROXYLINT_THREADS ?? '', 10);
  if (Number.isInteger(requested) && requested >= 1) return requested;
  return files >= MIN_FILES_FOR_WORKERS ? availableParallelism() : 1;
}

export async function lintTextsInParallel(sources: readonly SourceText[], options: LintOptions): Promise<RunResult> {
  const threads = Math.min(threadCount(sources.length), Math.ceil(sources.length / BATCH_SIZE));
  if (threads <= 1 || !existsSync(WORKER_PATH)) return lintTexts(sources, options);
  const linted = new Array<LintedSource | null>(sources.length);
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_PATH, { workerData: { options } }));
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const dispatch = (worker: Worker) => {
        if (next >= sources.length) return;
        const start = next;
        next = Math.min(sources.length, start + BATCH_SIZE);
        worker.postMessage({ start, sources: sources.slice(start, next) } satisfies WorkerRequest);
      };
      for (const worker of workers) {
        worker.on('message', (response: WorkerResponse) => {
          response.results.forEach((result, i) => {
            const index = response.start + i;
            linted[index] = result && { problems: result.problems, model: { ...result.model, text: sources[index].text } };
          });
          done += response.results.length;
          if (done === sources.length) resolve();
          else dispatch(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (done < sources.length) reject(new Error(`a lint worker stopped (exit code ${code})`));
        });
        dispatch(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return finishRun(sources, linted, options);
}

/**
 * A model that can cross threads and is only compared with other files: the
 * text is left out (this thread has it), functions (valueOffsets) cannot
 * cross, and the assignments' `syntax` is only for writers.
 */
export function transferableModel(model: ProxyModel): ProxyModel {
  return withoutFunctions({ ...model, text: '' }, new Map()) as ProxyModel;
}

function withoutFunctions(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value === 'function') return null;
  if (value === null || typeof value !== 'object') return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(withoutFunctions(item, copies));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const [key, item] of Object.entries(value)) if (key !== 'syntax') copy[key] = withoutFunctions(item, copies);
  return copy;
}
