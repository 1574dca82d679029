// A worker thread of a parallel CLI run (parallel.ts): reads and lints the
// batches of files it is sent, each file exactly as a single-threaded run does.
import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '../engine/lint';
import { lintFile } from './lintRun';
import type { WorkerRequest, WorkerResponse } from './parallel';

const options = (workerData as { options: LintOptions }).options;

parentPort?.on('message', (request: WorkerRequest) => {
  const outcomes = request.files.map((file) => lintFile(file, options));
  parentPort!.postMessage({ start: request.start, outcomes } satisfies WorkerResponse);
});
