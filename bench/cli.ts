// CLI throughput: the built CLI on generated trees of 1,000 to 20,000 files,
// files per second and peak RSS (GNU time), and a check that the parallel run
// reports exactly what a single-threaded run does.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeTree, type GeneratedTree } from './generate';
import { median } from './stats';

export interface CliRow {
  files: number;
  /** Files of the kinds proxylint lints (the rest are source files and docs it skips). */
  linted: number;
  wallMs: number;
  filesPerSecond: number;
  lintedPerSecond: number;
  peakRssMb: number;
  problems: number;
}

export interface CliResult {
  rows: CliRow[];
  /** The report of a parallel run equals that of a run with one thread (PROXYLINT_THREADS=1). */
  sameAsSingleThread: boolean | null;
  singleThreadMs: number | null;
}

/** The tree for `files` files, generated once per size and seed (the generator is deterministic). */
function treeOf(outDir: string, files: number): GeneratedTree {
  const root = resolve(outDir, `tree-${files}`);
  const marker = join(root, '.bench-tree.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as GeneratedTree;
  const tree = writeTree(root, files, 11);
  writeFileSync(marker, JSON.stringify(tree));
  return tree;
}

interface Run {
  wallMs: number;
  peakRssMb: number;
  report: string;
}

function runCli(cliPath: string, root: string, env: NodeJS.ProcessEnv = {}): Run {
  const reportPath = `${root}.report.json`;
  const started = performance.now();
  // GNU time prints the peak RSS of the process (worker threads included) in KB.
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cliPath, '--format', 'json', '--output-file', reportPath, '--no-color', root], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`the CLI failed (${result.status}): ${result.stderr.slice(-2000)}`);
  const rssLine = result.stderr.trim().split('\n').pop() ?? '';
  return { wallMs, peakRssMb: Number(rssLine) / 1024, report: readFileSync(reportPath, 'utf8') };
}

export function benchCli(cliPath: string, quick: boolean, outDir: string, log: (line: string) => void = () => {}): CliResult {
  const sizes = quick ? [1000] : [1000, 5000, 20000];
  const rows: CliRow[] = [];
  let sameAsSingleThread: boolean | null = null;
  let singleThreadMs: number | null = null;
  for (const files of sizes) {
    const tree = treeOf(outDir, files);
    const repetitions = quick ? 1 : 3;
    const runs = Array.from({ length: repetitions }, () => runCli(cliPath, tree.root));
    const wallMs = median(runs.map((r) => r.wallMs));
    const linted = tree.files - tree.byKind.other;
    const problems = (JSON.parse(runs[0].report) as unknown[]).length;
    const row: CliRow = { files: tree.files, linted, wallMs, filesPerSecond: (tree.files / wallMs) * 1000, lintedPerSecond: (linted / wallMs) * 1000, peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)), problems };
    rows.push(row);
    log(`cli ${files} files: ${wallMs.toFixed(0)} ms, ${row.lintedPerSecond.toFixed(0)} linted files/s, peak RSS ${row.peakRssMb.toFixed(0)} MB, ${problems} problems`);
    if (files === sizes[sizes.length - 1]) {
      const single = runCli(cliPath, tree.root, { PROXYLINT_THREADS: '1' });
      singleThreadMs = single.wallMs;
      sameAsSingleThread = single.report === runs[0].report;
      log(`cli ${files} files with one thread: ${single.wallMs.toFixed(0)} ms, same report: ${sameAsSingleThread}`);
    }
  }
  return { rows, sameAsSingleThread, singleThreadMs };
}

if (require.main === module) {
  const cliPath = process.argv[2] ?? resolve(__dirname, 'out/dist/cli.js');
  benchCli(cliPath, process.env.BENCH_QUICK === '1', resolve(__dirname, 'out'), (line) => console.log(line));
}
