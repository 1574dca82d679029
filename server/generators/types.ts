// What every generator takes and returns. Generators are pure: text and
// answers in, a new file or minimal edits out; the language server, the CLI
// and the tests call the same functions.
import type { TextEditAt } from '../engine/fixes';

/** What the user answered: the proxy, optional credentials (raw, not encoded) and extra NO_PROXY hosts. */
export interface ProxyInput {
  /** `http://proxy.corp.example:3128`; credentials in it are accepted and encoded too. */
  proxyUrl: string;
  user?: string;
  /** The password as typed; generators percent-encode it and never put it in a message. */
  password?: string;
  /** Hosts that must not go through the proxy, besides the ones each generator adds (localhost, services, dind). */
  noProxy: string[];
}

export type GeneratorKind = 'systemd' | 'runner' | 'docker-config' | 'compose' | 'encode';

export const GENERATOR_KINDS: readonly GeneratorKind[] = ['systemd', 'runner', 'docker-config', 'compose', 'encode'];

/** A whole new file: where it usually lives, and what to run after saving it. */
export interface GeneratedFile {
  text: string;
  /** Where the file is meant to be saved. */
  path?: string;
  /** Shell commands to run afterwards (never containing a password). */
  followUp?: string[];
}

/** Edits that merge the settings into a given text; everything outside them stays byte for byte. */
export interface GeneratedEdits {
  edits: TextEditAt[];
  followUp?: string[];
}

/** A problem with the user's answers or the target file; its message is safe to show (never holds a password). */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
}
