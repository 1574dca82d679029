// duplicate-var: the same variable twice in one scope. Compose (list form),
// systemd (`Environment=`, systemd.exec(5): "the later setting will override
// the earlier"), GitLab Runner, Docker's JSON and env files keep the last
// one, so the earlier one is dead text that misleads the next reader. In a
// compose map docker compose rejects the file outright (YAML keys must be unique).
import type { Assignment } from '../engine/model';
import type { Rule } from './rule';
import { activeScopes } from './scopes';
import { lineOf } from '../documents/text';

/** compose-go decodes YAML with unique keys ("mapping key ... already defined"); list entries become a map where the last one wins. */
const COMPOSE_CONSEQUENCE = 'in an environment map docker compose refuses the whole file ("mapping key already defined"), and in a list only the later one reaches the container';

export const duplicateVar: Rule = {
  id: 'duplicate-var',
  defaultSeverity: 'warning',
  description: 'The same variable is set twice in one scope; only the last one takes effect.',
  check(model, report) {
    for (const scope of activeScopes(model)) {
      const byName = new Map<string, Assignment[]>();
      for (const assignment of scope.assignments) {
        const same = byName.get(assignment.name);
        if (same) same.push(assignment);
        else byName.set(assignment.name, [assignment]);
      }
      for (const [name, assignments] of byName) {
        if (assignments.length < 2) continue;
        // Parsers list assignments in document order, except merged (`<<:`) ones, which come last: sort by position.
        const ordered = [...assignments].sort((a, b) => a.span.start - b.span.start);
        const winner = ordered[ordered.length - 1];
        const line = lineOf(model.text, winner.span.start) + 1;
        const same = ordered.every((a) => a.value === winner.value);
        for (const dead of ordered.slice(0, -1)) {
          report({
            span: dead.nameSpan,
            message: `${name} is set again on line ${line} in ${scope.label}${same ? ' with the same value' : ''}: ${model.kind === 'compose' ? COMPOSE_CONSEQUENCE : 'the later one is the one programs receive, so this one has no effect'}. Remove this one.`,
            related: [{ span: winner.nameSpan, message: `${name} set again here` }],
            fix: { title: `Remove this ${name}`, operations: [{ op: 'remove', target: dead }] },
          });
        }
      }
    }
  },
};
