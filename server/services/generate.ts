// `proxylint/generate` and `proxylint/generateTargets`: the command-palette
// generators, computed here so the client only asks questions and applies
// the result. Nothing here logs the input: it carries the proxy password.
import type { Connection, TextDocuments, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodes, ResponseError } from '../lsp';
import { listComposeServices, type ComposeServiceTarget } from '../generators/compose';
import { GENERATOR_KINDS, GeneratorError, runGenerator, type GeneratorKind, type GeneratorOptions, type ProxyInput } from '../generators';
import { listRunners, type RunnerTarget } from '../generators/runnerConfig';
import { maskSecrets } from '../proxy/url';

export const GENERATE_REQUEST = 'proxylint/generate';
export const GENERATE_TARGETS_REQUEST = 'proxylint/generateTargets';

export interface GenerateParams {
  kind: GeneratorKind;
  input: ProxyInput;
  /** The document to merge into; its text is taken from `targetText`, else from the open document. */
  targetUri?: string;
  targetText?: string;
  options?: GeneratorOptions;
}

export interface GenerateResult {
  /** A whole new file (systemd drop-in, new config.json), or the encoded URL for `encode`. */
  text?: string;
  /** Edits to the target text, when the settings were merged into it. */
  edits?: TextEdit[];
  /** Where a new file is meant to be saved. */
  path?: string;
  /** Commands to run afterwards. */
  followUp?: string[];
  /** `encode`: the URL with its password masked, the only form to show. */
  masked?: string;
}

export interface GenerateTargetsParams {
  kind: 'runner' | 'compose';
  targetUri?: string;
  targetText?: string;
}

export interface GenerateTargetsResult {
  runners?: RunnerTarget[];
  services?: ComposeServiceTarget[];
}

type TextOf = (uri: string) => string | undefined;

export function generate(params: GenerateParams, textOf: TextOf): GenerateResult {
  checkParams(params);
  const target = targetText(params, textOf);
  const output = runGenerator(params.kind, params.input, target, params.options ?? {});
  switch (output.type) {
    case 'file':
      return { text: output.text, path: output.path, followUp: output.followUp };
    case 'encoded':
      return { text: output.url, masked: output.masked };
    case 'edits': {
      const document = TextDocument.create(params.targetUri ?? 'untitled:target', 'plaintext', 0, target ?? '');
      return {
        edits: output.edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText })),
        followUp: output.followUp,
      };
    }
  }
}

export function generateTargets(params: GenerateTargetsParams, textOf: TextOf): GenerateTargetsResult {
  if (!params || (params.kind !== 'runner' && params.kind !== 'compose')) throw new GeneratorError('kind must be runner or compose.');
  const text = targetText(params, textOf);
  if (text === undefined) throw new GeneratorError('Give the target document (targetUri of an open document, or targetText).');
  return params.kind === 'runner' ? { runners: listRunners(text) } : { services: listComposeServices(text) };
}

function targetText(params: { targetUri?: string; targetText?: string }, textOf: TextOf): string | undefined {
  if (typeof params.targetText === 'string') return params.targetText;
  if (typeof params.targetUri !== 'string') return undefined;
  const text = textOf(params.targetUri);
  if (text === undefined) throw new GeneratorError(`${params.targetUri} is not open; send its text as targetText.`);
  return text;
}

function checkParams(params: GenerateParams): void {
  if (!params || typeof params !== 'object') throw new GeneratorError('Missing parameters.');
  if (!GENERATOR_KINDS.includes(params.kind)) throw new GeneratorError(`kind must be one of ${GENERATOR_KINDS.join(', ')}.`);
  const input = params.input as Partial<ProxyInput> | undefined;
  if (!input || typeof input.proxyUrl !== 'string') throw new GeneratorError('input.proxyUrl must be a string.');
  for (const key of ['user', 'password'] as const) {
    if (input[key] !== undefined && typeof input[key] !== 'string') throw new GeneratorError(`input.${key} must be a string.`);
  }
  if (!Array.isArray(input.noProxy) || input.noProxy.some((h) => typeof h !== 'string')) throw new GeneratorError('input.noProxy must be an array of strings.');
}

/** A handler's failure as the client sees it: input problems as InvalidParams, the rest masked. */
function asResponseError(error: unknown): ResponseError<void> {
  if (error instanceof GeneratorError) return new ResponseError(ErrorCodes.InvalidParams, maskSecrets(error.message));
  return new ResponseError(ErrorCodes.InternalError, `proxylint could not generate the settings: ${maskSecrets(error instanceof Error ? error.message : String(error))}`);
}

export function registerGenerateRequests(connection: Connection, documents: TextDocuments<TextDocument>): void {
  const textOf: TextOf = (uri) => documents.get(uri)?.getText();
  connection.onRequest(GENERATE_REQUEST, (params: GenerateParams) => {
    try {
      return generate(params, textOf);
    } catch (error) {
      return asResponseError(error);
    }
  });
  connection.onRequest(GENERATE_TARGETS_REQUEST, (params: GenerateTargetsParams) => {
    try {
      return generateTargets(params, textOf);
    } catch (error) {
      return asResponseError(error);
    }
  });
}
