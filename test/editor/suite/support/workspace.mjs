// The files the scenarios open, relative to the workspace: a fresh copy of
// examples/broken/ made by the runner for every run.
export const FILES = {
  compose: 'compose/docker-compose.yml',
  systemdDropIn: 'systemd/docker.service.d/http-proxy.conf',
  systemdAppDropIn: 'systemd/app.service.d/proxy.conf',
  runnerConfig: 'runner/config.toml',
  dockerClientConfig: 'docker/config.json',
};
