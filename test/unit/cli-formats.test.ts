// The built CLI as a process: the four output formats, SARIF and GitLab
// reports validated against their schemas (test/fixtures/schemas), and
// proxy-inconsistent across the files of one run.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { CLEAN, projectTree, runCli } from '../support/cli';

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

const PASSWORD = 'F@oBar!';

/** Reports are checked field by field against their schemas and the JSON report; their shape is the schema's business. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Report = any;
const DROP_IN = 'docker.service.d/http-proxy.conf';
const CLIENT_CONFIG = 'docker/config.json';

/** A daemon drop-in with an unencoded password and a client config.json pointing at another port: per-file and cross-file findings. */
function project(): string {
  return projectTree({
    [DROP_IN]: CLEAN.dropIn(`http://svc-docker:${PASSWORD}@proxy.corp.example:3128`),
    [CLIENT_CONFIG]: CLEAN.clientConfig('http://proxy.corp.example:8080'),
    // An app drop-in with NO_PROXY but no no_proxy: its message names `[Service] of app.service` (brackets, for SARIF's escaping).
    'app.service.d/proxy.conf': '[Service]\nEnvironment="NO_PROXY=localhost"\n',
  });
}

function jsonProblems(root: string, args: string[] = []): JsonProblem[] {
  return JSON.parse(runCli(['-f', 'json', ...args, '.'], { cwd: root }).stdout) as JsonProblem[];
}

function sarifValidator(): ValidateFunction<Report> {
  const schema = JSON.parse(readFileSync('test/fixtures/schemas/sarif-2.1.0-rtm.5.json', 'utf8')) as Record<string, unknown>;
  // The schema is written as draft-04 (`id`); every keyword it uses means the same in draft-07, Ajv's default.
  schema.$id = schema.id;
  delete schema.id;
  schema.$schema = 'http://json-schema.org/draft-07/schema#';
  // One of its patterns (language tags) is only valid without the `u` flag.
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile<Report>(schema);
}

function gitlabValidator(): ValidateFunction<Report> {
  const ajv = new Ajv({ allErrors: true });
  return ajv.compile<Report>(JSON.parse(readFileSync('test/fixtures/schemas/gitlab-code-quality.schema.json', 'utf8')) as object);
}

function keysDeep(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, keys));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      keysDeep(v, keys);
    }
  }
  return keys;
}

describe('json', () => {
  test('exactly {file, line, column, endLine, endColumn, severity, rule, message}, 1-based; proxy-inconsistent names the other file', () => {
    const problems = jsonProblems(project());
    assert.ok(problems.length >= 6);
    for (const p of problems) {
      assert.deepEqual(Object.keys(p), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
      assert.ok(p.line >= 1 && p.column >= 1 && p.endLine >= p.line);
    }
    assert.deepEqual(
      problems.filter((p) => p.rule === 'proxy-inconsistent'),
      [
        {
          file: CLIENT_CONFIG,
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 52,
          severity: 'warning',
          rule: 'proxy-inconsistent',
          message: `httpProxy points at http://proxy.corp.example:8080 here, but ${DROP_IN} sets HTTP_PROXY to http://proxy.corp.example:3128.`,
        },
        {
          file: CLIENT_CONFIG,
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 53,
          severity: 'warning',
          rule: 'proxy-inconsistent',
          message: `httpsProxy points at http://proxy.corp.example:8080 here, but ${DROP_IN} sets HTTPS_PROXY to http://proxy.corp.example:3128.`,
        },
        {
          file: DROP_IN,
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 75,
          severity: 'warning',
          rule: 'proxy-inconsistent',
          message: `HTTP_PROXY points at http://proxy.corp.example:3128 here, but ${CLIENT_CONFIG} sets httpProxy to http://proxy.corp.example:8080.`,
        },
        {
          file: DROP_IN,
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 76,
          severity: 'warning',
          rule: 'proxy-inconsistent',
          message: `HTTPS_PROXY points at http://proxy.corp.example:3128 here, but ${CLIENT_CONFIG} sets httpsProxy to http://proxy.corp.example:8080.`,
        },
      ],
    );
    assert.ok(problems.some((p) => p.rule === 'credentials-unencoded' && p.file === DROP_IN));
  });

  test('an empty result is an empty array', () => {
    const root = projectTree({ 'docker-compose.yml': CLEAN.compose() });
    assert.deepEqual(runCli(['-f', 'json', '.'], { cwd: root }), { status: 0, stdout: '[]\n', stderr: '' });
  });

  test('one setup per run: the files of separate runs are not compared', () => {
    const root = project();
    assert.deepEqual(jsonProblems(root, ['--rule', 'credentials-unencoded=off']).filter((p) => p.rule === 'proxy-inconsistent').length, 4);
    const alone = JSON.parse(runCli(['-f', 'json', CLIENT_CONFIG], { cwd: root }).stdout) as JsonProblem[];
    assert.deepEqual(alone, []);
  });
});

describe('text', () => {
  test('one `file:line:column severity rule message` line per problem, as the JSON says, then the counts', () => {
    const root = project();
    const problems = jsonProblems(root);
    const run = runCli(['.'], { cwd: root });
    assert.equal(run.status, 1);
    const count = (s: string) => problems.filter((p) => p.severity === s).length;
    const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 || noun === 'info' ? '' : 's'}`;
    assert.equal(
      run.stdout,
      `${problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`).join('\n')}\n\n${plural(problems.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}, ${plural(count('hint'), 'hint')})\n`,
    );
  });
});

describe('sarif', () => {
  test('valid SARIF 2.1.0; every result matches the JSON report; rules have ids and help URIs to docs pages that exist', () => {
    const root = project();
    const problems = jsonProblems(root);
    const run = runCli(['-f', 'sarif', '.'], { cwd: root });
    assert.equal(run.status, 1);
    const log: Report = JSON.parse(run.stdout);
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;
    const driver = sarifRun.tool.driver;
    assert.equal(driver.name, 'proxylint');
    assert.equal(driver.version, (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    const ruleIds: string[] = driver.rules.map((r: { id: string }) => r.id);
    assert.equal(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');
    for (const id of ['credentials-unencoded', 'lowercase-missing', 'dind-no-proxy', 'proxy-inconsistent', 'parse-error']) assert.ok(ruleIds.includes(id), id);
    for (const rule of driver.rules as { id: string; helpUri?: string; shortDescription: { text: string } }[]) {
      assert.ok(rule.shortDescription.text.length > 0);
      if (rule.id === 'parse-error') continue;
      assert.equal(rule.helpUri, `https://github.com/proxylint/proxylint/blob/main/docs/rules/${rule.id}.md`);
      assert.ok(existsSync(join('docs/rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md exists for its helpUri`);
    }
    const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as Record<string, string>;
    assert.equal(sarifRun.results.length, problems.length);
    sarifRun.results.forEach((result: any, i: number) => {
      const p = problems[i];
      assert.equal(result.ruleId, p.rule);
      assert.equal(driver.rules[result.ruleIndex].id, p.rule, 'ruleIndex points at the rule');
      assert.equal(result.level, level[p.severity]);
      assert.equal(result.message.text.replace(/\\([[\]\\])/g, '$1'), p.message);
      assert.doesNotMatch(result.message.text, /(^|[^\\])[[\]]/, 'literal brackets are escaped (they would read as links)');
      const location = result.locations[0].physicalLocation;
      assert.deepEqual(location.artifactLocation, { uri: p.file, uriBaseId: '%SRCROOT%' });
      assert.deepEqual(location.region, { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn });
    });
    assert.ok(sarifRun.results.some((r: any) => /\\\[Service\\\]/.test(r.message.text)), 'a message with [Service] was escaped');
  });

  test('proxy-inconsistent results point at the other file as a related location', () => {
    const log: Report = JSON.parse(runCli(['-f', 'sarif', '--rule', 'credentials-unencoded=off', '.'], { cwd: project() }).stdout);
    const result = log.runs[0].results.find((r: any) => r.ruleId === 'proxy-inconsistent' && r.locations[0].physicalLocation.artifactLocation.uri === CLIENT_CONFIG);
    assert.deepEqual(result.relatedLocations, [
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'docker.service.d/http-proxy.conf', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 13, endLine: 2, endColumn: 75 } },
        message: { text: 'HTTP_PROXY points at http://proxy.corp.example:3128 here.' },
      },
    ]);
  });

  test('no source text and no password: no snippets or file contents, masked messages', () => {
    const output = runCli(['-f', 'sarif', '.'], { cwd: project() }).stdout;
    const keys = keysDeep(JSON.parse(output));
    for (const key of ['snippet', 'contents', 'contextRegion', 'artifacts']) assert.ok(!keys.has(key), key);
    assert.ok(!output.includes(PASSWORD) && !output.includes('oBar!') && !output.includes('F%40oBar'));
  });

  test('paths: absolute arguments inside the current folder become relative URIs; files outside it absolute file: URIs; spaces encoded', () => {
    const root = projectTree({ 'my app/docker-compose.yml': 'services:\n  a:\n    environment:\n      HTTP_PROXY: http://proxy:3128\n' });
    const inside: Report = JSON.parse(runCli(['-f', 'sarif', join(root, 'my app')], { cwd: root }).stdout);
    assert.deepEqual(inside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'my%20app/docker-compose.yml', uriBaseId: '%SRCROOT%' });
    const elsewhere = projectTree({});
    const outside: Report = JSON.parse(runCli(['-f', 'sarif', join(root, 'my app')], { cwd: elsewhere }).stdout);
    assert.deepEqual(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: `file://${root.split('/').map(encodeURIComponent).join('/')}/my%20app/docker-compose.yml` });
    assert.ok(sarifValidator()(outside));
  });

  test('a clean run is a valid log with no results', () => {
    const run = runCli(['-f', 'sarif', '.'], { cwd: projectTree({ 'docker-compose.yml': CLEAN.compose() }) });
    assert.equal(run.status, 0);
    const log: Report = JSON.parse(run.stdout);
    assert.ok(sarifValidator()(log));
    assert.deepEqual(log.runs[0].results, []);
  });
});

describe('gitlab', () => {
  test('valid Code Quality report; each issue matches the JSON report; fingerprints unique', () => {
    const root = project();
    const problems = jsonProblems(root);
    const run = runCli(['-f', 'gitlab', '.'], { cwd: root });
    assert.equal(run.status, 1);
    const issues: Report = JSON.parse(run.stdout);
    const validate = gitlabValidator();
    assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
    const severity = { error: 'major', warning: 'minor', info: 'info', hint: 'info' } as Record<string, string>;
    assert.equal(issues.length, problems.length);
    issues.forEach((issue: any, i: number) => {
      const p = problems[i];
      assert.equal(issue.check_name, p.rule);
      assert.equal(issue.description, p.message);
      assert.equal(issue.severity, severity[p.severity]);
      assert.deepEqual(issue.location, { path: p.file, lines: { begin: p.line, end: p.endLine } });
      assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
    });
    assert.equal(new Set(issues.map((i: any) => i.fingerprint)).size, issues.length, 'GitLab keeps only the first issue of a fingerprint');
    assert.ok(!run.stdout.includes(PASSWORD) && !run.stdout.includes('oBar!'));
  });

  test('fingerprints stay the same when lines move (GitLab compares them between the merge request and its base)', () => {
    const root = project();
    const before = JSON.parse(runCli(['-f', 'gitlab', '.'], { cwd: root }).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
    const path = join(root, DROP_IN);
    writeFileSync(path, `# moved down by two lines\n\n${readFileSync(path, 'utf8')}`);
    const after = JSON.parse(runCli(['-f', 'gitlab', '.'], { cwd: root }).stdout) as typeof before;
    assert.deepEqual(after.map((i) => i.fingerprint).sort(), before.map((i) => i.fingerprint).sort());
    assert.notDeepEqual(
      after.map((i) => i.location.lines.begin),
      before.map((i) => i.location.lines.begin),
    );
  });

  test('a clean run is an empty array', () => {
    assert.deepEqual(runCli(['-f', 'gitlab', '.'], { cwd: projectTree({ 'docker-compose.yml': CLEAN.compose() }) }), { status: 0, stdout: '[]\n', stderr: '' });
  });
});
