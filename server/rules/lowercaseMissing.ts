// lowercase-missing: HTTP_PROXY / HTTPS_PROXY / NO_PROXY without the lowercase
// twin where curl, wget and git will read the environment.
import type { Rule } from './rule';
import { activeScopes, mayBeSetElsewhere } from './scopes';
import { envName } from '../proxy/variables';

/** Who ignores the uppercase spelling of each setting (proxy-semantics v02, v05, v13), and whose requests those are. */
// A Map: `setting in object` per assignment was the rule's hottest line.
const LOWERCASE_ONLY_READERS: ReadonlyMap<string, { readers: string; whose: string }> = new Map([
  ['http_proxy', { readers: 'curl, wget and git read only', whose: 'their' }],
  ['https_proxy', { readers: 'wget reads only', whose: 'its' }],
  ['no_proxy', { readers: 'wget reads only', whose: 'its' }],
]);

export const lowercaseMissing: Rule = {
  id: 'lowercase-missing',
  defaultSeverity: 'warning',
  description: 'An uppercase proxy variable has no lowercase twin, so curl, wget and git ignore the setting.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      // Go daemons read both spellings; Docker's JSON keys have no case.
      if (scope.consumer !== 'any-program' || mayBeSetElsewhere(scope)) continue;
      // A set, not a search per assignment: a scope with thousands of entries stays linear. Built on first use.
      let names: Set<string> | undefined;
      for (const assignment of scope.assignments) {
        const setting = assignment.setting;
        const readers = assignment.spelling === 'upper' && setting ? LOWERCASE_ONLY_READERS.get(setting) : undefined;
        if (!setting || !readers) continue;
        const twin = envName(setting, 'lower');
        names ??= new Set(scope.assignments.map((a) => a.name));
        if (names.has(twin)) continue;
        report({
          span: assignment.nameSpan,
          message: `${assignment.name} is set without ${twin} in ${scope.label}: ${readers.readers} ${twin}, so ${readers.whose} requests ignore this setting.`,
          fix: { title: `Add ${twin} with the same value`, operations: [{ op: 'insert-after', after: assignment, name: twin, value: assignment.value }] },
        });
      }
    }
  },
};
