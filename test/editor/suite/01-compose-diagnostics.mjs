import { FILES } from './support/workspace.mjs';
import { expectDiagnosticsShown } from './support/expectations.mjs';

export default {
  title: 'compose: lowercase-missing is reported (client hook), squiggled and listed in Problems',
  async run(context) {
    await expectDiagnosticsShown(context, FILES.compose, ['lowercase-missing']);
  },
};
