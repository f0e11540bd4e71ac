import { range, type Range } from '../../document';
import type { Block } from '../../parse/blocks';
import type { ParsedMarkdown } from '../../parse/markdown';
import { forEachBlockInContext, type BlockInContext } from '../sections';

/** What every extractor reads: the document's lines and its blocks with their heading paths. */
export interface ExtractContext {
  readonly lines: readonly string[];
  readonly entries: readonly BlockInContext[];
}

/** Builds the extractor context from a parse. */
export function createExtractContext(parsed: ParsedMarkdown): ExtractContext {
  const entries: BlockInContext[] = [];
  forEachBlockInContext(parsed.blocks, (entry) => entries.push(entry));
  return { lines: parsed.lines, entries };
}

/** The entries whose block is of `kind`. */
export function entriesOfKind<K extends Block['kind']>(ctx: ExtractContext, kind: K): BlockInContext<Extract<Block, { kind: K }>>[] {
  return ctx.entries.filter((e) => e.block.kind === kind) as BlockInContext<Extract<Block, { kind: K }>>[];
}

/** A range on `line` for `length` characters from `character`. */
export function spanOn(line: number, character: number, length: number): Range {
  return range(line, character, line, character + length);
}

/** Where `needle` occurs in the source line at or after `from`, as a range (falls back to the whole line). */
export function findOnLine(lines: readonly string[], line: number, needle: string, from = 0): Range {
  const text = lines[line] ?? '';
  const at = needle ? text.indexOf(needle, from) : -1;
  if (at < 0) return spanOn(line, 0, text.length);
  return spanOn(line, at, needle.length);
}
