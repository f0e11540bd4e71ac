import type { PostmortemModel, TimelineEvent } from '../model/types.generated';
import { formatClock, formatDuration } from './format';
import type { MarkerKind, TimelineView, TimelineViewEvent, TimelineViewSection, TimelineViewSpan, TimelineViewTick } from './types';

const DAY = 86400;
/** Tick steps, in seconds, from which the axis picks the smallest giving at most `maxTicks` ticks. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, DAY, 2 * DAY, 7 * DAY];

export interface TimelineViewOptions {
  /** At most this many ticks on the axis (default 8). */
  maxTicks?: number;
  /** At most this many events drawn (default 400); the rest are listed in `skipped`. */
  maxEvents?: number;
}

const SPAN_KINDS = [
  { kind: 'detect', short: 'TTD', label: 'Time to detect', event: 'detectionEvent', seconds: 'timeToDetectSeconds' },
  { kind: 'mitigate', short: 'TTM', label: 'Time to mitigate', event: 'mitigationEvent', seconds: 'timeToMitigateSeconds' },
  { kind: 'resolve', short: 'TTR', label: 'Time to resolve', event: 'resolutionEvent', seconds: 'timeToResolveSeconds' },
] as const;

/**
 * The time-proportional chart of a post-mortem's timeline, whatever the timeline was written as
 * (Mermaid nodes, a table, a list, headings): phases become sections of rows, each event a
 * milestone on its own row at its time, and the incident start, detection, mitigation and
 * resolution are marked, with bars for the time to detect, mitigate and resolve.
 */
export function buildTimelineView(model: PostmortemModel, options: TimelineViewOptions = {}): TimelineView {
  const maxTicks = Math.max(2, options.maxTicks ?? 8);
  const maxEvents = Math.max(1, options.maxEvents ?? 400);
  const skipped: TimelineView['skipped'] = [];
  const offsets = offsetsOf(model.timeline);

  const drawable: number[] = [];
  model.timeline.forEach((event, index) => {
    if (event.invalid) skipped.push({ index, reason: event.invalid });
    else if (offsets[index] === undefined) skipped.push({ index, reason: 'no usable time' });
    else if (drawable.length >= maxEvents) skipped.push({ index, reason: `only the first ${maxEvents} events are drawn` });
    else drawable.push(index);
  });
  const axisOf = (startSeconds: number, endSeconds: number): TimelineView['axis'] => ({ startSeconds, endSeconds });
  if (drawable.length === 0) {
    return {
      events: [], sections: [], spans: [], ticks: [], rows: 0, skipped, axis: axisOf(0, 0),
      empty: model.timeline.length === 0
        ? 'No timeline found: write one as a Mermaid flowchart with timed nodes, a table with a time column, or a list of times.'
        : 'No event of the timeline has a usable time.',
    };
  }

  // The axis covers every event, the incident start and its stated end.
  const derived = model.derived;
  let startSeconds = 0;
  let endSeconds = derived.durationSeconds ?? 0;
  for (const index of drawable) {
    startSeconds = Math.min(startSeconds, offsets[index]!);
    endSeconds = Math.max(endSeconds, offsets[index]!);
  }
  if (endSeconds - startSeconds < 60) {
    const middle = (startSeconds + endSeconds) / 2;
    startSeconds = middle - 30;
    endSeconds = middle + 30;
  }
  const xOf = (seconds: number) => round((seconds - startSeconds) / (endSeconds - startSeconds));

  // The clock: the reference event's time of day at its offset.
  const referenceIndex = derived.startEvent !== undefined && offsets[derived.startEvent] !== undefined ? derived.startEvent : drawable[0];
  const reference = model.timeline[referenceIndex];
  const clockAtZero = reference.secondOfDay - offsets[referenceIndex]!;
  const firstDay = Math.floor((clockAtZero + startSeconds) / DAY);
  const withSeconds = drawable.some((index) => model.timeline[index].secondOfDay % 60 !== 0);

  const markers = new Map<number, MarkerKind[]>();
  const mark = (index: number | undefined, kind: MarkerKind) => {
    if (index === undefined || offsets[index] === undefined) return;
    markers.set(index, [...(markers.get(index) ?? []), kind]);
  };
  mark(derived.startEvent, 'start');
  mark(derived.detectionEvent, 'detection');
  mark(derived.mitigationEvent, 'mitigation');
  mark(derived.resolutionEvent, 'resolution');

  // Sections: the phases that hold drawable events, in document order; events of no phase last.
  const byTime = (a: number, b: number) => offsets[a]! - offsets[b]! || a - b;
  const inPhase = new Set<number>();
  const groups: { name: string; label: string; line?: number; members: number[] }[] = [];
  for (const phase of model.phases) {
    const members = phase.events.filter((index) => drawable.includes(index) && !inPhase.has(index));
    if (members.length === 0) continue;
    members.forEach((index) => inPhase.add(index));
    groups.push({ name: phase.name, label: phase.label || phase.name, line: phase.range.start.line, members: members.sort(byTime) });
  }
  const rest = drawable.filter((index) => !inPhase.has(index)).sort(byTime);
  if (rest.length > 0) groups.push({ name: groups.length ? 'Other events' : 'Timeline', label: groups.length ? 'Other events' : 'Timeline', members: rest });

  const events: TimelineViewEvent[] = [];
  const sections: TimelineViewSection[] = [];
  for (const group of groups) {
    const firstRow = events.length;
    for (const index of group.members) {
      const event = model.timeline[index];
      const offset = offsets[index]!;
      events.push({
        index,
        offsetSeconds: offset,
        x: xOf(offset),
        row: events.length,
        time: withSeconds ? event.time : event.time.slice(0, 5),
        day: Math.floor((clockAtZero + offset) / DAY) - firstDay,
        title: oneLine(event.title) || event.raw,
        details: event.details.slice(0, 4).map(oneLine),
        section: group.name,
        line: event.range.start.line,
        markers: markers.get(index) ?? [],
      });
    }
    const xs = group.members.map((index) => xOf(offsets[index]!));
    sections.push({
      name: group.name,
      label: oneLine(group.label),
      firstRow,
      rowCount: group.members.length,
      fromX: Math.min(...xs),
      toX: Math.max(...xs),
      ...(group.line !== undefined ? { line: group.line } : {}),
    });
  }

  const spans: TimelineViewSpan[] = [];
  const startOffset = derived.startEvent !== undefined ? offsets[derived.startEvent] ?? 0 : 0;
  for (const span of SPAN_KINDS) {
    const event = derived[span.event];
    const seconds = derived[span.seconds];
    if (event === undefined || seconds === undefined || offsets[event] === undefined) continue;
    spans.push({
      kind: span.kind, short: span.short, label: span.label, seconds, text: formatDuration(seconds),
      fromX: xOf(startOffset), toX: xOf(offsets[event]!), event,
    });
  }

  const ticks = ticksOf(startSeconds, endSeconds, clockAtZero, firstDay, maxTicks, xOf);
  const view: TimelineView = {
    events, sections, spans, ticks, rows: events.length, skipped,
    axis: { ...axisOf(startSeconds, endSeconds), ...(reference.zone ? { zone: reference.zone } : {}), ...dateOf(model, reference) },
  };
  if (derived.durationSeconds !== undefined && derived.durationSeconds > 0) {
    view.incident = { fromX: xOf(startOffset), toX: xOf(startOffset + derived.durationSeconds) };
  }
  return view;
}

/**
 * Seconds from the incident start of each event: the model's offsets; for events without one
 * (no incident start could be placed), the time of day from the first timed event, a day later
 * each time the clock goes back by more than twelve hours.
 */
function offsetsOf(timeline: readonly TimelineEvent[]): (number | undefined)[] {
  if (timeline.some((event) => !event.invalid && event.offsetSeconds !== undefined)) {
    return timeline.map((event) => (event.invalid ? undefined : event.offsetSeconds));
  }
  let base: number | undefined;
  let day = 0;
  let previous: number | undefined;
  return timeline.map((event) => {
    if (event.invalid) return undefined;
    base ??= event.secondOfDay;
    if (previous !== undefined && previous - event.secondOfDay > DAY / 2) day++;
    previous = event.secondOfDay;
    return day * DAY + event.secondOfDay - base;
  });
}

function ticksOf(
  startSeconds: number,
  endSeconds: number,
  clockAtZero: number,
  firstDay: number,
  maxTicks: number,
  xOf: (seconds: number) => number,
): TimelineViewTick[] {
  const span = endSeconds - startSeconds;
  const step = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  const ticks: TimelineViewTick[] = [];
  // Ticks fall on round clock times (14:30, not 14:27:15).
  const firstClock = Math.ceil((clockAtZero + startSeconds) / step) * step;
  for (let clock = firstClock; clock - clockAtZero <= endSeconds + 1e-9; clock += step) {
    const offsetSeconds = clock - clockAtZero;
    const day = Math.floor(clock / DAY) - firstDay;
    const label = step >= DAY ? `+${day}d` : `${formatClock(clock, step < 60)}${day > 0 ? ` +${day}d` : ''}`;
    ticks.push({ x: xOf(offsetSeconds), offsetSeconds, label });
  }
  return ticks;
}

function dateOf(model: PostmortemModel, reference: TimelineEvent): { date?: string } {
  const date = reference.date ?? model.metadata.date?.date;
  return date ? { date } : {};
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
