// The output formats, by the name `--format` takes.
import type { Problem } from '../problems';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const FORMAT_NAMES = ['text', 'json', 'sarif', 'gitlab'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatContext {
  /** Colour for the text format. */
  colour: boolean;
  /** Paths in SARIF and GitLab reports are relative to this folder (the repository root in CI). */
  cwd: string;
  version: string;
}

/** The report in pieces, to be written one after the other (a large report is never one string); none for the text format when there is nothing to say. */
export type Formatter = (problems: readonly Problem[], context: FormatContext) => Iterable<string>;

export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  gitlab: formatGitlab,
};
