// `proxylint [options] <paths>`: collect the files, lint them, print the
// report in the chosen format, and tell the exit code.
import { readFileSync, writeFileSync } from 'node:fs';
import type { LintOptions } from '../engine/lint';
import type { CliArguments } from './arguments';
import { colourEnabled } from './colour';
import { loadProjectConfig } from './config';
import { InputError } from './errors';
import { exitCodeOf } from './exitCode';
import { collectFiles } from './files';
import { FORMATTERS } from './formats';
import { type SourceText } from './lintRun';
import { lintTextsInParallel } from './parallel';
import { readStandardInput } from './stdin';
import { VERSION } from './version';

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
  const sources: SourceText[] = [];
  if (args.stdin) {
    sources.push({ path: args.stdinFilename!, text: await readStandardInput(io.stdin), explicit: true });
  } else {
    const collected = collectFiles(args.paths, { ...options, gitignore: args.gitignore, cwd: io.cwd });
    errors.push(...collected.errors);
    for (const file of collected.files) {
      try {
        sources.push({ path: file.path, text: readFileSync(file.path, 'utf8'), explicit: file.explicit });
      } catch (error) {
        errors.push(`${file.path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
    }
  }
  for (const error of errors) io.stderr.write(`proxylint: ${error}\n`);

  const { problems: all, skipped } = await lintTextsInParallel(sources, options);
  for (const path of skipped) io.stderr.write(`proxylint: ${path}: skipped, proxylint does not know this kind of file\n`);
  const problems = args.quiet ? all.filter((p) => p.severity === 'error') : all;

  const toFile = args.outputFile !== null;
  const colour = args.format === 'text' && !toFile && colourEnabled(args.colour, io.stdout, io.env);
  const report = FORMATTERS[args.format](problems, { colour, cwd: io.cwd, version: VERSION });
  if (toFile) {
    try {
      writeFileSync(args.outputFile!, report === '' ? '' : `${report}\n`);
    } catch (error) {
      throw new InputError(`cannot write ${args.outputFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  } else if (report !== '') {
    io.stdout.write(`${report}\n`);
  }
  return exitCodeOf(problems, args.maxWarnings, errors.length > 0);
}
