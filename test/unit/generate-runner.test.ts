import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { generateRunnerEnvironment, listRunners } from '../../server/generators/runnerConfig';
import { GeneratorError, type ProxyInput } from '../../server/generators/types';
import { applyChecked, assertOriginalKept, assertLintsClean, assertOnlyInsertions, decodedPassword, NASTY_PASSWORD, NASTY_PASSWORD_ENCODED } from '../support/generated';

const PROXY: ProxyInput = { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password: 'F@oBar!', noProxy: ['.corp.example'] };
const URL = 'http://svc:F%40oBar%21@proxy.corp.example:3128';

/** What GitLab Runner reads: the runners' environment arrays, from the real TOML parser. */
function environments(text: string): string[][] {
  const config = getStaticTOMLValue(parseTOML(text)) as { runners: { environment?: string[] }[] };
  return config.runners.map((r) => r.environment ?? []);
}

test('broken example: existing entries get the new value, twins land next to them, dind hosts in NO_PROXY, git proxy added', () => {
  const original = readFileSync('examples/broken/runner/config.toml', 'utf8');
  const { edits } = generateRunnerEnvironment(original, PROXY, { gitProxy: true });
  const result = applyChecked(original, edits);
  assert.equal(
    result,
    original.replace(
      `  environment = [
    "HTTP_PROXY=http://proxy.corp.example:3128",
    "HTTPS_PROXY=http://proxy.corp.example:3128",
    "NO_PROXY=localhost,127.0.0.1,.corp.example",
    "DOCKER_HOST=tcp://docker:2375",
    "DOCKER_TLS_CERTDIR=",
  ]
`,
      `  environment = [
    "HTTP_PROXY=${URL}",
    "http_proxy=${URL}",
    "HTTPS_PROXY=${URL}",
    "https_proxy=${URL}",
    "NO_PROXY=localhost,127.0.0.1,.corp.example,docker,docker:2375,docker:2376",
    "no_proxy=localhost,127.0.0.1,.corp.example,docker,docker:2375,docker:2376",
    "DOCKER_HOST=tcp://docker:2375",
    "DOCKER_TLS_CERTDIR=",
  ]
  pre_get_sources_script = "git config --global http.proxy '${URL}'"
`,
    ),
  );
  assertLintsClean(result, 'config.toml', 'runner');
});

const TWO_RUNNERS = `concurrent = 2

# Shell jobs
[[runners]]
  name = "shell"
  url = "https://gitlab.corp.example/"
  executor = "shell"

# Docker jobs
[[runners]]
  name = "docker"
  url = "https://gitlab.corp.example/"
  executor = "docker"
  [runners.docker]
    image = "alpine:3"
`;

test('a runner without environment gets a new array after its last key, before its sub-tables', () => {
  const { edits } = generateRunnerEnvironment(TWO_RUNNERS, { proxyUrl: 'http://proxy.corp.example:3128', noProxy: [] }, { runner: 'docker' });
  assertOnlyInsertions(TWO_RUNNERS, edits);
  const result = applyChecked(TWO_RUNNERS, edits);
  assert.equal(
    result,
    TWO_RUNNERS.replace(
      '  executor = "docker"\n',
      `  executor = "docker"
  environment = [
    "HTTP_PROXY=http://proxy.corp.example:3128",
    "http_proxy=http://proxy.corp.example:3128",
    "HTTPS_PROXY=http://proxy.corp.example:3128",
    "https_proxy=http://proxy.corp.example:3128",
    "NO_PROXY=localhost,127.0.0.1",
    "no_proxy=localhost,127.0.0.1",
  ]
`,
    ),
  );
  assert.deepEqual(environments(result)[0], [], 'the other runner is untouched');
  assertLintsClean(result, 'config.toml', 'runner');
});

test('runners are chosen by name or position; ambiguity and unknown names are errors', () => {
  assert.deepEqual(listRunners(TWO_RUNNERS), [
    { index: 0, name: 'shell', line: 4, dindHost: null },
    { index: 1, name: 'docker', line: 10, dindHost: null },
  ]);
  const byIndex = applyChecked(TWO_RUNNERS, generateRunnerEnvironment(TWO_RUNNERS, PROXY, { runner: 0 }).edits);
  assert.equal(environments(byIndex)[0].length, 6);
  assert.throws(() => generateRunnerEnvironment(TWO_RUNNERS, PROXY), /2 runners \("shell", "docker"\): choose one/);
  assert.throws(() => generateRunnerEnvironment(TWO_RUNNERS, PROXY, { runner: 'nope' }), /No runner is named "nope"/);
  assert.throws(() => generateRunnerEnvironment(TWO_RUNNERS, PROXY, { runner: 5 }), /no runner number 6/);
  assert.throws(() => generateRunnerEnvironment('concurrent = 1\n', PROXY), /no \[\[runners\]\]/);
  assert.throws(() => generateRunnerEnvironment('[[runners]\n', PROXY), GeneratorError);
});

test('a one-line array gets the entries inline; its quote style is kept', () => {
  const original = `[[runners]]\n  name = "r"\n  environment = ['GIT_DEPTH=10'] # shallow\n`;
  const result = applyChecked(original, generateRunnerEnvironment(original, { proxyUrl: 'http://proxy:3128', noProxy: [] }).edits);
  assert.equal(
    result,
    `[[runners]]\n  name = "r"\n  environment = ['GIT_DEPTH=10', 'HTTP_PROXY=http://proxy:3128', 'http_proxy=http://proxy:3128', 'HTTPS_PROXY=http://proxy:3128', 'https_proxy=http://proxy:3128', 'NO_PROXY=localhost,127.0.0.1', 'no_proxy=localhost,127.0.0.1'] # shallow\n`,
  );
  assertLintsClean(result, 'config.toml', 'runner');
});

test('a multi-line array without trailing comma: the comma goes after the last element, before its comment', () => {
  const original = `[[runners]]\n  environment = [\n    "GIT_DEPTH=10",\n    "FF_USE_FASTZIP=true" # faster\n  ]\n`;
  const { edits } = generateRunnerEnvironment(original, { proxyUrl: 'http://proxy:3128', noProxy: [] });
  assertOnlyInsertions(original, edits);
  const result = applyChecked(original, edits);
  assert.equal(
    result,
    `[[runners]]
  environment = [
    "GIT_DEPTH=10",
    "FF_USE_FASTZIP=true", # faster
    "HTTP_PROXY=http://proxy:3128",
    "http_proxy=http://proxy:3128",
    "HTTPS_PROXY=http://proxy:3128",
    "https_proxy=http://proxy:3128",
    "NO_PROXY=localhost,127.0.0.1",
    "no_proxy=localhost,127.0.0.1"
  ]
`,
  );
  assertLintsClean(result, 'config.toml', 'runner');
});

test('an empty array becomes a multi-line one', () => {
  const original = '[[runners]]\n  environment = []\n  executor = "shell"\n';
  const result = applyChecked(original, generateRunnerEnvironment(original, { proxyUrl: 'http://proxy:3128', noProxy: [] }).edits);
  assert.equal(
    result,
    '[[runners]]\n  environment = [\n    "HTTP_PROXY=http://proxy:3128",\n    "http_proxy=http://proxy:3128",\n    "HTTPS_PROXY=http://proxy:3128",\n    "https_proxy=http://proxy:3128",\n    "NO_PROXY=localhost,127.0.0.1",\n    "no_proxy=localhost,127.0.0.1",\n  ]\n  executor = "shell"\n',
  );
});

test("git's proxy: an existing script keeps its lines, an old http.proxy line is replaced", () => {
  const original = `[[runners]]\n  environment = ["A=b"]\n  pre_get_sources_script = """\necho start\ngit config --global http.proxy 'http://old:1'\n"""\n`;
  const result = applyChecked(original, generateRunnerEnvironment(original, { proxyUrl: 'http://proxy:3128', noProxy: [] }, { gitProxy: true }).edits);
  assert.ok(result.endsWith(`  pre_get_sources_script = """\necho start\ngit config --global http.proxy 'http://proxy:3128'"""\n`), result);
  const config = getStaticTOMLValue(parseTOML(result)) as { runners: { pre_get_sources_script: string }[] };
  assert.equal(config.runners[0].pre_get_sources_script, "echo start\ngit config --global http.proxy 'http://proxy:3128'");
});

test("git's proxy goes into pre_clone_script where the runner still uses that older name", () => {
  const original = `[[runners]]\n  pre_clone_script = "echo hi"\n`;
  const result = applyChecked(original, generateRunnerEnvironment(original, { proxyUrl: 'http://proxy:3128', noProxy: [] }, { gitProxy: true }).edits);
  const config = getStaticTOMLValue(parseTOML(result)) as { runners: Record<string, unknown>[] };
  assert.equal(config.runners[0].pre_clone_script, "echo hi\ngit config --global http.proxy 'http://proxy:3128'");
  assert.equal(config.runners[0].pre_get_sources_script, undefined);
});

test('the password survives TOML: the runner reads the encoded URL', () => {
  const original = `[[runners]]\n  name = "r"\n`;
  const result = applyChecked(original, generateRunnerEnvironment(original, { ...PROXY, password: NASTY_PASSWORD }).edits);
  assert.equal(environments(result)[0][0], `HTTP_PROXY=http://svc:${NASTY_PASSWORD_ENCODED}@proxy.corp.example:3128`);
});

test('property: any password, any runner layout: insert-only, parses, lints clean, round-trips', () => {
  const layouts = [
    '[[runners]]\n  name = "r"\n  executor = "docker"\n  [runners.docker]\n    image = "docker:27"\n  [[runners.docker.services]]\n    name = "docker:27-dind"\n',
    '[[runners]]\n  name = "r"\n  environment = ["GIT_DEPTH=10"]\n',
    '[[runners]]\nname = "r"\nenvironment = [\n  "GIT_DEPTH=10",\n]\n',
    '[[runners]]\r\n  name = "r"\r\n  environment = [\r\n    "GIT_DEPTH=10"\r\n  ]\r\n',
  ];
  fc.assert(
    fc.property(fc.constantFrom(...layouts), fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }), fc.boolean(), (original, password, gitProxy) => {
      const { edits } = generateRunnerEnvironment(original, { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password, noProxy: ['.corp.example'] }, { gitProxy });
      assertOnlyInsertions(original, edits);
      const result = applyChecked(original, edits);
      assertOriginalKept(original, result);
      if (original.includes('\r\n')) assert.ok(!result.replace(/\r\n/g, '').includes('\n'), 'no stray LF in a CRLF file');
      const environment = environments(result)[0];
      const values = new Map(environment.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
      for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy']) assert.equal(decodedPassword(values.get(name)!), password);
      const dind = original.includes('dind') ? ',docker,docker:2375,docker:2376' : '';
      assert.equal(values.get('NO_PROXY'), `localhost,127.0.0.1,.corp.example${dind}`);
      assert.equal(values.get('no_proxy'), values.get('NO_PROXY'));
      assertLintsClean(result, 'config.toml', 'runner');
      assert.deepEqual(generateRunnerEnvironment(result, { proxyUrl: 'http://proxy.corp.example:3128', user: 'svc', password, noProxy: ['.corp.example'] }, { gitProxy }).edits, [], 'a second run changes nothing');
    }),
    { numRuns: 200 },
  );
});
