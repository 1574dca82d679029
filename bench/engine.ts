// Engine vs parse: the time `lint()` takes on a document divided by the time
// the bare parser of its syntax takes on the same text, measured in
// alternating rounds. The parser is called with the options the engine gives
// it (compose: merge keys on, duplicate keys allowed), so the ratio is what
// proxylint adds on top of parsing, not a difference of parser settings.
import { parseTree } from 'jsonc-parser';
import { parseTOML } from 'toml-eslint-parser';
import { parseDocument } from 'yaml';
import { lint } from '../server/engine/lint';
import type { FileKind } from '../server/engine/model';
import { composeFile, dockerClientConfig, runnerConfig } from './generate';
import { fittedExponent, timePaired } from './stats';

export interface EngineRow {
  kind: FileKind;
  /** Services, runners or registries. */
  size: number;
  lines: number;
  findings: number;
  lintMs: number;
  parseMs: number;
  ratio: number;
  rounds: number;
}

export interface EngineResult {
  rows: EngineRow[];
  /** Fitted exponent of lint time against document length, per kind. */
  exponents: { kind: FileKind; lint: number; parse: number }[];
}

interface Subject {
  kind: FileKind;
  path: string;
  unit: string;
  make(size: number): string;
  parse(text: string): unknown;
}

const SUBJECTS: Subject[] = [
  { kind: 'compose', path: 'docker-compose.yml', unit: 'services', make: (n) => composeFile(n, 7), parse: (text) => parseDocument(text, { merge: true, uniqueKeys: false, prettyErrors: false }) },
  { kind: 'runner', path: 'config.toml', unit: 'runners', make: (n) => runnerConfig(n, 7), parse: (text) => parseTOML(text) },
  { kind: 'docker-client', path: '.docker/config.json', unit: 'registries', make: (n) => dockerClientConfig(n, 7), parse: (text) => parseTree(text, [], { allowTrailingComma: false, disallowComments: true }) },
];

export const ENGINE_UNITS: Readonly<Record<string, string>> = Object.fromEntries(SUBJECTS.map((s) => [s.kind, s.unit]));

export function benchEngine(quick: boolean, log: (line: string) => void = () => {}): EngineResult {
  const sizes = quick ? [10, 200] : [10, 50, 200, 500, 1000, 2000];
  const rows: EngineRow[] = [];
  const exponents: EngineResult['exponents'] = [];
  for (const subject of SUBJECTS) {
    const points: { x: number; lint: number; parse: number }[] = [];
    for (const size of sizes) {
      const text = subject.make(size);
      const result = lint(text, subject.path);
      if (result.kind !== subject.kind) throw new Error(`the ${subject.kind} input was linted as ${result.kind}`);
      if (result.findings.some((f) => f.rule === 'parse-error')) throw new Error(`the generated ${subject.kind} input does not parse`);
      const timing = timePaired(
        () => lint(text, subject.path),
        () => subject.parse(text),
        { budgetMs: quick ? 150 : 1200, minRounds: quick ? 3 : 7, warmup: quick ? 1 : 3 },
      );
      const row: EngineRow = { kind: subject.kind, size, lines: text.split('\n').length, findings: result.findings.length, lintMs: timing.subject, parseMs: timing.baseline, ratio: timing.ratio, rounds: timing.rounds };
      rows.push(row);
      points.push({ x: text.length, lint: timing.subject, parse: timing.baseline });
      log(`engine ${subject.kind} ${size} ${subject.unit}: lint ${row.lintMs.toFixed(2)} ms, parse ${row.parseMs.toFixed(2)} ms, ratio ${row.ratio.toFixed(2)}`);
    }
    exponents.push({
      kind: subject.kind,
      lint: fittedExponent(points.map((p) => ({ x: p.x, y: p.lint }))),
      parse: fittedExponent(points.map((p) => ({ x: p.x, y: p.parse }))),
    });
  }
  return { rows, exponents };
}

if (require.main === module) {
  const result = benchEngine(process.env.BENCH_QUICK === '1', (line) => console.log(line));
  for (const e of result.exponents) console.log(`exponent ${e.kind}: lint ${e.lint.toFixed(2)}, parse ${e.parse.toFixed(2)}`);
}
