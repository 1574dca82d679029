// A client that supports pulling settings but refuses the server's request to
// register for their changes (dynamic registration is optional in LSP) still
// gets diagnostics: the refusal must not end the server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { diagnosticsOfOneRun, SERVER_PATH } from '../support/lspClient';

test('a refused registration for configuration changes does not end the server', async () => {
  const text = readFileSync('examples/broken/compose/docker-compose.yml', 'utf8');
  const run = await diagnosticsOfOneRun(SERVER_PATH, 'file:///registration/docker-compose.yml', text, { refuseRegistration: true });
  assert.ok(run.diagnostics.some((d) => d.code === 'lowercase-missing'), run.log);
  assert.equal(run.exitCode, 0, run.log);
});
