// The built server keeps the diagnostics of what an edit did not touch and
// sends each fix compactly in `data`: every publication while typing in a
// large compose file equals the diagnostics of the same text opened fresh,
// quick fixes come from the fix of the problem as it is now (a diagnostic of
// an older version never applies a stale fix), and `data` carries the same fix
// the quick fix applies.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { composeFile } from '../../bench/generate';
import { applyWorkspaceEdit, TestLspClient } from '../support/lspClient';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start();
});
after(async () => {
  await client.shutdown();
});

async function preferredFix(uri: string, diagnostic: Diagnostic): Promise<CodeAction | undefined> {
  const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? [];
  return actions.find((a): a is CodeAction => 'kind' in a && a.kind === 'quickfix' && a.isPreferred === true);
}

/** The diagnostics of a text opened fresh under another URI, as they would read under `uri`. */
async function freshDiagnostics(uri: string, text: string, index: number): Promise<Diagnostic[]> {
  const other = TestLspClient.uriOf(`/reuse/fresh-${index}/docker-compose.yml`);
  const diagnostics = await client.open(other, text, 'dockercompose');
  await client.close(other);
  return JSON.parse(JSON.stringify(diagnostics).split(JSON.stringify(other).slice(1, -1)).join(JSON.stringify(uri).slice(1, -1))) as Diagnostic[];
}

/** Inserts `insert` at the end of the `n`-th line that matches. */
function atEndOfLine(text: string, pattern: RegExp, n: number, insert: string): string {
  const lines = text.split('\n');
  const index = lines.map((line, i) => (pattern.test(line) ? i : -1)).filter((i) => i >= 0)[n];
  lines[index] += insert;
  return lines.join('\n');
}

describe('diagnostics while typing and the fixes they carry', () => {
  test('typing in a large compose file: every publication equals a fresh lint of the same text', async () => {
    const uri = TestLspClient.uriOf('/reuse/typing/docker-compose.yml');
    let text = composeFile(80, 11);
    let diagnostics = await client.open(uri, text, 'dockercompose');
    assert.ok(diagnostics.length > 150, `only ${diagnostics.length} diagnostics`);
    const edits: ((t: string) => string)[] = [
      // Typing in a NO_PROXY value near the middle, then near the start: the findings after it move.
      (t) => atEndOfLine(t, /^\s+- NO_PROXY=/, 10, ',db'),
      (t) => atEndOfLine(t, /^\s+- NO_PROXY=/, 10, 'x'),
      (t) => atEndOfLine(t, /^\s+- NO_PROXY=/, 1, ',cache_1'),
      // A line added and one removed: the findings after it move to other lines.
      (t) => atEndOfLine(t, /^\s+- NO_PROXY=/, 5, '\n      - no_proxy=localhost'),
      (t) => t.replace('\n      - no_proxy=localhost\n', '\n'),
      // A value with a password, and an edit the whole file is parsed again for (a service's image).
      (t) => atEndOfLine(t, /^\s+- HTTP_PROXY=/, 3, 'x'),
      (t) => atEndOfLine(t, /^\s+image: /, 20, '-dind'),
      (t) => atEndOfLine(t, /^\s+- NO_PROXY=/, 12, '1'),
    ];
    for (const [i, edit] of edits.entries()) {
      text = edit(text);
      diagnostics = await client.change(uri, text);
      assert.deepEqual(diagnostics, await freshDiagnostics(uri, text, i), `after edit ${i + 1}`);
    }
    await client.close(uri);
  });

  test('a diagnostic of an older version gets the fix of its problem as it is now, or none when it is gone', async () => {
    const uri = TestLspClient.uriOf('/reuse/stale/docker-compose.yml');
    const service = (name: string, proxy: string) => `  ${name}:\n    image: alpine\n    environment:\n      HTTP_PROXY: ${proxy}\n      HTTPS_PROXY: ${proxy}\n      NO_PROXY: localhost\n`;
    let text = `services:\n${service('first', 'http://proxy.one:3128')}${service('second', 'http://proxy.two:3128')}`;
    const opened = await client.open(uri, text, 'dockercompose');
    const onSecond = opened.find((d) => d.code === 'lowercase-missing' && d.range.start.line === 10)!;
    assert.ok(onSecond, 'HTTP_PROXY of the second service lacks its lowercase twin');

    // An edit in the first service: the second service's problem and its fix did not change.
    text = text.replace('proxy.one:3128', 'proxy.uno:3128');
    await client.change(uri, text);
    let fix = await preferredFix(uri, onSecond);
    assert.equal(applyWorkspaceEdit(text, uri, fix?.edit), text.replace('      HTTP_PROXY: http://proxy.two:3128\n', '      HTTP_PROXY: http://proxy.two:3128\n      http_proxy: http://proxy.two:3128\n'));

    // Its value changed: same code and range, but the fix the old diagnostic carries is stale.
    text = text.replace('      HTTP_PROXY: http://proxy.two:3128', '      HTTP_PROXY: http://proxy.three:3128');
    await client.change(uri, text);
    fix = await preferredFix(uri, onSecond);
    assert.equal(applyWorkspaceEdit(text, uri, fix?.edit), text.replace('      HTTP_PROXY: http://proxy.three:3128\n', '      HTTP_PROXY: http://proxy.three:3128\n      http_proxy: http://proxy.three:3128\n'));

    // Fixed by hand: nothing left to fix there.
    text = text.replace('      HTTP_PROXY: http://proxy.three:3128\n', '      HTTP_PROXY: http://proxy.three:3128\n      http_proxy: http://proxy.three:3128\n');
    const now = await client.change(uri, text);
    assert.ok(!now.some((d) => d.code === 'lowercase-missing' && d.range.start.line === 10));
    assert.equal(await preferredFix(uri, onSecond), undefined);
    await client.close(uri);
  });

  test('data carries each fix compactly: the same edits the quick fix applies, and no document version', async () => {
    const uri = TestLspClient.uriOf('/reuse/data/docker-compose.yml');
    const text = composeFile(6, 4);
    const diagnostics = await client.open(uri, text, 'dockercompose');
    const withFix = diagnostics.filter((d) => d.data !== undefined);
    assert.ok(withFix.length > 5);
    for (const diagnostic of withFix) {
      const data = diagnostic.data as { fix: { title: string; edits: [number, number, number, number, string][] } };
      assert.deepEqual(Object.keys(data), ['fix']);
      const fix = await preferredFix(uri, diagnostic);
      assert.ok(fix, `${String(diagnostic.code)} has a quick fix`);
      assert.equal(fix.title, data.fix.title);
      assert.deepEqual(
        fix.edit?.changes?.[uri],
        data.fix.edits.map(([startLine, startCharacter, endLine, endCharacter, newText]) => ({ range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } }, newText })),
      );
    }
    await client.close(uri);
  });
});
