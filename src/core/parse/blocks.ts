import type { Range } from '../document';

/**
 * The block-level facts the model is built from: a flat list, in document order, of what
 * remark found. Keeping them flat and plain (no mdast) makes them cheap to cache per chunk and to
 * move when lines are inserted above.
 */
export type Block = HeadingBlock | ParagraphBlock | ListItemBlock | TableBlock | CodeBlock | FrontMatterBlock;

export interface HeadingBlock {
  kind: 'heading';
  range: Range;
  depth: number;
  /** Plain text of the heading (markup removed). */
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  range: Range;
  text: string;
  /** Nesting: 0 at top level, 1 inside a top-level list item or block quote, ... */
  depth: number;
}

export interface ListItemBlock {
  kind: 'listItem';
  range: Range;
  /** 0 for an item of a top-level list, 1 for an item of a list nested in it, ... */
  depth: number;
  ordered: boolean;
  /** The number an ordered item carries, when it is the first item of its list. */
  start?: number;
  /** `true`/`false` for a GFM task item (`- [x]` / `- [ ]`), else null. */
  checked: boolean | null;
  /** Plain text of the item's first paragraph. */
  text: string;
}

export interface TableCell {
  /** Plain text of the cell (markup removed, trimmed). */
  text: string;
  /** The cell's trimmed source range (an empty cell has an empty range). */
  range: Range;
}

export interface TableRow {
  range: Range;
  cells: TableCell[];
}

export interface TableBlock {
  kind: 'table';
  range: Range;
  /** Row 0 is the header row. The delimiter row is not included. */
  rows: TableRow[];
  /** Set on the later pieces of a long table parsed in pieces; they are joined while parsing. */
  continuation?: boolean;
}

export interface CodeBlock {
  kind: 'code';
  range: Range;
  /** Info string's first word, lower-cased ('' when none). */
  lang: string;
  meta: string;
  value: string;
  /** Document line of the code's first content line. */
  contentStartLine: number;
  /** Columns the fence is indented by: content columns are offset by this much. */
  contentIndent: number;
}

export interface FrontMatterBlock {
  kind: 'frontmatter';
  range: Range;
  value: string;
  contentStartLine: number;
}
