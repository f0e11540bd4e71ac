// Duration strings of deployment gates: `60s`, `30m`, `1h30m`, `500ms`, `2d`.
// Pure string handling, bounded input sizes, sticky regexes without nested quantifiers.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Longest text considered as a duration; anything longer is rejected without being scanned. */
export const MAX_DURATION_LENGTH = 64;

/** Parses a duration such as `60s`, `30m`, `1.5h` or `1h30m` into seconds; undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_DURATION_LENGTH) return undefined;
  const part = /([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)/y;
  let ms = 0;
  let pos = 0;
  while (pos < text.length) {
    part.lastIndex = pos;
    const match = part.exec(text);
    if (!match) return undefined;
    ms += Number(match[1]) * UNIT_MS[match[2]];
    pos = part.lastIndex;
  }
  const seconds = ms / 1000;
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) / 1000 : undefined;
}

// Unit words accepted when rewriting a loose duration; single-letter units are matched case-sensitively
// below (an upper-case `M` could mean months).
const UNIT_WORDS: Record<string, string> = {
  ms: 'ms', msec: 'ms', msecs: 'ms', millis: 'ms', millisecond: 'ms', milliseconds: 'ms',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd',
};

const ORDER = ['d', 'h', 'm', 's', 'ms'];

/** Rewrites a loose duration (`30 minutes`, `1 hour`, `90 sec`, `1h 30m`, `PT1H30M`) canonically (`30m`, `1h`, `90s`, `1h30m`); undefined unless certain. */
export function suggestDuration(text: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_DURATION_LENGTH) return undefined;
  const iso = /^P?T((?:[0-9]+(?:\.[0-9]+)?[HMS])+)$/i.exec(trimmed);
  if (iso && /^PT/i.test(trimmed)) {
    const canonical = iso[1].toLowerCase();
    return parseDuration(canonical) !== undefined ? canonical : undefined;
  }
  const part = /[ \t]*([0-9]+(?:\.[0-9]+)?)[ \t]*([A-Za-z]+)[ \t]*(?:,[ \t]*|and[ \t]+)?/y;
  const units: string[] = [];
  let out = '';
  let pos = 0;
  while (pos < trimmed.length) {
    part.lastIndex = pos;
    const match = part.exec(trimmed);
    if (!match) return undefined;
    const word = match[2];
    let unit: string | undefined;
    if (word.length === 1) unit = /^[smhd]$/.test(word) ? word : /^[SHD]$/.test(word) ? word.toLowerCase() : undefined;
    else unit = UNIT_WORDS[word.toLowerCase()];
    if (unit === undefined) return undefined;
    // Units must go from the largest down, each at most once, as in 1h30m.
    if (units.length > 0 && ORDER.indexOf(unit) <= ORDER.indexOf(units[units.length - 1])) return undefined;
    units.push(unit);
    out += match[1] + unit;
    pos = part.lastIndex;
  }
  if (out === text || parseDuration(out) === undefined) return undefined;
  return out;
}
