// What the timeline preview drew, kept by the extension for the session (no vscode here: unit-tested).
import type { PreviewState } from '../../shared/previewProtocol';

/**
 * The diagrams the preview last drew for each document this session (what its page saved after
 * a pass), so that a panel opened again, or switched back to a document, shows them at once
 * instead of after Mermaid has loaded and drawn them again. A few documents are kept, the most
 * recently saved; states over the size the page saves are not kept.
 */
export class DrawnDiagrams {
  private readonly byUri = new Map<string, PreviewState>();

  constructor(private readonly maxDocuments = 8, private readonly maxChars = 4_000_000) {}

  remember(state: PreviewState): void {
    this.byUri.delete(state.uri);
    if (!state.diagrams || sizeOf(state) > this.maxChars) return;
    this.byUri.set(state.uri, state);
    while (this.byUri.size > this.maxDocuments) this.byUri.delete(this.byUri.keys().next().value!);
  }

  recall(uri: string): PreviewState | undefined {
    return this.byUri.get(uri);
  }
}

function sizeOf(state: PreviewState): number {
  return (state.diagrams ?? []).reduce((size, diagram) => size + (diagram ? diagram.svg.length + diagram.css.length + diagram.key.length : 0), 0);
}

/** A `saved` message's state, if it has the shape the page writes. */
export function savedState(value: unknown): PreviewState | undefined {
  const state = value as PreviewState | undefined;
  if (typeof state?.uri !== 'string' || (state.diagrams !== undefined && !Array.isArray(state.diagrams))) return undefined;
  const wellFormed = (state.diagrams ?? []).every((diagram) => diagram === null || (typeof diagram === 'object' && typeof diagram.key === 'string' && typeof diagram.svg === 'string' && typeof diagram.css === 'string' && typeof diagram.version === 'number'));
  return wellFormed ? state : undefined;
}
