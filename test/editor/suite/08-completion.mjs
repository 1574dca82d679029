import assert from 'node:assert/strict';
import { waitFor } from '../lib/waitFor.mjs';
import { FILES } from './support/workspace.mjs';

// In repo_worker's environment list, below DOCKER_HOST: type "- no", take
// no_proxy, then take the docker-in-docker entry the server offers for it.
const AFTER = '      - DOCKER_HOST=tcp://docker:2375';
const NAMES = ['NO_PROXY', 'no_proxy'];
const ENTRIES = ['localhost', '127.0.0.1', 'docker:2375,docker:2376', 'repo_api'];

// The editor's text with `line` inserted after the DOCKER_HOST line.
function withLineAfterDockerHost(text, line) {
  const lines = text.split('\n');
  const index = lines.indexOf(AFTER);
  assert.ok(index >= 0, `the compose file has the line "${AFTER.trim()}"`);
  lines.splice(index + 1, 0, line);
  return lines.join('\n');
}

async function waitForSuggestions(driver, expected) {
  let listed = [];
  await waitFor(async () => {
    listed = await driver.suggestionLabels();
    return expected.every((label) => listed.includes(label));
  }, { what: `suggestions ${JSON.stringify(expected)}` }).catch((error) => {
    throw new Error(`${error.message}; listed: ${JSON.stringify(listed)}`);
  });
  return listed;
}

async function waitForText(driver, expected, what) {
  let shown = '';
  await waitFor(async () => (shown = await driver.readEditorText()) === expected, { what }).catch((error) => {
    assert.equal(shown, expected, error.message);
  });
}

export default {
  title: 'completion: no_proxy and its docker-in-docker entry, typed in a compose environment list',
  async run({ driver, log }) {
    await driver.openFile(FILES.compose);
    const before = await driver.readEditorText();
    const lineIndex = before.split('\n').indexOf(AFTER);
    assert.ok(lineIndex >= 0, `the compose file has the line "${AFTER.trim()}"`);

    await driver.moveCursor({ line: lineIndex, character: AFTER.length });
    await driver.typeText('\n- no');
    await driver.triggerSuggest();
    const names = await waitForSuggestions(driver, NAMES);
    log(`after "- no": ${names.join(', ')}`);
    await driver.acceptSuggestion('no_proxy');
    await waitForText(driver, withLineAfterDockerHost(before, '      - no_proxy='), 'the line "      - no_proxy="');

    await driver.triggerSuggest();
    const entries = await waitForSuggestions(driver, ENTRIES);
    log(`after "no_proxy=": ${entries.join(', ')}`);
    await driver.acceptSuggestion('docker:2375,docker:2376');
    await waitForText(driver, withLineAfterDockerHost(before, '      - no_proxy=docker:2375,docker:2376'),
      'the line "      - no_proxy=docker:2375,docker:2376"');
  },
};
