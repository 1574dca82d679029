// The one model every file kind is parsed into. Rules read only this; they
// never see YAML, TOML, JSON or systemd syntax.

/** Half-open character range [start, end) in the document text. */
export interface Span {
  start: number;
  end: number;
}

export type FileKind = 'compose' | 'runner' | 'systemd' | 'docker-client' | 'docker-daemon' | 'env-file';

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
  | { kind: 'json-property'; objectPath: (string | number)[] }
  /** A `NAME=value` line of an env file (`.env`, compose `env_file`); `valueSpan` includes the quotes. */
  | { kind: 'env-line'; quote: 'none' | 'single' | 'double'; exported: boolean; valueSpan: Span | null };

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
  /** For a scope ignored because its lines sit in the wrong section (systemd): where they are, so a fix can add the missing header without moving other lines. */
  misplaced?: MisplacedLines;
  /** Files whose variables also feed this scope (compose `env_file`, systemd `EnvironmentFile=`); the engine never reads them, so rules must not claim a variable is absent. */
  environmentFiles?: EnvironmentFileReference[];
  /** The scope is one part of an environment put together elsewhere (an env file, which compose or systemd combines with other settings): rules must not claim a variable is absent. */
  fragmentOf?: string;
  /** Other services of the file this scope talks to by name (compose `depends_on`, `links`, URLs and hosts in its environment values). */
  peers?: Peer[];
}

export interface Peer {
  /** The service name, which is the host name the scope uses for it. */
  name: string;
  /** Why we believe the scope talks to it, for messages: `depends_on`, `API_URL=http://api:8080`. */
  evidence: string;
  span: Span;
  /** The scheme of the URL that names it (`http`, `postgres`); null when the evidence says no protocol (depends_on, links, a bare host). */
  scheme?: string | null;
  /** The peer service's image, when it declares one: it tells a database from an HTTP service. */
  image?: string | null;
}

export interface MisplacedLines {
  /** The section the lines are in; null before any section header. */
  section: string | null;
  /** The section the host reads them in (`Service`). */
  expectedSection: string;
  /** Other directives follow these lines in the same section: a header inserted before them would move those too. */
  followedByOtherLines: boolean;
  /** The file already has the expected section elsewhere: moving lines there would reorder the user's text. */
  expectedSectionExists: boolean;
}

export interface EnvironmentFileReference {
  /** As written (compose: relative to the compose file; systemd: absolute). */
  path: string;
  span: Span;
  /** Missing file is fine (systemd `-` prefix, compose `required: false`). */
  optional: boolean;
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
