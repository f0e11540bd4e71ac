import { groupThousands, isDigitAt, isLetterAt } from './characters';

/**
 * Quantities as written in metric tables and gate criteria: '95%', '<100ms', '120M', '10GB/s',
 * '2M req/sec', 'N/A (rolled back)'. Pure string parsing: no dependencies, nothing throws, and
 * every function runs in time linear in the length of its input (hand-written scanner, no regex
 * that can backtrack).
 */

/** What a quantity measures; `value` is expressed in the dimension's base unit. */
export type Dimension = 'ratio' | 'time' | 'count' | 'money' | 'data' | 'dataRate' | 'bitRate' | 'rate' | 'factor' | 'temperature' | 'other';

/** A comparator written before a number ('≥' is read as '>=', '≈' as '~'). */
export type Comparator = '<' | '>' | '<=' | '>=' | '=' | '~';

/**
 * One quantity. Base units of `value`: ratio -> fraction (95% = 0.95); time -> seconds; data ->
 * bytes; dataRate -> bytes per second (bit rates too: 10Gbps -> 1.25e9, unit kept as 'Gbps', so
 * 'bitRate' is never produced); rate -> per second; money -> currency units; count and factor ->
 * the plain number with its scale; temperature -> degrees Celsius; other (money per unit of time,
 * '$4.08M/hour') -> currency units per second.
 */
export interface Quantity {
  /** The quantity as written, without a trailing note and without Markdown emphasis around it. */
  raw: string;
  index: number;
  length: number;
  comparator?: Comparator;
  /** The number as written, with its sign (3.2 in '3.2M', -0.3 in '-0.3%'); NaN when not applicable. */
  number: number;
  /** Digits written after the decimal point. */
  decimals: number;
  scale?: 'K' | 'M' | 'B' | 'T';
  /** The unit, normalised: '%', 'ms', 's', 'min', 'h', 'MB/s', 'Gbps', '/sec', 'req/sec', '$', 'x', 'TB', 'nodes'... */
  unit?: string;
  dimension: Dimension;
  value: number;
  /** ISO code for money: 'USD' for '$', 'EUR' for '€', 'GBP' for '£'. */
  currency?: string;
  /** N/A, n/a, -, —, none, TBD, TBC: `number` and `value` are NaN. */
  notApplicable?: boolean;
  /** Text after the quantity: '(rolled back)' in 'N/A (rolled back)', '(peak)' in '120M (peak)'. */
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Character helpers




function isSpaceAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && isSpaceAt(text, i)) i++;
  return i;
}

function startsWithCI(text: string, i: number, end: number, word: string): boolean {
  if (i + word.length > end) return false;
  return text.slice(i, i + word.length).toLowerCase() === word;
}

// ---------------------------------------------------------------------------------------------
// Units

interface UnitDef {
  unit: string;
  dimension: Dimension;
  /** value = number × 10^pow10 × mul / div. */
  pow10: number;
  mul: number;
  div: number;
}

function def(unit: string, dimension: Dimension, pow10 = 0, mul = 1, div = 1): UnitDef {
  return { unit, dimension, pow10, mul, div };
}

/** Units matched exactly as written (case matters: 'MB' is bytes, 'Mb' bits, 'M' a million). */
const EXACT_UNITS: ReadonlyMap<string, UnitDef> = new Map<string, UnitDef>([
  ['%', def('%', 'ratio', -2)],
  ['‰', def('‰', 'ratio', -3)],
  ['ns', def('ns', 'time', -9)],
  ['µs', def('µs', 'time', -6)],
  ['μs', def('µs', 'time', -6)],
  ['us', def('µs', 'time', -6)],
  ['ms', def('ms', 'time', -3)],
  ['s', def('s', 'time')],
  ['m', def('min', 'time', 0, 60)],
  ['h', def('h', 'time', 0, 3600)],
  ['d', def('d', 'time', 0, 86400)],
  ['w', def('w', 'time', 0, 604800)],
  ['KB', def('KB', 'data', 3)],
  ['kB', def('KB', 'data', 3)],
  ['MB', def('MB', 'data', 6)],
  ['GB', def('GB', 'data', 9)],
  ['TB', def('TB', 'data', 12)],
  ['PB', def('PB', 'data', 15)],
  ['KiB', def('KiB', 'data', 0, 1024)],
  ['MiB', def('MiB', 'data', 0, 1024 ** 2)],
  ['GiB', def('GiB', 'data', 0, 1024 ** 3)],
  ['TiB', def('TiB', 'data', 0, 1024 ** 4)],
  ['kb', def('Kb', 'data', 3, 1, 8)],
  ['Kb', def('Kb', 'data', 3, 1, 8)],
  ['Mb', def('Mb', 'data', 6, 1, 8)],
  ['Gb', def('Gb', 'data', 9, 1, 8)],
  ['Tb', def('Tb', 'data', 12, 1, 8)],
  ['bps', def('bps', 'dataRate', 0, 1, 8)],
  ['kbps', def('Kbps', 'dataRate', 3, 1, 8)],
  ['Kbps', def('Kbps', 'dataRate', 3, 1, 8)],
  ['Mbps', def('Mbps', 'dataRate', 6, 1, 8)],
  ['Gbps', def('Gbps', 'dataRate', 9, 1, 8)],
  ['Tbps', def('Tbps', 'dataRate', 12, 1, 8)],
  ['KBps', def('KB/s', 'dataRate', 3)],
  ['MBps', def('MB/s', 'dataRate', 6)],
  ['GBps', def('GB/s', 'dataRate', 9)],
  ['x', def('x', 'factor')],
  ['X', def('x', 'factor')],
  ['×', def('x', 'factor')],
  ['°C', def('°C', 'temperature')],
  ['℃', def('°C', 'temperature')],
  ['°F', def('°F', 'temperature')],
  ['℉', def('°F', 'temperature')],
]);

/** Word units, matched case-insensitively. */
const WORD_UNITS: ReadonlyMap<string, UnitDef> = new Map<string, UnitDef>([
  ['percent', def('%', 'ratio', -2)],
  ['pct', def('%', 'ratio', -2)],
  ['msec', def('ms', 'time', -3)],
  ['msecs', def('ms', 'time', -3)],
  ['millisecond', def('ms', 'time', -3)],
  ['milliseconds', def('ms', 'time', -3)],
  ['sec', def('s', 'time')],
  ['secs', def('s', 'time')],
  ['second', def('s', 'time')],
  ['seconds', def('s', 'time')],
  ['min', def('min', 'time', 0, 60)],
  ['mins', def('min', 'time', 0, 60)],
  ['minute', def('min', 'time', 0, 60)],
  ['minutes', def('min', 'time', 0, 60)],
  ['hr', def('h', 'time', 0, 3600)],
  ['hrs', def('h', 'time', 0, 3600)],
  ['hour', def('h', 'time', 0, 3600)],
  ['hours', def('h', 'time', 0, 3600)],
  ['day', def('d', 'time', 0, 86400)],
  ['days', def('d', 'time', 0, 86400)],
  ['wk', def('w', 'time', 0, 604800)],
  ['wks', def('w', 'time', 0, 604800)],
  ['week', def('w', 'time', 0, 604800)],
  ['weeks', def('w', 'time', 0, 604800)],
  ['byte', def('B', 'data')],
  ['bytes', def('B', 'data')],
  ['times', def('x', 'factor')],
  ['rps', def('rps', 'rate')],
  ['qps', def('qps', 'rate')],
  ['tps', def('tps', 'rate')],
  ['ops', def('ops', 'rate')],
]);

/** Units of time after '/' or 'per': seconds per unit. 'M' is never minutes. */
const PER_TIME: ReadonlyMap<string, number> = new Map<string, number>([
  ['s', 1], ['sec', 1], ['secs', 1], ['second', 1],
  ['m', 60], ['min', 60], ['minute', 60],
  ['h', 3600], ['hr', 3600], ['hour', 3600],
  ['d', 86400], ['day', 86400],
  ['w', 604800], ['wk', 604800], ['week', 604800],
]);

/** Data units that may stand before '/s' (bytes or bits). */
const DATA_BEFORE_PER: ReadonlyMap<string, UnitDef> = new Map<string, UnitDef>([
  ['B', def('B', 'data')],
  ['KB', def('KB', 'data', 3)], ['kB', def('KB', 'data', 3)],
  ['MB', def('MB', 'data', 6)], ['GB', def('GB', 'data', 9)], ['TB', def('TB', 'data', 12)], ['PB', def('PB', 'data', 15)],
  ['KiB', def('KiB', 'data', 0, 1024)], ['MiB', def('MiB', 'data', 0, 1024 ** 2)], ['GiB', def('GiB', 'data', 0, 1024 ** 3)],
  ['b', def('b', 'data', 0, 1, 8)], ['bit', def('b', 'data', 0, 1, 8)],
  ['Kb', def('Kb', 'data', 3, 1, 8)], ['kb', def('Kb', 'data', 3, 1, 8)], ['Kbit', def('Kb', 'data', 3, 1, 8)], ['kbit', def('Kb', 'data', 3, 1, 8)],
  ['Mb', def('Mb', 'data', 6, 1, 8)], ['Mbit', def('Mb', 'data', 6, 1, 8)],
  ['Gb', def('Gb', 'data', 9, 1, 8)], ['Gbit', def('Gb', 'data', 9, 1, 8)],
  ['Tb', def('Tb', 'data', 12, 1, 8)], ['Tbit', def('Tb', 'data', 12, 1, 8)],
]);

const CURRENCY_SYMBOLS: ReadonlyArray<[string, string]> = [
  ['US$', 'USD'], ['CA$', 'CAD'], ['AU$', 'AUD'], ['C$', 'CAD'], ['A$', 'AUD'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'],
];
const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'INR', 'CNY', 'SEK', 'NOK', 'DKK', 'BRL', 'NZD', 'SGD', 'HKD']);
const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([['dollars', 'USD'], ['dollar', 'USD'], ['euros', 'EUR'], ['euro', 'EUR'], ['pounds', 'GBP']]);

const SCALE_POW: Record<NonNullable<Quantity['scale']>, number> = { K: 3, M: 6, B: 9, T: 12 };

/** Units written without a space after the number when formatting. */
function isCompactUnit(unit: string, dimension: Dimension): boolean {
  if (dimension === 'count') return false;
  if (dimension === 'rate' && /^[\p{L}]/u.test(unit)) return unit === 'rps' || unit === 'qps' || unit === 'tps' || unit === 'ops';
  return true;
}

// ---------------------------------------------------------------------------------------------
// Pieces of a quantity

const WRAPPERS = ['**', '__', '*', '_', '`', '"', "'"];

/** Trims whitespace and matching Markdown emphasis / backticks / quotes around the text. */
function unwrap(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  for (;;) {
    s = skipSpaces(text, s, e);
    while (e > s && isSpaceAt(text, e - 1)) e--;
    let stripped = false;
    for (const w of WRAPPERS) {
      if (e - s >= 2 * w.length + 1 && text.startsWith(w, s) && text.endsWith(w, e)) {
        s += w.length;
        e -= w.length;
        stripped = true;
        break;
      }
    }
    if (!stripped) return [s, e];
  }
}

const SYMBOL_COMPARATORS: ReadonlyArray<[string, Comparator]> = [
  ['&lt;=', '<='], ['&gt;=', '>='], ['&le;', '<='], ['&ge;', '>='], ['&lt;', '<'], ['&gt;', '>'],
  ['<=', '<='], ['>=', '>='], ['=<', '<='], ['=>', '>='], ['==', '='], ['~=', '~'],
  ['≤', '<='], ['≥', '>='], ['≦', '<='], ['≧', '>='], ['⩽', '<='], ['⩾', '>='],
  ['<', '<'], ['>', '>'], ['=', '='], ['~', '~'], ['≈', '~'], ['≃', '~'], ['∼', '~'],
];

const WORD_COMPARATORS: ReadonlyArray<[string, Comparator]> = [
  ['no more than', '<='], ['no less than', '>='], ['at least', '>='], ['at most', '<='], ['up to', '<='],
  ['less than', '<'], ['fewer than', '<'], ['more than', '>'], ['greater than', '>'],
  ['under', '<'], ['below', '<'], ['over', '>'], ['above', '>'],
  ['approximately', '~'], ['approx.', '~'], ['approx', '~'], ['about', '~'], ['around', '~'], ['roughly', '~'], ['ca.', '~'],
];

function comparatorAt(text: string, i: number, end: number): { comparator: Comparator; end: number } | undefined {
  for (const [symbol, comparator] of SYMBOL_COMPARATORS) {
    if (text.startsWith(symbol, i) && i + symbol.length <= end) return { comparator, end: i + symbol.length };
  }
  if (!isLetterAt(text, i)) return undefined;
  for (const [word, comparator] of WORD_COMPARATORS) {
    const j = i + word.length;
    if (startsWithCI(text, i, end, word) && (isSpaceAt(text, j) || (word.endsWith('.') && !isLetterAt(text, j)))) return { comparator, end: j };
  }
  return undefined;
}

interface NumberMatch {
  /** Digits with the decimal point, without thousands separators or sign. */
  digits: string;
  decimals: number;
  grouped: boolean;
  end: number;
}

/** '2,000', '0.01', '99.95', '1,800.5' at `i` (linear in the digits read). */
function numberAt(text: string, i: number, end: number): NumberMatch | undefined {
  let j = i;
  while (j < end && isDigitAt(text, j)) j++;
  if (j === i) return undefined;
  let digits = text.slice(i, j);
  let grouped = false;
  if (j - i <= 3) {
    while (j < end && text.charAt(j) === ',' && isDigitAt(text, j + 1) && isDigitAt(text, j + 2) && isDigitAt(text, j + 3) && !isDigitAt(text, j + 4)) {
      digits += text.slice(j + 1, j + 4);
      j += 4;
      grouped = true;
    }
  }
  let decimals = 0;
  if (text.charAt(j) === '.' && isDigitAt(text, j + 1)) {
    const f = j + 1;
    j = f;
    while (j < end && isDigitAt(text, j)) j++;
    decimals = j - f;
    digits += `.${text.slice(f, j)}`;
  }
  return { digits, decimals, grouped, end: j };
}

function scaleAt(text: string, i: number, end: number): { scale: NonNullable<Quantity['scale']>; end: number } | undefined {
  const words: ReadonlyArray<[string, NonNullable<Quantity['scale']>]> = [['thousand', 'K'], ['million', 'M'], ['billion', 'B'], ['trillion', 'T'], ['bn', 'B'], ['mn', 'M']];
  for (const [w, scale] of words) {
    if (startsWithCI(text, i, end, w) && !isLetterAt(text, i + w.length)) return { scale, end: i + w.length };
  }
  const c = text.charAt(i);
  if (c === 'M' && text.charAt(i + 1) === 'M' && !isLetterAt(text, i + 2)) return { scale: 'M', end: i + 2 };
  if ((c === 'K' || c === 'k' || c === 'M' || c === 'B' || c === 'T') && !isLetterAt(text, i + 1) && !isDigitAt(text, i + 1)) {
    return { scale: c === 'k' ? 'K' : c, end: i + 1 };
  }
  return undefined;
}

function currencyPrefixAt(text: string, i: number, end: number): { currency: string; unit: string; end: number } | undefined {
  for (const [symbol, currency] of CURRENCY_SYMBOLS) {
    if (text.startsWith(symbol, i) && i + symbol.length <= end) return { currency, unit: symbol === 'US$' ? '$' : symbol, end: i + symbol.length };
  }
  const code = text.slice(i, i + 3);
  if (CURRENCY_CODES.has(code) && !isLetterAt(text, i + 3)) return { currency: code, unit: code, end: i + 3 };
  return undefined;
}

/** Where a trailing note starts: '(', '[' after a space, or ', ', '; ', ' - ', ' — ', ' – '. */
function noteStartIn(text: string, i: number, end: number): number {
  for (let j = i; j < end; j++) {
    const c = text.charAt(j);
    if ((c === '(' || c === '[') && (j === i || isSpaceAt(text, j - 1))) return j;
    if ((c === ',' || c === ';') && (j + 1 === end || isSpaceAt(text, j + 1))) return j;
    if ((c === '-' || c === '—' || c === '–') && isSpaceAt(text, j - 1) && (j + 1 === end || isSpaceAt(text, j + 1))) return j;
  }
  return end;
}

function cleanNote(text: string, start: number, end: number): string | undefined {
  let s = start;
  while (s < end && (isSpaceAt(text, s) || ',;-—–:'.includes(text.charAt(s)))) s++;
  const note = text.slice(s, end).trim();
  return note === '' ? undefined : note;
}

const NOT_APPLICABLE = ['n/a', 'n.a.', 'na', 'none', 'tbd', 'tbc', 'nil', '--', '-', '—', '–'];

function notApplicableAt(text: string, s: number, e: number): Quantity | undefined {
  for (const token of NOT_APPLICABLE) {
    if (!startsWithCI(text, s, e, token)) continue;
    const j = s + token.length;
    if (j < e && !isSpaceAt(text, j) && text.charAt(j) !== '(') continue;
    const noteStart = skipSpaces(text, j, e);
    const c = text.charAt(noteStart);
    if (noteStart < e && (isDigitAt(text, noteStart) || c === '$' || c === '€' || c === '£' || c === '.' || c === '%')) return undefined;
    const q: Quantity = { raw: text.slice(s, j), index: s, length: j - s, number: NaN, decimals: 0, dimension: 'other', value: NaN, notApplicable: true };
    const note = cleanNote(text, noteStart, e);
    if (note !== undefined) q.note = note;
    return q;
  }
  return undefined;
}

function scaledValue(sign: number, digits: string, pow10: number, mul: number, div: number): number {
  const v = Number(`${digits}e${pow10}`);
  return (sign * v * mul) / div;
}

/** Reads the unit text (between the number and the note). */
function classifyUnit(unitText: string): { def: UnitDef; perSeconds?: number; free?: boolean } | undefined {
  const exact = EXACT_UNITS.get(unitText);
  if (exact) return { def: exact };
  const lower = unitText.toLowerCase();
  const word = WORD_UNITS.get(lower);
  if (word) return { def: word };
  // Rates: 'X/Y' or 'X per Y'
  let left: string | undefined;
  let right: string | undefined;
  const slash = unitText.indexOf('/');
  if (slash >= 0 && unitText.indexOf('/', slash + 1) < 0) {
    left = unitText.slice(0, slash).trim();
    right = unitText.slice(slash + 1).trim();
  } else {
    const per = lower.indexOf('per ');
    if (per === 0 || (per > 0 && lower.charAt(per - 1) === ' ')) {
      left = unitText.slice(0, per).trim();
      right = unitText.slice(per + 4).trim();
    }
  }
  if (left !== undefined && right !== undefined) {
    const perSeconds = right === 'M' ? undefined : PER_TIME.get(singular(right.toLowerCase()));
    if (perSeconds === undefined) return undefined;
    const written = `${left}/${right}`;
    if (left === '') return { def: def(written, 'rate', 0, 1, perSeconds), perSeconds };
    const data = DATA_BEFORE_PER.get(left);
    if (data) {
      const bits = data.div === 8;
      const unit = bits ? (left === 'b' || left === 'bit' ? 'bps' : `${data.unit}ps`) : `${data.unit}/s`;
      return { def: def(unit, 'dataRate', data.pow10, data.mul, data.div * perSeconds), perSeconds };
    }
    if (isFreeWord(left)) return { def: def(written, 'rate', 0, 1, perSeconds), perSeconds, free: true };
    return undefined;
  }
  if (isFreeWord(unitText)) return { def: def(unitText, 'count'), free: true };
  return undefined;
}

function singular(word: string): string {
  return word.length > 2 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/** A single word of letters (and inner hyphens), at most 40 characters: 'nodes', 'req', 'on-call'. */
function isFreeWord(s: string): boolean {
  if (s.length === 0 || s.length > 40) return false;
  for (let i = 0; i < s.length; i++) {
    if (isLetterAt(s, i)) continue;
    if (s.charAt(i) === '-' && i > 0 && i < s.length - 1) continue;
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// API

/**
 * Parses a whole table cell as one quantity ('95%', '<100ms', '120M', '100MB/s', '2M req/sec',
 * '1,800 nodes', '$4.2M', 'N/A (rolled back)'); undefined when the cell is not a quantity.
 * '~50ms' has comparator '~'. Money per unit of time ('$4.08M/hour') has dimension 'other', its
 * value in currency units per second.
 */
export function parseQuantity(text: string): Quantity | undefined {
  if (typeof text !== 'string') return undefined;
  const [s, e] = unwrap(text, 0, text.length);
  if (s >= e) return undefined;
  const na = notApplicableAt(text, s, e);
  if (na) return na;

  let i = s;
  const cmp = comparatorAt(text, i, e);
  if (cmp) i = skipSpaces(text, cmp.end, e);
  let sign = 1;
  const signChar = text.charAt(i);
  if (signChar === '+' || signChar === '-' || signChar === '\u2212') {
    sign = signChar === '+' ? 1 : -1;
    i++;
  }
  let currency = currencyPrefixAt(text, i, e);
  if (currency) i = skipSpaces(text, currency.end, e);
  const num = numberAt(text, i, e);
  if (!num) return undefined;
  i = num.end;
  let j = skipSpaces(text, i, e);
  const scale = scaleAt(text, j, e);
  if (scale) {
    i = scale.end;
    j = skipSpaces(text, i, e);
  }
  const noteStart = noteStartIn(text, j, e);
  let unitEnd = noteStart;
  while (unitEnd > j && isSpaceAt(text, unitEnd - 1)) unitEnd--;
  const unitText = text.slice(j, unitEnd);
  const quantityEnd = unitText === '' ? i : unitEnd;
  if (noteStart < e && noteStart === j && quantityEnd === i && j === i) {
    // A note glued to the number ('5%(x)') is not a note.
    return undefined;
  }
  const number = sign * Number(num.digits);
  if (!Number.isFinite(number)) return undefined;
  const scalePow = scale ? SCALE_POW[scale.scale] : 0;
  const q: Quantity = { raw: text.slice(s, quantityEnd), index: s, length: quantityEnd - s, number, decimals: num.decimals, dimension: 'count', value: NaN };
  if (cmp) q.comparator = cmp.comparator;
  if (scale) q.scale = scale.scale;

  // Money: a currency prefix, or a currency code / word after the number.
  if (!currency && unitText !== '') {
    const code = CURRENCY_CODES.has(unitText) ? unitText : undefined;
    const word = CURRENCY_WORDS.get(unitText.toLowerCase());
    if (code || word) currency = { currency: code ?? word!, unit: code ?? unitText.toLowerCase(), end: unitEnd };
  }
  if (currency) {
    q.currency = currency.currency;
    if (unitText === '' || unitText === currency.unit) {
      q.dimension = 'money';
      q.unit = currency.unit;
      q.value = scaledValue(sign, num.digits, scalePow, 1, 1);
    } else {
      const per = classifyUnit(unitText);
      if (!per || per.perSeconds === undefined || per.def.unit.indexOf('/') !== 0) return undefined;
      q.dimension = 'other';
      q.unit = `${currency.unit}${per.def.unit}`;
      q.value = scaledValue(sign, num.digits, scalePow, 1, per.perSeconds);
    }
  } else if (unitText === '') {
    q.value = scaledValue(sign, num.digits, scalePow, 1, 1);
  } else {
    const unit = classifyUnit(unitText);
    if (!unit) return undefined;
    const d = unit.def;
    // A scale only goes with plain counts and rates ('120M', '2M req/sec', '200K/sec').
    if (scale && d.dimension !== 'count' && d.dimension !== 'rate') return undefined;
    q.unit = d.unit;
    q.dimension = d.dimension;
    if (d.unit === '°F') q.value = ((sign * Number(num.digits) - 32) * 5) / 9;
    else q.value = scaledValue(sign, num.digits, d.pow10 + scalePow, d.mul, d.div);
  }
  const note = cleanNote(text, noteStart, e);
  if (note !== undefined) q.note = note;
  return q;
}

function unitKey(unit: string | undefined): string {
  return unit === undefined ? '' : singular(unit.toLowerCase());
}

/** Whether two quantities measure the same thing (same dimension; same currency for money; compatible nouns for counts and rates). */
export function sameDimension(a: Quantity, b: Quantity): boolean {
  if (!a || !b || a.notApplicable || b.notApplicable || a.dimension !== b.dimension) return false;
  switch (a.dimension) {
    case 'money':
      return a.currency === b.currency;
    case 'count': {
      const ka = unitKey(a.unit);
      const kb = unitKey(b.unit);
      return ka === '' || kb === '' || ka === kb;
    }
    case 'rate': {
      const na = unitKey((a.unit ?? '').split('/')[0]);
      const nb = unitKey((b.unit ?? '').split('/')[0]);
      return na === '' || nb === '' || na === nb;
    }
    case 'other':
      if (a.currency !== undefined || b.currency !== undefined) return a.currency === b.currency && (a.unit ?? '').includes('/') && (b.unit ?? '').includes('/');
      return unitKey(a.unit) === unitKey(b.unit);
    default:
      return true;
  }
}

/** Half a unit of the last written digit, in base units. */
function writtenTolerance(q: Quantity): number {
  const factor = q.number !== 0 && Number.isFinite(q.value / q.number) ? Math.abs(q.value / q.number) : 1;
  return 0.5 * 10 ** -q.decimals * factor;
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Whether `value` meets `target` ('>90%', '<100ms', '~50ms'). Undefined when the target has no
 * comparator, either side is N/A, or the dimensions differ. '=' allows half a unit of the target's
 * last written digit; '~' allows 10% of the target (or that half unit, if larger).
 */
export function satisfies(value: Quantity, target: Quantity): boolean | undefined {
  if (!value || !target || !target.comparator || !sameDimension(value, target)) return undefined;
  const v = value.value;
  const t = target.value;
  if (!Number.isFinite(v) || !Number.isFinite(t)) return undefined;
  const equal = nearlyEqual(v, t);
  switch (target.comparator) {
    case '<':
      return v < t && !equal;
    case '<=':
      return v <= t || equal;
    case '>':
      return v > t && !equal;
    case '>=':
      return v >= t || equal;
    case '=':
      return equal || Math.abs(v - t) <= writtenTolerance(target) * (1 + 1e-9);
    case '~':
      return equal || Math.abs(v - t) <= Math.max(0.1 * Math.abs(t), writtenTolerance(target)) * (1 + 1e-9);
  }
}


/** Writes a quantity back in a compact canonical form: '>=99.9%', '<100ms', '120M', '2M req/sec', '$4.2M', '1,800 nodes', 'N/A (rolled back)'. */
export function formatQuantity(q: Quantity): string {
  if (!q) return '';
  if (q.notApplicable || !Number.isFinite(q.number)) return q.note ? `N/A ${q.note}` : 'N/A';
  const decimals = Math.max(0, Math.min(20, Math.floor(q.decimals) || 0));
  const abs = Math.abs(q.number);
  let digits = abs.toFixed(decimals);
  const grouped = /\d,\d{3}/.test(q.raw ?? '');
  if (grouped && !digits.includes('e')) {
    const [intPart, frac] = digits.split('.');
    digits = groupThousands(intPart ?? '') + (frac !== undefined ? `.${frac}` : '');
  }
  const rawHasPlus = /^[^0-9]*\+/.test(q.raw ?? '');
  const sign = q.number < 0 ? '-' : rawHasPlus ? '+' : '';
  const scale = q.scale ?? '';
  const comparator = q.comparator ?? '';
  const unit = q.unit ?? '';
  if (q.dimension === 'money' || (q.dimension === 'other' && q.currency)) {
    const slash = unit.indexOf('/');
    const currencyPart = slash >= 0 ? unit.slice(0, slash) : unit;
    const perPart = slash >= 0 ? unit.slice(slash) : '';
    if (CURRENCY_CODES.has(currencyPart) || CURRENCY_WORDS.has(currencyPart)) return `${comparator}${sign}${digits}${scale} ${currencyPart}${perPart}`;
    return `${comparator}${sign}${currencyPart}${digits}${scale}${perPart}`;
  }
  if (unit === '') return `${comparator}${sign}${digits}${scale}`;
  const space = isCompactUnit(unit, q.dimension) ? '' : ' ';
  return `${comparator}${sign}${digits}${scale}${space}${unit}`;
}
