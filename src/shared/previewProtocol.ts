// Messages between the extension (src/extension/preview) and the timeline preview's webview
// (src/webview). Discriminated unions on `type`; every message names the document (`uri`) and the
// document version it was made from, and each side ignores what is older than what it has.
import type { MermaidSource, PreviewHeader, TimelineView } from '../core/timeline/types';

export const PREVIEW_VIEW_TYPE = 'postmortem.timelinePreview';
/** After the last keystroke, the preview waits this long before it renders again (ms). */
export const PREVIEW_DEBOUNCE_MS = 120;

/** Which diagram of the preview: the generated timeline, or a ```mermaid block by its index. */
export type DiagramTarget = 'timeline' | number;
export type ExportFormat = 'svg' | 'png';
/** The VS Code theme kind, from the webview body's class. */
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

interface AboutDocument {
  /** The document's URI, as `Uri.toString()`. */
  uri: string;
  /** `TextDocument.version` the message was made from. */
  version: number;
}

// ---- extension → webview ----

/** Everything the preview shows for one version of the document. */
export interface UpdateMessage extends AboutDocument {
  type: 'update';
  /** File name shown in the header. */
  fileName: string;
  header: PreviewHeader;
  counts: { errors: number; warnings: number };
  timeline: TimelineView;
  blocks: MermaidSource[];
  /**
   * Only in the first update of a new page: the diagrams an earlier panel drew for this document
   * this session (its `saved` message), shown at once instead of waiting for Mermaid.
   */
  drawnBefore?: PreviewState;
}

/** Asks for the SVG or PNG of a diagram; answered by `exported`. */
export interface ExportRequest extends AboutDocument {
  type: 'export';
  requestId: number;
  target: DiagramTarget;
  format: ExportFormat;
}

/** For tests and the benchmark only: clicks an element as a user would, by what it shows. */
export interface TestClickRequest extends AboutDocument {
  type: 'test-click';
  requestId: number;
  /**
   * An event of the generated timeline by its index in the model, a node of a Mermaid diagram,
   * or every clickable thing (links and nodes included) of every diagram; `scrollTo` only scrolls
   * a diagram into view (for screenshots).
   */
  target: { timelineEvent: number } | { everything: true } | { mermaidNode: string; block: number } | { scrollTo: DiagramTarget };
}

/** For the benchmark only: renders `text` with mermaid alone, `runs` times, in this page. */
export interface BenchRenderRequest extends AboutDocument {
  type: 'bench-render';
  requestId: number;
  text: string;
  runs: number;
}

export type ToWebview = UpdateMessage | ExportRequest | TestClickRequest | BenchRenderRequest;

// ---- webview → extension ----

/** The webview has loaded (or loaded again, after a window reload) and wants the document. */
export interface ReadyMessage {
  type: 'ready';
  /** The document it showed before (from its saved state), if any. */
  uri?: string;
}

/** A Mermaid syntax error, located in the document. */
export interface MermaidSyntaxError {
  block: number;
  /** Zero-based document line (the block's first line when Mermaid gives none). */
  line: number;
  /** 1-based line within the block, when Mermaid gives one. */
  blockLine?: number;
  message: string;
}

/** What one diagram shows after a render pass. */
export interface RenderedDiagram {
  target: DiagramTarget;
  /** An SVG is shown (possibly the last good one, when `error` is set). */
  svg: boolean;
  /** The SVG shown is from this version (older when the latest text has an error). */
  svgVersion?: number;
  /** Milestones of the generated timeline / nodes of a Mermaid diagram in the SVG shown. */
  elements: number;
  error?: string;
  /** Render time of this pass for this diagram, ms (0 when unchanged and kept). */
  renderMs: number;
  /** For a Mermaid diagram rendered in this pass: mermaid.render (its parse included) and the import of its SVG into the page, ms. */
  mermaid?: { renderMs?: number; importMs?: number };
}

/** A render pass of `version` finished (it was not overtaken by a newer version). */
export interface RenderedMessage extends AboutDocument {
  type: 'rendered';
  theme: ThemeKind;
  diagrams: RenderedDiagram[];
  errors: MermaidSyntaxError[];
  /** `performance.now()` of the webview when the update arrived and when the pass ended. */
  receivedAt: number;
  finishedAt: number;
  /**
   * The webview's `performance.timeOrigin` (ms since the epoch): with the extension host's own,
   * the benchmark puts the page's times on the extension host's clock.
   */
  timeOrigin: number;
  /** Milliseconds from the webview's script start to the end of this pass. */
  sinceStartMs: number;
  /**
   * Milestones of the page, in ms since it started loading (its performance.now()). `htmlRequested`:
   * when the webview host's first request left (after its service worker, if any, had started).
   */
  page: { htmlRequested?: number; htmlArrived?: number; scriptStart: number; mermaidLoaded?: number; firstUpdate?: number; firstSvg?: number };
  /** Set when a script ran that should not have (hostile content): must never be true. */
  scriptInjected: boolean;
  /** Content Security Policy violations seen so far (directive: count). */
  cspViolations: Record<string, number>;
  /** Dangerous things found in the diagrams' DOM (event handler attributes, script elements, javascript: URLs). */
  unsafeNodes: number;
}

/** The user clicked an event or a node: show its line. */
export interface RevealMessage extends AboutDocument {
  type: 'reveal';
  line: number;
}

/** The user clicked an export button of a diagram. */
export interface ExportClickMessage extends AboutDocument {
  type: 'export-click';
  target: DiagramTarget;
  format: ExportFormat;
}

export interface ExportedMessage extends AboutDocument {
  type: 'exported';
  requestId: number;
  /** SVG text, or the PNG as base64. */
  data?: string;
  error?: string;
}

export interface TestClickedMessage extends AboutDocument {
  type: 'test-clicked';
  requestId: number;
  clicked: number;
  /** As in `rendered`, checked after the clicks. */
  scriptInjected: boolean;
  unsafeNodes: number;
  cspViolations: Record<string, number>;
}

export interface BenchRenderedMessage extends AboutDocument {
  type: 'bench-rendered';
  requestId: number;
  /** mermaid.render times, ms. */
  renderMs: number[];
  parseMs: number[];
  /** Parsing render's SVG text into elements (template.innerHTML), ms. */
  insertMs: number[];
}

/** Something failed in the webview outside a diagram (mermaid could not load, say). */
export interface WebviewErrorMessage {
  type: 'error';
  message: string;
}

export type FromWebview =
  | ReadyMessage
  | RenderedMessage
  | RevealMessage
  | ExportClickMessage
  | ExportedMessage
  | TestClickedMessage
  | BenchRenderedMessage
  | SavedMessage
  | WebviewErrorMessage;

/**
 * What the page saved after a pass (its vscode.setState), for the extension to keep for a panel
 * opened again. Only the diagrams that changed since the page's last message for the document
 * travel (all of them in the first one): a post-mortem with many diagrams would otherwise send
 * them all at every pause in typing.
 */
export interface SavedMessage {
  type: 'saved';
  uri: string;
  /** How many Mermaid blocks the document has. */
  blocks: number;
  /** [block index, what is drawn there (null: nothing)] for each block that changed. */
  changed: [number, SavedDiagram | null][];
  /** The diagrams were too large to save: the extension forgets the document. */
  tooLarge?: boolean;
}

/**
 * The state the webview saves (vscode.setState) so that the panel can be restored after a reload.
 * The extension is sent what changes in it (`saved`), for a panel opened again.
 */
export interface PreviewState {
  uri: string;
  /**
   * The Mermaid diagrams last drawn, by block index, so that a page loaded again (the panel
   * restored after a window reload, or opened again) shows them at once and redraws only what
   * changed meanwhile. Left out when they would make the state large.
   */
  diagrams?: (SavedDiagram | null)[];
}

export interface SavedDiagram {
  /** Theme and text the SVG was drawn from. */
  key: string;
  version: number;
  svg: string;
  css: string;
}

const TO_WEBVIEW = new Set<ToWebview['type']>(['update', 'export', 'test-click', 'bench-render']);
const FROM_WEBVIEW = new Set<FromWebview['type']>(['ready', 'rendered', 'reveal', 'export-click', 'exported', 'test-clicked', 'bench-rendered', 'saved', 'error']);

/** True for an object that names a known extension → webview message type. */
export function isToWebview(value: unknown): value is ToWebview {
  return isTyped(value) && TO_WEBVIEW.has(value.type as ToWebview['type']);
}

/** True for an object that names a known webview → extension message type. */
export function isFromWebview(value: unknown): value is FromWebview {
  return isTyped(value) && FROM_WEBVIEW.has(value.type as FromWebview['type']);
}

function isTyped(value: unknown): value is { type: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
