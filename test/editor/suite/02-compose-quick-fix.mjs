import assert from 'node:assert/strict';
import { FILES } from './support/workspace.mjs';
import { describeDiagnostic, sameDiagnostic } from '../lib/diagnostics.mjs';

const mentionsHttpProxy = (d) => d.code === 'lowercase-missing' && /\bHTTP_PROXY\b/.test(d.message);
const lowercaseHttpProxyLines = (text) => text.split('\n').filter((line) => /\bhttp_proxy\b/.test(line)).length;

export default {
  title: 'compose: the "Add http_proxy" quick fix edits the file and the diagnostic goes away',
  async run({ driver, log }) {
    await driver.openFile(FILES.compose);
    const before = await driver.waitForDiagnostics(FILES.compose, (found) => found.some(mentionsHttpProxy));
    const target = before.find(mentionsHttpProxy);
    const textBefore = await driver.readEditorText();

    await driver.moveCursor(target.range.start);
    const title = await driver.applyQuickFix('http_proxy');
    log(`applied "${title}" at ${describeDiagnostic(target)}`);

    await driver.waitForDiagnostics(FILES.compose, (found) => !found.some((d) => sameDiagnostic(d, target)));
    const textAfter = await driver.readEditorText();
    assert.equal(lowercaseHttpProxyLines(textAfter), lowercaseHttpProxyLines(textBefore) + 1,
      'the fix adds one http_proxy line');
    assert.equal(textAfter.split('\n').length, textBefore.split('\n').length + 1, 'and changes nothing else in length');
    await driver.assertDiagnosticGone(FILES.compose, target);
  },
};
