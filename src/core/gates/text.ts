// Small text helpers for the gates analysis: offsets to positions, edit distance, message quoting.

/** A zero-based position in a text, counting lines as VS Code does (\r\n, \r and \n end a line). */
export interface TextPosition {
  line: number;
  character: number;
}

/** Maps string offsets to zero-based line/character positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  /** Indexes the line starts of `text` once (linear). */
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  /** The position of an offset (clamped to the text). */
  position(offset: number): TextPosition {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** Offset of the end of the line holding `offset`, before its line break. */
  lineEnd(offset: number): number {
    const { line } = this.position(offset);
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    while (end > 0 && end > this.starts[line] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end;
  }
}

/** Optimal-string-alignment distance (a transposition counts 1), or `max + 1` as soon as it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** Quotes a value for a message, shortened to `max` characters and kept on one line. */
export function quote(value: string, max = 40): string {
  let s = value.length > max ? value.slice(0, max) + '…' : value;
  s = s.replace(/\r\n|\r|\n/g, '\\n');
  return `"${s}"`;
}
