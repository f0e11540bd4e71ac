/**
 * Character tests shared by the hand-written scanners (time, quantity, money). They look at one
 * code unit at a time with bounded look-ahead, which is what keeps those scanners linear.
 */

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Per BMP code unit: 0 not yet known, 1 letter or mark, 2 neither (saves a regex test per character). */
const LETTER_CACHE = new Uint8Array(65536);

function isNonAsciiLetter(text: string, i: number, c: number): boolean {
  let known = LETTER_CACHE[c]!;
  if (known === 0) {
    known = LETTER_OR_MARK.test(text.charAt(i)) ? 1 : 2;
    LETTER_CACHE[c] = known;
  }
  return known === 1;
}

/** The code unit at `i`, or -1 outside the text. */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** True for an ASCII digit at `i`. */
export function isDigitAt(text: string, i: number): boolean {
  const c = codeAt(text, i);
  return c >= 48 && c <= 57;
}

/** True for a letter (any script) or combining mark at `i`. */
export function isLetterAt(text: string, i: number): boolean {
  const c = codeAt(text, i);
  if (c < 0) return false;
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return isNonAsciiLetter(text, i, c);
}

/** Length of the run of letters at `i`, counting at most `cap + 1`. */
export function letterRun(text: string, i: number, cap: number): number {
  let n = 0;
  while (n <= cap && isLetterAt(text, i + n)) n++;
  return n;
}

/** "26250" -> "26,250". */
export function groupThousands(intPart: string): string {
  let out = '';
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) out += ',';
    out += intPart.charAt(i);
  }
  return out;
}
