// `proxylint [options] <paths>`: collect the files, lint them, print the
// report in the chosen format, and tell the exit code.
import type { LintOptions } from '../engine/lint';
import type { CliArguments } from './arguments';
import { colourEnabled } from './colour';
import { loadProjectConfig } from './config';
import { exitCodeOf } from './exitCode';
import { filesToLint } from './files';
import { FORMATTERS } from './formats';
import { lintSource } from './lintRun';
import { lintFiles } from './parallel';
import { RunCollector, type RunResult } from './runCollector';
import { writeReport, writeReportToFile } from './reportOutput';
import { readStandardInput } from './stdin';
import { VERSION } from '../version';

export interface CommandIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}

export async function lintCommand(args: CliArguments, io: CommandIo): Promise<number> {
  const project = loadProjectConfig(io.cwd);
  const options: LintOptions = { ...project, rules: { ...project.rules, ...args.rules } };
  const errors: string[] = [];
  let run: RunResult;
  if (args.stdin) {
    const source = { path: args.stdinFilename!, text: await readStandardInput(io.stdin), explicit: true };
    const collector = new RunCollector(options);
    collector.keep(0, source, lintSource(source, options));
    run = collector.finish([source]);
  } else {
    run = await lintFiles(filesToLint(args.paths, { ...options, gitignore: args.gitignore, cwd: io.cwd }, errors), options);
  }
  errors.push(...run.errors);
  for (const error of errors) io.stderr.write(`proxylint: ${error}\n`);
  for (const path of run.skipped) io.stderr.write(`proxylint: ${path}: skipped, proxylint does not know this kind of file\n`);
  const problems = args.quiet ? run.problems.filter((p) => p.severity === 'error') : run.problems;

  const toFile = args.outputFile !== null;
  const colour = args.format === 'text' && !toFile && colourEnabled(args.colour, io.stdout, io.env);
  const report = FORMATTERS[args.format](problems, { colour, cwd: io.cwd, version: VERSION });
  if (toFile) writeReportToFile(args.outputFile!, report);
  else writeReport(report, (chunk) => io.stdout.write(chunk));
  return exitCodeOf(problems, args.maxWarnings, errors.length > 0);
}
