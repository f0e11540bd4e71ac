import type { Rule } from '../rule';

/** Reports a timeline whose times have no zone at all. */
export const undeclaredTimeZone: Rule = {
  id: 'PM108',
  name: 'undeclared-time-zone',
  description: 'A timeline should say which time zone its times are in.',
  category: 'timestamps',
  defaultSeverity: 'info',
  fixable: false,
  check({ model, build, report }) {
    const first = model.timeline[0];
    if (!first || build.declaredZone || build.eventsWithExplicitZone.size > 0) return;
    report({
      message: `Timeline times have no time zone; expected one declared once (for example "All times UTC") or written beside the times.`,
      range: first.timeRange,
    });
  },
};
