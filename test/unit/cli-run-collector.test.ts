// What a CLI run keeps of each file until the end is compact (facts as
// numbers in shared buffers, strings once, problems re-made) and arrives in
// any order from several threads; the report is written in pieces. Each of
// these must give exactly what the plain way gives: the models compared by
// checkWorkspace, everything sorted at once, JSON.stringify of the whole.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { writeTree } from '../../bench/generate';
import { FactStore, toColumns } from '../../server/cli/factColumns';
import { filesToLint } from '../../server/cli/files';
import { jsonArrayPieces, jsonDocumentPieces } from '../../server/cli/formats/jsonPieces';
import { kindOfFile } from '../../server/cli/kinds';
import { lintSource, type SourceText } from '../../server/cli/lintRun';
import { LineIndex, type Problem } from '../../server/cli/problems';
import { RunCollector } from '../../server/cli/runCollector';
import { parseDocumentOfKind } from '../../server/documents';
import { checkWorkspace, settingFacts, type WorkspaceFile } from '../../server/engine/workspace';

/** A run as the CLI made it before it kept anything compact: every problem, then checkWorkspace on the models, one stable sort. */
function plainRun(sources: readonly SourceText[]): Problem[] {
  const problems: Problem[] = [];
  const files: WorkspaceFile[] = [];
  for (const source of sources) {
    const linted = lintSource(source, {});
    if (!linted) continue;
    problems.push(...linted.problems);
    const kind = kindOfFile(source.path, source.text, source.explicit, {})!;
    files.push({ id: source.path, displayName: source.path, model: parseDocumentOfKind(kind, source.text, source.path), options: {} });
  }
  const textOf = new Map(sources.map((s) => [s.path, s.text]));
  for (const finding of checkWorkspace(files)) {
    problems.push({
      ...new LineIndex(textOf.get(finding.file)!).region(finding.file, finding.span),
      severity: finding.severity,
      rule: finding.rule,
      message: finding.message,
      related: finding.related.map((r) => ({ ...new LineIndex(textOf.get(r.file)!).region(r.file, r.span), message: r.message })),
    });
  }
  const order = new Map(sources.map((s, i) => [s.path, i]));
  return problems.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('RunCollector', () => {
  test('outcomes kept in any order give the report of the plain run, cross-file findings in place', () => {
    const root = mkdtempSync(join(tmpdir(), 'proxylint-collector-'));
    try {
      writeTree(join(root, 'repo'), 300, 5);
      const sources = [...filesToLint([join(root, 'repo')], { gitignore: true, cwd: root }, [])].map((file) => ({ ...file, text: readFileSync(file.path, 'utf8') }));
      const expected = plainRun(sources);
      assert.ok(expected.some((p) => p.rule === 'proxy-inconsistent'), 'the tree has findings across files');
      const run = new RunCollector({});
      for (const i of shuffled([...sources.keys()], 11)) run.keep(i, sources[i], lintSource(sources[i], {}));
      assert.deepEqual(run.finish(sources).problems, expected);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("a file's own problems out of order are sorted by position, ties keeping their order", () => {
    const problem = (line: number, column: number, rule: string, message: string): Problem => ({ file: 'a.conf', line, column, endLine: line, endColumn: column + 1, severity: 'warning', rule, message, related: [] });
    const own = [problem(3, 1, 'b-rule', 'third'), problem(1, 5, 'a-rule', 'first'), problem(3, 1, 'b-rule', 'fourth'), problem(1, 5, 'b-rule', 'second')];
    const run = new RunCollector({});
    run.keep(0, { path: 'a.conf', explicit: true }, { problems: own, facts: null });
    assert.deepEqual(
      run.finish([{ path: 'a.conf', explicit: true }]).problems.map((p) => p.message),
      ['first', 'second', 'third', 'fourth'],
    );
  });
});

describe('FactStore', () => {
  test('facts come back as they went in, across its chunks, with each string kept once', () => {
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128"\n# proxylint-disable-next-line\nEnvironment="NO_PROXY=localhost,.corp.example"\n';
    const facts = settingFacts(parseDocumentOfKind('systemd', text, 'docker.service.d/p.conf'))!;
    assert.equal(facts.length, 2);
    const lines = new LineIndex(text);
    const placed = facts.map((f) => {
      const { file: _file, ...place } = lines.region('', f);
      return { ...f, ...place };
    });
    const store = new FactStore();
    // More facts than one chunk holds (65,536), so some files straddle two.
    const stored = Array.from({ length: 40_000 }, () => store.add(toColumns(facts, lines)));
    for (const at of [stored[0], stored[32_767], stored[32_768], stored[39_999]]) {
      assert.deepEqual(
        store.facts(at).map((f) => ({ ...f })),
        placed,
      );
    }
    const [first] = store.facts(stored[0]);
    const [later] = store.facts(stored[39_999]);
    assert.equal(first.compared, later.compared);
  });
});

describe('JSON in pieces', () => {
  const values: unknown[] = [
    [],
    [{}],
    [1, 'two', null, true, [3, [4, {}]], { a: [], b: { c: 'line\nbreak "quoted" \\ \u2028 \u0000' } }],
    Array.from({ length: 600 }, (_, i) => ({ file: `dir/${i}.yml`, line: i, message: `message ${'x'.repeat(i)}`, nested: { list: Array.from({ length: i % 4 }, (__, k) => k) } })),
  ];

  test('an array is printed exactly as JSON.stringify(array, null, 2), at any depth, in several batches', () => {
    for (const items of values as unknown[][]) {
      assert.equal([...jsonArrayPieces(items)].join(''), JSON.stringify(items, null, 2));
      const nested = { a: { b: [{ items }] } };
      const placeholder = '\u0000items\u0000';
      assert.equal([...jsonDocumentPieces({ a: { b: [{ items: placeholder }] } }, placeholder, items, 4)].join(''), JSON.stringify(nested, null, 2));
    }
  });
});
