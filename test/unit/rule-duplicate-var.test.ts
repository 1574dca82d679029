// duplicate-var on real text of each kind: the dead entry is removed and the
// neighbouring lines, commas and words stay right (whole text), then re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/engine/fixes';
import { lint } from '../../server/engine/lint';

const RULE = 'duplicate-var';
const UNIT = '/etc/systemd/system/app.service';

function findings(text: string, path: string) {
  return lint(text, path).findings.filter((f) => f.rule === RULE);
}

/** The one finding's fix applied; the result has no duplicate left. */
function removeDead(text: string, path: string): string {
  const found = findings(text, path);
  assert.equal(found.length, 1, 'one duplicate-var finding');
  assert.ok(found[0].fix);
  const fixed = applyEdits(text, found[0].fix.edits);
  assert.deepEqual(findings(fixed, path), [], 'clean after the fix');
  return fixed;
}

describe('duplicate-var', () => {
  test('compose list: the earlier entry is dead; the message names the line of the live one', () => {
    const text = 'services:\n  api:\n    environment:\n      - HTTP_PROXY=http://old:3128\n      - DEBUG=1\n      - HTTP_PROXY=http://new:3128\n';
    const [finding] = findings(text, 'compose.yml');
    assert.equal(finding.severity, 'warning');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'HTTP_PROXY');
    assert.equal(finding.span.start, text.indexOf('HTTP_PROXY'));
    assert.match(finding.message, /HTTP_PROXY is set again on line 6 in service "api"/);
    assert.equal(finding.related?.[0].span.start, text.lastIndexOf('HTTP_PROXY'));
    assert.equal(removeDead(text, 'compose.yml'), 'services:\n  api:\n    environment:\n      - DEBUG=1\n      - HTTP_PROXY=http://new:3128\n');
  });

  test('compose map: docker compose refuses duplicate keys; the earlier line goes', () => {
    const text = 'services:\n  api:\n    environment:\n      NO_PROXY: localhost\n      TZ: UTC\n      NO_PROXY: localhost\n';
    const [finding] = findings(text, 'compose.yml');
    assert.match(finding.message, /with the same value/);
    assert.match(finding.message, /docker compose refuses the whole file/);
    assert.equal(removeDead(text, 'compose.yml'), 'services:\n  api:\n    environment:\n      TZ: UTC\n      NO_PROXY: localhost\n');
  });

  test('compose flow list: the comma after the dead entry goes with it', () => {
    const text = 'services:\n  api:\n    environment: [A=1, B=2, A=3]\n';
    assert.equal(removeDead(text, 'compose.yml'), 'services:\n  api:\n    environment: [B=2, A=3]\n');
  });

  test('merged anchors are no duplicates: a local key overrides, and an earlier merge source wins', () => {
    const text = 'x-a: &a\n  HTTP_PROXY: http://a:3128\nx-b: &b\n  HTTP_PROXY: http://b:3128\nservices:\n  one:\n    environment:\n      <<: *a\n      HTTP_PROXY: http://local:3128\n  two:\n    environment:\n      <<: [*a, *b]\n';
    assert.deepEqual(findings(text, 'compose.yml'), []);
  });

  test('a duplicate inside an anchor is reported once, where it is written', () => {
    const text = 'x-a: &a\n  NO_PROXY: a\n  NO_PROXY: b\nservices:\n  one:\n    environment:\n      <<: *a\n  two:\n    environment:\n      <<: *a\n';
    assert.equal(removeDead(text, 'compose.yml'), 'x-a: &a\n  NO_PROXY: b\nservices:\n  one:\n    environment:\n      <<: *a\n  two:\n    environment:\n      <<: *a\n');
  });

  test('runner, single-line array: element and its comma removed', () => {
    const text = '[[runners]]\n  environment = ["HTTP_PROXY=http://a:3128", "NO_PROXY=localhost", "HTTP_PROXY=http://b:3128"]\n';
    assert.equal(removeDead(text, 'config.toml'), '[[runners]]\n  environment = ["NO_PROXY=localhost", "HTTP_PROXY=http://b:3128"]\n');
  });

  test('runner, single-line array: the dead one in the middle', () => {
    const text = '[[runners]]\n  environment = ["B=2", "A=1", "A=3"]\n';
    assert.equal(removeDead(text, 'config.toml'), '[[runners]]\n  environment = ["B=2", "A=3"]\n');
  });

  test('runner, multi-line array: the whole line goes, trailing comma style kept', () => {
    const text = '[[runners]]\n  environment = [\n    "A=1",\n    "B=2",\n    "A=3",\n  ]\n';
    assert.equal(removeDead(text, 'config.toml'), '[[runners]]\n  environment = [\n    "B=2",\n    "A=3",\n  ]\n');
  });

  test('systemd, one word per line: the whole Environment= line goes (an empty Environment= would reset)', () => {
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://a:3128"\nEnvironment="NO_PROXY=localhost"\nEnvironment="HTTP_PROXY=http://b:3128"\n';
    assert.equal(removeDead(text, UNIT), '[Service]\nEnvironment="NO_PROXY=localhost"\nEnvironment="HTTP_PROXY=http://b:3128"\n');
  });

  test('systemd, several words: the first word and the blank after it', () => {
    const text = '[Service]\nEnvironment=A=1 B=2\nEnvironment="A=3"\n';
    assert.equal(removeDead(text, UNIT), '[Service]\nEnvironment=B=2\nEnvironment="A=3"\n');
  });

  test('systemd, several words: a later word and the blank before it', () => {
    const text = '[Service]\nEnvironment="B=2" "A=1" "C=3"\nEnvironment=A=4\n';
    assert.equal(removeDead(text, UNIT), '[Service]\nEnvironment="B=2" "C=3"\nEnvironment=A=4\n');
  });

  test('systemd, twice on one line', () => {
    const text = '[Service]\nEnvironment="A=1" "A=2"\n';
    assert.equal(removeDead(text, UNIT), '[Service]\nEnvironment="A=2"\n');
  });

  test('env file: the earlier line goes, comments stay', () => {
    const text = '# proxy\nHTTP_PROXY=http://a:3128\nexport NO_PROXY=localhost # local\nHTTP_PROXY="http://b:3128"\n';
    assert.equal(removeDead(text, '.env'), '# proxy\nexport NO_PROXY=localhost # local\nHTTP_PROXY="http://b:3128"\n');
  });

  test('Docker JSON: the earlier property and its comma go', () => {
    const text = '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://a:3128",\n      "noProxy": "localhost",\n      "httpProxy": "http://b:3128"\n    }\n  }\n}\n';
    assert.equal(removeDead(text, 'config.json'), '{\n  "proxies": {\n    "default": {\n      "noProxy": "localhost",\n      "httpProxy": "http://b:3128"\n    }\n  }\n}\n');
  });

  test('the two cases of a name are two variables, not a duplicate', () => {
    assert.deepEqual(findings('services:\n  a:\n    environment:\n      - HTTP_PROXY=x\n      - http_proxy=x\n', 'compose.yml'), []);
  });
});
