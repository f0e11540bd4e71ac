// What the preview draws for the timeline of a post-mortem: a time-proportional chart described
// with positions along the time axis (0..1) and rows, so that the webview only turns it into SVG
// and the layout itself is tested in plain Node.

/** The four moments of an incident the chart points out. */
export type MarkerKind = 'start' | 'detection' | 'mitigation' | 'resolution';

/** One milestone of the chart: a timeline event of the model on its own row. */
export interface TimelineViewEvent {
  /** Index into `model.timeline`. */
  index: number;
  /** Seconds from the incident start (negative before it). */
  offsetSeconds: number;
  /** Position along the time axis: 0 at its start, 1 at its end. */
  x: number;
  /** Row, from the top, counted over all sections. */
  row: number;
  /** Clock time as shown: `14:23:45`, or `14:23` when no event of the document has seconds. */
  time: string;
  /** Days after the first day of the axis (a `+1d` is shown after midnight). */
  day: number;
  title: string;
  /** The first lines of detail under the event, for a tooltip. */
  details: string[];
  /** Name of the section (phase) the event is drawn in. */
  section: string;
  /** Zero-based document line of the event, for reveal on click. */
  line: number;
  /** What the event marks, if anything (an event may be both start and detection). */
  markers: MarkerKind[];
}

/** A band of rows: a phase of the model, or the whole timeline when it has no phases. */
export interface TimelineViewSection {
  name: string;
  /** Title as written (`T+5min: Diagnosis Phase`), or `Timeline`. */
  label: string;
  firstRow: number;
  rowCount: number;
  /** Extent of its events along the axis. */
  fromX: number;
  toX: number;
  /** Zero-based line where the phase is declared, when it is. */
  line?: number;
}

/** Time to detect / mitigate / resolve: a bar from the incident start to the marked event. */
export interface TimelineViewSpan {
  kind: 'detect' | 'mitigate' | 'resolve';
  /** `TTD`, `TTM`, `TTR`. */
  short: string;
  /** `Time to detect` ... */
  label: string;
  seconds: number;
  /** `45s`, `15m`, `1h 5m`. */
  text: string;
  fromX: number;
  toX: number;
  /** Index into `model.timeline` of the event it ends at. */
  event: number;
}

export interface TimelineViewTick {
  x: number;
  offsetSeconds: number;
  /** Clock time at the tick: `14:30`, `00:15 +1d`. */
  label: string;
}

export interface TimelineView {
  /** Events in row order (by section, then time). */
  events: TimelineViewEvent[];
  sections: TimelineViewSection[];
  spans: TimelineViewSpan[];
  ticks: TimelineViewTick[];
  /** The incident window (start to stated or last end), in axis positions, when known. */
  incident?: { fromX: number; toX: number };
  axis: {
    /** Offsets (seconds from the incident start) at x = 0 and x = 1. */
    startSeconds: number;
    endSeconds: number;
    /** Time zone of the clock labels, as the document writes it. */
    zone?: string;
    /** ISO date of the axis start, when the document gives it. */
    date?: string;
  };
  rows: number;
  /** Events of the model left out, with why (impossible clock value, beyond the cap). */
  skipped: { index: number; reason: string }[];
  /** Why there is nothing to draw, when `events` is empty. */
  empty?: string;
}

/** The facts the preview's header shows. */
export interface PreviewHeader {
  title?: string;
  date?: string;
  duration?: string;
  impact?: string;
  /** Revenue loss as stated, else the last stated total cost. */
  cost?: string;
  severity?: string;
  /** `TTD 45s`, `TTM 15m`, `TTR 42m`, for what the timeline gives. */
  times: { short: string; label: string; text: string }[];
}

/** The text of one ```mermaid block and where it is. */
export interface MermaidSource {
  /** Index into `model.mermaidBlocks`. */
  index: number;
  diagramType: string;
  /** Zero-based line of the opening fence. */
  fenceLine: number;
  /** Zero-based document line of the block's first line of text: line N of the block is document line firstLine + N - 1. */
  firstLine: number;
  text: string;
  /** Document line of the Mermaid nodes the model read events from, by node id. */
  nodeLines: Record<string, number>;
}
