// systemd-section: `Environment=` outside `[Service]`. systemd reads it only
// there; elsewhere it ignores the line with a warning (systemd 252: "Unknown
// key 'Environment' in section [Unit], ignoring.", and "Assignment outside of
// section. Ignoring." before any header), so the service runs without the proxy.
import type { Rule } from './rule';

export const systemdSection: Rule = {
  id: 'systemd-section',
  defaultSeverity: 'error',
  description: 'Environment= outside the [Service] section is ignored by systemd.',
  check(model, report) {
    for (const scope of model.scopes) {
      const misplaced = scope.misplaced;
      if (!misplaced) continue;
      const header = `[${misplaced.expectedSection}]`;
      const where = misplaced.section === null ? 'before any section header' : `in [${misplaced.section}]`;
      const names = [...new Set(scope.assignments.map((a) => a.name))].join(', ');
      // A header inserted before the lines takes in everything down to the next header: only safe when nothing else follows them.
      const fixable = !misplaced.followedByOtherLines && !misplaced.expectedSectionExists;
      const advice = fixable
        ? `Start ${header} above it.`
        : misplaced.expectedSectionExists
          ? `Move it into the existing ${header} section.`
          : `Move it into a ${header} section: other lines of this section follow it.`;
      report({
        span: scope.anchor,
        message: `Environment= ${where} is ignored: systemd reads it only in ${header}, so the service never receives ${names}. ${advice}`,
        fix: fixable ? { title: `Add the ${header} header`, operations: [{ op: 'insert-section-header', before: scope.assignments[0], header: misplaced.expectedSection }] } : undefined,
      });
    }
  },
};
