import type { Rule } from '../rule';

/** Reports clock values that cannot exist, such as 25:10 or 14:61. */
export const invalidClockTime: Rule = {
  id: 'PM101',
  name: 'invalid-clock-time',
  description: 'Timeline timestamps must be real clock values (hours 00-23, minutes and seconds 00-59).',
  category: 'timestamps',
  defaultSeverity: 'error',
  fixable: false,
  check({ model, report }) {
    for (const event of model.timeline) {
      if (!event.invalid) continue;
      report({ message: `Impossible time "${event.raw}": ${event.invalid}.`, range: event.timeRange });
    }
  },
};
