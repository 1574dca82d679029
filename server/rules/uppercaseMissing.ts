// uppercase-missing: http_proxy / https_proxy / no_proxy without the uppercase
// twin where any program may read the environment. Every measured client reads
// the lowercase spelling (proxy-semantics v01, v04, v12), so the message says
// so; the uppercase one is what Docker, GitLab Runner and Go programs document,
// and tools written against that documentation may read only it (not measured).
import { ALL_CLIENTS, readsVariable } from '../proxy/clients';
import { BoundedMemo } from '../proxy/memo';
import { envName } from '../proxy/variables';
import type { Rule } from './rule';
import { clientList } from './scopeClients';
import { activeScopes, mayBeSetElsewhere } from './scopes';

const TWINNED_SETTINGS: ReadonlySet<string> = new Set(['http_proxy', 'https_proxy', 'no_proxy']);

export const uppercaseMissing: Rule = {
  id: 'uppercase-missing',
  defaultSeverity: 'warning',
  description: 'A lowercase proxy variable has no uppercase twin, the spelling Docker, GitLab Runner and Go programs document.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      // Go daemons read both spellings; Docker's JSON keys have no case.
      if (scope.consumer !== 'any-program') continue;
      // The twin may be set in an env_file / EnvironmentFile=, or this is such a file.
      if (mayBeSetElsewhere(scope)) continue;
      // A set, not a search per assignment: a scope with thousands of entries stays linear. Built on first use.
      let names: Set<string> | undefined;
      for (const assignment of scope.assignments) {
        if (assignment.spelling !== 'lower' || !assignment.setting || !TWINNED_SETTINGS.has(assignment.setting)) continue;
        const twin = envName(assignment.setting, 'upper');
        names ??= new Set(scope.assignments.map((a) => a.name));
        if (names.has(twin)) continue;
        const fine = whoReads(assignment.name);
        report({
          span: assignment.nameSpan,
          message: `${assignment.name} is set without ${twin} in ${scope.label}: ${fine}, but ${twin} is the spelling Docker, GitLab Runner and Go programs document, so tools written against that documentation may read only ${twin}.`,
          fix: { title: `Add ${twin} with the same value`, operations: [{ op: 'insert-after', after: assignment, name: twin, value: assignment.value }] },
        });
      }
    }
  },
};

/** Which clients read a lowercase name, for the message: the same few names in every scope, so worded once each. */
const readersMemo = new BoundedMemo<string>(256, 256);

function whoReads(name: string): string {
  return readersMemo.get(name, () => {
    const readers = ALL_CLIENTS.filter((client) => readsVariable(client, name));
    return readers.length === ALL_CLIENTS.length ? `every measured client (${clientList(readers)}) reads ${name}` : `${clientList(readers)} read ${name}`;
  });
}
