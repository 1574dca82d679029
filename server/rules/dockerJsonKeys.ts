// docker-json-keys: proxy keys Docker does not read. config.json
// (`proxies.default`) takes `httpProxy`, `httpsProxy`, `noProxy`, `ftpProxy`,
// `allProxy` and silently ignores anything else; daemon.json (`proxies`)
// takes `http-proxy`, `https-proxy`, `no-proxy`, and dockerd refuses to start
// on any other key ("the following directives don't match any configuration
// option"). The two spellings are easy to swap.
import type { Assignment, ProxySetting } from '../engine/model';
import { editDistance } from '../proxy/editDistance';
import { dockerKeyAccepted, dockerKeyFor, dockerKeysOf, settingOfAnyDockerSpelling, squashName, type DockerJsonFile } from '../proxy/variables';
import type { Rule, RuleFinding } from './rule';

const FILE_NAME: Readonly<Record<DockerJsonFile, string>> = { 'docker-client': 'config.json', 'docker-daemon': 'daemon.json' };
const OTHER_FILE: Readonly<Record<DockerJsonFile, DockerJsonFile>> = { 'docker-client': 'docker-daemon', 'docker-daemon': 'docker-client' };
const CONSEQUENCE: Readonly<Record<DockerJsonFile, string>> = {
  'docker-client': 'the docker CLI ignores it without a word, so containers and builds get no such proxy setting',
  'docker-daemon': "dockerd refuses to start (\"the following directives don't match any configuration option\")",
};

export const dockerJsonKeys: Rule = {
  id: 'docker-json-keys',
  defaultSeverity: 'error',
  description: "A proxy key Docker does not read: daemon.json's spelling in config.json or the reverse, or an unknown key.",
  check(model, report) {
    if (model.kind !== 'docker-client' && model.kind !== 'docker-daemon') return;
    const file: DockerJsonFile = model.kind;
    for (const scope of model.scopes) {
      for (const assignment of scope.assignments) {
        if (dockerKeyAccepted(assignment.name, file)) continue;
        const finding = problemOf(assignment, file);
        if (finding) report(finding);
      }
    }
  },
};

function problemOf(assignment: Assignment, file: DockerJsonFile): RuleFinding {
  const key = assignment.name;
  const here = FILE_NAME[file];
  const valid = dockerKeysOf(file).join(', ');
  if (file === 'docker-daemon' && key === 'default' && assignment.value === null) {
    return { span: assignment.nameSpan, message: `daemon.json has no "proxies.default": ${CONSEQUENCE[file]}. Put ${valid} directly in "proxies" (config.json is the file with "proxies.default").` };
  }
  const setting = settingOfAnyDockerSpelling(key) ?? nearestSetting(key);
  const correct = setting ? dockerKeyFor(setting, file) : null;
  const otherFile = dockerKeyAccepted(key, OTHER_FILE[file]);
  const what = otherFile ? `"${key}" is the ${FILE_NAME[OTHER_FILE[file]]} spelling` : `"${key}" is not a key ${here} reads`;
  if (!correct) {
    const missing = setting && !correct ? ` ${here} has no ${setting} setting.` : '';
    return { span: assignment.nameSpan, message: `${what}: ${CONSEQUENCE[file]}.${missing} The proxy keys of ${here} are ${valid}.` };
  }
  return {
    span: assignment.nameSpan,
    message: `${what}: ${CONSEQUENCE[file]}. Use "${correct}".`,
    fix: { title: `Rename to "${correct}"`, operations: [{ op: 'rename', target: assignment, name: correct }] },
  };
}

/** A key one edit away from exactly one Docker proxy key (`htpProxy`, `no-prxy`). */
function nearestSetting(key: string): ProxySetting | null {
  const squashed = squashName(key);
  const candidates = (['http_proxy', 'https_proxy', 'no_proxy', 'ftp_proxy', 'all_proxy'] as const).filter((setting) => {
    const real = squashName(setting);
    return squashed.length >= 5 && real[0] === squashed[0] && editDistance(real, squashed) === 1;
  });
  return candidates.length === 1 ? candidates[0] : null;
}
