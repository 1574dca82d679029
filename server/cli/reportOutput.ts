// Writes a report as its formatter makes it, a chunk at a time, to a file or
// standard output: a large report is never one string in memory.
import { closeSync, openSync, writeSync } from 'node:fs';
import { InputError } from './errors';

/** Pieces are joined into chunks of about this many characters: few system calls, little memory. */
const CHUNK_LENGTH = 1 << 16;

/** The pieces, then a line break when there was anything to write; nothing at all otherwise (the text format with no problems). */
export function writeReport(pieces: Iterable<string>, write: (chunk: string) => void): void {
  let chunk = '';
  let any = false;
  for (const piece of pieces) {
    chunk += piece;
    any ||= piece !== '';
    if (chunk.length >= CHUNK_LENGTH) {
      write(chunk);
      chunk = '';
    }
  }
  if (any) write(`${chunk}\n`);
}

/** `--output-file`: the file is created (or emptied) even when the report is empty. */
export function writeReportToFile(path: string, pieces: Iterable<string>): void {
  const failed = (error: unknown) => new InputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw failed(error);
  }
  try {
    writeReport(pieces, (chunk) => {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    });
  } catch (error) {
    throw failed(error);
  } finally {
    closeSync(fd);
  }
}
