import { unified, type Data, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root, RootContent, Table, List } from 'mdast';
import { range, shiftRange, splitLines, type Range } from '../document';
import type { Block, TableBlock, TableRow } from './blocks';
import { splitIntoChunks, type Chunk } from './chunks';
import { splitTableRows } from './tableRows';
import { codeBlockOfChunk } from './codeChunk';

/** The document as the rules see it: its lines and its blocks with absolute ranges. */
export interface ParsedMarkdown {
  readonly lines: readonly string[];
  readonly chunks: readonly Chunk[];
  readonly blocks: readonly Block[];
}

/**
 * Two parts of remark-gfm's autolink literals do work whose only result is link nodes around
 * text that reads the same without them; the model reads the text of blocks, so they are left
 * out (measured on the reference document, parse time 7.1 -> 4.4 ms):
 * - the mdast transform that walks every text node with two regular expressions to wrap bare
 *   URLs and e-mail addresses in links (1.45 ms);
 * - the micromark construct for bare e-mail addresses, tried at every letter and digit of the
 *   prose (1.4 ms). An address has no markup inside, so its text is the same.
 * The micromark constructs for `www.` and `http(s)://` literals stay: they keep a URL's `_` and
 * `*` from being read as emphasis.
 */
function withoutAutolinkWork(this: Processor): void {
  const data = this.data();
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(dropAutolinkTransform);
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map(dropEmailAutolink);
}

type FromMarkdownExtensionOrList = NonNullable<Data['fromMarkdownExtensions']>[number];
type FromMarkdownExtension = Exclude<FromMarkdownExtensionOrList, unknown[]>;
type MicromarkExtension = NonNullable<Data['micromarkExtensions']>[number];

function dropAutolinkTransform(extension: FromMarkdownExtensionOrList): FromMarkdownExtensionOrList {
  if (Array.isArray(extension)) return extension.map((e) => dropAutolinkTransform(e) as FromMarkdownExtension);
  if (extension.transforms && extension.enter && 'literalAutolink' in extension.enter) return { ...extension, transforms: [] };
  return extension;
}

function dropEmailAutolink(extension: MicromarkExtension): MicromarkExtension {
  if (!extension.text) return extension;
  type Constructs = NonNullable<MicromarkExtension['text']>[number];
  // Keys are character codes, and "null" for the end of input: copied as they are.
  const text: Record<string, Constructs> = {};
  for (const [code, constructs] of Object.entries(extension.text)) {
    const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter((construct): construct is NonNullable<typeof construct> => construct !== undefined && construct.name !== 'emailAutolink');
    if (kept.length > 0) text[code] = kept;
  }
  return { ...extension, text: text as MicromarkExtension['text'] };
}

const processor = unified().use(remarkParse).use(remarkGfm).use(withoutAutolinkWork).use(remarkFrontmatter, ['yaml']).freeze();

interface CachedChunk {
  /** Blocks with ranges relative to the chunk's first line. */
  readonly localBlocks: readonly Block[];
  /** The same blocks moved to where the chunk was last seen, reused while it stays there. */
  placed?: { startLine: number; blocks: readonly Block[] };
}

/** A chunk of the previous parse, found again by its place when the edit was elsewhere. */
interface PlacedChunk {
  readonly lineCount: number;
  readonly flavour: string;
  readonly cached: CachedChunk;
  /** The chunk's text key, when it was computed. */
  readonly key: string | undefined;
}

/**
 * Parses Markdown chunk by chunk and remembers each chunk's blocks, so that parsing the document
 * again after an edit re-parses only the chunks the edit touched. Chunks in the lines before and
 * after the edit are found again by their place (no need to read their text); other chunks by
 * their text.
 */
export class IncrementalMarkdownParser {
  private cache = new Map<string, CachedChunk>();
  /** Long tables joined from their pieces, by their first piece. */
  private joins = new WeakMap<TableBlock, { parts: readonly TableBlock[]; joined: TableBlock }>();
  /** The previous parse: its lines, and its chunks by their first line. */
  private previous: { lines: readonly string[]; chunksByStartLine: Map<number, PlacedChunk> } | undefined;

  /** Parses `text`; chunks unchanged since the previous call are not parsed again. */
  parse(text: string): ParsedMarkdown {
    const lines = splitLines(text);
    const chunks = splitIntoChunks(lines);
    const unchanged = this.unchangedLines(lines);
    const nextCache = new Map<string, CachedChunk>();
    const chunksByStartLine = new Map<number, PlacedChunk>();
    const blocks: Block[] = [];
    let longTable: { head: TableBlock; parts: TableBlock[] } | undefined;
    for (const chunk of chunks) {
      const flavour = chunk.tableContinuation ? '\u0000table\u0000' : chunk.fencedCode ? '\u0000code\u0000' : '';
      const end = chunk.startLine + chunk.lineCount;
      let old: PlacedChunk | undefined;
      if (end <= unchanged.before) old = this.previous?.chunksByStartLine.get(chunk.startLine);
      else if (chunk.startLine >= lines.length - unchanged.after) old = this.previous?.chunksByStartLine.get(chunk.startLine - unchanged.shift);
      if (old && (old.lineCount !== chunk.lineCount || old.flavour !== flavour)) old = undefined;
      let key = old?.key;
      let cached = old?.cached;
      if (!cached) {
        key = flavour + chunk.text;
        cached = nextCache.get(key) ?? this.cache.get(key);
      }
      cached ??= { localBlocks: blocksOfChunk(chunk) };
      if (key !== undefined) nextCache.set(key, cached);
      if (cached.placed?.startLine !== chunk.startLine) {
        const placed = cached.localBlocks.map((b) => shiftBlock(b, chunk.startLine));
        cached.placed = { startLine: chunk.startLine, blocks: this.keepUnchangedBlocks(placed, chunk.startLine, lines) };
      }
      chunksByStartLine.set(chunk.startLine, { lineCount: chunk.lineCount, flavour, cached, key });
      for (const block of cached.placed.blocks) {
        const previous = blocks[blocks.length - 1];
        if (block.kind === 'table' && block.continuation && (longTable || previous?.kind === 'table')) {
          // The rest of a long table, parsed as its own piece: joined to the table it continues below.
          longTable ??= { head: blocks.pop() as TableBlock, parts: [] };
          longTable.parts.push(block);
        } else {
          if (longTable) blocks.push(this.joinedTable(longTable.head, longTable.parts));
          longTable = undefined;
          blocks.push(block);
        }
      }
    }
    if (longTable) blocks.push(this.joinedTable(longTable.head, longTable.parts));
    // Only chunks of the latest text are kept: memory stays proportional to one document.
    this.cache = nextCache;
    this.previous = { lines, chunksByStartLine };
    return { lines, chunks, blocks };
  }

  /**
   * A long table joined from its pieces: the previous join's object while the pieces are the same
   * objects, so that what was computed from the table (its thousands of events) is reused.
   */
  private joinedTable(head: TableBlock, parts: readonly TableBlock[]): TableBlock {
    const previous = this.joins.get(head);
    if (previous && previous.parts.length === parts.length && previous.parts.every((part, i) => part === parts[i])) return previous.joined;
    const joined: TableBlock = { ...head, range: { start: head.range.start, end: parts[parts.length - 1].range.end }, rows: head.rows.concat(...parts.map((part) => part.rows)) };
    this.joins.set(head, { parts, joined });
    return joined;
  }

  /**
   * How many lines at the start (`before`) and at the end (`after`) equal the previous parse's,
   * and by how many lines the end moved (`shift`). Comparing lines is much cheaper than hashing
   * the text of every chunk.
   */
  private unchangedLines(lines: readonly string[]): { before: number; after: number; shift: number } {
    const old = this.previous?.lines;
    if (!old) return { before: 0, after: 0, shift: 0 };
    const most = Math.min(old.length, lines.length);
    let before = 0;
    while (before < most && old[before] === lines[before]) before++;
    let after = 0;
    while (after < most - before && old[old.length - 1 - after] === lines[lines.length - 1 - after]) after++;
    return { before, after, shift: lines.length - old.length };
  }

  /**
   * In a chunk parsed again after an edit (or moved), the blocks the edit did not touch (same
   * content, same source lines, same place) are replaced by the previous parse's objects, so that
   * what was computed from them is reused: an edit to one paragraph leaves its section's timeline
   * table the same object.
   */
  private keepUnchangedBlocks(placed: Block[], startLine: number, lines: readonly string[]): Block[] {
    const previous = this.previous;
    const placedBefore = previous?.chunksByStartLine.get(startLine)?.cached.placed;
    if (!previous || placedBefore?.startLine !== startLine) return placed;
    const candidates = placedBefore.blocks;
    let next = 0;
    return placed.map((block) => {
      while (next < candidates.length && candidates[next].range.start.line < block.range.start.line) next++;
      const old = candidates[next];
      if (!old || old.kind !== block.kind || !sameLines(previous.lines, lines, block.range.start.line, block.range.end.line)) return block;
      return JSON.stringify(old) === JSON.stringify(block) ? old : block;
    });
  }
}

function sameLines(a: readonly string[], b: readonly string[], from: number, to: number): boolean {
  for (let line = from; line <= to; line++) if (a[line] !== b[line]) return false;
  return true;
}

/** Parses a whole text at once, without caching (tests and one-off use). */
export function parseMarkdown(text: string): ParsedMarkdown {
  return new IncrementalMarkdownParser().parse(text);
}

function blocksOfChunk(chunk: Chunk): Block[] {
  if (chunk.tableContinuation) {
    const rows = splitTableRows(chunk.text.split('\n'));
    if (rows.length === 0) return [];
    return [{ kind: 'table', continuation: true, range: { start: rows[0].range.start, end: rows[rows.length - 1].range.end }, rows }];
  }
  if (chunk.fencedCode) return [codeBlockOfChunk(chunk.text)];
  let tree: Root;
  try {
    tree = processor.parse(chunk.text);
  } catch {
    // micromark does not throw on any input that we know of; if it ever does, the chunk is
    // treated as opaque text rather than failing the whole lint.
    return [];
  }
  const lines = chunk.text.split('\n');
  const blocks: Block[] = [];
  collect(tree.children, 0, lines, blocks);
  return blocks;
}

function collect(nodes: readonly RootContent[], depth: number, lines: readonly string[], out: Block[]): void {
  for (const node of nodes) {
    const r = rangeOf(node);
    if (!r) continue;
    switch (node.type) {
      case 'heading':
        out.push({ kind: 'heading', range: r, depth: node.depth, text: toString(node).trim() });
        break;
      case 'paragraph':
        out.push({ kind: 'paragraph', range: r, text: toString(node), depth });
        break;
      case 'list':
        collectList(node, depth, lines, out);
        break;
      case 'table':
        out.push({ kind: 'table', range: r, rows: tableRows(node, lines) });
        break;
      case 'code': {
        const fenceLine = lines[r.start.line] ?? '';
        out.push({
          kind: 'code',
          range: r,
          lang: (node.lang ?? '').toLowerCase(),
          meta: node.meta ?? '',
          value: node.value,
          contentStartLine: /^\s*(`{3,}|~{3,})/.test(fenceLine) ? r.start.line + 1 : r.start.line,
          contentIndent: r.start.character,
        });
        break;
      }
      case 'yaml':
        out.push({ kind: 'frontmatter', range: r, value: node.value, contentStartLine: r.start.line + 1 });
        break;
      case 'blockquote':
        collect(node.children, depth + 1, lines, out);
        break;
      default:
        break;
    }
  }
}

function collectList(list: List, depth: number, lines: readonly string[], out: Block[]): void {
  list.children.forEach((item, index) => {
    const r = rangeOf(item);
    if (!r) return;
    const [first, ...rest] = item.children;
    out.push({
      kind: 'listItem',
      range: r,
      depth,
      ordered: list.ordered === true,
      start: list.ordered && index === 0 ? (list.start ?? 1) : undefined,
      checked: item.checked ?? null,
      text: first && first.type === 'paragraph' ? toString(first) : '',
    });
    const children = first && first.type === 'paragraph' ? rest : item.children;
    collect(children, depth + 1, lines, out);
  });
}

function tableRows(table: Table, lines: readonly string[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const row of table.children) {
    const rowRange = rangeOf(row);
    if (!rowRange) continue;
    const cells = row.children.map((cell) => {
      const cellRange = rangeOf(cell) ?? rowRange;
      return { text: toString(cell).trim(), range: trimRange(cellRange, lines) };
    });
    rows.push({ range: rowRange, cells });
  }
  return rows;
}

/** Narrows a one-line range to its content without surrounding spaces and pipes. */
function trimRange(r: Range, lines: readonly string[]): Range {
  if (r.start.line !== r.end.line) return r;
  const line = lines[r.start.line] ?? '';
  let start = r.start.character;
  let end = Math.min(r.end.character, line.length);
  while (start < end && (line[start] === ' ' || line[start] === '\t' || line[start] === '|')) start++;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t' || (line[end - 1] === '|' && line[end - 2] !== '\\'))) end--;
  return range(r.start.line, start, r.start.line, end);
}

function rangeOf(node: Nodes): Range | undefined {
  const p = node.position;
  if (!p) return undefined;
  return range(p.start.line - 1, p.start.column - 1, p.end.line - 1, p.end.column - 1);
}

function shiftBlock(block: Block, lines: number): Block {
  if (lines === 0) return block;
  switch (block.kind) {
    case 'table':
      return {
        ...block,
        range: shiftRange(block.range, lines),
        rows: block.rows.map((row) => ({
          range: shiftRange(row.range, lines),
          cells: row.cells.map((cell) => ({ text: cell.text, range: shiftRange(cell.range, lines) })),
        })),
      };
    case 'code':
    case 'frontmatter':
      return { ...block, range: shiftRange(block.range, lines), contentStartLine: block.contentStartLine + lines };
    default:
      return { ...block, range: shiftRange(block.range, lines) };
  }
}

/** Blocks of a whole text parsed by remark in one piece: the reference the chunked parse must equal. */
export function parseWithoutChunks(text: string): Block[] {
  return blocksOfChunk({ text: splitLines(text).join('\n'), startLine: 0, lineCount: 0, frontMatter: false });
}
