// Suppression comments and severity settings, through lint() on real text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../../server/engine/lint';

/** `rule@line` (1-based) of every finding. */
function found(text: string, path: string, rules?: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>): string[] {
  return lint(text, path, { rules }).findings.map((f) => `${f.rule}@${text.slice(0, f.span.start).split('\n').length}`);
}

// Each text has a var-typo and a duplicate-var on the same entry (line 4 in YAML/TOML), and nothing else.
const YAML = 'services:\n  a:\n    environment:\n      - NOPROXY=localhost\n      - NOPROXY=localhost\n';
const TOML = '[[runners]]\n  name = "r"\n  environment = [\n    "NOPROXY=localhost",\n    "NOPROXY=localhost",\n  ]\n';
const UNIT = '[Service]\nExecStart=/usr/bin/app\n\nEnvironment=NOPROXY=localhost\nEnvironment=NOPROXY=localhost\n';
const ENV = '# proxy\n\n\nNOPROXY=localhost\nNOPROXY=localhost\n';

const SYNTAXES = [
  { name: 'YAML (compose)', text: YAML, path: 'docker-compose.yml', indent: '      ' },
  { name: 'TOML (runner)', text: TOML, path: 'config.toml', indent: '    ' },
  { name: 'systemd', text: UNIT, path: '/etc/systemd/system/app.service', indent: '' },
  { name: 'env file', text: ENV, path: 'proxy.env', indent: '' },
];

/** The text with a comment line inserted before line 4. */
function withCommentBeforeLine4(text: string, comment: string): string {
  const lines = text.split('\n');
  lines.splice(3, 0, comment);
  return lines.join('\n');
}

describe('# proxylint-disable-next-line', () => {
  for (const { name, text, path, indent } of SYNTAXES) {
    describe(name, () => {
      test('without a comment: both rules report the entry, and the typo on the next one', () => {
        assert.deepEqual(found(text, path), ['duplicate-var@4', 'var-typo@4', 'var-typo@5']);
      });

      test('one id silences that rule on the next line only', () => {
        const commented = withCommentBeforeLine4(text, `${indent}# proxylint-disable-next-line var-typo`);
        assert.deepEqual(found(commented, path), ['duplicate-var@5', 'var-typo@6']);
      });

      test('several ids (spaces or commas) silence each of them', () => {
        for (const ids of ['var-typo duplicate-var', 'var-typo, duplicate-var']) {
          const commented = withCommentBeforeLine4(text, `${indent}# proxylint-disable-next-line ${ids}`);
          assert.deepEqual(found(commented, path), ['var-typo@6'], ids);
        }
      });

      test('no id silences every rule on the next line', () => {
        const commented = withCommentBeforeLine4(text, `${indent}# proxylint-disable-next-line`);
        assert.deepEqual(found(commented, path), ['var-typo@6']);
      });

      test('an explanation after -- is not read as ids', () => {
        const commented = withCommentBeforeLine4(text, `${indent}# proxylint-disable-next-line var-typo -- the app reads NOPROXY itself`);
        assert.deepEqual(found(commented, path), ['duplicate-var@5', 'var-typo@6']);
      });

      test('another rule id silences nothing', () => {
        const commented = withCommentBeforeLine4(text, `${indent}# proxylint-disable-next-line lowercase-missing`);
        assert.deepEqual(found(commented, path), ['duplicate-var@5', 'var-typo@5', 'var-typo@6']);
      });
    });
  }

  test('systemd: a ; comment works too, and blank or comment lines in between are skipped', () => {
    const text = '[Service]\n; proxylint-disable-next-line var-typo\n\n# why: legacy app\nEnvironment=NOPROXY=localhost\n';
    assert.deepEqual(found(text, '/etc/systemd/system/app.service'), []);
  });

  test('the text of a proxy value is not a comment: a "#" inside a value suppresses nothing', () => {
    const text = 'services:\n  a:\n    environment:\n      - "LABEL=# proxylint-disable-next-line"\n      - NOPROXY=localhost\n';
    assert.deepEqual(found(text, 'docker-compose.yml'), ['var-typo@5']);
  });
});

describe('severity settings (proxylint.rules, .proxylintrc.json)', () => {
  test('default severities', () => {
    const findings = lint(YAML, 'docker-compose.yml').findings;
    assert.deepEqual(findings.map((f) => `${f.rule}:${f.severity}`), ['duplicate-var:warning', 'var-typo:warning', 'var-typo:warning']);
    assert.equal(lint('[Service]\nEnvironment=A=%40\n', 'app.service').findings[0].severity, 'error');
  });

  test('a severity override changes every finding of that rule, and no other', () => {
    const findings = lint(YAML, 'docker-compose.yml', { rules: { 'var-typo': 'error', 'duplicate-var': 'hint' } }).findings;
    assert.deepEqual(findings.map((f) => `${f.rule}:${f.severity}`), ['duplicate-var:hint', 'var-typo:error', 'var-typo:error']);
  });

  test('off removes a rule; its fixes go with it', () => {
    assert.deepEqual(found(YAML, 'docker-compose.yml', { 'var-typo': 'off' }), ['duplicate-var@4']);
    assert.deepEqual(found(YAML, 'docker-compose.yml', { 'var-typo': 'off', 'duplicate-var': 'off' }), []);
  });

  test('settings for unknown rule ids change nothing', () => {
    assert.deepEqual(found(YAML, 'docker-compose.yml', { 'no-such-rule': 'off' }), ['duplicate-var@4', 'var-typo@4', 'var-typo@5']);
  });

  test('Docker JSON has no comments: the setting is the way to silence a rule there', () => {
    const text = '{"proxies":{"default":{"http-proxy":"http://p:3128","httpProxy":"http://p:3128","httpsProxy":"http://p:3128","noProxy":"localhost"}}}';
    assert.deepEqual(found(text, 'config.json').filter((f) => f.startsWith('docker-json-keys')), ['docker-json-keys@1']);
    assert.deepEqual(found(text, 'config.json', { 'docker-json-keys': 'off' }).filter((f) => f.startsWith('docker-json-keys')), []);
  });
});
