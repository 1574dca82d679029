import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { COMMAND_CATEGORY, GENERATOR_COMMANDS } from '../../client/commands/generatorIds';

interface Manifest {
  activationEvents: string[];
  contributes: { commands: { command: string; title: string; category?: string }[] };
}

test('package.json contributes every generator command with the client’s id, title and the Proxy category', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
  for (const { id, title } of Object.values(GENERATOR_COMMANDS)) {
    assert.deepEqual(
      manifest.contributes.commands.find((c) => c.command === id),
      { command: id, title, category: COMMAND_CATEGORY },
      id,
    );
    assert.ok(manifest.activationEvents.includes(`onCommand:${id}`), `onCommand:${id}`);
  }
  assert.equal(COMMAND_CATEGORY, 'Proxy');
});
