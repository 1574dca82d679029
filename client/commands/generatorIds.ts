// The generator commands: ids are stable (keybindings, tests and docs use
// them); package.json's `contributes.commands` lists the same ids and titles.
export const GENERATOR_COMMANDS = {
  systemdDropIn: { id: 'proxylint.generate.systemdDropIn', title: 'Generate systemd drop-in for Docker or GitLab Runner…' },
  runnerEnvironment: { id: 'proxylint.generate.runnerEnvironment', title: 'Add proxy environment to a GitLab Runner config.toml…' },
  dockerConfig: { id: 'proxylint.generate.dockerConfig', title: 'Add proxy settings to Docker config.json…' },
  compose: { id: 'proxylint.generate.compose', title: 'Add proxy environment to docker-compose services…' },
  encodePassword: { id: 'proxylint.generate.encodePassword', title: 'Encode a proxy password…' },
} as const;

export const COMMAND_CATEGORY = 'Proxy';
