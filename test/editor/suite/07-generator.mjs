import assert from 'node:assert/strict';
import { waitFor } from '../lib/waitFor.mjs';

// Proxy: Generate systemd drop-in… -- daemon → proxy URL → user (none) →
// extra NO_PROXY hosts → a new editor with the drop-in.
const COMMAND = 'Proxy: Generate systemd drop-in for Docker or GitLab Runner…';
const PROXY_URL = 'http://proxy.example.test:3128';

export default {
  title: 'command palette: generate a systemd drop-in for Docker end to end',
  async run({ driver, log }) {
    await driver.runCommand(COMMAND);
    await driver.pickQuickPick('Docker daemon');
    await driver.answerInputBox(PROXY_URL);
    await driver.answerInputBox(''); // no proxy user
    await driver.answerInputBox('.corp.example');
    const text = await waitFor(async () => {
      const shown = await driver.readEditorText();
      return shown.includes('[Service]') && shown;
    }, { what: 'the generated drop-in in the editor' });
    for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
      assert.match(text, new RegExp(`\\b${name}=`), `the drop-in sets ${name}`);
    }
    assert.ok(text.includes(PROXY_URL), 'the drop-in uses the proxy URL');
    assert.match(text, /\.corp\.example/, 'NO_PROXY has the extra host');
    log(`generated ${text.split('\n').length} lines`);
  },
};
