import { spanOn } from '../../model/extract/context';
import { formatDuration, parseDuration } from '../../parse/time';
import type { Rule } from '../rule';

/** Reports a stated duration that differs from end minus start. */
export const durationMismatch: Rule = {
  id: 'PM104',
  name: 'duration-mismatch',
  description: 'The stated duration must equal the time from the incident start to its end.',
  category: 'timestamps',
  defaultSeverity: 'error',
  fixable: true,
  check({ model, report }) {
    const { duration, start, end } = model.metadata;
    const actual = model.derived.durationSeconds;
    if (!duration || duration.seconds === undefined || !start?.time || !end?.time || actual === undefined) return;
    const written = parseDuration(duration.raw);
    if (!written) return;
    if (Math.abs(actual - duration.seconds) <= toleranceOf(written.raw)) return;
    const range = spanOn(duration.range.start.line, duration.range.start.character + written.index, written.length);
    const replacement = formatDurationLike(actual, written.raw);
    report({
      message: `Stated duration ${written.raw} does not match ${start.raw} to ${end.raw}, which is ${formatDuration(actual)}; expected ${replacement}.`,
      range,
      related: [
        { range: start.range, message: 'The start.' },
        { range: end.range, message: 'The end.' },
      ],
      fix: { title: `Change the duration to ${replacement}`, edits: [{ range, newText: replacement }] },
    });
  },
};

/** Half the smallest unit written, at least a minute: "47 minutes" tolerates 60 s, "2 hours" 30 min. */
function toleranceOf(raw: string): number {
  if (/\d\s*(s|sec|secs|seconds?)\b/i.test(raw)) return 60;
  if (/\d\s*(m|min|mins|minutes?)\b/i.test(raw)) return 60;
  if (/\d\s*(h|hr|hrs|hours?)\b/i.test(raw)) return raw.includes('.') ? 180 : 1800;
  if (/\d\s*(d|days?)\b/i.test(raw)) return 12 * 3600;
  return 60;
}

/**
 * Formats `seconds` in the unit style of `raw`: "47 minutes" -> "52 minutes", "47min" -> "52min",
 * "1 hour 30 minutes" -> "2 hours 30 minutes", "1h 30m" -> "2h 40m", "2h" -> "2h 40m".
 */
export function formatDurationLike(seconds: number, raw: string): string {
  const words = raw.match(/[A-Za-z]+/g) ?? [];
  const space = /\d\s+[A-Za-z]/.test(raw) ? ' ' : '';
  if (words.length === 1) {
    const word = words[0];
    const perUnit = secondsPerUnit(word);
    if (perUnit > 0 && seconds % perUnit === 0) return `${seconds / perUnit}${space}${pluralLike(word, seconds / perUnit)}`;
  }
  if (words.length === 0 || words.some((w) => secondsPerUnit(w) === 0)) return formatDuration(seconds);
  // Several units, or one that does not divide: hours and minutes (and seconds if any), written
  // long ("hours", "minutes") or short ("h", "m"/"min") as `raw` is.
  const long = words.some((w) => w.length > 3);
  const shortMinute = words.find((w) => secondsPerUnit(w) === 60) ?? 'm';
  const parts: string[] = [];
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) parts.push(long ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : `${hours}${space}h`);
  if (minutes > 0) parts.push(long ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : `${minutes}${space}${shortMinute.length <= 3 ? shortMinute : 'm'}`);
  if (rest > 0 || parts.length === 0) parts.push(long ? `${rest} ${rest === 1 ? 'second' : 'seconds'}` : `${rest}${space}s`);
  return parts.join(' ');
}

function secondsPerUnit(word: string): number {
  const lower = word.toLowerCase();
  if (/^(s|sec|secs|seconds?)$/.test(lower)) return 1;
  if (/^(m|min|mins|minutes?)$/.test(lower)) return 60;
  if (/^(h|hr|hrs|hours?)$/.test(lower)) return 3600;
  if (/^(d|days?)$/.test(lower)) return 86400;
  return 0;
}

function pluralLike(word: string, count: number): string {
  if (word.length <= 3) return word;
  const singular = word.replace(/s$/i, '');
  return count === 1 ? singular : `${singular}s`;
}
