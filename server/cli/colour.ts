// Colour for the text format: on when standard output is a terminal, off for
// pipes, files and `NO_COLOR` (https://no-color.org); `--color` and
// `--no-color` decide over both.

export interface Palette {
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function colourEnabled(flag: boolean | null, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (flag !== null) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { error: plain, warning: plain, info: plain, dim: plain, bold: plain };
  return { error: sgr(31, 39), warning: sgr(33, 39), info: sgr(36, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}
