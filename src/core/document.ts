/**
 * The document the core works on. A `vscode.TextDocument` fits this shape as it is, and so does a
 * plain object in the CLI and in tests: the core never imports `vscode`.
 */
export interface TextDocumentLike {
  readonly uri: { toString(): string } | string;
  readonly version?: number;
  getText(): string;
}

/** A zero-based position, as in VS Code and the Language Server Protocol. */
export interface Position {
  line: number;
  character: number;
}

/** A zero-based, end-exclusive range, as in VS Code and the Language Server Protocol. */
export interface Range {
  start: Position;
  end: Position;
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** A range covering `length` characters of one line. */
export function lineRange(line: number, character: number, length: number): Range {
  return range(line, character, line, character + length);
}

export function shiftRange(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return range(r.start.line + lines, r.start.character, r.end.line + lines, r.end.character);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Splits text into lines the way VS Code does (\n, \r\n and \r all end a line). */
export function splitLines(text: string): string[] {
  // Splitting on one character is several times faster than on a pattern, and most text has no CR.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}
