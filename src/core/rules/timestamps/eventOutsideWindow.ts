import { formatDuration } from '../../parse/time';
import type { Rule } from '../rule';

/** Reports events before the incident start or after its end. */
export const eventOutsideWindow: Rule = {
  id: 'PM103',
  name: 'event-outside-window',
  description: 'Timeline events should fall between the incident start and end stated in the overview.',
  category: 'timestamps',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, report }) {
    const { start, end } = model.metadata;
    const duration = model.derived.durationSeconds;
    if (!start?.time || (!end?.time && model.metadata.duration?.seconds === undefined) || duration === undefined) return;
    for (const event of model.timeline) {
      const offset = event.offsetSeconds;
      if (offset === undefined) continue;
      if (offset < 0) {
        report({
          message: `Event at ${event.raw} is ${formatDuration(-offset)} before the incident start (${start.raw}); expected it at or after the start, or a start that includes it.`,
          range: event.timeRange,
          related: [{ range: start.range, message: 'The stated start.' }],
        });
      } else if (offset > duration) {
        const limit = end ?? model.metadata.duration!;
        report({
          message: `Event at ${event.raw} is ${formatDuration(offset - duration)} after the incident end (${limit.raw}); expected it at or before the end, or an end that includes it.`,
          range: event.timeRange,
          related: [{ range: limit.range, message: end ? 'The stated end.' : 'The stated duration.' }],
        });
      }
    }
  },
};
