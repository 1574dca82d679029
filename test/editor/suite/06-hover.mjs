import assert from 'node:assert/strict';
import { FILES } from './support/workspace.mjs';
import { positionOf, proxyPasswordsIn } from './support/expectations.mjs';

// The example's password, raw and percent-encoded: neither may be on screen.
const SECRETS = ['F@oBar!', 'F%40oBar'];
const WORKER_HTTP_PROXY = '- HTTP_PROXY=http://svc-repo:';
const GO_ROW = /^Go net\/http\b.* \| yes \| HTTP_PROXY = http:\/\/svc-repo:\*\*\*\*@proxy\.corp\.example:3128$/;
const CURL_ROW = /^curl \| no \| /;

function assertNoSecret(parts, where, text) {
  for (const secret of new Set([...SECRETS, ...proxyPasswordsIn(text)])) {
    assert.ok(parts.every((part) => !part.includes(secret)), `the hover on ${where} does not show the password (${secret.length} characters)`);
  }
}

export default {
  title: 'hover on HTTP_PROXY explains it per client, with the password masked',
  async run({ driver, log }) {
    await driver.openFile(FILES.compose);
    const text = await driver.readEditorText();
    const line = positionOf(text, WORKER_HTTP_PROXY);
    const onName = { line: line.line, character: line.character + '- '.length };

    const parts = await driver.hover(onName);
    assertNoSecret(parts, 'the name', text);
    const shown = parts.join('\n').split('\n');
    log(`hover: ${shown.length} lines, first: ${shown[0]}`);
    assert.ok(shown.includes('HTTP_PROXY: the proxy for http:// URLs'), `says what HTTP_PROXY is for; shown:\n${shown.join('\n')}`);
    assert.ok(shown.includes('In service "repo_worker":'), 'names the service it applies to');
    assert.ok(shown.some((row) => CURL_ROW.test(row)), `a row saying curl does not read HTTP_PROXY; shown:\n${shown.join('\n')}`);
    assert.ok(shown.some((row) => GO_ROW.test(row)), `a row with the URL Go uses, password masked; shown:\n${shown.join('\n')}`);

    // The value has a hover of its own (the URL's parts): no password there either.
    const onValue = { line: line.line, character: line.character + WORKER_HTTP_PROXY.length };
    const valueParts = await driver.hover(onValue);
    assert.ok(valueParts.length > 0, 'the proxy URL has a hover');
    assertNoSecret(valueParts, 'the URL', text);
  },
};
