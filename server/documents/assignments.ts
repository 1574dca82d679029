// Building Assignment records: the facts every parser derives the same way.
import type { Assignment, ProxySetting, Spelling } from '../engine/model';
import { settingOfDockerKeyIn, settingOfEnvName, spellingOf, type DockerJsonFile } from '../proxy/variables';

type Written = Omit<Assignment, 'setting' | 'spelling'>;

/** An environment variable assignment (`NAME=value`): setting and spelling follow from the name. */
export function environmentAssignment(written: Written): Assignment {
  return withNameFacts(written, settingOfEnvName(written.name), spellingOf(written.name));
}

/** A Docker JSON key (`httpProxy`, `http-proxy`): no case twins; a key the file's reader ignores sets nothing. */
export function dockerKeyAssignment(file: DockerJsonFile, written: Written): Assignment {
  return withNameFacts(written, settingOfDockerKeyIn(written.name, file), 'json-key');
}

/**
 * The record with its setting and spelling, its fields in the order `{ ...written, setting, spelling }` gives.
 * Written out field by field: an object spread here was the hottest line of model building (a slow generic copy per assignment).
 */
function withNameFacts(written: Written, setting: ProxySetting | null, spelling: Spelling): Assignment {
  const { name, value, span, nameSpan, valueSpan, valueOffsets, syntax, hostExpansions } = written;
  if (hostExpansions !== undefined) return { name, value, span, nameSpan, valueSpan, valueOffsets, syntax, hostExpansions, setting, spelling };
  return { name, value, span, nameSpan, valueSpan, valueOffsets, syntax, setting, spelling };
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
