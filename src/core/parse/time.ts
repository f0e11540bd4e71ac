import { codeAt, isDigitAt, isLetterAt, letterRun } from './characters';

/**
 * Times as post-mortems write them: clock times, dates, time zones, durations and phase offsets
 * (`T+5min`). Pure string parsing: no dependencies, nothing throws, and every function runs in
 * time linear in the length of its input (hand-written scanners whose look-ahead from any start
 * position is bounded, so a megabyte of digits, colons or spaces is read once).
 *
 * Positions (`index`, `length`) are UTF-16 offsets into the string that was passed in.
 */

/** A date and/or clock time found in text; `invalid` explains an impossible value written where a time belongs. */
export interface ParsedTimestamp {
  raw: string;
  index: number;
  length: number;
  /** 'YYYY-MM-DD' when the text carries a full date (day, month and year). */
  date?: string;
  /** 'MM-DD' when a month and a day are written, with or without a year (an addition to the brief's shape). */
  monthDay?: string;
  /** Seconds since midnight, 0..86399 (86400 only for 24:00); fractional when milliseconds are written. */
  secondOfDay?: number;
  hasSeconds: boolean;
  /** The zone as written, normalised: 'Z' and zero offsets become 'UTC'; numeric offsets, with or without a UTC/GMT prefix, become '+HH:MM'. */
  zone?: string;
  utcOffsetMinutes?: number;
  /** Why the value is impossible, e.g. 'hour 25 is out of range (00-23)'; the other fields are then best effort (written values, not clamped). */
  invalid?: string;
}

// ---------------------------------------------------------------------------------------------
// Character helpers. Every look-ahead below is bounded, which is what keeps the scanners linear.





function isWordCharAt(text: string, i: number): boolean {
  return isDigitAt(text, i) || isLetterAt(text, i);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** Number of consecutive digits at `i`, counting at most `cap + 1` (so callers can tell "too long"). */
function digitRun(text: string, i: number, cap: number): number {
  let n = 0;
  while (n <= cap && isDigitAt(text, i + n)) n++;
  return n;
}

function intAt(text: string, i: number, length: number): number {
  return parseInt(text.slice(i, i + length), 10);
}

/** Skips at most `max` horizontal spaces. */
function skipSpaces(text: string, i: number, max: number): number {
  let j = i;
  while (j - i < max && isSpaceCode(codeAt(text, j))) j++;
  return j;
}


/** The lower-cased, NFC-normalised word at `i` when it is at most `cap` letters long. */
function wordAt(text: string, i: number, cap: number): { word: string; end: number } | undefined {
  const n = letterRun(text, i, cap);
  if (n === 0 || n > cap) return undefined;
  const written = text.slice(i, i + n);
  return { word: isAscii(written) ? written.toLowerCase() : written.normalize('NFC').toLowerCase(), end: i + n };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** A start position for something in prose: not glued to a word, a number or an offset before it. */
function canStartAt(text: string, i: number): boolean {
  if (i <= 0) return true;
  if (isWordCharAt(text, i - 1)) return false;
  const p = text.charAt(i - 1);
  if (p === ':' || p === '.' || p === '+' || p === '\u2212') return false;
  // 'UTC-08:00', 'INC-2023-...': a dash glued to a word is not a range separator.
  if (p === '-' && isLetterAt(text, i - 2)) return false;
  return true;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

// ---------------------------------------------------------------------------------------------
// Time zones

const NAMED_ZONES: ReadonlyMap<string, number | undefined> = new Map<string, number | undefined>([
  ['UTC', 0], ['GMT', 0], ['WET', 0], ['WEST', 60], ['BST', 60], ['IST', 330],
  ['CET', 60], ['CEST', 120], ['MEZ', 60], ['MESZ', 120], ['EET', 120], ['EEST', 180], ['MSK', 180],
  ['GST', 240], ['PKT', 300], ['ICT', 420], ['WIB', 420], ['SGT', 480], ['HKT', 480], ['AWST', 480],
  ['JST', 540], ['KST', 540], ['ACST', 570], ['AEST', 600], ['AEDT', 660], ['NZST', 720], ['NZDT', 780],
  ['HST', -600], ['AKST', -540], ['AKDT', -480], ['PST', -480], ['PDT', -420], ['MST', -420], ['MDT', -360],
  ['CST', -360], ['CDT', -300], ['EST', -300], ['EDT', -240], ['AST', -240], ['ADT', -180], ['BRT', -180],
  ['ART', -180], ['NST', -210], ['NDT', -150],
  // Generic names whose offset depends on daylight saving time: known zones, unknown offset.
  ['PT', undefined], ['MT', undefined], ['CT', undefined], ['ET', undefined],
]);

const IANA_AREAS = new Set(['Africa', 'America', 'Antarctica', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific', 'Etc']);

interface ZoneMatch {
  zone: string;
  offset?: number;
  end: number;
}

interface ZoneOptions {
  /** Accept a lone 'Z' (attached to an ISO-like time). */
  allowZ: boolean;
  /** Accept '-HH:MM' (otherwise '14:00-15:00' would read as a time with an offset). */
  allowMinusColon: boolean;
  /** Accept '+HH' / '+H' without minutes. */
  allowShortOffset: boolean;
  /** Accept 'Europe/Paris' style names. */
  allowIana: boolean;
}

function offsetToZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** A numeric offset at `i` ('+02:00', '+0200', '-5' ...). */
function numericOffsetAt(text: string, i: number, allowMinusColon: boolean, allowShort: boolean): { minutes: number; end: number } | undefined {
  const s = text.charAt(i);
  let sign: number;
  if (s === '+') sign = 1;
  else if (s === '-' || s === '\u2212') sign = -1;
  else return undefined;
  const start = i + 1;
  const d = digitRun(text, start, 4);
  let hours: number;
  let minutes = 0;
  let end: number;
  if (d === 4) {
    hours = intAt(text, start, 2);
    minutes = intAt(text, start + 2, 2);
    end = start + 4;
  } else if (d >= 1 && d <= 2 && text.charAt(start + d) === ':' && digitRun(text, start + d + 1, 2) === 2) {
    if (sign < 0 && !allowMinusColon) return undefined;
    hours = intAt(text, start, d);
    minutes = intAt(text, start + d + 1, 2);
    end = start + d + 3;
  } else if (d >= 1 && d <= 2 && allowShort) {
    if (text.charAt(start + d) === ':' && isDigitAt(text, start + d + 1)) return undefined;
    hours = intAt(text, start, d);
    end = start + d;
  } else {
    return undefined;
  }
  if (isDigitAt(text, end) || hours > 14 || minutes > 59) return undefined;
  return { minutes: sign * (hours * 60 + minutes), end };
}

/** A zone token at `i`: a name, UTC/GMT with an optional offset, a numeric offset, or an IANA name. */
function zoneAt(text: string, i: number, options: ZoneOptions): ZoneMatch | undefined {
  const c = text.charAt(i);
  if (c === '+' || c === '-' || c === '\u2212') {
    const off = numericOffsetAt(text, i, options.allowMinusColon, options.allowShortOffset);
    return off ? { zone: offsetToZone(off.minutes), offset: off.minutes, end: off.end } : undefined;
  }
  const n = letterRun(text, i, 5);
  if (n === 0) return undefined;
  if (n > 5 || isDigitAt(text, i + n) || text.charAt(i + n) === '_') {
    return options.allowIana ? ianaZoneAt(text, i) : undefined;
  }
  const word = text.slice(i, i + n);
  const upper = word.toUpperCase();
  if (upper === 'UTC' || upper === 'GMT') {
    const off = numericOffsetAt(text, i + n, true, true);
    if (off) return { zone: off.minutes === 0 ? upper : offsetToZone(off.minutes), offset: off.minutes, end: off.end };
    return { zone: upper, offset: 0, end: i + n };
  }
  if (word === 'Z' || (word === 'z' && options.allowZ)) {
    return options.allowZ ? { zone: 'UTC', offset: 0, end: i + 1 } : undefined;
  }
  if (word === upper && NAMED_ZONES.has(word)) {
    const offset = NAMED_ZONES.get(word);
    return offset === undefined ? { zone: word, end: i + n } : { zone: word, offset, end: i + n };
  }
  if (options.allowIana && text.charAt(i + n) === '/') return ianaZoneAt(text, i);
  return undefined;
}

/** 'Europe/Paris', 'America/Los_Angeles' (bounded length). */
function ianaZoneAt(text: string, i: number): ZoneMatch | undefined {
  const area = letterRun(text, i, 10);
  if (area === 0 || area > 10 || text.charAt(i + area) !== '/') return undefined;
  if (!IANA_AREAS.has(text.slice(i, i + area))) return undefined;
  let j = i + area + 1;
  const limit = j + 32;
  while (j < limit && (isLetterAt(text, j) || text.charAt(j) === '_' || text.charAt(j) === '/' || text.charAt(j) === '-')) j++;
  if (j === i + area + 1 || j === limit || isDigitAt(text, j)) return undefined;
  while (text.charAt(j - 1) === '/' || text.charAt(j - 1) === '-') j--;
  return { zone: text.slice(i, j), end: j };
}

/** Minutes east of UTC for a zone ('UTC', 'CET', 'PST', '+02:00', '+0200', 'UTC+2', 'GMT-5:30', 'Z'); undefined when unknown or daylight-saving dependent ('PT', 'Europe/Paris'). */
export function zoneOffsetMinutes(zone: string): number | undefined {
  if (typeof zone !== 'string' || zone.length > 64) return undefined;
  const z = zone.trim();
  if (z === '') return undefined;
  const options: ZoneOptions = { allowZ: true, allowMinusColon: true, allowShortOffset: true, allowIana: true };
  let m = zoneAt(z, 0, options);
  if (!m && /^[A-Za-z]{1,5}$/.test(z)) m = zoneAt(z.toUpperCase(), 0, options);
  return m && m.end === z.length ? m.offset : undefined;
}

// ---------------------------------------------------------------------------------------------
// Months and weekdays (English, French, German, Spanish)

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const MONTHS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (month: number, ...names: string[]) => names.forEach((n) => m.set(n, month));
  add(1, 'january', 'jan', 'janvier', 'janv', 'januar', 'jänner', 'jaenner', 'enero', 'ene');
  add(2, 'february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev', 'februar', 'febrero');
  add(3, 'march', 'mar', 'mars', 'märz', 'maerz', 'mär', 'mrz', 'marzo');
  add(4, 'april', 'apr', 'avril', 'avr', 'abril', 'abr');
  add(5, 'may', 'mai', 'mayo');
  add(6, 'june', 'jun', 'juin', 'juni', 'junio');
  add(7, 'july', 'jul', 'juillet', 'juil', 'juli', 'julio');
  add(8, 'august', 'aug', 'août', 'aout', 'agosto', 'ago');
  add(9, 'september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre');
  add(10, 'october', 'oct', 'octobre', 'oktober', 'okt', 'octubre');
  add(11, 'november', 'nov', 'novembre', 'noviembre');
  add(12, 'december', 'dec', 'décembre', 'decembre', 'déc', 'dezember', 'dez', 'diciembre', 'dic');
  return m;
})();

const WEEKDAYS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'lun', 'mer', 'jeu', 'ven', 'sam', 'dim',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag',
  'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so',
  'lunes', 'martes', 'miércoles', 'miercoles', 'jueves', 'viernes', 'sábado', 'sabado', 'domingo',
]);

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Placeholder year for dates written without one (a leap year, so 'Feb 29' is accepted). */
const PLACEHOLDER_YEAR = 2000;

interface DateParts {
  year?: number;
  month: number;
  day: number;
  end: number;
  /** Written with digits only ('2023-12-23', '23.12.2023'). */
  numeric: boolean;
  /** 'YYYY-MM-DD' (a 'T' may follow). */
  iso: boolean;
  invalid?: string;
}

function dateProblem(year: number | undefined, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `month ${month} is out of range (01-12)`;
  const max = daysInMonth(year ?? PLACEHOLDER_YEAR, month);
  if (day < 1 || day > max) return `day ${day} is out of range for ${MONTH_NAMES[month - 1]}${year === undefined ? '' : ` ${year}`} (1-${max})`;
  return undefined;
}

function withValidity(parts: DateParts): DateParts {
  const problem = dateProblem(parts.year, parts.month, parts.day);
  return problem ? { ...parts, invalid: problem } : parts;
}

/** A plausible 4-digit year at `i`, not glued to more digits or a clock. */
function yearAt(text: string, i: number): number | undefined {
  if (digitRun(text, i, 4) !== 4) return undefined;
  if (isLetterAt(text, i + 4) || (text.charAt(i + 4) === ':' && isDigitAt(text, i + 5))) return undefined;
  if ((text.charAt(i + 4) === '.' || text.charAt(i + 4) === '-' || text.charAt(i + 4) === '/') && isDigitAt(text, i + 5)) return undefined;
  const y = intAt(text, i, 4);
  return y >= 1900 && y <= 2199 ? y : undefined;
}

/** A month word at `i` (with an optional abbreviation dot). */
function monthAt(text: string, i: number): { month: number; end: number } | undefined {
  const w = wordAt(text, i, 12);
  if (!w) return undefined;
  const month = MONTHS.get(w.word);
  if (month === undefined) return undefined;
  let end = w.end;
  if (text.charAt(end) === '.' && !isDigitAt(text, end + 1)) end++;
  return { month, end };
}

/** Skips a Spanish 'de' connector ('23 de diciembre de 2023'). */
function skipDe(text: string, i: number): number {
  const w = wordAt(text, i, 2);
  if (w && w.word === 'de' && isSpaceCode(codeAt(text, w.end))) {
    const j = skipSpaces(text, w.end, 2);
    return j;
  }
  return i;
}

/** Optional ', YYYY' / ' YYYY' / ' de YYYY' after a day or a month. */
function trailingYearAt(text: string, i: number, dash: boolean): { year: number; end: number } | undefined {
  let j = i;
  if (dash) {
    if (text.charAt(j) !== '-') return undefined;
    j++;
  } else {
    if (text.charAt(j) === ',') j++;
    const k = skipSpaces(text, j, 2);
    if (k === j) return undefined;
    j = skipDe(text, k);
  }
  const year = yearAt(text, j);
  return year === undefined ? undefined : { year, end: j + 4 };
}

/** An ordinal suffix after a day number: '23rd', '1er', '23.', '1º'. */
function ordinalEnd(text: string, i: number): number {
  const c = text.charAt(i);
  if (c === '.' && !isDigitAt(text, i + 1)) return i + 1;
  if (c === '\u00ba' || c === '\u00b0') return i + 1;
  const n = letterRun(text, i, 2);
  if (n === 2) {
    const s = text.slice(i, i + 2).toLowerCase();
    if (s === 'st' || s === 'nd' || s === 'rd' || s === 'th' || s === 'er') return i + 2;
  }
  return i;
}

/** A date at `i` without a leading weekday. */
function dateCoreAt(text: string, i: number): DateParts | undefined {
  if (isDigitAt(text, i)) {
    const d = digitRun(text, i, 4);
    if (d === 4) {
      const sep = text.charAt(i + 4);
      if (sep !== '-' && sep !== '/') return undefined;
      const md = digitRun(text, i + 5, 2);
      if (md < 1 || md > 2 || text.charAt(i + 5 + md) !== sep) return undefined;
      const dayStart = i + 6 + md;
      const dd = digitRun(text, dayStart, 2);
      if (dd < 1 || dd > 2) return undefined;
      const end = dayStart + dd;
      if (isLetterAt(text, end) && text.charAt(end) !== 'T' && text.charAt(end) !== 't') return undefined;
      if (/[-/.]/.test(text.charAt(end)) && isDigitAt(text, end + 1)) return undefined;
      return withValidity({ year: intAt(text, i, 4), month: intAt(text, i + 5, md), day: intAt(text, dayStart, dd), end, numeric: true, iso: sep === '-' });
    }
    if (d < 1 || d > 2) return undefined;
    const day = intAt(text, i, d);
    let j = i + d;
    // DD.MM.YYYY
    if (text.charAt(j) === '.' && isDigitAt(text, j + 1)) {
      const md = digitRun(text, j + 1, 2);
      if (md > 2 || text.charAt(j + 1 + md) !== '.') return undefined;
      const year = yearAt(text, j + 2 + md);
      if (year === undefined) return undefined;
      return withValidity({ year, month: intAt(text, j + 1, md), day, end: j + 6 + md, numeric: true, iso: false });
    }
    // 23-Dec-2023
    if (text.charAt(j) === '-') {
      const m = monthAt(text, j + 1);
      if (!m) return undefined;
      const y = trailingYearAt(text, m.end, true);
      if (!y) return undefined;
      return withValidity({ year: y.year, month: m.month, day, end: y.end, numeric: false, iso: false });
    }
    // 23 Dec 2023, 23. Dezember 2023, 1er janvier, 23 de diciembre de 2023
    j = ordinalEnd(text, j);
    const k = skipSpaces(text, j, 2);
    if (k === j) return undefined;
    const m = monthAt(text, skipDe(text, k));
    if (!m) return undefined;
    const y = trailingYearAt(text, m.end, false);
    if (y) return withValidity({ year: y.year, month: m.month, day, end: y.end, numeric: false, iso: false });
    return withValidity({ month: m.month, day, end: m.end, numeric: false, iso: false });
  }
  // Dec 23, 2023 / December 23rd / Dec. 23 2023
  const m = monthAt(text, i);
  if (!m) return undefined;
  const k = skipSpaces(text, m.end, 2);
  if (k === m.end) return undefined;
  const dd = digitRun(text, k, 2);
  if (dd < 1 || dd > 2) return undefined;
  const day = intAt(text, k, dd);
  let end = k + dd;
  if (text.charAt(end) === ':' && isDigitAt(text, end + 1)) return undefined;
  const afterOrdinal = ordinalEnd(text, end);
  end = afterOrdinal === end + 1 && text.charAt(end) === '.' ? end : afterOrdinal; // 'Dec 23.' ends a sentence
  if (isWordCharAt(text, end)) return undefined;
  const y = trailingYearAt(text, end, false);
  if (y) return withValidity({ year: y.year, month: m.month, day, end: y.end, numeric: false, iso: false });
  return withValidity({ month: m.month, day, end, numeric: false, iso: false });
}

/** A date at `i`, with an optional leading weekday ('Saturday, December 23, 2023'). */
function dateAt(text: string, i: number): DateParts | undefined {
  if (isLetterAt(text, i)) {
    const w = wordAt(text, i, 10);
    if (w && WEEKDAYS.has(w.word) && !MONTHS.has(w.word)) {
      let j = w.end;
      if (text.charAt(j) === '.') j++;
      if (text.charAt(j) === ',') j++;
      const k = skipSpaces(text, j, 2);
      if (k === j) return undefined;
      return dateCoreAt(text, k);
    }
  }
  return dateCoreAt(text, i);
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** The first date in text ('December 23, 2023', '23.12.2023', '23 décembre 2023', 'Dec 23'...); impossible dates are skipped. Without a year, `yearKnown` is false and the date uses the placeholder year 2000. */
export function parseDateText(text: string): { date: string; index: number; length: number; yearKnown: boolean } | undefined {
  if (typeof text !== 'string') return undefined;
  for (let i = 0; i < text.length; i++) {
    if (!(isDigitAt(text, i) || isLetterAt(text, i)) || !canStartAt(text, i)) continue;
    const d = dateAt(text, i);
    if (!d || d.invalid) continue;
    if (isWordCharAt(text, d.end)) continue;
    const yearKnown = d.year !== undefined;
    return { date: formatDate(d.year ?? PLACEHOLDER_YEAR, d.month, d.day), index: i, length: d.end - i, yearKnown };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Clock times

type ClockStyle = 'colon' | 'h' | 'hm' | 'dot' | 'hour';

interface Clock {
  hour: number;
  minute: number;
  second: number;
  fraction: number;
  hasSeconds: boolean;
  meridiem?: 'am' | 'pm';
  style: ClockStyle;
  end: number;
}

/** 'am', 'PM', 'a.m.', 'P.M' at `i`. */
function meridiemAt(text: string, i: number): { meridiem: 'am' | 'pm'; end: number } | undefined {
  const c = text.charAt(i).toLowerCase();
  if (c !== 'a' && c !== 'p') return undefined;
  let j = i + 1;
  if (text.charAt(j).toLowerCase() === 'm') j++;
  else if (text.charAt(j) === '.' && text.charAt(j + 1).toLowerCase() === 'm') {
    j += 2;
    if (text.charAt(j) === '.') j++;
  } else return undefined;
  if (isWordCharAt(text, j)) return undefined;
  return { meridiem: c === 'a' ? 'am' : 'pm', end: j };
}

function uhrAt(text: string, i: number): number | undefined {
  const w = wordAt(text, i, 3);
  return w && w.word === 'uhr' ? w.end : undefined;
}

/** A clock time at `i`: '14:23', '9:05', '14:23:00.123', '2:23 PM', '2pm', '14h23', '14.23 Uhr', '14 Uhr'. */
function clockAt(text: string, i: number): Clock | undefined {
  const hd = digitRun(text, i, 2);
  if (hd < 1 || hd > 2) return undefined;
  const hour = intAt(text, i, hd);
  let j = i + hd;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let hasSeconds = false;
  let style: ClockStyle;
  const c = text.charAt(j);
  if (c === ':' && isDigitAt(text, j + 1)) {
    if (digitRun(text, j + 1, 2) !== 2) return undefined;
    minute = intAt(text, j + 1, 2);
    j += 3;
    if (text.charAt(j) === ':' && isDigitAt(text, j + 1)) {
      if (digitRun(text, j + 1, 2) !== 2) return undefined;
      second = intAt(text, j + 1, 2);
      hasSeconds = true;
      j += 3;
      if ((text.charAt(j) === '.' || text.charAt(j) === ',') && isDigitAt(text, j + 1)) {
        const fd = digitRun(text, j + 1, 9);
        if (fd > 9) return undefined;
        fraction = Number(`0.${text.slice(j + 1, j + 1 + fd)}`);
        j += 1 + fd;
      }
    }
    if (isDigitAt(text, j)) return undefined;
    if ((text.charAt(j) === ':' || text.charAt(j) === '.') && isDigitAt(text, j + 1)) return undefined;
    if (text.charAt(j) === ':' && text.charAt(j + 1) === ':') return undefined;
    style = 'colon';
  } else if ((c === 'h' || c === 'H') && digitRun(text, j + 1, 2) === 2) {
    minute = intAt(text, j + 1, 2);
    j += 3;
    style = 'h';
    if (text.charAt(j) === 'm' && !isWordCharAt(text, j + 1)) {
      j++;
      style = 'hm';
    }
    if (isWordCharAt(text, j)) return undefined;
    return { hour, minute, second, fraction, hasSeconds, style, end: j };
  } else if (c === '.' && digitRun(text, j + 1, 2) === 2) {
    const afterMinutes = j + 3;
    if (isDigitAt(text, afterMinutes)) return undefined;
    const end = uhrAt(text, skipSpaces(text, afterMinutes, 2));
    if (end === undefined) return undefined;
    return { hour, minute: intAt(text, j + 1, 2), second, fraction, hasSeconds, style: 'dot', end };
  } else {
    if (isDigitAt(text, j)) return undefined;
    style = 'hour';
  }
  const m = meridiemAt(text, skipSpaces(text, j, 2));
  if (m) return { hour, minute, second, fraction, hasSeconds, meridiem: m.meridiem, style, end: m.end };
  const uhr = uhrAt(text, skipSpaces(text, j, 2));
  if (uhr !== undefined) return { hour, minute, second, fraction, hasSeconds, style, end: uhr };
  if (style === 'hour') return undefined;
  return { hour, minute, second, fraction, hasSeconds, style, end: j };
}

function clockValue(clock: Clock): { seconds: number; invalid?: string } {
  let hour24 = clock.hour;
  let invalid: string | undefined;
  if (clock.meridiem) {
    if (clock.hour < 1 || clock.hour > 12) invalid = `hour ${clock.hour} is out of range for a 12-hour clock (1-12)`;
    hour24 = (clock.hour % 12) + (clock.meridiem === 'pm' ? 12 : 0);
  } else if (clock.hour > 24) {
    invalid = `hour ${clock.hour} is out of range (00-23)`;
  } else if (clock.hour === 24 && (clock.minute > 0 || clock.second > 0 || clock.fraction > 0)) {
    invalid = 'hour 24 is only valid as 24:00';
  }
  if (!invalid && clock.minute > 59) invalid = `minute ${clock.minute} is out of range (00-59)`;
  if (!invalid && clock.second > 59) invalid = `second ${clock.second} is out of range (00-59)`;
  const seconds = hour24 * 3600 + clock.minute * 60 + clock.second + clock.fraction;
  return invalid ? { seconds, invalid } : { seconds };
}

// ---------------------------------------------------------------------------------------------
// Timestamps

interface Found {
  ts: ParsedTimestamp;
  clock?: Clock;
  hasDate: boolean;
}

/** The date-to-time connector: ' ', ', ', ' at ', ' @ ', ' à ', ' um ', ' a las '. */
function dateTimeGapEnd(text: string, i: number): number | undefined {
  let j = i;
  if (text.charAt(j) === ',') j++;
  const k = skipSpaces(text, j, 3);
  if (k === j) return undefined;
  j = k;
  if (text.charAt(j) === '@') {
    const after = skipSpaces(text, j + 1, 2);
    return after > j + 1 ? after : undefined;
  }
  const w = wordAt(text, j, 3);
  if (w && (w.word === 'at' || w.word === 'à' || w.word === 'um' || w.word === 'a')) {
    let after = skipSpaces(text, w.end, 2);
    if (after === w.end) return j;
    if (w.word === 'a') {
      const las = wordAt(text, after, 3);
      if (!las || (las.word !== 'las' && las.word !== 'la')) return j;
      const afterLas = skipSpaces(text, las.end, 2);
      if (afterLas === las.end) return j;
      after = afterLas;
    }
    return after;
  }
  return j;
}

/** The zone after a clock: attached ('Z', '+02:00'), after spaces ('UTC', 'PST', '+0200'), or in parentheses ('(UTC)'). */
function zoneSuffixAt(text: string, i: number, clock: Clock, iso: boolean, hasDate: boolean): ZoneMatch | undefined {
  const attached = zoneAt(text, i, {
    allowZ: clock.style === 'colon' && !clock.meridiem,
    allowMinusColon: iso || (hasDate && clock.hasSeconds),
    allowShortOffset: iso,
    allowIana: false,
  });
  if (attached) return attached;
  const k = skipSpaces(text, i, 2);
  if (k === i) return undefined;
  if (text.charAt(k) === '(') {
    const inner = zoneAt(text, k + 1, { allowZ: false, allowMinusColon: true, allowShortOffset: false, allowIana: false });
    return inner && text.charAt(inner.end) === ')' ? { ...inner, end: inner.end + 1 } : undefined;
  }
  return zoneAt(text, k, { allowZ: false, allowMinusColon: hasDate, allowShortOffset: false, allowIana: false });
}

/** A whole timestamp at `i` (no check of what comes before). */
function timestampAt(text: string, i: number): Found | undefined {
  let date: DateParts | undefined;
  let clock: Clock | undefined;
  let iso = false;
  let j = i;
  if (isDigitAt(text, i) || isLetterAt(text, i)) date = dateAt(text, i);
  if (date) {
    j = date.end;
    const t = text.charAt(j);
    if (date.iso && (t === 'T' || t === 't')) {
      clock = clockAt(text, j + 1);
      if (!clock || clock.style !== 'colon' || clock.meridiem) return undefined;
      iso = true;
    } else {
      const gapEnd = dateTimeGapEnd(text, j);
      if (gapEnd !== undefined) clock = clockAt(text, gapEnd);
      if (!clock && date.year === undefined) return undefined;
    }
  } else {
    if (!isDigitAt(text, i)) return undefined;
    clock = clockAt(text, i);
    if (!clock) return undefined;
  }
  let end = clock ? clock.end : j;
  let zone: ZoneMatch | undefined;
  let year = date?.year;
  if (clock) {
    zone = zoneSuffixAt(text, end, clock, iso, date !== undefined);
    if (zone) end = zone.end;
    // 'Sat Dec 23 14:23:00 UTC 2023' (date(1) output): the year comes last.
    if (date && year === undefined) {
      const k = skipSpaces(text, end, 2);
      const y = k > end ? yearAt(text, k) : undefined;
      if (y !== undefined && !isWordCharAt(text, k + 4)) {
        year = y;
        end = k + 4;
      }
    }
  }
  if (isWordCharAt(text, end)) return undefined;
  if ((text.charAt(end) === ':' || text.charAt(end) === '.') && isDigitAt(text, end + 1)) return undefined;
  if (!clock && (text.charAt(end) === '-' || text.charAt(end) === '/') && isDigitAt(text, end + 1)) return undefined;

  const ts: ParsedTimestamp = { raw: text.slice(i, end), index: i, length: end - i, hasSeconds: clock?.hasSeconds ?? false };
  let invalid: string | undefined;
  if (date) {
    if (year !== undefined) ts.date = formatDate(year, date.month, date.day);
    ts.monthDay = `${pad2(date.month)}-${pad2(date.day)}`;
    invalid = dateProblem(year, date.month, date.day);
  }
  if (clock) {
    const value = clockValue(clock);
    ts.secondOfDay = value.seconds;
    invalid = invalid ?? value.invalid;
  }
  if (zone) {
    ts.zone = zone.zone;
    if (zone.offset !== undefined) ts.utcOffsetMinutes = zone.offset;
  }
  if (invalid) ts.invalid = invalid;
  return { ts, clock, hasDate: date !== undefined };
}

/** Whether a timestamp found in running prose is believable: invalid values only count when something else says "time". */
function believableInProse(found: Found): boolean {
  if (found.clock?.style === 'hm') return false; // '1h30m' reads as a duration
  if (found.clock?.style === 'h' && found.clock.hour > 24) return false;
  if (!found.ts.invalid) return true;
  return found.ts.hasSeconds || found.ts.zone !== undefined || found.clock?.meridiem !== undefined || found.hasDate;
}

/** Skips one Markdown prefix token at `i` (bullet, number, checkbox, emphasis, bracket, backtick...); -1 when there is none. */
function prefixTokenEnd(text: string, i: number): number {
  const c = text.charAt(i);
  if (c === '[' && /[ xX]/.test(text.charAt(i + 1)) && text.charAt(i + 2) === ']') return i + 3;
  if ('-*+•>|#_[(`~'.includes(c) || c === '\u2013' || c === '\u2014') return i + 1;
  if (isDigitAt(text, i)) {
    const n = digitRun(text, i, 9);
    if (n <= 9 && (text.charAt(i + n) === '.' || text.charAt(i + n) === ')') && !isDigitAt(text, i + n + 1)) return i + n + 1;
  }
  return -1;
}

/** The timestamp at the start of text, after optional list bullets, numbers, checkboxes, emphasis, brackets and backticks; impossible values are returned with `invalid` set. */
export function findLeadingTimestamp(text: string): ParsedTimestamp | undefined {
  if (typeof text !== 'string') return undefined;
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && (isSpaceCode(text.charCodeAt(i)) || text.charAt(i) === '\n' || text.charAt(i) === '\r')) i++;
    if (i >= n) return undefined;
    const found = timestampAt(text, i);
    if (found) return found.ts;
    const next = prefixTokenEnd(text, i);
    if (next < 0) return undefined;
    i = next;
  }
}

/**
 * Every timestamp in the text, in order. A bare clock must stand alone (not glued to digits,
 * letters, ':' or '.'). Impossible values are only returned when something else marks them as a
 * time (seconds, a zone, AM/PM or a date): '14:23:75 UTC' is reported, 'score 99:99' is not.
 * '14h23m' is left out here (in prose it reads as a duration); full dates alone are returned.
 */
export function findTimestamps(text: string): ParsedTimestamp[] {
  const out: ParsedTimestamp[] = [];
  if (typeof text !== 'string') return out;
  let i = 0;
  while (i < text.length) {
    if ((isDigitAt(text, i) || isLetterAt(text, i)) && canStartAt(text, i)) {
      const found = timestampAt(text, i);
      if (found && believableInProse(found)) {
        out.push(found.ts);
        i = found.ts.index + found.ts.length;
        continue;
      }
    }
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ranges

/** A range separator at `i` ('-', '–', '—', '→', 'to', 'until', 'bis', 'à', 'and'...): the index after it, or undefined. */
function rangeSeparatorEnd(text: string, i: number): number | undefined {
  const k = skipSpaces(text, i, 3);
  const c = text.charAt(k);
  let j: number;
  if (c === '-' && text.charAt(k + 1) === '>') j = k + 2;
  else if (c === '-' || c === '\u2013' || c === '\u2014' || c === '\u2192' || c === '~' || c === '/') j = k + 1;
  else {
    if (k === i) return undefined;
    const w = wordAt(text, k, 5);
    if (!w || !['to', 'until', 'till', 'til', 'through', 'thru', 'and', 'bis', 'und', 'à', 'au', 'et', 'a', 'hasta', 'y'].includes(w.word)) return undefined;
    j = w.end;
    const after = skipSpaces(text, j, 3);
    return after > j ? after : undefined;
  }
  if (c === '-' && text.charAt(j) === '-') j++;
  return skipSpaces(text, j, 3);
}

function applyZone(ts: ParsedTimestamp, zone: string, offset: number | undefined): void {
  ts.zone = zone;
  if (offset !== undefined) ts.utcOffsetMinutes = offset;
}

function clockRangeAt(text: string, i: number): { start: ParsedTimestamp; end: ParsedTimestamp; zone?: string } | undefined {
  let first = timestampAt(text, i);
  let bareHour: number | undefined;
  let firstEnd: number;
  if (first) {
    if (!first.clock || !believableInProse(first)) return undefined;
    firstEnd = first.ts.index + first.ts.length;
  } else {
    // '2 - 3 PM': a bare hour, valid only when the end carries AM/PM.
    const d = digitRun(text, i, 2);
    if (d < 1 || d > 2 || isWordCharAt(text, i + d)) return undefined;
    bareHour = intAt(text, i, d);
    firstEnd = i + d;
  }
  const k = rangeSeparatorEnd(text, firstEnd);
  if (k === undefined) return undefined;
  const second = timestampAt(text, k);
  if (!second || !second.clock || !believableInProse(second)) return undefined;
  if (bareHour !== undefined) {
    if (!second.clock.meridiem) return undefined;
    const clock: Clock = { hour: bareHour, minute: 0, second: 0, fraction: 0, hasSeconds: false, style: 'hour', end: firstEnd };
    first = { ts: { raw: text.slice(i, firstEnd), index: i, length: firstEnd - i, hasSeconds: false }, clock, hasDate: false };
    const value = clockValue(clock);
    first.ts.secondOfDay = value.seconds;
  }
  if (!first) return undefined;
  const start = first.ts;
  const end = second.ts;
  // '2:23 - 3:10 PM': the end's AM/PM applies to a start written without one.
  const fc = first.clock;
  const sc = second.clock;
  if (fc && sc.meridiem && !fc.meridiem && fc.hour >= 1 && fc.hour <= 12 && !start.invalid && end.secondOfDay !== undefined) {
    const asWritten: Clock = { ...fc, meridiem: sc.meridiem };
    let seconds = clockValue(asWritten).seconds;
    if (seconds > end.secondOfDay) seconds = clockValue({ ...fc, meridiem: 'am' }).seconds;
    start.secondOfDay = seconds;
  }
  // A zone written once applies to both ends.
  if (start.zone === undefined && end.zone !== undefined) applyZone(start, end.zone, end.utcOffsetMinutes);
  else if (end.zone === undefined && start.zone !== undefined) applyZone(end, start.zone, start.utcOffsetMinutes);
  const result: { start: ParsedTimestamp; end: ParsedTimestamp; zone?: string } = { start, end };
  if (start.zone !== undefined && start.zone === end.zone) result.zone = start.zone;
  return result;
}

/** The first clock range in text ('14:23 - 15:10 UTC', '2:23 PM - 3:10 PM PST', '2023-12-23 22:50 UTC – 2023-12-24 00:15 UTC'); a zone written on one end applies to both, `zone` is set when both ends share one. */
export function parseClockRange(text: string): { start: ParsedTimestamp; end: ParsedTimestamp; zone?: string } | undefined {
  if (typeof text !== 'string') return undefined;
  for (let i = 0; i < text.length; i++) {
    if (!(isDigitAt(text, i) || isLetterAt(text, i)) || !canStartAt(text, i)) continue;
    const range = clockRangeAt(text, i);
    if (range) return range;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Declared zone

const QUANTIFIERS: readonly (readonly string[])[] = [['all'], ['alle'], ['toutes', 'les'], ['tous', 'les'], ['todas', 'las']];
const TIME_NOUNS = new Set(['times', 'timestamps', 'heures', 'horaires', 'zeiten', 'uhrzeiten', 'zeitangaben', 'horas']);
const FILLERS = new Set([
  'are', 'is', 'in', 'shown', 'given', 'expressed', 'listed', 'reported', 'written',
  'sont', 'en', 'exprimées', 'exprimees', 'indiquées', 'indiquees', 'données', 'donnees',
  'sind', 'angegeben',
  'están', 'estan', 'son', 'expresadas', 'indicadas',
]);
const ZONE_LABELS: readonly (readonly string[])[] = [['time', 'zone'], ['timezone'], ['tz'], ['zeitzone'], ['fuseau', 'horaire'], ['zona', 'horaria']];

/** Matches a sequence of words (separated by spaces, or '-' inside labels) at `i`. */
function wordsAt(text: string, i: number, words: readonly string[], allowDash: boolean): number | undefined {
  let j = i;
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      if (allowDash && text.charAt(j) === '-') j++;
      else {
        const k = skipSpaces(text, j, 2);
        if (k === j) return undefined;
        j = k;
      }
    }
    const m = wordAt(text, j, 14);
    if (!m || m.word !== words[w]) return undefined;
    j = m.end;
  }
  return j;
}

/** Skips Markdown emphasis characters (bounded). */
function skipEmphasis(text: string, i: number): number {
  let j = i;
  while (j - i < 4 && (text.charAt(j) === '*' || text.charAt(j) === '_')) j++;
  return j;
}

/** The zone after a declaration, plus an optional parenthesised offset ('PST (UTC-8)'). */
function declaredZoneTokenAt(text: string, i: number): ZoneMatch | undefined {
  const options: ZoneOptions = { allowZ: false, allowMinusColon: true, allowShortOffset: false, allowIana: true };
  const z = zoneAt(text, i, options);
  if (!z) return undefined;
  const k = skipSpaces(text, z.end, 2);
  if (k > z.end && text.charAt(k) === '(') {
    const inner = zoneAt(text, k + 1, options);
    if (inner && text.charAt(inner.end) === ')') return { ...z, end: inner.end + 1 };
  }
  return z;
}

/** Words a declaration can start with; anything else is rejected after reading one word. */
const DECLARATION_FIRST_WORDS = new Set([
  ...ZONE_LABELS.map((l) => l[0]!),
  ...QUANTIFIERS.map((q) => q[0]!),
  ...TIME_NOUNS,
]);

function declarationAt(text: string, i: number): { zone: string; end: number } | undefined {
  const first = wordAt(text, i, 14);
  if (!first || !DECLARATION_FIRST_WORDS.has(first.word)) return undefined;
  // Labels: 'Time zone: CET', 'Timezone: UTC', 'Zeitzone: MEZ'.
  for (const label of ZONE_LABELS) {
    let j = wordsAt(text, i, label, true);
    if (j === undefined) continue;
    j = skipEmphasis(text, j);
    let k = skipSpaces(text, j, 2);
    if (text.charAt(k) === ':' || text.charAt(k) === '=') k = skipSpaces(text, k + 1, 2);
    else {
      const w = wordAt(text, k, 3);
      if (w && k > j && ['is', 'est', 'ist', 'es'].includes(w.word)) k = skipSpaces(text, w.end, 2);
    }
    k = skipEmphasis(text, k);
    k = skipSpaces(text, k, 2);
    const z = declaredZoneTokenAt(text, k);
    if (z) return { zone: z.zone, end: z.end };
  }
  // Sentences: 'All times UTC', 'all times are in UTC', 'times in UTC', 'heures en UTC', 'Alle Zeiten in UTC'.
  let j = i;
  let quantified = false;
  for (const q of QUANTIFIERS) {
    const end = wordsAt(text, i, q, false);
    if (end !== undefined) {
      const k = skipSpaces(text, end, 2);
      if (k > end) {
        j = k;
        quantified = true;
      }
      break;
    }
  }
  const noun = wordAt(text, j, 14);
  if (!noun || !TIME_NOUNS.has(noun.word)) return undefined;
  j = noun.end;
  let fillers = 0;
  for (;;) {
    if (text.charAt(j) === ':') {
      // 'Times: UTC'
      const z = declaredZoneTokenAt(text, skipSpaces(text, j + 1, 2));
      return z ? { zone: z.zone, end: z.end } : undefined;
    }
    const k = skipSpaces(text, j, 2);
    if (k === j) return undefined;
    const w = wordAt(text, k, 14);
    if (fillers < 3 && w && FILLERS.has(w.word)) {
      j = w.end;
      fillers++;
      continue;
    }
    if (!quantified && fillers === 0) return undefined;
    let zoneStart = k;
    if (text.charAt(zoneStart) === ':') zoneStart = skipSpaces(text, zoneStart + 1, 2);
    const z = declaredZoneTokenAt(text, zoneStart);
    return z ? { zone: z.zone, end: z.end } : undefined;
  }
}

/** A document-level zone declaration ('All times UTC', 'Time zone: CET', '(times in UTC)', 'heures en UTC', 'Alle Zeiten in UTC'): the normalised zone and the span of the whole declaration. */
export function findDeclaredZone(text: string): { zone: string; index: number; length: number } | undefined {
  if (typeof text !== 'string') return undefined;
  for (let i = 0; i < text.length; i++) {
    if (!isLetterAt(text, i) || isLetterAt(text, i - 1)) continue;
    const d = declarationAt(text, i);
    if (d) return { zone: d.zone, index: i, length: d.end - i };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Durations

const DURATION_UNITS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (seconds: number, ...names: string[]) => names.forEach((n) => m.set(n, seconds));
  add(0.001, 'ms', 'msec', 'msecs', 'millisecond', 'milliseconds');
  add(1, 's', 'sec', 'secs', 'second', 'seconds', 'seconde', 'secondes', 'sekunde', 'sekunden', 'segundo', 'segundos');
  add(60, 'm', 'min', 'mins', 'minute', 'minutes', 'minuten', 'minuto', 'minutos', 'mn');
  add(3600, 'h', 'hr', 'hrs', 'hour', 'hours', 'heure', 'heures', 'stunde', 'stunden', 'std', 'hora', 'horas');
  add(86400, 'd', 'day', 'days', 'jour', 'jours', 'tage', 'tagen', 'día', 'días', 'dia', 'dias');
  add(604800, 'w', 'wk', 'wks', 'week', 'weeks', 'semaine', 'semaines', 'woche', 'wochen', 'semana', 'semanas');
  return m;
})();

/** A duration unit word at `i`: its length in seconds. Single-letter units must be lower case ('M' is a million, not minutes). */
function durationUnitAt(text: string, i: number): { seconds: number; end: number; word: string } | undefined {
  const n = letterRun(text, i, 12);
  if (n === 0 || n > 12) return undefined;
  const written = text.slice(i, i + n);
  if (n === 1 && written !== written.toLowerCase()) return undefined;
  const word = (isAscii(written) ? written : written.normalize('NFC')).toLowerCase();
  const seconds = DURATION_UNITS.get(word);
  return seconds === undefined ? undefined : { seconds, end: i + n, word };
}

/** A plain decimal number at `i` ('47', '1.5', '1,200'): its text without separators. */
function decimalAt(text: string, i: number): { text: string; value: number; end: number } | undefined {
  const d = digitRun(text, i, 9);
  if (d < 1 || d > 9) return undefined;
  let digits = text.slice(i, i + d);
  let j = i + d;
  while (d <= 3 && text.charAt(j) === ',' && digitRun(text, j + 1, 3) === 3 && digits.length < 12) {
    digits += text.slice(j + 1, j + 4);
    j += 4;
  }
  if (text.charAt(j) === '.' && isDigitAt(text, j + 1)) {
    const f = digitRun(text, j + 1, 6);
    if (f > 6) return undefined;
    digits += text.slice(j, j + 1 + f);
    j += 1 + f;
  }
  if (isDigitAt(text, j) || (text.charAt(j) === '.' && isDigitAt(text, j + 1))) return undefined;
  return { text: digits, value: Number(digits), end: j };
}

function roundSeconds(s: number): number {
  return Math.round(s * 1e6) / 1e6;
}

/** Whether `i` follows 'T+' / 'T -' (a phase offset, not a duration). */
function followsPhaseMarker(text: string, i: number): boolean {
  let j = i - 1;
  for (let n = 0; n < 2 && isSpaceCode(codeAt(text, j)); n++) j--;
  const s = text.charAt(j);
  if (s !== '+' && s !== '-' && s !== '\u2212') return false;
  j--;
  for (let n = 0; n < 2 && isSpaceCode(codeAt(text, j)); n++) j--;
  return text.charAt(j) === 'T' && !isWordCharAt(text, j - 1);
}

function durationAt(text: string, i: number): { seconds: number; end: number } | undefined {
  let j = i;
  let total = 0;
  let lastUnit = Infinity;
  let end = i;
  // Components must get strictly smaller ('1h 5m', '3d 4h'), so this loop runs at most six times.
  for (;;) {
    const num = decimalAt(text, j);
    if (!num) break;
    let unit = durationUnitAt(text, skipSpaces(text, num.end, 2));
    if (!unit && text.charAt(num.end) === '-') {
      // '47-minute outage'
      unit = durationUnitAt(text, num.end + 1);
      if (unit && unit.word.length < 3) unit = undefined;
    }
    if (!unit || unit.seconds >= lastUnit) break;
    total += num.value * unit.seconds;
    lastUnit = unit.seconds;
    end = unit.end;
    // Separators between components: '1h 5m', '1 hour and 5 minutes', '3d, 4h', '1h30m'.
    let next = end;
    if (text.charAt(next) === ',') next++;
    next = skipSpaces(text, next, 2);
    const w = wordAt(text, next, 3);
    if (w && next > end && ['and', 'et', 'und', 'y'].includes(w.word)) next = skipSpaces(text, w.end, 2);
    if (!isDigitAt(text, next)) break;
    j = next;
  }
  if (end === i) return undefined;
  return { seconds: roundSeconds(total), end };
}

/** The first duration in text ('47 minutes', '1h 5m', '1.5h', '90 sec', '3d 4h', '50ms'), in seconds. Clock times and phase offsets (T+5min) are not durations. */
export function parseDuration(text: string): { seconds: number; index: number; length: number; raw: string } | undefined {
  if (typeof text !== 'string') return undefined;
  for (let i = 0; i < text.length; i++) {
    if (!isDigitAt(text, i)) continue;
    if (!canStartAt(text, i) || text.charAt(i - 1) === ',' || followsPhaseMarker(text, i)) continue;
    const d = durationAt(text, i);
    if (d) return { seconds: d.seconds, index: i, length: d.end - i, raw: text.slice(i, d.end) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Phase offsets: 'T+5min', 'T+1h30m', 'T+2' (minutes), 'T-5min'

const UNIT_LADDER = [604800, 86400, 3600, 60, 1, 0.001];

interface PhaseComponent {
  value: number;
  unitSeconds?: number;
}

interface PhaseBody {
  components: PhaseComponent[];
  end: number;
}

/** The amount after 'T+': one or more components with strictly smaller units, or a bare number. */
function phaseBodyAt(text: string, i: number): PhaseBody | undefined {
  const components: PhaseComponent[] = [];
  let j = i;
  let end = i;
  let lastUnit = Infinity;
  for (;;) {
    const num = decimalAt(text, j);
    if (!num) break;
    const unit = durationUnitAt(text, skipSpaces(text, num.end, 1));
    if (unit && unit.seconds < lastUnit) {
      components.push({ value: num.value, unitSeconds: unit.seconds });
      lastUnit = unit.seconds;
      end = unit.end;
      const next = skipSpaces(text, end, 1);
      if (!isDigitAt(text, next)) break;
      j = next;
      continue;
    }
    if (components.length === 0) {
      components.push({ value: num.value });
      end = num.end;
    } else if (j === end) {
      // 'T+1h30': a trailing bare number takes the next smaller unit.
      const smaller = UNIT_LADDER[UNIT_LADDER.indexOf(lastUnit) + 1];
      if (smaller !== undefined) {
        components.push({ value: num.value, unitSeconds: smaller });
        end = num.end;
      }
    }
    break;
  }
  if (components.length === 0 || isWordCharAt(text, end)) return undefined;
  return { components, end };
}

interface PhaseOffset extends PhaseBody {
  sign: number;
}

function phaseOffsetAt(text: string, i: number): PhaseOffset | undefined {
  if (text.charAt(i) !== 'T' || isWordCharAt(text, i - 1)) return undefined;
  let j = skipSpaces(text, i + 1, 2);
  const s = text.charAt(j);
  let sign: number;
  if (s === '+') sign = 1;
  else if (s === '-' || s === '\u2212' || s === '\u2013') sign = -1;
  else return undefined;
  j = skipSpaces(text, j + 1, 2);
  const body = phaseBodyAt(text, j);
  return body ? { ...body, sign } : undefined;
}

function isUnitless(body: PhaseBody): boolean {
  return body.components.length === 1 && body.components[0]!.unitSeconds === undefined;
}

function phaseSeconds(offset: PhaseOffset, defaultUnitSeconds: number): number {
  let total = 0;
  for (const c of offset.components) total += c.value * (c.unitSeconds ?? defaultUnitSeconds);
  return roundSeconds(offset.sign * total) || 0;
}

/** The first phase offset in text ('T+0', 'T+5min', 'T + 15 min', 'T+1h30m', 'T-5min'), in seconds; a bare number after T+ is minutes. */
export function parsePhaseOffset(text: string): { seconds: number; raw: string; index: number; length: number } | undefined {
  if (typeof text !== 'string') return undefined;
  for (let i = text.indexOf('T'); i >= 0; i = text.indexOf('T', i + 1)) {
    const offset = phaseOffsetAt(text, i);
    if (offset) return { seconds: phaseSeconds(offset, 60), raw: text.slice(i, offset.end), index: i, length: offset.end - i };
  }
  return undefined;
}

/** The first phase range in text ('T+2 to T+5min', 'T+15–T+35 min', 'T+5min - T+15min'), in seconds; a unit written on one end only applies to both (minutes when neither has one). `raw` excludes surrounding parentheses. */
export function parsePhaseRange(text: string): { startSeconds: number; endSeconds: number; raw: string; index: number; length: number } | undefined {
  if (typeof text !== 'string') return undefined;
  for (let i = text.indexOf('T'); i >= 0; i = text.indexOf('T', i + 1)) {
    const first = phaseOffsetAt(text, i);
    if (!first) continue;
    const k = rangeSeparatorEnd(text, first.end);
    if (k === undefined) continue;
    let second: PhaseOffset | undefined = phaseOffsetAt(text, k);
    if (!second && isDigitAt(text, k)) {
      // 'T+15 to 35 min': the second end without its 'T+' needs a unit.
      const body = phaseBodyAt(text, k);
      if (body && !isUnitless(body)) second = { ...body, sign: 1 };
    }
    if (!second) continue;
    const firstUnit = isUnitless(first) && !isUnitless(second) ? second.components[0]!.unitSeconds! : 60;
    const secondUnit = isUnitless(second) && !isUnitless(first) ? first.components[0]!.unitSeconds! : 60;
    return {
      startSeconds: phaseSeconds(first, firstUnit),
      endSeconds: phaseSeconds(second, secondUnit),
      raw: text.slice(i, second.end),
      index: i,
      length: second.end - i,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** Formats seconds since midnight as '14:23' or '14:23:00', wrapping into 0..24 h; '--:--' for a non-finite input. */
export function formatClock(secondOfDay: number, withSeconds: boolean): string {
  if (typeof secondOfDay !== 'number' || !Number.isFinite(secondOfDay)) return withSeconds ? '--:--:--' : '--:--';
  const t = ((Math.floor(secondOfDay) % 86400) + 86400) % 86400;
  const hm = `${pad2(Math.floor(t / 3600))}:${pad2(Math.floor((t % 3600) / 60))}`;
  return withSeconds ? `${hm}:${pad2(t % 60)}` : hm;
}

/** Formats a duration for messages: '45 s', '0.05 s', '47 min', '1 h 5 min', '2 d 3 h'; '?' for a non-finite input. */
export function formatDuration(seconds: number): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '?';
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  if (abs < 59.9995 && !Number.isInteger(abs)) return `${sign}${Math.round(abs * 1000) / 1000} s`;
  const total = Math.round(abs);
  if (total === 0) return '0 s';
  const parts: string[] = [];
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (secs) parts.push(`${secs} s`);
  return sign + parts.join(' ');
}
