// The built CLI as a process: colour on a terminal (a pseudo-terminal made by
// script(1)), none in pipes, and the flags and NO_COLOR that decide over both.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { CLI_PATH, cleanEnv, projectTree, runCli } from '../support/cli';

const ESC = '\u001b[';
const WARNING_FILE = { 'docker-compose.yml': 'services:\n  a:\n    environment:\n      HTTP_PROXY: http://proxy:3128\n      HTTPS_PROXY: http://proxy:3128\n      https_proxy: http://proxy:3128\n      NO_PROXY: localhost\n      no_proxy: localhost\n' };

/** Runs the CLI with its standard output on a pseudo-terminal; returns what the terminal showed. */
function onTerminal(args: string, env: NodeJS.ProcessEnv = cleanEnv()): { status: number | null; output: string } {
  const root = projectTree(WARNING_FILE);
  const result = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI_PATH}" ${args}`, '/dev/null'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env, timeout: 30_000 });
  return { status: result.status, output: result.stdout.replace(/\r\n/g, '\n') };
}

describe('colour', () => {
  test('on a terminal the text format is coloured: location bold, severity yellow for a warning, rule dim', () => {
    const { status, output } = onTerminal('.');
    assert.equal(status, 1);
    const [line] = output.split('\n');
    assert.match(line, /^\u001b\[1mdocker-compose\.yml:4:7\u001b\[22m \u001b\[33mwarning\u001b\[39m \u001b\[2mlowercase-missing\u001b\[22m HTTP_PROXY is set without http_proxy/);
    assert.ok(output.trimEnd().endsWith(`${ESC}1m${ESC}33m1 problem (0 errors, 1 warning, 0 info, 0 hints)${ESC}39m${ESC}22m`));
  });

  test('--no-color and NO_COLOR turn it off on a terminal', () => {
    for (const { status, output } of [onTerminal('--no-color .'), onTerminal('.', cleanEnv({ NO_COLOR: '1' }))]) {
      assert.equal(status, 1);
      assert.ok(!output.includes(ESC), output);
      assert.match(output, /^docker-compose\.yml:4:7 warning lowercase-missing /);
    }
  });

  test('a pipe gets no colour; --color forces it (and wins over NO_COLOR)', () => {
    const root = projectTree(WARNING_FILE);
    const piped = runCli(['.'], { cwd: root });
    assert.ok(!piped.stdout.includes(ESC));
    assert.match(piped.stdout, /^docker-compose\.yml:4:7 warning lowercase-missing .*\n\n1 problem \(0 errors, 1 warning, 0 info, 0 hints\)\n$/);
    assert.ok(runCli(['--color', '.'], { cwd: root }).stdout.startsWith(`${ESC}1mdocker-compose.yml:4:7`));
    assert.ok(runCli(['--color', '.'], { cwd: root, env: cleanEnv({ NO_COLOR: '1' }) }).stdout.includes(ESC));
  });

  test('machine formats are never coloured, even on a terminal with --color', () => {
    for (const format of ['json', 'sarif', 'gitlab']) {
      const { output } = onTerminal(`--color -f ${format} .`);
      assert.ok(!output.includes(ESC), format);
      JSON.parse(output);
    }
  });
});
