/**
 * Splits a Markdown document into independently parseable chunks, so that an edit re-parses only
 * the chunk it touched, and so that no single remark parse gets an input it is slow on. A remark
 * parse of a 1 MB document takes seconds; a chunk takes microseconds to milliseconds.
 *
 * A chunk boundary is a line where CommonMark block parsing restarts from scratch whatever came
 * before: an ATX heading at column 0, or (once a chunk has grown past a soft size) a blank line
 * followed by a column-0 line that cannot continue a list, an indented code block or an HTML
 * block. Fenced code, HTML comments and raw HTML blocks are never split.
 *
 * micromark is super-linear on three shapes (measured: a 4,000-row table takes 6 s, 1,000 nested
 * list levels 43 s, a 40 KB line of punctuation 0.5 s), so the chunker also bounds them:
 * - a long GFM table is cut after its first TABLE_ROWS_PER_CHUNK rows and then every
 *   TABLE_ROWS_PER_CHUNK rows; the later pieces hold only table rows (`tableContinuation`), are
 *   split into cells by a linear row splitter (see tableRows.ts) and joined back to the table;
 * - outside fenced code, lines longer than MAX_PARSED_LINE are masked (same length, neutral
 *   characters) and indentation deeper than MAX_PARSED_INDENT is cut: such lines keep their line
 *   but are not analysed in detail;
 * - a chunk is cut at HARD_CHUNK_LINES whatever its content (a paragraph or list split in two).
 *
 * A fenced code block opened at column 0 always starts a new top-level block and ends at its
 * closing fence, so it gets a chunk of its own, read without micromark (its content is verbatim):
 * in post-mortems those blocks (Mermaid, YAML, logs) are often half of the text.
 */

export interface Chunk {
  /** The text remark parses: the document's lines (masked as above), joined with '\n'. */
  readonly text: string;
  /** Zero-based line of the document where the chunk starts. */
  readonly startLine: number;
  readonly lineCount: number;
  /** True for the YAML front matter chunk at the top of the document. */
  readonly frontMatter: boolean;
  /** Set when the chunk holds only rows that continue the table of the previous chunk. */
  readonly tableContinuation?: boolean;
  /** Set when the chunk is exactly one fenced code block opened at column 0 (see codeChunk.ts). */
  readonly fencedCode?: boolean;
}

/**
 * Lines before which a chunk is not cut at a heading: every remark parse costs ~0.3 ms of set-up
 * (micromark combines its extensions on each call), so tiny sections are parsed together.
 */
const MIN_CHUNK_LINES = 16;
/** Lines after which a chunk may be cut at the next safe blank line. */
const SOFT_CHUNK_LINES = 48;
/** Lines after which a chunk is cut at the next line that starts a paragraph, then anywhere. */
const HARD_CHUNK_LINES = 256;
/** micromark's GFM table parsing costs ~0.2 ms a row: long tables are mostly split by hand. */
const TABLE_ROWS_PER_CHUNK = 50;
const MAX_PARSED_LINE = 4_000;
const MAX_PARSED_INDENT = 64;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const LIST_OR_CONTINUATION = /^(?:[ \t]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLOCK_QUOTE = /^ {0,3}>/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** HTML blocks of CommonMark kinds 1-5 end at a marker, not at a blank line. */
const HTML_BLOCK_OPEN: ReadonlyArray<[RegExp, RegExp]> = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * A chunk whose text is joined from the document's lines only when asked for: the parser reuses
 * most chunks by their place in an unchanged region of the document without reading their text.
 */
class LazyChunk implements Chunk {
  private joined: string | undefined;
  readonly tableContinuation?: boolean;
  readonly fencedCode?: boolean;

  constructor(
    private readonly parsedLines: readonly string[],
    readonly startLine: number,
    readonly lineCount: number,
    readonly frontMatter: boolean,
    tableContinuation: boolean,
    fencedCode: boolean,
  ) {
    if (tableContinuation) this.tableContinuation = true;
    else if (fencedCode) this.fencedCode = true;
  }

  get text(): string {
    return (this.joined ??= this.parsedLines.slice(this.startLine, this.startLine + this.lineCount).join('\n'));
  }
}

/** Splits the lines of a document into chunks. The chunks cover every line, in order. */
export function splitIntoChunks(lines: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  const parsedLines: string[] = new Array(lines.length);
  let start = 0;
  let line = 0;
  let continuation = false;
  let codeChunk = false;

  const push = (end: number, frontMatter: boolean, nextIsContinuation = false) => {
    chunks.push(new LazyChunk(parsedLines, start, end - start, frontMatter, continuation, codeChunk));
    start = end;
    continuation = nextIsContinuation;
    codeChunk = false;
  };

  const frontMatterEnd = findFrontMatterEnd(lines);
  if (frontMatterEnd >= 0) {
    for (let i = 0; i <= frontMatterEnd; i++) parsedLines[i] = lines[i];
    line = frontMatterEnd + 1;
    push(line, true);
  }

  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let table: { rowsInChunk: number } | undefined;
  for (; line < lines.length; line++) {
    const text = lines[line];
    if (fence) {
      parsedLines[line] = text;
      if (closesFence(text, fence)) {
        fence = undefined;
        if (codeChunk) push(line + 1, false);
      }
      continue;
    }
    const parsed = maskForParsing(text);
    parsedLines[line] = parsed;
    if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = undefined;
      continue;
    }
    const blank = parsed.trim() === '';
    let tableEnded = false;
    if (table && (blank || startsOtherBlock(parsed))) {
      table = undefined;
      tableEnded = true;
    }

    const size = line - start;
    let boundary = false;
    let nextIsContinuation = false;
    if (line > start) {
      if (table && table.rowsInChunk >= TABLE_ROWS_PER_CHUNK) {
        boundary = true;
        nextIsContinuation = true;
        table.rowsInChunk = 0;
      } else if (tableEnded && continuation) {
        // A continuation chunk holds table rows only.
        boundary = true;
      } else if (!table) {
        boundary =
          (size >= MIN_CHUNK_LINES && ATX_HEADING.test(parsed)) ||
          (size >= SOFT_CHUNK_LINES && lines[line - 1].trim() === '' && !blank && !LIST_OR_CONTINUATION.test(parsed)) ||
          (size >= HARD_CHUNK_LINES && !blank && !LIST_OR_CONTINUATION.test(parsed)) ||
          size >= HARD_CHUNK_LINES * 4;
      }
    }
    if (boundary) push(line, false, nextIsContinuation);

    if (table) {
      table.rowsInChunk++;
      continue;
    }
    if (!blank && line + 1 < lines.length && parsed.includes('|') && TABLE_DELIMITER.test(lines[line + 1]) && !startsOtherBlock(parsed)) {
      parsedLines[line + 1] = lines[line + 1];
      table = { rowsInChunk: 0 };
      line++;
      continue;
    }
    // Cheap first-character checks keep the patterns off the lines that cannot match them.
    const first = firstNonSpace(parsed);
    const fenceMatch = first === '`' || first === '~' ? FENCE_OPEN.exec(parsed) : null;
    if (fenceMatch && !(fenceMatch[1][0] === '`' && parsed.slice(fenceMatch[0].length).includes('`'))) {
      fence = { char: fenceMatch[1][0], length: fenceMatch[1].length };
      if (fenceMatch[0] === fenceMatch[1] && !continuation) {
        if (line > start) push(line, false);
        codeChunk = true;
      }
      continue;
    }
    if (first !== '<') continue;
    for (const [open, close] of HTML_BLOCK_OPEN) {
      if (open.test(parsed)) {
        if (!close.test(parsed.slice(parsed.search(open) + 2))) htmlEnd = close;
        break;
      }
    }
  }
  if (start < lines.length) push(lines.length, false);
  return chunks;
}

/** The first character that is not a space or tab ('' for a blank line). */
function firstNonSpace(text: string): string {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.charAt(i);
}

function startsOtherBlock(text: string): boolean {
  return ATX_HEADING.test(text) || FENCE_OPEN.test(text) || BLOCK_QUOTE.test(text) || LIST_ITEM.test(text);
}

/** Masks what micromark is slow on: very long lines and very deep indentation. */
function maskForParsing(text: string): string {
  if (text.length > MAX_PARSED_LINE) return ' '.repeat(Math.min(indentOf(text), MAX_PARSED_INDENT)) + 'x'.repeat(Math.max(1, text.length - indentOf(text)));
  const indent = indentOf(text);
  return indent > MAX_PARSED_INDENT ? ' '.repeat(MAX_PARSED_INDENT) + text.slice(indent) : text;
}

function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function closesFence(text: string, fence: { char: string; length: number }): boolean {
  const trimmed = text.replace(/^ {0,3}/, '');
  if (!trimmed.startsWith(fence.char.repeat(fence.length))) return false;
  let i = 0;
  while (i < trimmed.length && trimmed[i] === fence.char) i++;
  return trimmed.slice(i).trim() === '';
}

/** Index of the closing `---` of YAML front matter opening on line 0, or -1. */
function findFrontMatterEnd(lines: readonly string[]): number {
  if (lines.length === 0 || lines[0].trimEnd() !== '---') return -1;
  for (let line = 1; line < lines.length; line++) {
    if (lines[line].trimEnd() === '---') return line;
  }
  return -1;
}
