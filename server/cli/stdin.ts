// `--stdin`: the text to lint comes from standard input.
import { fstatSync } from 'node:fs';
import { InputError } from './errors';

export async function readStandardInput(stream: NodeJS.ReadStream = process.stdin): Promise<string> {
  // Waiting for a terminal would look like a hang in CI logs and to a person who forgot the redirect.
  if (stream.isTTY) throw new InputError('--stdin: standard input is a terminal; pipe or redirect the file in (proxylint --stdin --stdin-filename compose.yml < compose.yml)');
  // Node hands a folder on standard input over as an empty stream; say what it is instead of linting nothing.
  let isFolder = false;
  try {
    isFolder = fstatSync((stream as { fd?: number }).fd ?? 0).isDirectory();
  } catch (error) {
    throw new InputError(`cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (isFolder) throw new InputError('cannot read standard input: it is a folder (EISDIR)');
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new InputError(`cannot read standard input: ${code ?? message ?? String(error)}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}
