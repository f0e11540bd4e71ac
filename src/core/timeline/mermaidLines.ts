// Mermaid reports syntax errors by line of the text it parses, which is not the text of the
// block: it drops front matter, comment lines and leading blank lines first. These functions
// prepare a block's text so that the lines Mermaid reports map back to the block.

/** A block's text as given to Mermaid, and where line 1 of what Mermaid parses is in the block. */
export interface PreparedMermaid {
  text: string;
  /** Zero-based line of the block that Mermaid calls line 1. */
  firstParsedLine: number;
}

const COMMENT_LINE = /^\s*%%(?!\{).+$/;
const DIRECTIVE_LINE = /^\s*%%\{.*\}%%\s*$/;

/**
 * Empties `%% comment` lines (Mermaid removes them, which would shift every line number after
 * them; an empty line means the same) and finds how many lines Mermaid skips at the start
 * (front matter, directives, blank lines).
 */
export function prepareMermaidText(text: string): PreparedMermaid {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => (COMMENT_LINE.test(line) ? '' : line));
  let first = 0;
  const fence = /^(\s*)---\s*$/.exec(lines[0] ?? '');
  if (fence) {
    const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === `${fence[1]}---`);
    if (close > 0) first = close + 1;
  }
  while (first < lines.length - 1 && (lines[first].trim() === '' || DIRECTIVE_LINE.test(lines[first]))) first++;
  return { text: lines.join('\n'), firstParsedLine: first };
}

/** The 1-based line of a Mermaid parse error, when it says. */
export function mermaidErrorLine(error: unknown): number | undefined {
  const hash = (error as { hash?: { loc?: { first_line?: unknown }; line?: unknown } } | undefined)?.hash;
  if (typeof hash?.loc?.first_line === 'number') return hash.loc.first_line;
  if (typeof hash?.line === 'number') return hash.line + 1;
  const match = /\bline[:\s]+(\d+)/i.exec(errorText(error));
  return match ? Number(match[1]) : undefined;
}

/** The error's text, without the position Mermaid prefixes (the preview says where). */
export function mermaidErrorMessage(error: unknown): string {
  const text = errorText(error).replace(/\r\n?/g, '\n').trim();
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return 'Mermaid could not read this diagram.';
  const header = /^(Parse|Lexical) error on line \d+:?\s*$/i;
  const rest = header.test(lines[0]) ? lines.slice(1) : lines;
  // Jison puts the text near the error and a caret under it before its "Expecting ..." line.
  const expecting = rest.find((line) => /^(Expecting|Unrecognized text)/i.test(line));
  const found = expecting ?? rest.find((line) => !/^-*\^$/.test(line.trim()) && !line.startsWith('...')) ?? rest[0] ?? lines[0];
  // Its line numbers count from the text Mermaid parsed, not from the block: the caller says where.
  const summary = found
    .replace(/\s*\bon line \d+(?:,\s*column (\d+))?/gi, (_, column: string | undefined) => (column ? ` at column ${column}` : ''))
    .replace(/\s+([.:,])/g, '$1')
    .trim();
  return summary.length > 400 ? `${summary.slice(0, 400)}…` : summary;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
