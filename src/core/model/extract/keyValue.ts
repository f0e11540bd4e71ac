/** A `**Key**: value` (or `**Key:** value`, or plain `Key: value`) line, with columns. */
export interface KeyValueLine {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: string;
  valueStart: number;
  bold: boolean;
}

const MAX_KEY_LENGTH = 60;

/** Parses one source line as a key-value line; undefined when it is not one. Linear time. */
export function parseKeyValueLine(line: string): KeyValueLine | undefined {
  let i = skipListMarker(line);
  const marker = line.startsWith('**', i) ? '**' : line.startsWith('__', i) ? '__' : undefined;
  if (marker) {
    const close = line.indexOf(marker, i + 2);
    if (close < 0 || close - i - 2 > MAX_KEY_LENGTH) return undefined;
    let keyEnd = close;
    let key = line.slice(i + 2, close);
    let colonInside = false;
    if (key.endsWith(':')) {
      key = key.slice(0, -1);
      keyEnd--;
      colonInside = true;
    }
    let j = close + 2;
    while (line[j] === ' ' || line[j] === '\t') j++;
    if (!colonInside) {
      if (line[j] !== ':') return undefined;
      j++;
    }
    while (line[j] === ' ' || line[j] === '\t') j++;
    const trimmedKey = key.trim();
    if (!trimmedKey) return undefined;
    return { key: trimmedKey, keyStart: i + 2, keyEnd, value: line.slice(j).trimEnd(), valueStart: j, bold: true };
  }
  const colon = line.indexOf(':', i);
  if (colon < 0 || colon - i > MAX_KEY_LENGTH) return undefined;
  const key = line.slice(i, colon);
  // Plain keys are words only: `14:23 alert` and `https://...` are not keys.
  if (!/^[A-Za-z][A-Za-z /&()-]*$/.test(key)) return undefined;
  let j = colon + 1;
  if (line[j] !== ' ' && line[j] !== '\t' && j < line.length) return undefined;
  while (line[j] === ' ' || line[j] === '\t') j++;
  return { key: key.trim(), keyStart: i, keyEnd: i + key.trimEnd().length, value: line.slice(j).trimEnd(), valueStart: j, bold: false };
}

/** Column after leading spaces, a list bullet or number, and a task checkbox. */
export function skipListMarker(line: string): number {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t' || line[i] === '>') i++;
  if ((line[i] === '-' || line[i] === '*' || line[i] === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
    i += 2;
  } else {
    let j = i;
    while (j < line.length && j - i < 9 && line[j] >= '0' && line[j] <= '9') j++;
    if (j > i && (line[j] === '.' || line[j] === ')') && (line[j + 1] === ' ' || line[j + 1] === '\t')) i = j + 2;
  }
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (line[i] === '[' && line[i + 2] === ']' && ' xX'.includes(line[i + 1] ?? '!')) {
    i += 3;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  return i;
}

/** Lower-cases a key and removes punctuation, for matching against synonyms. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
