import { FILES } from './support/workspace.mjs';
import { expectDiagnosticsShown } from './support/expectations.mjs';

// The example's headline mistake (DOCKER_HOST=tcp://docker:2375, and no
// docker:2375 in NO_PROXY); every diagnostic of the file is checked to be
// shown, whatever its code.
const EXPECTED_CODES = ['dind-no-proxy'];

export default {
  title: 'GitLab Runner config.toml: proxylint diagnostics are reported, squiggled and listed in Problems',
  async run(context) {
    await expectDiagnosticsShown(context, FILES.runnerConfig, EXPECTED_CODES);
  },
};
