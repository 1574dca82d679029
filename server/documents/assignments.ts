// Building Assignment records: the facts every parser derives the same way.
import type { Assignment } from '../engine/model';
import { settingOfDockerKeyIn, settingOfEnvName, spellingOf, type DockerJsonFile } from '../proxy/variables';

type Written = Omit<Assignment, 'setting' | 'spelling'>;

/** An environment variable assignment (`NAME=value`): setting and spelling follow from the name. */
export function environmentAssignment(written: Written): Assignment {
  return { ...written, setting: settingOfEnvName(written.name), spelling: spellingOf(written.name) };
}

/** A Docker JSON key (`httpProxy`, `http-proxy`): no case twins; a key the file's reader ignores sets nothing. */
export function dockerKeyAssignment(file: DockerJsonFile, written: Written): Assignment {
  return { ...written, setting: settingOfDockerKeyIn(written.name, file), spelling: 'json-key' };
}

/**
 * Maps value indices to document offsets when the value is written verbatim
 * after `skip` opening characters (a quote); null when escapes make the
 * source differ from the value.
 */
export function identityOffsets(text: string, span: { start: number }, value: string, skip: number): ((index: number) => number) | null {
  const start = span.start + skip;
  return text.startsWith(value, start) ? (index) => start + index : null;
}
