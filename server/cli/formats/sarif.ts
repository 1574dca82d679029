// `--format sarif`: SARIF 2.1.0 (OASIS), the format GitHub code scanning
// uploads. Rules carry their docs page as `helpUri`; results carry regions
// only, never source snippets, so no password can reach the report.
import { allRuleDescriptors, ruleDocsUrl, type RuleDescriptor } from '../../engine/ruleCatalog';
import { PARSE_ERROR_RULE } from '../../engine/lint';
import type { Severity } from '../../rules/rule';
import type { Problem, Region } from '../problems';
import type { FormatContext } from '.';
import { jsonDocumentPieces } from './jsonPieces';
import { artifactUri } from './paths';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/proxylint/proxylint';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A file that does not parse is reported too; it has no docs page. */
const PARSE_ERROR: RuleDescriptor = { id: PARSE_ERROR_RULE, defaultSeverity: 'error', description: 'The file does not parse, so its proxy settings cannot be checked.' };

/** Stands for the results in the log, which are streamed in its place. */
const RESULTS = '\u0000results\u0000';

export function formatSarif(problems: readonly Problem[], context: FormatContext): Iterable<string> {
  const rules = [...allRuleDescriptors(), PARSE_ERROR];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'proxylint',
            version: context.version,
            semanticVersion: context.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => toReportingDescriptor(rule)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: RESULTS,
      },
    ],
  };
  return jsonDocumentPieces(log, RESULTS, results(problems, index, context.cwd), 3);
}

function* results(problems: readonly Problem[], index: ReadonlyMap<string, number>, cwd: string) {
  for (const problem of problems) yield toResult(problem, index.get(problem.rule), cwd);
}

function toReportingDescriptor(rule: RuleDescriptor) {
  const documented = rule.id !== PARSE_ERROR_RULE;
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(documented ? { helpUri: ruleDocsUrl(rule.id), help: { text: `${rule.description} See ${ruleDocsUrl(rule.id)}` } } : {}),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['proxy'] },
  };
}

function toResult(problem: Problem, ruleIndex: number | undefined, cwd: string) {
  return {
    ruleId: problem.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[problem.severity],
    message: { text: sarifText(problem.message) },
    locations: [{ physicalLocation: physicalLocation(problem, cwd) }],
    ...(problem.related.length > 0
      ? { relatedLocations: problem.related.map((r, i) => ({ id: i + 1, physicalLocation: physicalLocation(r, cwd), message: { text: sarifText(r.message) } })) }
      : {}),
  };
}

function physicalLocation(region: Region, cwd: string) {
  return {
    artifactLocation: artifactUri(region.file, cwd),
    region: { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn },
  };
}

/** SARIF reads `[text](target)` in a message as a link: literal brackets are escaped (SARIF 2.1.0 §3.11.6). */
function sarifText(text: string): string {
  return text.replace(/[[\]\\]/g, (c) => `\\${c}`);
}
