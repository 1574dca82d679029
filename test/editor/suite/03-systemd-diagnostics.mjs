import { FILES } from './support/workspace.mjs';
import { expectDiagnosticsShown } from './support/expectations.mjs';

// The example's headline mistake (the password's '@' and '!'); every diagnostic of the file is
// checked to be shown, whatever its code.
const EXPECTED_CODES = ['credentials-unencoded'];

export default {
  title: 'systemd drop-in: proxylint diagnostics are reported, squiggled and listed in Problems',
  async run(context) {
    await expectDiagnosticsShown(context, FILES.systemdDropIn, EXPECTED_CODES);
  },
};
