import { formatDuration } from '../../parse/time';
import type { Rule } from '../rule';

/** Reports checklist phase ranges `(T+a to T+b)` that overlap, leave gaps or run past the end. */
export const checklistPhaseRanges: Rule = {
  id: 'PM106',
  name: 'checklist-phase-ranges',
  description: 'Checklist phase ranges must follow each other without overlaps or gaps and end within the incident.',
  category: 'timestamps',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, report }) {
    const phases = model.checklistPhases;
    const t = (s: number) => `T+${formatDuration(s)}`;
    phases.forEach((phase, i) => {
      if (phase.endSeconds < phase.startSeconds) {
        report({ message: `Phase range ends (${t(phase.endSeconds)}) before it starts (${t(phase.startSeconds)}); expected an end after the start.`, range: phase.rangeOfOffsets });
        return;
      }
      const previous = phases[i - 1];
      if (previous && previous.endSeconds >= previous.startSeconds) {
        const related = [{ range: previous.rangeOfOffsets, message: `The previous phase ends at ${t(previous.endSeconds)}.` }];
        if (phase.startSeconds < previous.endSeconds) {
          report({ message: `Phase starts at ${t(phase.startSeconds)}, inside the previous phase (which ends at ${t(previous.endSeconds)}); expected a start at ${t(previous.endSeconds)}.`, range: phase.rangeOfOffsets, related });
        } else if (phase.startSeconds > previous.endSeconds) {
          report({ message: `Gap of ${formatDuration(phase.startSeconds - previous.endSeconds)} between the previous phase (ending at ${t(previous.endSeconds)}) and this one; expected a start at ${t(previous.endSeconds)}.`, range: phase.rangeOfOffsets, related });
        }
      }
      const duration = model.derived.durationSeconds;
      if (duration !== undefined && phase.endSeconds > duration + 59) {
        const stated = model.metadata.duration ?? model.metadata.end;
        report({
          message: `Phase runs to ${t(phase.endSeconds)}, past the end of the incident (${t(duration)}); expected it to end by ${t(duration)}.`,
          range: phase.rangeOfOffsets,
          related: stated ? [{ range: stated.range, message: 'The incident duration.' }] : undefined,
        });
      }
    });
  },
};
