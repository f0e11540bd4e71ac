import { range } from '../document';
import type { TableCell, TableRow } from './blocks';

/**
 * Splits GFM table rows into cells, for the rows of long tables that are not given to micromark
 * (its table extension costs ~0.2 ms a row). Follows GFM: leading and trailing pipes are
 * optional, `\|` is a literal pipe, cells are trimmed. Cell text drops the common inline markup
 * (emphasis, code, links) as mdast's toString would.
 */
export function splitTableRows(lines: readonly string[]): TableRow[] {
  const rows: TableRow[] = [];
  lines.forEach((line, lineIndex) => {
    if (line.trim() === '') return;
    const cells: TableCell[] = [];
    let i = 0;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (line[i] === '|') i++;
    let end = line.length;
    while (end > i && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
    if (end > i && line[end - 1] === '|' && line[end - 2] !== '\\') end--;
    let cellStart = i;
    for (let j = i; j <= end; j++) {
      if (j === end || (line[j] === '|' && line[j - 1] !== '\\')) {
        cells.push(cellOf(line, lineIndex, cellStart, j));
        cellStart = j + 1;
      }
    }
    rows.push({ range: range(lineIndex, 0, lineIndex, line.length), cells });
  });
  return rows;
}

function cellOf(line: string, lineIndex: number, start: number, end: number): TableCell {
  while (start < end && (line[start] === ' ' || line[start] === '\t')) start++;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return { text: plainText(line.slice(start, end)), range: range(lineIndex, start, lineIndex, end) };
}

/** Inline Markdown to plain text, for the common cases: `**a**`, `_a_`, `` `a` ``, `[a](b)`, `\|`. */
export function plainText(markdown: string): string {
  // Long cells are left as written: the patterns below are not worth quadratic risk there.
  if (markdown.length > 512) return markdown.trim();
  return markdown
    .replace(/\\\|/g, '|')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/(\*|_)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .trim();
}
