import { formatDuration } from '../../parse/time';
import type { Rule } from '../rule';

/** Reports an event that comes after another along the timeline but carries an earlier time. */
export const timelineOrder: Rule = {
  id: 'PM102',
  name: 'timeline-order',
  description: 'Events must be in time order along the timeline (list and table order, Mermaid edges).',
  category: 'timestamps',
  defaultSeverity: 'error',
  fixable: false,
  check({ model, report }) {
    const events = model.timeline;
    for (const event of events) {
      if (event.offsetSeconds === undefined) continue;
      for (const index of event.after) {
        const previous = events[index];
        if (previous?.offsetSeconds === undefined || previous.offsetSeconds <= event.offsetSeconds) continue;
        report({
          message:
            `Event at ${event.raw} comes after the event at ${previous.raw} but is ${formatDuration(previous.offsetSeconds - event.offsetSeconds)} earlier; ` +
            `expected a time at or after ${previous.raw}.`,
          range: event.timeRange,
          related: [{ range: previous.timeRange, message: `The event it follows, at ${previous.raw}.` }],
        });
      }
    }
  },
};
