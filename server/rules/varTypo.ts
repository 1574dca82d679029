// var-typo: a misspelled proxy or CA-bundle variable (`HTTPPROXY`,
// `HTTP-PROXY`, `NO_PROXIES`, `REQUEST_CA_BUNDLE`...). No program reads the
// misspelled name, so the setting silently does nothing.
import { misspellingOf } from '../proxy/misspellings';
import type { Rule } from './rule';
import { activeScopes } from './scopes';

export const varTypo: Rule = {
  id: 'var-typo',
  defaultSeverity: 'warning',
  description: 'A misspelled proxy or CA-bundle variable name that no program reads.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      for (const assignment of scope.assignments) {
        // Docker's JSON keys are docker-json-keys' business.
        if (assignment.spelling === 'json-key') continue;
        const misspelling = misspellingOf(assignment.name);
        if (!misspelling) continue;
        const { correct } = misspelling;
        const alreadySet = scope.assignments.some((a) => a.name === correct);
        report({
          span: assignment.nameSpan,
          message: alreadySet
            ? `${assignment.name} looks like a misspelling of ${correct}, which ${scope.label} also sets: no program reads ${assignment.name}. Remove it, or merge its value into ${correct}.`
            : `${assignment.name} looks like a misspelling of ${correct}: no program reads ${assignment.name} (${misspelling.readers}), so this setting has no effect.`,
          fix: alreadySet ? undefined : { title: `Rename to ${correct}`, operations: [{ op: 'rename', target: assignment, name: correct }] },
        });
      }
    }
  },
};
