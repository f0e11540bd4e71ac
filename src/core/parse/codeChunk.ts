import { range } from '../document';
import type { CodeBlock } from './blocks';

/**
 * Reads a chunk that is exactly one fenced code block opened at column 0, as mdast would: the
 * info string's first word is the language, the rest its meta; the content is verbatim. The
 * fence may be unclosed (the block then runs to the end of the chunk).
 */
export function codeBlockOfChunk(text: string): CodeBlock {
  const lines = text.split('\n');
  const opener = lines[0];
  const fenceChar = opener[0];
  let fenceLength = 0;
  while (opener[fenceLength] === fenceChar) fenceLength++;
  const info = opener.slice(fenceLength).trim();
  const space = info.search(/[ \t]/);
  const lang = space < 0 ? info : info.slice(0, space);
  const meta = space < 0 ? '' : info.slice(space).trim();
  const last = lines.length - 1;
  const closed = last > 0 && isClosingFence(lines[last], fenceChar, fenceLength);
  const content = lines.slice(1, closed ? last : lines.length);
  return {
    kind: 'code',
    range: range(0, 0, last, lines[last].length),
    lang: unescapeInfo(lang).toLowerCase(),
    meta: unescapeInfo(meta),
    value: content.join('\n'),
    contentStartLine: 1,
    contentIndent: 0,
  };
}

function isClosingFence(line: string, fenceChar: string, fenceLength: number): boolean {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let count = 0;
  while (line[i + count] === fenceChar) count++;
  return count >= fenceLength && line.slice(i + count).trim() === '';
}

/** Backslash escapes of ASCII punctuation, as CommonMark allows in info strings. */
function unescapeInfo(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
