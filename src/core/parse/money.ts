import { groupThousands, isDigitAt, isLetterAt, letterRun } from './characters';

/**
 * Money in post-mortems: amounts ('$3.2M', '~$4.2M', '€85K', 'USD 1,200', '3.2M USD') and the
 * cost arithmetic written after them ('$125K (25 engineers × 3 hours × $350/hr)'). Pure string
 * parsing: no dependencies, nothing throws, and every function runs in time linear in the length
 * of its input (hand-written scanners with bounded look-ahead; no backtracking regex).
 */

/** An amount of money found in text. */
export interface MoneyAmount {
  /** As written, including a leading '~' or '≈' when there is one. */
  raw: string;
  index: number;
  length: number;
  /** In currency units, scale applied ($3.2M -> 3200000). */
  value: number;
  /** ISO code: 'USD', 'EUR', 'GBP'... */
  currency: string;
  /** Marked as approximate: '~', '≈', or a word before it such as 'about', 'approx.', 'est.'. */
  approximate: boolean;
  /** half a unit of the last written digit, in currency units: $3.2M -> 50000, $450K -> 500, $26,250 -> 0.5 */
  precision: number;
}

// ---------------------------------------------------------------------------------------------
// Character helpers




function isSpaceAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function skipSpaces(text: string, i: number, max: number): number {
  let j = i;
  while (j - i < max && isSpaceAt(text, j)) j++;
  return j;
}


// ---------------------------------------------------------------------------------------------
// Currencies and scales

/** Symbols, longest first so 'US$' wins over '$'. */
const SYMBOLS: ReadonlyArray<[string, string]> = [
  ['US$', 'USD'], ['CA$', 'CAD'], ['AU$', 'AUD'], ['NZ$', 'NZD'], ['HK$', 'HKD'], ['C$', 'CAD'], ['A$', 'AUD'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'],
];
const CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'INR', 'CNY', 'SEK', 'NOK', 'DKK', 'BRL', 'NZD', 'SGD', 'HKD']);
const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollars', 'USD'], ['dollar', 'USD'], ['euros', 'EUR'], ['euro', 'EUR'], ['pounds', 'GBP'],
]);
const SYMBOL_OF: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹' };

/** Scale words and letters: power of ten. Single letters are case-sensitive where it matters ('m' is a million only after a currency). */
const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 3], ['million', 6], ['billion', 9], ['trillion', 12], ['mn', 6], ['mm', 6], ['bn', 9], ['tn', 12],
  ['k', 3], ['m', 6], ['b', 9], ['t', 12],
]);

const APPROXIMATE_WORDS = ['approximately', 'approx.', 'approx', 'about', 'around', 'roughly', 'estimated', 'est.', 'circa', 'ca.', 'nearly', 'almost'];

const PER_TIME_WORDS = new Set(['s', 'sec', 'second', 'min', 'minute', 'h', 'hr', 'hour', 'd', 'day', 'week', 'month', 'year', 'yr', 'mo']);

interface Style {
  /** Text before the number ('$', '€', 'USD '). */
  prefix: string;
  /** Text after the number and scale (' USD', '€'). */
  suffix: string;
  /** The scale as written ('K', 'k', 'M', ' million'), '' without one. */
  scaleToken: string;
  scalePow: number;
  decimals: number;
  /** '~' or '≈' (with a following space when written so) when the raw amount starts with one. */
  approxMark: string;
}

interface Match extends MoneyAmount {
  style: Style;
}

interface NumberRead {
  digits: string;
  decimals: number;
  end: number;
}

/** '26,250', '3.2', '1200.50' at `i`; at most 30 characters, so look-ahead stays bounded. */
function numberAt(text: string, i: number): NumberRead | undefined {
  let j = i;
  while (j - i <= 30 && isDigitAt(text, j)) j++;
  if (j === i || j - i > 30) return undefined;
  let digits = text.slice(i, j);
  if (j - i <= 3) {
    while (text.charAt(j) === ',' && isDigitAt(text, j + 1) && isDigitAt(text, j + 2) && isDigitAt(text, j + 3) && !isDigitAt(text, j + 4) && digits.length < 24) {
      digits += text.slice(j + 1, j + 4);
      j += 4;
    }
  }
  let decimals = 0;
  if (text.charAt(j) === '.' && isDigitAt(text, j + 1)) {
    const f = j + 1;
    j = f;
    while (j - f <= 12 && isDigitAt(text, j)) j++;
    decimals = j - f;
    if (decimals > 12) return undefined;
    digits += `.${text.slice(f, j)}`;
  }
  if (isDigitAt(text, j)) return undefined;
  return { digits, decimals, end: j };
}

/** A scale after the number: 'K', 'M', 'MM', 'bn', ' million' (one optional space). `moneyBefore` allows 'm' for million. */
function scaleAt(text: string, i: number, moneyBefore: boolean): { pow: number; token: string; end: number } | undefined {
  const k = skipSpaces(text, i, 1);
  const n = letterRun(text, k, 8);
  if (n === 0 || n > 8) return undefined;
  const word = text.slice(k, k + n);
  const pow = SCALE_WORDS.get(word.toLowerCase());
  if (pow === undefined) return undefined;
  if (n === 1 && word === 'm' && !moneyBefore) return undefined;
  if (n === 1 && (word === 't' || word === 'T') && k > i) return undefined; // '5 T' is too loose
  return { pow, token: text.slice(i, k + n), end: k + n };
}

function prefixAt(text: string, i: number): { currency: string; prefix: string; end: number } | undefined {
  const c = text.charCodeAt(i);
  if (c !== 36 && !(c >= 65 && c <= 90) && !(c > 127)) return undefined;
  for (const [symbol, currency] of SYMBOLS) {
    if (text.startsWith(symbol, i)) {
      if (isLetterAt(text, i) && isLetterAt(text, i - 1)) continue;
      const k = skipSpaces(text, i + symbol.length, 1);
      return { currency, prefix: text.slice(i, k), end: k };
    }
  }
  const code = text.slice(i, i + 3);
  if (CODES.has(code) && !isLetterAt(text, i - 1) && !isLetterAt(text, i + 3)) {
    const k = skipSpaces(text, i + 3, 1);
    return { currency: code, prefix: text.slice(i, k), end: k };
  }
  return undefined;
}

function suffixAt(text: string, i: number): { currency: string; suffix: string; end: number } | undefined {
  const k = skipSpaces(text, i, 1);
  const ch = text.charAt(k);
  if (ch === '' || (!'$€£¥₹'.includes(ch) && !isLetterAt(text, k))) return undefined;
  for (const [symbol, currency] of SYMBOLS) {
    if (!isLetterAt(text, k) && text.startsWith(symbol, k)) return { currency, suffix: text.slice(i, k + symbol.length), end: k + symbol.length };
  }
  const n = letterRun(text, k, 8);
  if (n === 0 || n > 8) return undefined;
  const word = text.slice(k, k + n);
  if (CODES.has(word)) return { currency: word, suffix: text.slice(i, k + n), end: k + n };
  const fromWord = CURRENCY_WORDS.get(word.toLowerCase());
  return fromWord ? { currency: fromWord, suffix: text.slice(i, k + n), end: k + n } : undefined;
}

/** Whether the amount ending at `end` is a rate ('$350/hr', '$4M per hour', '$4M an hour'). */
function isRateAfter(text: string, end: number): boolean {
  if (text.charAt(end) === '/' && isLetterAt(text, end + 1)) return true;
  const k = skipSpaces(text, end, 2);
  if (k === end) return false;
  const n = letterRun(text, k, 4);
  const word = text.slice(k, k + n).toLowerCase();
  if (word === 'per') return true;
  if (word === 'an' || word === 'a') {
    const j = skipSpaces(text, k + n, 1);
    const m = letterRun(text, j, 6);
    return m > 0 && m <= 6 && PER_TIME_WORDS.has(text.slice(j, j + m).toLowerCase());
  }
  return false;
}

/** Whether an approximation word ends just before `i` ('about $4M', 'Est. $85K'). */
function approximateWordBefore(text: string, i: number): boolean {
  let j = i;
  for (let n = 0; n < 2 && isSpaceAt(text, j - 1); n++) j--;
  if (j === i) return false;
  for (const word of APPROXIMATE_WORDS) {
    const s = j - word.length;
    if (s < 0 || isLetterAt(text, s - 1)) continue;
    if (text.slice(s, j).toLowerCase() === word) return true;
  }
  return false;
}

/** An amount starting exactly at `i`, or undefined. Bounded look-ahead. */
function moneyAt(text: string, i: number): Match | undefined {
  let j = i;
  let approxMark = '';
  const c = text.charAt(i);
  if (c === '~' || c === '≈') {
    j = skipSpaces(text, i + 1, 1);
    approxMark = text.slice(i, j);
  }
  let currency: string | undefined;
  let prefix = '';
  let suffix = '';
  const pre = prefixAt(text, j);
  if (pre) {
    currency = pre.currency;
    prefix = pre.prefix;
    j = pre.end;
  } else {
    if (!isDigitAt(text, j)) return undefined;
    // A bare number needs a currency after it, and must not be glued to other text.
    if (approxMark === '' && j > 0 && (isLetterAt(text, j - 1) || isDigitAt(text, j - 1) || '.,$€£¥₹'.includes(text.charAt(j - 1)))) return undefined;
  }
  const num = numberAt(text, j);
  if (!num) return undefined;
  let end = num.end;
  let scalePow = 0;
  let scaleToken = '';
  const scale = scaleAt(text, end, currency !== undefined);
  if (scale) {
    scalePow = scale.pow;
    scaleToken = scale.token;
    end = scale.end;
  }
  if (!currency) {
    const suf = suffixAt(text, end);
    if (!suf) return undefined;
    currency = suf.currency;
    suffix = suf.suffix;
    end = suf.end;
  }
  if (isLetterAt(text, end) || isDigitAt(text, end) || text.charAt(end) === '%') return undefined;
  if (isRateAfter(text, end)) return undefined;
  const approximate = approxMark !== '' || approximateWordBefore(text, i);
  const value = Number(`${num.digits}e${scalePow}`);
  const precision = Number(`5e${scalePow - num.decimals - 1}`);
  return {
    raw: text.slice(i, end),
    index: i,
    length: end - i,
    value,
    currency,
    approximate,
    precision,
    style: { prefix, suffix, scaleToken, scalePow, decimals: num.decimals, approxMark },
  };
}

function publicAmount(m: Match): MoneyAmount {
  return { raw: m.raw, index: m.index, length: m.length, value: m.value, currency: m.currency, approximate: m.approximate, precision: m.precision };
}

/** Whether an amount can start with this character: a digit, '~', '≈', a currency symbol, or an upper-case letter (codes, 'US$'). */
function mayStartMoney(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 36 || c === 126 || c === 0x2248 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 0x20b9;
}

/** Calls `visit` for each amount in order until it returns true. */
function scanMoney(text: string, visit: (m: Match) => boolean): void {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // Digits glued to a word, a number or a symbol cannot start an amount: skip them without trying.
    if (!mayStartMoney(c) || (c >= 48 && c <= 57 && i > 0 && (isDigitAt(text, i - 1) || isLetterAt(text, i - 1) || '.,$€£¥₹'.includes(text.charAt(i - 1))))) {
      i++;
      continue;
    }
    const m = moneyAt(text, i);
    if (m) {
      if (visit(m)) return;
      i = m.index + m.length;
    } else i++;
  }
}

/** The first amount of money in text ('$3.2M', '~$4.2M', '$450K', '$26,250', '$1.5 million', '€85K', 'USD 1,200', '£3k', '3.2M USD'); rates such as '$350/hr' are not amounts. */
export function findMoney(text: string): MoneyAmount | undefined {
  if (typeof text !== 'string') return undefined;
  let found: Match | undefined;
  scanMoney(text, (m) => {
    found = m;
    return true;
  });
  return found ? publicAmount(found) : undefined;
}

/** Every amount of money in text, in order. */
export function findAllMoney(text: string): MoneyAmount[] {
  const out: MoneyAmount[] = [];
  if (typeof text !== 'string') return out;
  scanMoney(text, (m) => {
    out.push(publicAmount(m));
    return false;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cost expressions

/** The result of a cost expression found in text; `raw`/`index`/`length` locate the expression inside its parentheses. */
export interface CostExpressionResult {
  value?: number;
  currency?: string;
  error?: string;
  /** the expression's text, where it is */
  raw: string;
  index: number;
  length: number;
}

type TokenKind = 'num' | 'cur' | 'word' | 'op' | 'lp' | 'rp' | 'pct' | 'approx' | 'other';

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** 'num': the value; 'op': unused. */
  value?: number;
  /** 'cur': ISO code; 'word': lower-cased word as written; 'op': '*', '/', '+', '-'. */
  text?: string;
  /** 'word': the word exactly as written. */
  written?: string;
}

const MULTIPLY = new Set(['×', '*', '·', '⋅', '∙', '✕']);
const MINUS = new Set(['-', '−', '–']);

/** Splits an expression into tokens (linear). */
function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr.charAt(i);
    if (isSpaceAt(expr, i) || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (isDigitAt(expr, i) || (c === '.' && isDigitAt(expr, i + 1))) {
      let j = i;
      while (isDigitAt(expr, j)) j++;
      let digits = expr.slice(i, j);
      if (j - i <= 3) {
        while (expr.charAt(j) === ',' && isDigitAt(expr, j + 1) && isDigitAt(expr, j + 2) && isDigitAt(expr, j + 3) && !isDigitAt(expr, j + 4)) {
          digits += expr.slice(j + 1, j + 4);
          j += 4;
        }
      }
      if (expr.charAt(j) === '.' && isDigitAt(expr, j + 1)) {
        const f = j;
        j++;
        while (isDigitAt(expr, j)) j++;
        digits += expr.slice(f, j);
      }
      tokens.push({ kind: 'num', start: i, end: j, value: Number(digits) });
      i = j;
      continue;
    }
    const symbol = SYMBOLS.find(([sym]) => expr.startsWith(sym, i));
    if (symbol && !(isLetterAt(expr, i) && isLetterAt(expr, i - 1))) {
      const end = i + symbol[0].length;
      tokens.push({ kind: 'cur', start: i, end, text: symbol[1] });
      i = end;
      continue;
    }
    if (isLetterAt(expr, i)) {
      let j = i;
      while (isLetterAt(expr, j) || (expr.charAt(j) === '-' && isLetterAt(expr, j + 1) && j > i)) j++;
      const written = expr.slice(i, j);
      if (written === 'x' || written === 'X' || written.toLowerCase() === 'at') tokens.push({ kind: 'op', start: i, end: j, text: '*' });
      else if (CODES.has(written)) tokens.push({ kind: 'cur', start: i, end: j, text: written });
      else tokens.push({ kind: 'word', start: i, end: j, text: written.toLowerCase(), written });
      i = j;
      continue;
    }
    if (MULTIPLY.has(c)) tokens.push({ kind: 'op', start: i, end: i + 1, text: '*' });
    else if (c === '/' || c === '÷') tokens.push({ kind: 'op', start: i, end: i + 1, text: '/' });
    else if (c === '+') tokens.push({ kind: 'op', start: i, end: i + 1, text: '+' });
    else if (MINUS.has(c)) tokens.push({ kind: 'op', start: i, end: i + 1, text: '-' });
    else if (c === '(') tokens.push({ kind: 'lp', start: i, end: i + 1 });
    else if (c === ')') tokens.push({ kind: 'rp', start: i, end: i + 1 });
    else if (c === '%') tokens.push({ kind: 'pct', start: i, end: i + 1 });
    else if (c === '~' || c === '≈') tokens.push({ kind: 'approx', start: i, end: i + 1 });
    else if (c === '@') tokens.push({ kind: 'op', start: i, end: i + 1, text: '*' });
    else tokens.push({ kind: 'other', start: i, end: i + 1 });
    i++;
  }
  return tokens;
}

/** Whether the tokens hold an operator between two operands that both carry a number. */
function looksArithmetic(tokens: readonly Token[]): boolean {
  let hadOperator = false;
  let previousHasNumber = false;
  let currentHasNumber = false;
  let currentEmpty = true;
  for (const t of tokens) {
    if (t.kind === 'op') {
      if (hadOperator && currentEmpty) continue; // a sign after an operator: '5 × -3'
      if (hadOperator && previousHasNumber && currentHasNumber) return true;
      previousHasNumber = currentHasNumber;
      currentHasNumber = false;
      currentEmpty = true;
      hadOperator = true;
      continue;
    }
    if (t.kind === 'lp' || t.kind === 'rp') continue;
    currentEmpty = false;
    if (t.kind === 'num') currentHasNumber = true;
  }
  return hadOperator && previousHasNumber && currentHasNumber;
}

/** Seconds per time word. */
const TIME_WORDS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (seconds: number, ...names: string[]) => names.forEach((n) => m.set(n, seconds));
  add(1, 's', 'sec', 'secs', 'second', 'seconds');
  add(60, 'min', 'mins', 'minute', 'minutes');
  add(3600, 'h', 'hr', 'hrs', 'hour', 'hours');
  add(86400, 'd', 'day', 'days');
  add(604800, 'w', 'wk', 'wks', 'week', 'weeks');
  add(2592000, 'mo', 'month', 'months');
  add(31536000, 'yr', 'yrs', 'year', 'years');
  return m;
})();

/** A value with its units: currency^money × seconds^time. */
interface Dimensioned {
  value: number;
  money: number;
  time: number;
  currency?: string;
}

class ExpressionError {
  constructor(readonly message: string) {}
}

const MAX_DEPTH = 64;

/** Recursive-descent evaluator over tokens; depth is capped so deep nesting reports an error instead of overflowing. */
class Evaluator {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly expr: string,
    private readonly tokens: readonly Token[],
  ) {}

  run(): Dimensioned {
    if (this.tokens.length === 0) throw new ExpressionError('the expression is empty');
    const result = this.sum();
    if (this.pos < this.tokens.length) throw this.unexpected(this.tokens[this.pos]!);
    return result;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private unexpected(t: Token): ExpressionError {
    return new ExpressionError(`cannot read "${this.expr.slice(t.start, t.end)}" at position ${t.start + 1} of the expression`);
  }

  private sum(): Dimensioned {
    let left = this.product();
    for (;;) {
      const t = this.peek();
      if (!t || t.kind !== 'op' || (t.text !== '+' && t.text !== '-')) return left;
      this.pos++;
      const right = this.product();
      left = add(left, right, t.text === '-' ? -1 : 1);
    }
  }

  private product(): Dimensioned {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      let op: string | undefined;
      if (t && t.kind === 'op' && (t.text === '*' || t.text === '/')) op = t.text;
      else if (t && t.kind === 'word' && t.text === 'per') op = '/';
      if (!op) return left;
      this.pos++;
      const right = this.unary();
      left = op === '*' ? multiply(left, right, 1) : multiply(left, right, -1);
    }
  }

  private unary(): Dimensioned {
    const t = this.peek();
    if (t && t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.pos++;
      const inner = this.nested(() => this.unary());
      return t.text === '-' ? { ...inner, value: -inner.value } : inner;
    }
    return this.primary();
  }

  private nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new ExpressionError('the expression is nested too deeply');
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private primary(): Dimensioned {
    const t = this.peek();
    if (!t) throw new ExpressionError('the expression ends where a number was expected');
    if (t.kind === 'lp') {
      this.pos++;
      const inner = this.nested(() => this.sum());
      const close = this.peek();
      if (!close || close.kind !== 'rp') throw new ExpressionError('a parenthesis is not closed');
      this.pos++;
      return inner;
    }
    return this.operand();
  }

  /** '47 min', '$4.08M', '25 engineers', '3 hours', '$350', '5%', or a bare unit after '/' ('hour'). */
  private operand(): Dimensioned {
    const out: Dimensioned = { value: 1, money: 0, time: 0 };
    let t = this.peek();
    if (t && t.kind === 'approx') {
      this.pos++;
      t = this.peek();
    }
    if (t && t.kind === 'cur') {
      out.currency = t.text;
      out.money = 1;
      this.pos++;
      t = this.peek();
    }
    let hasNumber = false;
    if (t && t.kind === 'num') {
      out.value = t.value!;
      hasNumber = true;
      this.pos++;
      t = this.peek();
      // A scale right after the number ('4.08M', '350K', '1.5 million').
      if (t && t.kind === 'word') {
        const pow = SCALE_WORDS.get(t.text!);
        const isMinutes = t.written === 'm' && out.money === 0;
        if (pow !== undefined && !isMinutes && !(t.text === 't' && t.start > this.tokens[this.pos - 1]!.end)) {
          out.value *= 10 ** pow;
          this.pos++;
          t = this.peek();
        }
      }
      if (t && t.kind === 'pct') {
        out.value /= 100;
        this.pos++;
        t = this.peek();
      }
      // A currency after the number ('85 €', '3.2M USD'); '$' always comes first.
      if (t && t.kind === 'cur' && out.money === 0 && this.expr.charAt(t.start) !== '$') {
        out.currency = t.text;
        out.money = 1;
        this.pos++;
        t = this.peek();
      }
    } else if (out.money === 1) {
      throw t ? this.unexpected(t) : new ExpressionError('the expression ends where an amount was expected');
    }
    // Unit words: time units count, other words ('engineers', 'nodes') are dimensionless.
    let words = 0;
    while (t && t.kind === 'word' && t.text !== 'per') {
      const w = t.text!;
      const currencyWord = CURRENCY_WORDS.get(w);
      if (currencyWord && out.money === 0) {
        out.currency = currencyWord;
        out.money = 1;
      } else {
        const seconds = t.written === 'M' ? undefined : TIME_WORDS.get(w === 'm' ? 'min' : w);
        if (seconds !== undefined) {
          out.value *= seconds;
          out.time += 1;
        }
      }
      words++;
      this.pos++;
      t = this.peek();
    }
    if (!hasNumber && words === 0) throw t ? this.unexpected(t) : new ExpressionError('the expression ends where a number was expected');
    return out;
  }
}

function mergeCurrency(a: Dimensioned, b: Dimensioned): string | undefined {
  if (a.currency && b.currency && a.currency !== b.currency) throw new ExpressionError(`the expression mixes ${a.currency} and ${b.currency}`);
  return a.currency ?? b.currency;
}

function multiply(a: Dimensioned, b: Dimensioned, direction: 1 | -1): Dimensioned {
  if (direction === -1 && b.value === 0) throw new ExpressionError('the expression divides by zero');
  const currency = mergeCurrency(a, b);
  const out: Dimensioned = {
    value: direction === 1 ? a.value * b.value : a.value / b.value,
    money: a.money + direction * b.money,
    time: a.time + direction * b.time,
  };
  if (currency !== undefined) out.currency = currency;
  return out;
}

function describe(d: Dimensioned): string {
  if (d.money === 0 && d.time === 0) return 'a plain number';
  if (d.money === 0 && d.time === 1) return 'a time';
  if (d.money === 1 && d.time === 0) return 'an amount of money';
  if (d.money === 1 && d.time === -1) return 'an amount of money per unit of time';
  if (d.money === 0 && d.time === -1) return 'a rate per unit of time';
  if (d.money === 1 && d.time === 1) return 'money multiplied by a time';
  if (d.money === 2) return 'money multiplied by money';
  return 'a quantity that is not money';
}

function add(a: Dimensioned, b: Dimensioned, sign: 1 | -1): Dimensioned {
  if (a.money !== b.money || a.time !== b.time) throw new ExpressionError(`the expression adds ${describe(a)} and ${describe(b)}`);
  const currency = mergeCurrency(a, b);
  const out: Dimensioned = { value: a.value + sign * b.value, money: a.money, time: a.time };
  if (currency !== undefined) out.currency = currency;
  return out;
}

/**
 * Evaluates cost arithmetic with units: '47 min × $4.08M/hour' -> 3196000 USD,
 * '25 engineers × 3 hours × $350/hr' -> 26250 USD, '$1M + $200K' -> 1200000 USD. Times (min, h,
 * day...) and money are tracked as exponents; count words (engineers, nodes...) are
 * dimensionless. The result must be money, otherwise an error explains what it is instead.
 */
export function evaluateCostExpression(expr: string): { value: number; currency: string } | { error: string } {
  if (typeof expr !== 'string') return { error: 'the expression is empty' };
  if (expr.length > MAX_EXPRESSION) return { error: `the expression is too long (over ${MAX_EXPRESSION} characters) to be a cost expression` };
  try {
    const result = new Evaluator(expr, tokenize(expr)).run();
    if (result.money !== 1 || result.time !== 0 || result.currency === undefined) {
      return { error: `the expression gives ${describe(result)}, not an amount of money` };
    }
    if (!Number.isFinite(result.value)) return { error: 'the expression does not give a finite amount' };
    return { value: Number(result.value.toPrecision(12)), currency: result.currency };
  } catch (e) {
    if (e instanceof ExpressionError) return { error: e.message };
    return { error: 'the expression cannot be evaluated' };
  }
}

/** The longest text read as a cost expression. */
const MAX_EXPRESSION = 1000;

/** For every '(' the index of its matching ')', or -1 (one pass with a stack). */
function matchingParentheses(text: string): Int32Array {
  const close = new Int32Array(text.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) stack.push(i);
    else if (c === 41 && stack.length > 0) close[stack.pop()!] = i;
  }
  return close;
}

/** The parenthesised group from `open` to `close`, when it holds arithmetic. */
function expressionInParentheses(text: string, open: number, close: number): CostExpressionResult | undefined {
  if (close < 0 || close - open > MAX_EXPRESSION) return undefined;
  let s = open + 1;
  let e = close;
  while (s < e && isSpaceAt(text, s)) s++;
  while (e > s && isSpaceAt(text, e - 1)) e--;
  const inner = text.slice(s, e);
  if (!looksArithmetic(tokenize(inner))) return undefined;
  const evaluated = evaluateCostExpression(inner);
  const result: CostExpressionResult = { raw: inner, index: s, length: e - s };
  if ('error' in evaluated) result.error = evaluated.error;
  else {
    result.value = evaluated.value;
    result.currency = evaluated.currency;
  }
  return result;
}

/**
 * The cost arithmetic in parentheses right after an amount ('$3.2M (47 min × $4.08M/hour)'), or
 * at the start of the text (the text after an amount, as extractors pass it: ' (47 min × …)').
 * Only parentheses holding an operator between two numbers count: '$85K (scaled up Cassandra)'
 * gives undefined. `raw`/`index`/`length` cover the expression inside the parentheses.
 */
export function findCostExpression(text: string): CostExpressionResult | undefined {
  if (typeof text !== 'string') return undefined;
  if (text.indexOf('(') < 0) return undefined;
  const closeOf = matchingParentheses(text);
  // Groups already read are not read again from inside, which keeps the whole search linear.
  let readUntil = -1;
  const tryAt = (open: number): CostExpressionResult | undefined => {
    if (open < readUntil) return undefined;
    const close = closeOf[open] ?? -1;
    if (close < 0 || close - open > MAX_EXPRESSION) return undefined;
    readUntil = close;
    return expressionInParentheses(text, open, close);
  };
  let start = 0;
  while (start < text.length && (isSpaceAt(text, start) || text.charAt(start) === '\n')) start++;
  if (text.charAt(start) === '(') {
    const leading = tryAt(start);
    if (leading) return leading;
  }
  let found: CostExpressionResult | undefined;
  scanMoney(text, (m) => {
    const k = skipSpaces(text, m.index + m.length, 3);
    if (text.charAt(k) !== '(') return false;
    found = tryAt(k);
    return found !== undefined;
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// Precision and formatting

/** Whether `computed` rounds to the stated amount: |stated − computed| ≤ its precision, doubled when the amount is marked approximate. */
export function withinStatedPrecision(stated: MoneyAmount, computed: number): boolean {
  if (!stated || typeof computed !== 'number' || !Number.isFinite(computed) || !Number.isFinite(stated.value) || !Number.isFinite(stated.precision)) return false;
  const tolerance = stated.precision * (stated.approximate ? 2 : 1);
  return Math.abs(stated.value - computed) <= tolerance + 1e-9 * Math.max(Math.abs(computed), Math.abs(stated.value), 1);
}


function withGrouping(fixed: string): string {
  if (fixed.includes('e')) return fixed;
  const [intPart, frac] = fixed.split('.');
  return groupThousands(intPart ?? '') + (frac !== undefined ? `.${frac}` : '');
}

/** Fixed decimals, trailing zeros trimmed down to `minDecimals`. */
function trimmedFixed(x: number, maxDecimals: number, minDecimals: number): string {
  let s = x.toFixed(maxDecimals);
  if (!s.includes('.') || s.includes('e')) return s;
  const dot = s.indexOf('.');
  while (s.length - dot - 1 > minDecimals && s.endsWith('0')) s = s.slice(0, -1);
  if (s.endsWith('.')) s = s.slice(0, -1);
  return s;
}

/** The scale token of a family for a power of ten ('K'/'k'/' thousand'...). */
function scaleTokenFor(likeToken: string, pow: number): string {
  const trimmed = likeToken.trim();
  const space = likeToken.startsWith(' ') || likeToken.startsWith('\u00a0') ? ' ' : '';
  const index = pow / 3 - 1;
  if (trimmed.length > 3) return space + (['thousand', 'million', 'billion', 'trillion'][index] ?? '');
  if (trimmed === 'k' || trimmed === 'm' || trimmed === 'bn' || trimmed === 'mn' || trimmed === 'tn' || trimmed === 'b') return space + (['k', 'm', 'bn', 'tn'][index] ?? '');
  return space + (['K', 'M', 'B', 'T'][index] ?? '');
}

function styleOf(like: MoneyAmount): Style {
  const raw = typeof like.raw === 'string' ? like.raw : '';
  const m = raw.length <= 200 ? moneyAt(raw, 0) : undefined;
  if (m) return m.style;
  const symbol = SYMBOL_OF[like.currency];
  return { prefix: symbol ?? '', suffix: symbol ? '' : ` ${like.currency}`, scaleToken: '', scalePow: 0, decimals: 0, approxMark: '' };
}

/**
 * Formats `value` the way `like` is written: same currency notation, scale family and decimals.
 * Rule: when |value| is at least one unit of like's scale, it is written with the largest scale
 * it reaches (never smaller than like's), with up to max(like's decimals, 3) decimals, trailing
 * zeros trimmed ('$125K' -> 26250 is '$26.25K', 3196000 is '$3.196M'); below one unit of the scale
 * it is written in full with thousands separators ('$850'); with no scale, in full with like's
 * decimals ('$26,250'). A leading '~' is kept when `like` is approximate and written with one.
 */
export function formatMoneyLike(value: number, like: MoneyAmount): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || !like) return '?';
  const style = styleOf(like);
  const approx = like.approximate ? style.approxMark : '';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  let body: string;
  if (style.scalePow > 0 && abs >= 10 ** style.scalePow) {
    let pow = style.scalePow;
    for (const p of [3, 6, 9, 12]) if (p > pow && abs >= 10 ** p) pow = p;
    const minDecimals = pow === style.scalePow ? style.decimals : 0;
    const number = trimmedFixed(abs / 10 ** pow, Math.max(style.decimals, 3), minDecimals);
    body = withGrouping(number) + scaleTokenFor(style.scaleToken, pow);
  } else if (style.scalePow > 0) {
    const cents = Math.round(abs * 100);
    body = withGrouping(cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));
  } else {
    body = withGrouping(abs.toFixed(Math.min(style.decimals, 12)));
  }
  return `${approx}${sign}${style.prefix}${body}${style.suffix}`;
}
