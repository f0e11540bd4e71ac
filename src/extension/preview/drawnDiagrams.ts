// What the timeline preview drew, kept by the extension for the session (no vscode here: unit-tested).
import type { PreviewState, SavedDiagram, SavedMessage } from '../../shared/previewProtocol';

/**
 * The diagrams the preview last drew for each document this session (what its page saved after
 * a pass), so that a panel opened again, or switched back to a document, shows them at once
 * instead of after Mermaid has loaded and drawn them again. A few documents are kept, the most
 * recently saved; documents whose diagrams are too large to keep are forgotten.
 */
export class DrawnDiagrams {
  private readonly byUri = new Map<string, { diagrams: (SavedDiagram | null)[]; chars: number }>();
  private totalChars = 0;

  /**
   * `maxChars`: the most kept for one document (the page saves up to 2 million); `maxTotalChars`:
   * for all of them, so that the extension host never holds more than about 16 MB of SVG text.
   */
  constructor(private readonly maxDocuments = 8, private readonly maxChars = 4_000_000, private readonly maxTotalChars = 8_000_000) {}

  /** Takes in a page's `saved` message: the diagrams that changed, over what was kept before. */
  update(saved: Omit<SavedMessage, 'type'>): void {
    const before = this.byUri.get(saved.uri)?.diagrams ?? [];
    this.forget(saved.uri);
    if (saved.tooLarge) return;
    const diagrams = Array.from({ length: saved.blocks }, (_, i) => before[i] ?? null);
    for (const [i, diagram] of saved.changed) if (i < saved.blocks) diagrams[i] = diagram;
    const chars = sizeOf(diagrams);
    if (chars > this.maxChars) return;
    this.byUri.set(saved.uri, { diagrams, chars });
    this.totalChars += chars;
    // The least recently saved go first (a Map iterates in insertion order).
    while (this.byUri.size > this.maxDocuments || this.totalChars > this.maxTotalChars) this.forget(this.byUri.keys().next().value!);
  }

  recall(uri: string): PreviewState | undefined {
    const kept = this.byUri.get(uri);
    return kept && { uri, diagrams: kept.diagrams };
  }

  private forget(uri: string): void {
    this.totalChars -= this.byUri.get(uri)?.chars ?? 0;
    this.byUri.delete(uri);
  }
}

function sizeOf(diagrams: (SavedDiagram | null)[]): number {
  return diagrams.reduce((size, diagram) => size + (diagram ? diagram.svg.length + diagram.css.length + diagram.key.length : 0), 0);
}

/** A `saved` message, if it has the shape the page writes. */
export function savedMessage(value: unknown): SavedMessage | undefined {
  const message = value as SavedMessage | undefined;
  if (message?.type !== 'saved' || typeof message.uri !== 'string' || !Number.isInteger(message.blocks) || message.blocks < 0 || !Array.isArray(message.changed)) return undefined;
  const isDiagram = (diagram: unknown) => {
    const d = diagram as SavedDiagram | null;
    return d === null || (typeof d === 'object' && typeof d.key === 'string' && typeof d.svg === 'string' && typeof d.css === 'string' && typeof d.version === 'number');
  };
  const wellFormed = message.changed.every((entry) => Array.isArray(entry) && entry.length === 2 && Number.isInteger(entry[0]) && entry[0] >= 0 && isDiagram(entry[1]));
  return wellFormed ? message : undefined;
}
