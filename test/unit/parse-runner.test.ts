import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRunnerConfig } from '../../server/documents/runner';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

test('one scope per [[runners]], named, with its environment strings', () => {
  const text = [
    '[[runners]]',
    '  name = "first"',
    '  environment = ["HTTP_PROXY=http://p:3128", \'no_proxy=localhost\']',
    '[[runners]]',
    '  environment = [',
    '    "HTTPS_PROXY=http://p:3128",',
    '  ]',
    '',
  ].join('\n');
  const [first, second] = parseRunnerConfig(text).scopes;
  assert.equal(first.label, 'runner "first"');
  assert.equal(second.label, 'runner on line 4');
  const [http, noProxy] = first.assignments;
  assert.equal(slice(text, http.nameSpan), 'HTTP_PROXY');
  assert.equal(slice(text, http.valueSpan), 'http://p:3128');
  assert.deepEqual(http.syntax, { kind: 'toml-string', quote: 'basic', multilineArray: false, elementIndent: '  ' });
  assert.equal(noProxy.syntax.kind === 'toml-string' && noProxy.syntax.quote, 'literal');
  assert.equal(second.assignments[0].syntax.kind === 'toml-string' && second.assignments[0].syntax.multilineArray, true);
});

test('dind from a [[runners.docker.services]] entry, named after its image or alias', () => {
  const text = '[[runners]]\n  name = "r"\n  [runners.docker]\n    privileged = true\n  [[runners.docker.services]]\n    name = "registry.example/docker:27-dind"\n';
  assert.deepEqual(parseRunnerConfig(text).scopes[0].dind, { host: 'docker', evidence: 'the docker-in-docker service "docker"' });
  const aliased = text + '    alias = "dockerd"\n';
  assert.equal(parseRunnerConfig(aliased).scopes[0].dind?.host, 'dockerd');
});

test('escaped strings keep the value right and fall back to whole-element spans', () => {
  const text = '[[runners]]\n  environment = ["NO_PROXY=a\\u002Cb"]\n';
  const [noProxy] = parseRunnerConfig(text).scopes[0].assignments;
  assert.equal(noProxy.value, 'a,b');
  assert.equal(slice(text, noProxy.valueSpan), '"NO_PROXY=a\\u002Cb"');
  assert.equal(noProxy.valueOffsets, null);
});

test('a TOML syntax error is one parse problem', () => {
  const model = parseRunnerConfig('[[runners]]\n  environment = ["a"\n');
  assert.match(model.parseProblem?.message ?? '', /^TOML does not parse/);
});
