// Env files: detection, the parser read the way docker compose reads them, and the writer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectFileKind } from '../../server/documents/detect';
import { parseDocumentOfKind } from '../../server/documents';
import { applyEdits, renderFix, type FixOperation } from '../../server/engine/fixes';
import type { Assignment } from '../../server/engine/model';
import { lint } from '../../server/engine/lint';

function parse(text: string) {
  return parseDocumentOfKind('env-file', text, '/srv/app/proxy.env');
}

function values(text: string): [string, string | null][] {
  return parse(text).scopes.flatMap((s) => s.assignments.map((a): [string, string | null] => [a.name, a.value]));
}

function edit(text: string, build: (assignments: Assignment[]) => FixOperation[]): string {
  const model = parse(text);
  return applyEdits(text, renderFix(model, { title: 'test', operations: build(model.scopes.flatMap((s) => s.assignments)) }));
}

describe('env file detection', () => {
  test('.env and *.env are env files; names that merely contain env are not', () => {
    assert.equal(detectFileKind('/srv/app/.env', ''), 'env-file');
    assert.equal(detectFileKind('/srv/app/proxy.env', ''), 'env-file');
    assert.equal(detectFileKind('C:\\app\\corp.env', ''), 'env-file');
    assert.equal(detectFileKind('/srv/app/env', ''), null);
    assert.equal(detectFileKind('/srv/app/.envrc', ''), null);
    assert.equal(detectFileKind('/srv/app/environment.yml', ''), null);
  });
});

describe('env file parser (compose-go dotenv semantics)', () => {
  test('comments, export, yaml-style colon, a bare name, blanks', () => {
    const text = '# corp proxy\n\nexport HTTP_PROXY=http://proxy:3128\n  NO_PROXY: localhost,127.0.0.1\nHOME_PROXY\nEMPTY=\n';
    assert.deepEqual(values(text), [['HTTP_PROXY', 'http://proxy:3128'], ['NO_PROXY', 'localhost,127.0.0.1'], ['HOME_PROXY', null], ['EMPTY', '']]);
  });

  test('unquoted values end at " #" and lose trailing blanks; "#" without a space is part of the value', () => {
    assert.deepEqual(values('A=x # comment\nB=pass#word\nC=a b  \r\n'), [['A', 'x'], ['B', 'pass#word'], ['C', 'a b']]);
  });

  test('single quotes are literal; double quotes unescape (\\$ is compose\'s literal $$); both may span lines', () => {
    const text = "B='${X} \\n'\nC=\"say \\\"hi\\\"\\n\\\\\"\nD=\"line1\nline2\"\nE=\"\\$HOME\"\n";
    assert.deepEqual(values(text), [['B', '${X} \\n'], ['C', 'say "hi"\n\\'], ['D', 'line1\nline2'], ['E', '$$HOME']]);
  });

  test('a quoted value followed by a comment', () => {
    assert.deepEqual(values('A="x y" # note\nB=\'z\'\n'), [['A', 'x y'], ['B', 'z']]);
  });

  test('spans: name, value, and value offsets for a value without escapes', () => {
    const text = 'export HTTP_PROXY="http://proxy:3128" # corp\n';
    const [a] = parse(text).scopes[0].assignments;
    assert.equal(text.slice(a.nameSpan.start, a.nameSpan.end), 'HTTP_PROXY');
    assert.equal(text.slice(a.valueSpan.start, a.valueSpan.end), '"http://proxy:3128"');
    assert.equal(a.valueOffsets?.(7), text.indexOf('proxy:3128'));
    assert.equal(a.setting, 'http_proxy');
    assert.equal(a.spelling, 'upper');
  });

  test('what compose rejects is a parse problem', () => {
    assert.match(parse('A="unterminated\n').parseProblem?.message ?? '', /quoted value is not closed/);
    assert.match(parse('MY VAR=1\n').parseProblem?.message ?? '', /cannot contain a space/);
    assert.match(parse('A$B=1\n').parseProblem?.message ?? '', /unexpected character "\$"/);
    assert.equal(lint('A="x\n', '.env').findings[0].rule, 'parse-error');
  });

  test('an env file is a scope of its own, read by any program', () => {
    const model = parse('HTTP_PROXY=http://proxy:3128\n');
    assert.equal(model.scopes.length, 1);
    assert.equal(model.scopes[0].consumer, 'any-program');
    assert.equal(model.scopes[0].label, 'env file proxy.env');
    assert.deepEqual(parse('# nothing\n').scopes, []);
  });
});

describe('env file writer', () => {
  test('insert after keeps export and puts the line after a trailing comment (CRLF kept)', () => {
    const text = 'export HTTP_PROXY=http://proxy:3128 # corp\r\nTZ=UTC\r\n';
    assert.equal(edit(text, (a) => [{ op: 'insert-after', after: a[0], name: 'http_proxy', value: 'http://proxy:3128' }]), 'export HTTP_PROXY=http://proxy:3128 # corp\r\nexport http_proxy=http://proxy:3128\r\nTZ=UTC\r\n');
  });

  test('replace value keeps the quote style, quoting where the plain form would change the value', () => {
    const text = "A=x\nB='y'\nC=\"z\"\n";
    assert.equal(edit(text, (a) => [{ op: 'replace-value', target: a[0], value: 'p w #1' }]), 'A="p w #1"\nB=\'y\'\nC="z"\n');
    assert.equal(edit(text, (a) => [{ op: 'replace-value', target: a[1], value: 'u:p%40s@h' }]), "A=x\nB='u:p%40s@h'\nC=\"z\"\n");
    assert.equal(edit(text, (a) => [{ op: 'replace-value', target: a[2], value: 'say "hi"\\' }]), 'A=x\nB=\'y\'\nC="say \\"hi\\"\\\\"\n');
  });

  test('a literal value with a quote moves to double quotes with $ escaped, and reads back the same', () => {
    const text = "A='x'\n";
    const fixed = edit(text, (a) => [{ op: 'replace-value', target: a[0], value: "it's $5" }]);
    assert.equal(fixed, 'A="it\'s \\$5"\n');
    // compose reads `\$` as `$$`, its literal dollar: the same text a single-quoted `$` stands for.
    assert.deepEqual(values(fixed), [['A', "it's $$5"]]);
  });

  test('rename and remove', () => {
    const text = 'HTTPPROXY=http://p:3128\nexport NO_PROXY=localhost\n';
    assert.equal(edit(text, (a) => [{ op: 'rename', target: a[0], name: 'HTTP_PROXY' }]), 'HTTP_PROXY=http://p:3128\nexport NO_PROXY=localhost\n');
    assert.equal(edit(text, (a) => [{ op: 'remove', target: a[0] }]), 'export NO_PROXY=localhost\n');
  });

  test('every value survives a round trip through writer and parser', () => {
    const samples = ['plain', 'with space', ' lead', 'trail ', 'a #b', '#x', "q'uote", 'd"quote', 'back\\slash', 'multi\nline', '${VAR}', "'start"];
    for (const quote of ['A=x\n', "A='x'\n", 'A="x"\n']) {
      for (const value of samples) {
        const fixed = edit(quote, (a) => [{ op: 'replace-value', target: a[0], value }]);
        const [[, read]] = values(fixed);
        const literal = quote.startsWith("A='");
        // A single-quoted original means a literal value: `$` comes back as compose's `$$` when it had to leave single quotes.
        const expected = literal && fixed.includes('"') ? value.replace(/\$/g, '$$$$') : value;
        assert.equal(read, expected, `${JSON.stringify(value)} written into ${JSON.stringify(quote)} as ${JSON.stringify(fixed)}`);
      }
    }
  });
});

test('env files are interpolated by compose: ${VAR} in a proxy password is no unencoded character', () => {
  const text = 'HTTP_PROXY=http://svc:${PROXY_PASSWORD}@proxy.corp.example:3128\nhttp_proxy="http://svc:${PROXY_PASSWORD}@proxy.corp.example:3128"\n';
  assert.deepEqual(lint(text, 'proxy.env').findings.filter((f) => f.rule === 'credentials-unencoded'), []);
  const raw = lint('http_proxy=http://svc:p@ss@proxy:3128\n', 'proxy.env').findings.filter((f) => f.rule === 'credentials-unencoded');
  assert.equal(raw.length, 1);
});
