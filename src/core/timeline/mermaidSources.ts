import type { PostmortemModel } from '../model/types.generated';
import type { MermaidSource } from './types';

const FENCE = /^(\s*)(`{3,}|~{3,})/;

/**
 * The text of every ```mermaid block of the document, as written, with the line each starts on
 * so that a line reported by Mermaid (1-based within the block) maps to the document.
 * `lines` are the document's lines (the text the model was built from).
 */
export function mermaidSources(model: PostmortemModel, lines: readonly string[]): MermaidSource[] {
  return model.mermaidBlocks.map((block, index) => {
    const fenceLine = block.range.start.line;
    const open = FENCE.exec(lines[fenceLine] ?? '');
    const indent = open?.[1].length ?? 0;
    let last = Math.min(block.range.end.line, lines.length - 1);
    // The range ends on the closing fence when there is one (an unclosed block runs to the end).
    const close = FENCE.exec(lines[last] ?? '');
    if (last > fenceLine && close && open && close[2][0] === open[2][0] && close[2].length >= open[2].length) last--;
    const body = lines.slice(fenceLine + 1, last + 1).map((line) => stripIndent(line, indent));
    const nodeLines: Record<string, number> = {};
    for (const event of model.timeline) {
      const line = event.range.start.line;
      if (event.source === 'mermaid' && event.nodeId && line > fenceLine && line <= last && !(event.nodeId in nodeLines)) {
        nodeLines[event.nodeId] = line;
      }
    }
    return { index, diagramType: block.diagramType, fenceLine, firstLine: fenceLine + 1, text: body.join('\n'), nodeLines };
  });
}

/** Removes up to `indent` leading spaces: the fence's indentation, as CommonMark does. */
function stripIndent(line: string, indent: number): string {
  let i = 0;
  while (i < indent && line[i] === ' ') i++;
  return line.slice(i);
}
