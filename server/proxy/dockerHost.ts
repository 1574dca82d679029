// Docker-in-docker evidence from DOCKER_HOST.
import type { Assignment, DindUse } from '../engine/model';

const DOCKER_HOST_TCP = /^tcp:\/\/([^:/\s]+)(?::(\d+))?/i;

/** `DOCKER_HOST=tcp://docker:2375` means the docker CLI talks to a daemon at `docker` over TCP. */
export function dindFromDockerHost(environment: Assignment[]): DindUse | null {
  for (const assignment of environment) {
    if (assignment.name !== 'DOCKER_HOST' || !assignment.value) continue;
    const tcp = DOCKER_HOST_TCP.exec(assignment.value.trim());
    if (tcp && !/^(localhost|127\.[\d.]+|\[?::1\]?)$/i.test(tcp[1])) return { host: tcp[1], evidence: `DOCKER_HOST=${tcp[0]}` };
  }
  return null;
}
