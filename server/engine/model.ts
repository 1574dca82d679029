// The one model every file kind is parsed into. Rules read only this; they
// never see YAML, TOML, JSON or systemd syntax.

/** Half-open character range [start, end) in the document text. */
export interface Span {
  start: number;
  end: number;
}

export type FileKind = 'compose' | 'runner' | 'systemd' | 'docker-client' | 'docker-daemon';

/**
 * Who reads the variables of a scope. `any-program`: the environment of a
 * container, CI job or unknown service, which reaches curl, wget, git and every
 * other client, so both spellings matter. `go-daemon`: a Go program (dockerd,
 * containerd, gitlab-runner, kubelet) that reads both spellings itself.
 * `docker-json`: Docker's own JSON keys, which have no upper/lower case.
 */
export type Consumer = 'any-program' | 'go-daemon' | 'docker-json';

/** The proxy settings a variable name stands for, whatever its spelling. */
export type ProxySetting = 'http_proxy' | 'https_proxy' | 'no_proxy' | 'ftp_proxy' | 'all_proxy';

/** How a name is spelled: env variables come in two cases, Docker JSON keys in none. */
export type Spelling = 'upper' | 'lower' | 'mixed' | 'json-key';

/** Syntax-specific facts a writer needs to edit an assignment; rules ignore it. */
export type AssignmentSyntax =
  | { kind: 'yaml-map'; keyQuote: QuoteStyle; valueQuote: QuoteStyle; valueSpan: Span | null; entryIndent: string; flow: boolean }
  | { kind: 'yaml-list'; quote: QuoteStyle; itemIndent: string; flow: boolean }
  | { kind: 'toml-string'; quote: 'basic' | 'literal'; multilineArray: boolean; elementIndent: string }
  | { kind: 'systemd-word'; quoted: boolean; directive: Span; onlyWordInDirective: boolean }
  | { kind: 'json-property'; objectPath: (string | number)[] };

export type QuoteStyle = 'plain' | 'single' | 'double';

export interface Assignment {
  /** Variable name (or JSON key) as written. */
  name: string;
  /** The value a program receives, after the syntax's quoting and escaping are undone; null when the value is taken from the host environment (`- HTTP_PROXY`). */
  value: string | null;
  setting: ProxySetting | null;
  spelling: Spelling;
  /** The whole entry: list item, TOML string, systemd word, YAML key+value, JSON property. */
  span: Span;
  nameSpan: Span;
  /** Where the value is written; an empty span right after the name when there is none. */
  valueSpan: Span;
  /** Offset in the document of each character of `value`, when the syntax has no escapes in it; lets rules point at a part of a value. */
  valueOffsets: ((index: number) => number) | null;
  syntax: AssignmentSyntax;
  /** Sequences the host rewrites before the program sees the value (systemd `%` specifiers), with their document spans. */
  hostExpansions?: HostExpansion[];
}

export interface HostExpansion {
  sequence: string;
  span: Span;
}

export interface Scope {
  /** Human label: `service "api"`, `runner "docker-runner"`, `[Service] of docker.service`. */
  label: string;
  consumer: Consumer;
  assignments: Assignment[];
  /** Where scope-level findings go (the service key, the [[runners]] header...). */
  anchor: Span;
  /** Docker-in-docker in this scope, with the host name clients use for it (`docker`). */
  dind: DindUse | null;
  /** Why the host ignores every assignment of this scope (systemd `Environment=` outside `[Service]`); other rules skip such scopes. */
  ignoredBecause?: string;
}

export interface DindUse {
  host: string;
  /** Why we believe dind is in use, for the message. */
  evidence: string;
}

export interface ParseProblem {
  message: string;
  span: Span;
}

export interface ProxyModel {
  kind: FileKind;
  text: string;
  scopes: Scope[];
  /** Set when the text did not parse; the model then holds what was read before that point, or nothing. */
  parseProblem: ParseProblem | null;
}
