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

/** Formats `seconds` in the unit style of `raw` ("47 minutes" -> "52 minutes", "47min" -> "52min"). */
export function formatDurationLike(seconds: number, raw: string): string {
  const unit = /\d\s*([A-Za-z]+)\s*$/.exec(raw.trim());
  const space = /\d\s+[A-Za-z]/.test(raw) ? ' ' : '';
  const onlyOneUnit = (raw.match(/[A-Za-z]+/g) ?? []).length === 1;
  if (unit && onlyOneUnit) {
    const word = unit[1];
    const lower = word.toLowerCase();
    const perUnit = /^(s|sec|secs|seconds?)$/.test(lower) ? 1 : /^(m|min|mins|minutes?)$/.test(lower) ? 60 : /^(h|hr|hrs|hours?)$/.test(lower) ? 3600 : /^(d|days?)$/.test(lower) ? 86400 : 0;
    if (perUnit > 0 && seconds % perUnit === 0) {
      const count = seconds / perUnit;
      return `${count}${space}${pluralLike(word, count)}`;
    }
  }
  return formatDuration(seconds);
}

function pluralLike(word: string, count: number): string {
  if (word.length <= 3) return word;
  const singular = word.replace(/s$/i, '');
  return count === 1 ? singular : `${singular}s`;
}
