import type { Derived, Metadata, TimelineEvent } from '../types.generated';
import type { DayHint } from './timeline';
import { DETECTS, MITIGATES, RESOLVES } from './eventKinds';

const DAY = 86400;
/**
 * Puts every event on a day and computes its offset from the incident start, then the derived
 * figures. Dates come from the event itself, its day heading, the incident date, or a midnight
 * rollover inferred when a sequence jumps from late evening to early morning.
 */
export function resolveTimes(timeline: TimelineEvent[], hints: readonly DayHint[], kindsOfEvents: readonly number[], metadata: Metadata, zoneOffset?: number, useOffsets = true): Derived {
  // With a declared zone of unknown offset ("All times PT"), times are compared as written:
  // converting only the ones that carry a zone ("10:17 PDT") would put them hours apart.
  const offsetOf = (minutes: number | undefined) => (useOffsets ? (minutes ?? zoneOffset ?? 0) : 0);
  const incidentDay = dayNumberOf(metadata.date?.date ?? metadata.start?.date);
  const absolute: number[] = [];
  let rollover = 0;
  timeline.forEach((event, i) => {
    const previous = i > 0 ? timeline[i - 1] : undefined;
    if (previous && !event.date && !hints[i]?.date && !event.invalid && !previous.invalid) {
      if (previous.secondOfDay - event.secondOfDay > DAY / 2 && previous.secondOfDay >= 18 * 3600 && event.secondOfDay < 6 * 3600) rollover++;
    }
    const explicitDay = dayNumberOf(event.date ?? hints[i]?.date);
    const dayFromNumber = hints[i]?.dayNumber !== undefined && incidentDay !== undefined ? incidentDay + hints[i].dayNumber! - 1 : undefined;
    const day = explicitDay ?? dayFromNumber ?? (incidentDay ?? 0) + rollover;
    if (!event.date && explicitDay === undefined && dayFromNumber === undefined && incidentDay !== undefined) {
      event.date = isoOfDayNumber(day);
    } else if (!event.date && (explicitDay ?? dayFromNumber) !== undefined) {
      event.date = isoOfDayNumber(day);
    }
    const offset = offsetOf(event.utcOffsetMinutes);
    absolute.push(day * DAY + event.secondOfDay - offset * 60);
  });

  let startAbsolute: number | undefined;
  const derived: Derived = {};
  const start = metadata.start;
  if (start?.time) {
    const [h, m, s] = start.time.split(':').map(Number);
    const startDay = dayNumberOf(start.date) ?? incidentDay ?? dayOfFirstEvent(absolute);
    startAbsolute = startDay * DAY + h * 3600 + m * 60 + s - offsetOf(start.utcOffsetMinutes) * 60;
    const startIndex = timeline.findIndex((e, i) => !e.invalid && absolute[i] === startAbsolute);
    if (startIndex >= 0) derived.startEvent = startIndex;
  } else {
    const first = timeline.findIndex((e) => !e.invalid);
    if (first >= 0) {
      derived.startEvent = first;
      startAbsolute = absolute[first];
    }
  }
  if (startAbsolute === undefined) return derived;
  timeline.forEach((event, i) => {
    if (!event.invalid) event.offsetSeconds = absolute[i] - startAbsolute!;
  });

  let detection: number | undefined;
  let mitigation: number | undefined;
  let resolution: number | undefined;
  const earlier = (i: number, best: number | undefined) => best === undefined || timeline[i].offsetSeconds! < timeline[best].offsetSeconds!;
  timeline.forEach((event, i) => {
    if (event.invalid || i === derived.startEvent || (event.offsetSeconds ?? -1) < 0) return;
    const kinds = kindsOfEvents[i];
    if (kinds & DETECTS && earlier(i, detection)) detection = i;
    if (kinds & MITIGATES && earlier(i, mitigation)) mitigation = i;
    if (kinds & RESOLVES && earlier(i, resolution)) resolution = i;
  });
  if (detection !== undefined) {
    derived.detectionEvent = detection;
    derived.timeToDetectSeconds = timeline[detection].offsetSeconds;
  }
  if (mitigation !== undefined) {
    derived.mitigationEvent = mitigation;
    derived.timeToMitigateSeconds = timeline[mitigation].offsetSeconds;
  }
  if (resolution !== undefined) {
    derived.resolutionEvent = resolution;
    derived.timeToResolveSeconds = timeline[resolution].offsetSeconds;
  }
  const stated = metadata.duration?.seconds;
  const end = endOffset(metadata, startAbsolute, incidentDay, offsetOf);
  if (end !== undefined) derived.durationSeconds = end;
  else if (stated !== undefined) derived.durationSeconds = stated;
  else {
    const offsets = timeline.map((e) => e.offsetSeconds).filter((o): o is number => o !== undefined);
    if (offsets.length > 0) derived.durationSeconds = Math.max(...offsets);
  }
  return derived;
}

/** Seconds from the start to the stated end, crossing midnight when the end is earlier on the clock. */
function endOffset(metadata: Metadata, startAbsolute: number, incidentDay: number | undefined, offsetOf: (minutes: number | undefined) => number): number | undefined {
  const end = metadata.end;
  if (!end?.time) return undefined;
  const [h, m, s] = end.time.split(':').map(Number);
  const endDay = dayNumberOf(end.date) ?? dayNumberOf(metadata.start?.date) ?? incidentDay ?? Math.floor((startAbsolute + offsetOf(undefined) * 60) / DAY);
  let endAbsolute = endDay * DAY + h * 3600 + m * 60 + s - offsetOf(end.utcOffsetMinutes) * 60;
  if (!end.date && endAbsolute < startAbsolute) endAbsolute += DAY;
  return endAbsolute - startAbsolute;
}

function dayOfFirstEvent(absolute: readonly number[]): number {
  return absolute.length > 0 ? Math.floor(absolute[0] / DAY) : 0;
}

const dayNumberCache = new Map<string, number | undefined>();

/** Days since 1970-01-01 of an ISO date (cached: a timeline has few distinct dates). */
export function dayNumberOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  if (dayNumberCache.has(iso)) return dayNumberCache.get(iso);
  const day = computeDayNumber(iso);
  if (dayNumberCache.size > 10_000) dayNumberCache.clear();
  dayNumberCache.set(iso, day);
  return day;
}

function computeDayNumber(iso: string): number | undefined {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return undefined;
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  return Math.floor(Date.UTC(year, month - 1, day) / 86400000);
}

const isoCache = new Map<number, string>();

function isoOfDayNumber(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86400000).toISOString().slice(0, 10);
    if (isoCache.size > 10_000) isoCache.clear();
    isoCache.set(day, iso);
  }
  return iso;
}
