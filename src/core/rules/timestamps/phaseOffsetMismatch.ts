import { formatDuration } from '../../parse/time';
import type { Rule } from '../rule';

/** Reports a phase whose `T+N` label disagrees with its first event's offset from the start. */
export const phaseOffsetMismatch: Rule = {
  id: 'PM105',
  name: 'phase-offset-mismatch',
  description: "A phase's T+N label must match the time from the incident start to the phase's first event.",
  category: 'timestamps',
  defaultSeverity: 'error',
  fixable: true,
  check({ model, lines, report }) {
    for (const phase of model.phases) {
      if (phase.offsetSeconds === undefined || !phase.offsetRange) continue;
      const offsets = phase.events.map((i) => model.timeline[i]?.offsetSeconds).filter((o): o is number => o !== undefined);
      if (offsets.length === 0) continue;
      const first = Math.min(...offsets);
      const firstEvent = model.timeline[phase.events.find((i) => model.timeline[i]?.offsetSeconds === first)!];
      const labelText = (lines[phase.offsetRange.start.line] ?? '').slice(phase.offsetRange.start.character, phase.offsetRange.end.character);
      const unit = unitOfLabel(labelText);
      if (Math.abs(first - phase.offsetSeconds) < unit.seconds) continue;
      const replacement = formatOffsetLike(first, labelText, unit);
      report({
        message: `Phase label ${labelText} says the phase starts ${formatDuration(phase.offsetSeconds)} after the incident start, but its first event (${firstEvent.raw}) is at ${formatSigned(first)}; expected ${replacement}.`,
        range: phase.offsetRange,
        related: [{ range: firstEvent.timeRange, message: `The phase's first event, at ${firstEvent.raw}.` }],
        fix: { title: `Change the label to ${replacement}`, edits: [{ range: phase.offsetRange, newText: replacement }] },
      });
    }
  },
};

interface LabelUnit {
  seconds: number;
  suffix: string;
}

function unitOfLabel(label: string): LabelUnit {
  const suffix = /\d\s*([A-Za-z]*)\s*$/.exec(label)?.[1] ?? '';
  const lower = suffix.toLowerCase();
  if (/^(s|sec|secs|seconds?)$/.test(lower)) return { seconds: 1, suffix };
  if (/^(h|hr|hrs|hours?)$/.test(lower)) return { seconds: 3600, suffix };
  return { seconds: 60, suffix };
}

/** "T+5min" with 900 s -> "T+15min"; "T+0" with 120 s -> "T+2min". */
function formatOffsetLike(seconds: number, label: string, unit: LabelUnit): string {
  const prefix = /^T\s*[+-]\s*/i.exec(label)?.[0].replace(/-/, '+') ?? 'T+';
  const sign = seconds < 0 ? '-' : '';
  const count = Math.round(Math.abs(seconds) / unit.seconds);
  const space = /\d\s+[A-Za-z]/.test(label) ? ' ' : '';
  const suffix = unit.suffix || 'min';
  return `${sign ? prefix.replace('+', '-') : prefix}${count}${space}${suffix}`;
}

function formatSigned(seconds: number): string {
  return seconds < 0 ? `-${formatDuration(-seconds)}` : `+${formatDuration(seconds)}`;
}
