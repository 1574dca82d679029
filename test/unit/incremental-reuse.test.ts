// What the language server reuses between two lints of an open compose file:
// a finding the incremental lint hands out again (the same object), or copies
// from an earlier one without moving lines (`movedFrom`), is at the same line
// and column as before, so its LSP diagnostic is reused
// (services/openDocumentDiagnostics.ts). Checked on random edits, with
// versions parsed for hover and completion in between; and the diagnostics
// built with reuse equal those of a full lint of each text, byte for byte.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { composeFile } from '../../bench/generate';
import { lint, type Finding } from '../../server/engine/lint';
import { toDiagnostic } from '../../server/services/diagnostics';
import { ModelCache } from '../../server/services/modelCache';
import { OpenDocumentDiagnostics } from '../../server/services/openDocumentDiagnostics';
import { OpenDocumentLinter } from '../../server/services/openDocumentLinting';

const DOCS = 'https://example.test/docs/rules';

/** Every position a finding's diagnostic shows: its range, related ranges and fix edits, as line:character. */
function positionsOf(document: TextDocument, finding: Finding): string {
  const at = (offset: number) => {
    const p = document.positionAt(offset);
    return `${p.line}:${p.character}`;
  };
  const spans = [finding.span, ...(finding.related ?? []).map((r) => r.span), ...(finding.fix?.edits ?? [])];
  return spans.map((s) => `${at(s.start)}-${at(s.end)}`).join(' ');
}

interface Edit {
  /** Which line holding a variable (a fraction of their number): typing happens in values. */
  line: number;
  change: 'type' | 'delete' | 'copy-line' | 'blank-line' | 'anywhere';
  character: string;
  /** Parse this version for hover or completion only, without linting it. */
  parseOnly: boolean;
}

const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  line: fc.integer({ min: 0, max: 999 }).map((n) => n / 1000),
  // Lines added (a copy of the line, a blank line): findings after the edit move to other lines and are checked again.
  change: fc.constantFrom('type', 'type', 'type', 'type', 'delete', 'copy-line', 'blank-line', 'blank-line', 'anywhere'),
  character: fc.constantFrom('a', 'x', '1', ',', '.', '_'),
  parseOnly: fc.boolean(),
});

const VARIABLE_LINE = /^\s+- [A-Za-z_]+=|^\s{6,}[A-Z][A-Za-z_]*: /;

function applyEdit(text: string, edit: Edit): string {
  const lines = text.split('\n');
  const candidates = lines.map((line, i) => (VARIABLE_LINE.test(line) ? i : -1)).filter((i) => i >= 0);
  const index = candidates[Math.floor(edit.line * candidates.length)] ?? 0;
  const line = lines[index];
  switch (edit.change) {
    case 'type':
      lines[index] = line + edit.character;
      break;
    case 'delete':
      lines[index] = line.slice(0, -1);
      break;
    case 'copy-line':
      // A list item set twice (a map key written twice would not parse).
      lines.splice(index, 0, line.trimStart().startsWith('- ') ? line : '');
      break;
    case 'blank-line':
      lines.splice(index, 0, '');
      break;
    case 'anywhere': {
      // Anywhere in the text: often a full parse, sometimes a file that does not parse.
      const at = Math.floor(edit.line * text.length);
      return text.slice(0, at) + edit.character + text.slice(at);
    }
  }
  return lines.join('\n');
}

test('reused and moved findings keep their lines and columns; diagnostics built with reuse equal a full lint’s', () => {
  let reused = 0;
  let moved = 0;
  let uriNumber = 0;
  fc.assert(
    fc.property(fc.integer({ min: 4, max: 25 }), fc.integer({ min: 1, max: 1000 }), fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (services, seed, edits) => {
      const uri = `file:///reuse/${++uriNumber}/docker-compose.yml`;
      const linter = new OpenDocumentLinter();
      const diagnostics = new OpenDocumentDiagnostics(() => DOCS);
      const otherFeatures = new ModelCache();
      let version = 1;
      let document = TextDocument.create(uri, 'dockercompose', version, composeFile(services, seed));
      let linted = linter.lint(document, {});
      diagnostics.build(document, linted);
      let lintedDocument = document;
      let previous = new Map(linted.findings.map((f) => [f, positionsOf(document, f)]));
      for (const edit of edits) {
        document = TextDocument.create(uri, 'dockercompose', ++version, applyEdit(document.getText(), edit));
        if (edit.parseOnly) {
          otherFeatures.get(document);
          continue;
        }
        linted = linter.lint(document, {});
        for (const finding of linted.findings) {
          const before = previous.get(finding);
          const origin = linted.movedFrom?.get(finding);
          if (before !== undefined) {
            reused++;
            assert.equal(positionsOf(document, finding), before, `a reused ${finding.rule} finding moved (from version ${lintedDocument.version} to ${version})`);
          } else if (origin && previous.has(origin)) {
            // An origin the previous lint did not report (an anchored entry reported in another service then) has no diagnostic to reuse: that finding is built anew.
            moved++;
            assert.equal(positionsOf(document, finding), previous.get(origin), `a moved ${finding.rule} finding changed line or column`);
          }
        }
        const built = diagnostics.build(document, linted);
        const full = lint(document.getText(), 'docker-compose.yml').findings.map((f) => toDiagnostic(document, f, DOCS));
        assert.equal(JSON.stringify(built), JSON.stringify(full), `diagnostics of version ${version} differ from a full lint's`);
        previous = new Map(linted.findings.map((f) => [f, positionsOf(document, f)]));
        lintedDocument = document;
      }
      linter.forget(uri);
      diagnostics.forget(uri);
    }),
    {
      numRuns: 60,
      examples: [
        // The first service loses its environment key: the anchored block is now reported in the next service, from a finding of that service the repeat filter had dropped.
        [14, 510, [{ line: 0.106, change: 'anywhere', character: 'a', parseOnly: false }, { line: 0, change: 'type', character: 'a', parseOnly: false }]],
      ],
    },
  );
  // The shortcut must actually be taken, or this test proves nothing.
  assert.ok(reused > 1000, `only ${reused} findings were reused`);
  assert.ok(moved > 1000, `only ${moved} findings were moved`);
});
