// The language server never shows a fixture's proxy password: every example
// and fixture is opened, and its diagnostics, code actions, hovers on every
// assignment, completions, outline, the generators' answers and every log line
// are searched for the password in all its forms. Quick-fix and generator
// EDITS do contain the (encoded) password: they rewrite the user's own text,
// so they are left out of the search; their titles are not.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocumentOfKind } from '../../server/documents';
import { corpusFiles, type CorpusFile } from '../support/corpus';
import { TestLspClient } from '../support/lspClient';
import { fixturePasswords, leakedSecrets, passwordForms } from '../support/secrets';

const passwords = fixturePasswords();
const forms = passwordForms(passwords);
const files = corpusFiles().filter((file) => file.text.length < 100_000);

/** A diagnostic as shown: everything but the fix edits it carries for the quick fix. */
function shown(diagnostic: Diagnostic): unknown {
  const data = diagnostic.data as { fix?: { title?: string } } | undefined;
  return { ...diagnostic, data: data?.fix ? { fixTitle: data.fix.title } : undefined };
}

/** A code action as shown: its title, kind and diagnostics, not the edit it applies. */
function shownAction(action: Command | CodeAction): unknown {
  if (!('kind' in action) && 'command' in action) return action;
  const { edit: _edit, diagnostics, ...rest } = action as CodeAction;
  return { ...rest, diagnostics: diagnostics?.map(shown) };
}

/** Positions inside every assignment: its name, the start, middle and end of its value (where a password sits). */
function assignmentPositions(file: CorpusFile, document: TextDocument): Position[] {
  const offsets = new Set<number>();
  for (const scope of parseDocumentOfKind(file.kind, file.text, file.lintPath).scopes) {
    for (const assignment of scope.assignments) {
      const { nameSpan, valueSpan } = assignment;
      for (const offset of [nameSpan.start, valueSpan.start, Math.floor((valueSpan.start + valueSpan.end) / 2), Math.max(valueSpan.start, valueSpan.end - 1)]) offsets.add(offset);
    }
  }
  return [...offsets].map((offset) => document.positionAt(offset));
}

describe('the language server and the fixtures’ passwords', () => {
  let client: TestLspClient;
  /** Everything the server showed, by where it came from. */
  const outputs: { what: string; text: string }[] = [];
  const record = (what: string, value: unknown) => outputs.push({ what, text: typeof value === 'string' ? value : JSON.stringify(value) });

  before(async () => {
    client = await TestLspClient.start();
  });
  after(async () => {
    await client.shutdown();
  });

  test('the fixtures hold passwords to look for', () => {
    for (const form of ['F@oBar!', 'F%40oBar%21', 'F%%40oBar%%21']) assert.ok(forms.includes(form), `${form} is looked for`);
    assert.ok(files.some((file) => passwords.some(({ password }) => file.text.includes(password))), 'some opened files hold a password');
  });

  test('every example and fixture: diagnostics, code actions, hovers, completions and outline', async () => {
    const hover = Boolean(client.initializeResult.capabilities.hoverProvider);
    const completion = Boolean(client.initializeResult.capabilities.completionProvider);
    const symbols = Boolean(client.initializeResult.capabilities.documentSymbolProvider);
    let hovers = 0;
    for (const [index, file] of files.entries()) {
      // A folder per file keeps the names (and so the kinds) and never reuses a URI.
      const uri = TestLspClient.uriOf(`/secrets/${index}/${file.lintPath.split('/').slice(-2).join('/')}`);
      const document = TextDocument.create(uri, 'plaintext', 1, file.text);
      const diagnostics = await client.open(uri, file.text);
      record(`${file.file}: diagnostics`, diagnostics.map(shown));
      if (diagnostics.length > 0) {
        const everything = { start: { line: 0, character: 0 }, end: document.positionAt(file.text.length) };
        const actions = (await client.codeActions(uri, everything, diagnostics)) ?? [];
        record(`${file.file}: code actions`, actions.map(shownAction));
        for (const diagnostic of diagnostics) record(`${file.file}: code actions at ${diagnostic.range.start.line}`, ((await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? []).map(shownAction));
        record(`${file.file}: fix all`, ((await client.codeActions(uri, everything, [], ['source.fixAll.proxylint'])) ?? []).map(shownAction));
      }
      for (const position of assignmentPositions(file, document)) {
        if (hover) {
          const answer = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
          if (answer) hovers++;
          record(`${file.file}: hover at ${position.line}:${position.character}`, answer);
        }
        if (completion) {
          const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
          const list = Array.isArray(items) ? items : (items?.items ?? []);
          // What the list shows; inserted text is the user's own value, like an edit.
          record(`${file.file}: completion at ${position.line}:${position.character}`, list.map(({ label, detail, documentation, labelDetails }) => ({ label, detail, documentation, labelDetails })));
        }
      }
      if (symbols) record(`${file.file}: outline`, await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
      await client.close(uri);
    }
    if (hover) assert.ok(hovers > 0, 'hovers were shown, so they were searched');
    const leaks = outputs.flatMap(({ what, text }) => leakedSecrets(text, forms).map((leak) => `${what}: ${leak}`));
    assert.deepEqual(leaks, []);
  });

  test('the generators: what they say (path, follow-up commands, masked URL, errors) never holds the password', async () => {
    const plainPasswords = [...new Set(passwords.map(({ password }) => decodeURIComponent(password.replace(/%%/g, '%'))))];
    let generated = 0;
    for (const password of plainPasswords) {
      const input = { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc-docker', password, noProxy: ['registry.corp.example'] };
      for (const kind of ['systemd', 'encode', 'runner', 'compose', 'docker-config']) {
        const example = { runner: 'examples/broken/runner/config.toml', compose: 'examples/broken/compose/docker-compose.yml', 'docker-config': 'examples/broken/docker/config.json' }[kind];
        const targetText = example ? files.find((file) => file.file === example)?.text : undefined;
        try {
          const result = (await client.connection.sendRequest('proxylint/generate', { kind, input, targetUri: example ? TestLspClient.uriOf(`/generate/${example}`) : undefined, targetText })) as Record<string, unknown>;
          const { text: _text, edits: _edits, ...said } = result;
          generated++;
          record(`generate ${kind}`, said);
        } catch (error) {
          record(`generate ${kind} (error)`, error instanceof Error ? error.message : String(error));
        }
      }
      // Rejected inputs: the error names the problem, not the password.
      for (const proxy of [`http://svc:${password}@`, `ftp://svc:${password}@proxy:3128`, `http://svc:${password}@proxy:99999999`]) {
        try {
          record('generate with a bad proxy', await client.connection.sendRequest('proxylint/generate', { kind: 'systemd', input: { proxyUrl: proxy, noProxy: [] } }));
        } catch (error) {
          record(`generate with the bad proxy (error)`, error instanceof Error ? error.message : String(error));
        }
      }
    }
    assert.equal(generated, plainPasswords.length * 5, 'every generator answered, so its answers were searched');
    const leaks = outputs.flatMap(({ what, text }) => leakedSecrets(text, forms).map((leak) => `${what}: ${leak}`));
    assert.deepEqual(leaks, []);
  });

  test('log messages, shown messages and standard error', () => {
    assert.deepEqual(leakedSecrets(client.transcript.filter((line) => !line.startsWith('{')).join('\n'), forms), [], 'window/logMessage and window/showMessage');
    assert.deepEqual(leakedSecrets(client.stderr.join(''), forms), [], 'standard error');
  });
});
