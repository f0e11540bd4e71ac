/**
 * Splits a Markdown document into independently parseable chunks, so that an edit re-parses only
 * the chunk it touched. A remark parse of a 1 MB document takes seconds; a chunk takes
 * microseconds to milliseconds.
 *
 * A chunk boundary is a line where CommonMark block parsing restarts from scratch whatever came
 * before: an ATX heading at column 0, or (once a chunk has grown past a soft size) a blank line
 * followed by a column-0 line that cannot continue a list, an indented code block or an HTML
 * block. Fenced code, HTML comments and raw HTML blocks are never split.
 */

export interface Chunk {
  /** The chunk's text, lines joined with '\n' (line ends normalised). */
  readonly text: string;
  /** Zero-based line of the document where the chunk starts. */
  readonly startLine: number;
  readonly lineCount: number;
  /** True for the YAML front matter chunk at the top of the document. */
  readonly frontMatter: boolean;
}

/** Lines after which a chunk may be cut at the next safe blank line. */
const SOFT_CHUNK_LINES = 48;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const LIST_OR_CONTINUATION = /^(?:[ \t]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
/** HTML blocks of CommonMark kinds 1-5 end at a marker, not at a blank line. */
const HTML_BLOCK_OPEN: ReadonlyArray<[RegExp, RegExp]> = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Splits the lines of a document into chunks. The chunks cover every line, in order. */
export function splitIntoChunks(lines: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let line = 0;

  const frontMatterEnd = findFrontMatterEnd(lines);
  if (frontMatterEnd >= 0) {
    chunks.push(makeChunk(lines, 0, frontMatterEnd + 1, true));
    start = line = frontMatterEnd + 1;
  }

  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  for (; line < lines.length; line++) {
    const text = lines[line];
    if (fence) {
      if (closesFence(text, fence)) fence = undefined;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = undefined;
      continue;
    }
    const isBoundary =
      line > start &&
      (ATX_HEADING.test(text) ||
        (line - start >= SOFT_CHUNK_LINES &&
          lines[line - 1].trim() === '' &&
          text.trim() !== '' &&
          !LIST_OR_CONTINUATION.test(text)));
    if (isBoundary) {
      chunks.push(makeChunk(lines, start, line, false));
      start = line;
    }
    const fenceMatch = FENCE_OPEN.exec(text);
    if (fenceMatch && !(fenceMatch[1][0] === '`' && text.slice(fenceMatch[0].length).includes('`'))) {
      fence = { char: fenceMatch[1][0], length: fenceMatch[1].length };
      continue;
    }
    for (const [open, close] of HTML_BLOCK_OPEN) {
      if (open.test(text)) {
        if (!close.test(text.slice(text.search(open) + 2))) htmlEnd = close;
        break;
      }
    }
  }
  if (start < lines.length) chunks.push(makeChunk(lines, start, lines.length, false));
  return chunks;
}

function makeChunk(lines: readonly string[], start: number, end: number, frontMatter: boolean): Chunk {
  return { text: lines.slice(start, end).join('\n'), startLine: start, lineCount: end - start, frontMatter };
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
    const text = lines[line].trimEnd();
    if (text === '---') return line;
  }
  return -1;
}
