// Lints the files of a large run on all cores: worker threads and this one,
// which walks the folders, hands out paths while the walk goes on, and lints
// files itself whenever every worker has enough to do (one isolate fewer than
// a worker per core: less memory and one warm-up fewer). Small runs stay on
// this thread, where no worker has to start. Every thread reads and lints
// whole files (lintFile, the same code everywhere) and keeps only their
// problems and the few facts the comparison across files needs. This thread
// compares the files with each other and sorts, so the report is the same, in
// the same order, whatever the number of threads.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../engine/lint';
import type { FileToLint } from './files';
import { lintFile, type FileOutcome } from './lintRun';
import { RunCollector, type RunResult } from './runCollector';

/** Below this many files a worker's start-up (loading the engine, warming it up) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 1000;
/** Files per message to a worker: enough to amortise messaging; fewer towards the end, so that every thread finishes about together. */
const WORKER_BATCH = 32;
/**
 * Batches a worker holds at once: enough for it never to wait for this thread, which answers between batches
 * of its own and may be held up by a collection or by the machine's other work.
 */
const BATCHES_PER_WORKER = 4;
/** Files this thread lints before it looks at the workers' results again. */
const OWN_BATCH = 4;
/**
 * A worker's heap for new objects. V8's default grows to two 16 MB
 * semi-spaces; on 20,000 files a small one lowers the peak memory of a run by
 * about 20 MB, for a few per cent more of the worker's time in collections.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/** The worker bundle, next to the CLI bundle (scripts/build.mjs builds both). */
export const WORKER_PATH = join(__dirname, 'cliWorker.js');

export interface WorkerRequest {
  start: number;
  files: FileToLint[];
}

export interface WorkerResponse {
  start: number;
  outcomes: FileOutcome[];
}

/** `PROXYLINT_THREADS=n` sets the number of threads, this one included (1: no worker); by default one per core. */
export function threadCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const requested = Number.parseInt(env.PROXYLINT_THREADS ?? '', 10);
  if (Number.isInteger(requested) && requested >= 1) return requested;
  return files >= MIN_FILES_FOR_WORKERS ? availableParallelism() : 1;
}

/** Reads and lints the files as `files` yields them (a walk, which goes on while the first files are linted). */
export async function lintFiles(files: Iterable<FileToLint>, options: LintOptions): Promise<RunResult> {
  const iterator = files[Symbol.iterator]();
  const found: FileToLint[] = [];
  // The first files tell whether the run is large enough for workers.
  let walked = false;
  while (!walked && found.length < MIN_FILES_FOR_WORKERS) {
    const next = iterator.next();
    if (next.done) walked = true;
    else found.push(next.value);
  }
  const threads = Math.min(threadCount(found.length), walked ? Math.ceil(found.length / WORKER_BATCH) : Infinity);
  if (threads <= 1 || !existsSync(WORKER_PATH)) {
    for (let next = iterator.next(); !next.done; next = iterator.next()) found.push(next.value);
    const run = new RunCollector(options);
    found.forEach((file, i) => run.keep(i, file, lintFile(file, options)));
    return run.finish(found);
  }
  const run = new RunCollector(options);
  await lintOnThreads(threads - 1, found, iterator, options, run);
  return run.finish(found);
}

/** Lints `found` and the rest of `more` on `workerCount` workers and this thread, into `run`; `found` gets the rest of `more`, in order. */
async function lintOnThreads(workerCount: number, found: FileToLint[], more: Iterator<FileToLint>, options: LintOptions, run: RunCollector): Promise<void> {
  const workers = Array.from({ length: workerCount }, () => new Worker(WORKER_PATH, { workerData: { options }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }));
  const batchesAt = new Map(workers.map((worker) => [worker, 0]));
  let failure: Error | null = null;
  let wake: () => void = () => {};
  const settled = () => new Promise<void>((resolve) => (wake = resolve));
  for (const worker of workers) {
    worker.on('message', (response: WorkerResponse) => {
      response.outcomes.forEach((outcome, i) => run.keep(response.start + i, found[response.start + i], outcome));
      batchesAt.set(worker, batchesAt.get(worker)! - 1);
      wake();
    });
    worker.on('error', (error) => {
      failure ??= error;
      wake();
    });
    worker.on('exit', (code) => {
      failure ??= new Error(`a lint worker stopped (exit code ${code})`);
      wake();
    });
  }
  try {
    let start = 0;
    let walked = false;
    for (;;) {
      // The walk stays one batch ahead of what is linted.
      while (!walked && found.length < start + WORKER_BATCH) {
        const next = more.next();
        if (next.done) walked = true;
        else found.push(next.value);
      }
      if (start >= found.length) break;
      if (failure) throw failure;
      const worker = leastBusy(batchesAt);
      if (batchesAt.get(worker)! < BATCHES_PER_WORKER) {
        // Once the walk is over, batches shrink with what is left: the last ones are small, and no thread is left waiting for another.
        const size = walked ? Math.max(OWN_BATCH, Math.min(WORKER_BATCH, Math.ceil((found.length - start) / (4 * (workerCount + 1))))) : WORKER_BATCH;
        const files = found.slice(start, start + size);
        worker.postMessage({ start, files } satisfies WorkerRequest);
        batchesAt.set(worker, batchesAt.get(worker)! + 1);
        start += files.length;
      } else {
        // Every worker has enough to do: this thread lints a few files, then takes in what the workers sent meanwhile.
        const end = Math.min(found.length, start + OWN_BATCH);
        for (; start < end; start++) run.keep(start, found[start], lintFile(found[start], options));
        await nextTurn();
      }
    }
    while (!failure && [...batchesAt.values()].some((batches) => batches > 0)) await settled();
    if (failure) throw failure;
  } finally {
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function leastBusy(batchesAt: ReadonlyMap<Worker, number>): Worker {
  let best: Worker | null = null;
  for (const [worker, batches] of batchesAt) if (best === null || batches < batchesAt.get(best)!) best = worker;
  return best!;
}
