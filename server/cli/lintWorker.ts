// A worker thread of a parallel CLI run (parallel.ts): lints the batches of
// files it is sent, each file exactly as a single-threaded run does.
import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '../engine/lint';
import { lintSource } from './lintRun';
import { transferableModel, type WorkerRequest, type WorkerResponse } from './parallel';

const options = (workerData as { options: LintOptions }).options;

parentPort?.on('message', (request: WorkerRequest) => {
  const results = request.sources.map((source) => {
    const linted = lintSource(source, options);
    return linted && { problems: linted.problems, model: transferableModel(linted.model) };
  });
  parentPort!.postMessage({ start: request.start, results } satisfies WorkerResponse);
});
