/* Generated from schemas/postmortem.schema.json by `npm run schema:types`. Do not edit. */

/**
 * What a section is about, recognised from its heading.
 *
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "SectionKind".
 */
export type SectionKind =
  | 'overview'
  | 'timeline'
  | 'checklist'
  | 'metrics'
  | 'costs'
  | 'lessons'
  | 'findings'
  | 'prevention'
  | 'references'
  | 'action-items'
  | 'root-cause'
  | 'impact'
  | 'other';
/**
 * What a column of the action items table holds, recognised from its header (ID, Action, Type, Priority, Owner, Due, Status, Ticket, Source and their synonyms).
 *
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "ActionItemRole".
 */
export type ActionItemRole =
  'id' | 'action' | 'type' | 'priority' | 'owner' | 'due' | 'status' | 'ticket' | 'source';

/**
 * What Post-Mortem Kit extracts from a post-mortem written in Markdown, as printed by `pmkit model`. Every extracted item keeps its source range (zero-based lines and characters, end exclusive, as in VS Code and the Language Server Protocol).
 */
export interface PostmortemModel {
  /**
   * Version of this model's shape.
   */
  schemaVersion: 1;
  title?: TextItem;
  metadata: Metadata;
  /**
   * Every heading, in document order.
   */
  sections: Section[];
  /**
   * Timeline events in document order (the order the author gave them).
   */
  timeline: TimelineEvent[];
  /**
   * Phases of the timeline: Mermaid subgraphs or headings holding events.
   */
  phases: Phase[];
  /**
   * Checklist headings carrying a phase range such as `(T+2 to T+5min)`.
   */
  checklistPhases: ChecklistPhase[];
  metricTables: MetricTable[];
  costs: Costs;
  /**
   * Lessons learned: immediate actions, long-term improvements and other lessons.
   */
  lessons: Lesson[];
  /**
   * Post-mortem findings: what went well, what went wrong, where we got lucky.
   */
  findings: Finding[];
  /**
   * YAML code blocks holding `deployment_gates`.
   */
  gateBlocks: GateBlock[];
  mermaidBlocks: MermaidBlock[];
  references: Reference[];
  actionItems: ActionItems;
  derived: Derived;
}
/**
 * The document's first heading, or the front matter's `title`.
 */
export interface TextItem {
  text: string;
  range: Range;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Range".
 */
export interface Range {
  start: Position;
  end: Position;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Position".
 */
export interface Position {
  /**
   * Zero-based line.
   */
  line: number;
  /**
   * Zero-based UTF-16 column.
   */
  character: number;
}
/**
 * Overview fields, from `**Key**: value` lines and/or YAML front matter.
 *
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Metadata".
 */
export interface Metadata {
  date?: MetadataField;
  start?: MetadataField;
  end?: MetadataField;
  duration?: MetadataField;
  timeZone?: MetadataField;
  severity?: MetadataField;
  status?: MetadataField;
  impact?: MetadataField;
  revenueLoss?: MetadataField;
  rootCause?: MetadataField;
  incidentId?: MetadataField;
  authors?: MetadataField;
  type?: MetadataField;
}
/**
 * One overview field: its text as written, where it is, and what it parsed to.
 *
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "MetadataField".
 */
export interface MetadataField {
  /**
   * The value as written.
   */
  raw: string;
  range: Range;
  /**
   * A `**Key**: value` line of the document, or a front matter key.
   */
  source: 'overview' | 'frontmatter';
  /**
   * ISO date, for date fields.
   */
  date?: string;
  /**
   * Clock time, for start and end.
   */
  time?: string;
  /**
   * Length in seconds, for durations.
   */
  seconds?: number;
  /**
   * Time zone as written (normalised), for times and zones.
   */
  zone?: string;
  utcOffsetMinutes?: number;
  amount?: Money;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Money".
 */
export interface Money {
  raw: string;
  value: number;
  currency: string;
  /**
   * Written with `~`, `≈`, `approx.`, `est.`.
   */
  approximate: boolean;
  range: Range;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Section".
 */
export interface Section {
  title: string;
  level: number;
  range: Range1;
  kind: SectionKind;
}
/**
 * The heading line.
 */
export interface Range1 {
  start: Position;
  end: Position;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "TimelineEvent".
 */
export interface TimelineEvent {
  /**
   * The timestamp as written.
   */
  raw: string;
  /**
   * Clock time, normalised.
   */
  time: string;
  secondOfDay: number;
  /**
   * Date of the event, when the document gives it.
   */
  date?: string;
  /**
   * Time zone written beside the time, or declared for the document.
   */
  zone?: string;
  utcOffsetMinutes?: number;
  /**
   * Seconds since the incident start, when both are known (day rollover included).
   */
  offsetSeconds?: number;
  title: string;
  details: string[];
  /**
   * Name of the phase the event belongs to.
   */
  phase?: string;
  /**
   * Mermaid node id, for events from a diagram.
   */
  nodeId?: string;
  /**
   * Indices of the events this one follows: the Mermaid edges into it, or the previous row or item of its table or list.
   */
  after: number[];
  source: 'mermaid' | 'table' | 'list' | 'heading' | 'paragraph';
  /**
   * Why the clock value is impossible, when it is.
   */
  invalid?: string;
  range: Range2;
  timeRange: Range3;
}
/**
 * The whole event (node label, table row, list item).
 */
export interface Range2 {
  start: Position;
  end: Position;
}
/**
 * The timestamp.
 */
export interface Range3 {
  start: Position;
  end: Position;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Phase".
 */
export interface Phase {
  /**
   * Short name (Mermaid subgraph id, or heading text).
   */
  name: string;
  /**
   * Title as written, e.g. `T+5min: Diagnosis Phase`.
   */
  label: string;
  /**
   * The `T+N` offset its label states.
   */
  offsetSeconds?: number;
  offsetRange?: Range4;
  range: Range;
  /**
   * Indices into `timeline`.
   */
  events: number[];
}
/**
 * Where the `T+N` label is.
 */
export interface Range4 {
  start: Position;
  end: Position;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "ChecklistPhase".
 */
export interface ChecklistPhase {
  title: string;
  startSeconds: number;
  endSeconds: number;
  range: Range5;
  rangeOfOffsets: Range6;
  items: ChecklistItem[];
}
/**
 * The heading.
 */
export interface Range5 {
  start: Position;
  end: Position;
}
/**
 * The `(T+a to T+b)` text.
 */
export interface Range6 {
  start: Position;
  end: Position;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "ChecklistItem".
 */
export interface ChecklistItem {
  text: string;
  checked: boolean | null;
  range: Range;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "MetricTable".
 */
export interface MetricTable {
  /**
   * Heading of the section holding the table.
   */
  section?: string;
  columns: string[];
  headerCellCount: number;
  rows: MetricRow[];
  range: Range;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "MetricRow".
 */
export interface MetricRow {
  metric: string;
  range: Range;
  metricRange: Range;
  cells: MetricCell[];
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "MetricCell".
 */
export interface MetricCell {
  /**
   * Header of the cell's column.
   */
  column: string;
  /**
   * What the column holds, recognised from its header.
   */
  role?: 'normal' | 'peak' | 'target' | 'other';
  text: string;
  range: Range;
  quantity?: Quantity;
}
/**
 * A parsed metric value.
 *
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Quantity".
 */
export interface Quantity {
  comparator?: '<' | '>' | '<=' | '>=' | '=' | '~';
  /**
   * The number as written (3.2 in 3.2M); null for N/A.
   */
  number: number | null;
  scale?: 'K' | 'M' | 'B' | 'T';
  unit?: string;
  dimension:
    | 'ratio'
    | 'time'
    | 'count'
    | 'money'
    | 'data'
    | 'dataRate'
    | 'bitRate'
    | 'rate'
    | 'factor'
    | 'temperature'
    | 'other';
  /**
   * In the dimension's base unit: fraction, seconds, bytes, bytes per second, per second, currency units.
   */
  value?: number | null;
  notApplicable?: boolean;
  note?: string;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Costs".
 */
export interface Costs {
  items: CostItem[];
  totals: CostTotal[];
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "CostItem".
 */
export interface CostItem {
  label: string;
  category: 'direct' | 'indirect' | 'other';
  amount: Money;
  expression?: CostExpression;
  range: Range7;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "CostExpression".
 */
export interface CostExpression {
  text: string;
  range: Range;
  /**
   * What the expression gives, in currency units.
   */
  value?: number;
  /**
   * Why it could not be evaluated.
   */
  error?: string;
}
/**
 * The whole line.
 */
export interface Range7 {
  start: Position;
  end: Position;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "CostTotal".
 */
export interface CostTotal {
  label: string;
  amount: Money;
  range: Range;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Lesson".
 */
export interface Lesson {
  /**
   * The bold lead of the item, e.g. `Canary Deployment`.
   */
  title?: string;
  /**
   * The item's whole text.
   */
  text: string;
  category: 'immediate' | 'long-term' | 'other';
  /**
   * Listed as done: a checked task item or a section marked completed.
   */
  completed: boolean;
  section: string;
  range: Range;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  text: string;
  category: 'went-well' | 'went-wrong' | 'lucky' | 'other';
  range: Range;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "GateBlock".
 */
export interface GateBlock {
  range: Range;
  gates: Gate[];
  /**
   * Syntax and schema problems found in the block.
   */
  problemCount: number;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Gate".
 */
export interface Gate {
  name?: string;
  required?: boolean;
  timeoutSeconds?: number;
  durationSeconds?: number;
  successCriteria: {
    metric: string;
    threshold: string;
    range: Range;
  }[];
  stages: {
    regions: string[];
    waitSeconds?: number;
  }[];
  range: Range;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "MermaidBlock".
 */
export interface MermaidBlock {
  range: Range;
  /**
   * First word of the diagram, e.g. `graph`, `flowchart`, `sequenceDiagram`.
   */
  diagramType: string;
  /**
   * How many timeline events the block holds.
   */
  timelineEvents: number;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Reference".
 */
export interface Reference {
  text: string;
  url?: string;
  range: Range;
}
/**
 * The action items table: the first table with an action column in an action items section (`## Action Items`, `## Follow-ups`, ...), or any table with both an action and an owner column.
 *
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "ActionItems".
 */
export interface ActionItems {
  section?: Range8;
  table?: Range;
  /**
   * The header cells, as written.
   */
  columns?: string[];
  /**
   * What each header cell holds, in the same order as `columns`; `other` for a column not recognised.
   */
  columnRoles?: (
    'id' | 'action' | 'type' | 'priority' | 'owner' | 'due' | 'status' | 'ticket' | 'source' | 'other'
  )[];
  items: ActionItem[];
  /**
   * Top-level list items of the action items section (`- [ ] Add a lower bound check`), for documents that list their action items instead of (or besides) a table.
   */
  listItems?: ChecklistItem[];
}
/**
 * The `## Action Items` heading.
 */
export interface Range8 {
  start: Position;
  end: Position;
}
/**
 * One row of the action items table. Text fields are the cells' plain text, as written.
 *
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "ActionItem".
 */
export interface ActionItem {
  /**
   * The ID cell, e.g. `AI-3`, when the table has an ID column and the cell is not empty.
   */
  id?: string;
  /**
   * What is to be done.
   */
  action: string;
  /**
   * prevent, detect, mitigate, process, or what the author wrote.
   */
  type?: string;
  priority?: string;
  owner?: string;
  /**
   * The due cell as written.
   */
  due?: string;
  /**
   * The due cell read as a date, when it is one.
   */
  dueDate?: string;
  status?: string;
  /**
   * The item is done: its status says so (Done, Closed, Fixed, ...), or, without a status column, a cell is marked DONE.
   */
  done?: boolean;
  ticket?: string;
  /**
   * Plain text of the source cell (the lesson or finding the item came from).
   */
  source?: string;
  /**
   * The link target of the source cell, e.g. `#long-term-improvements`.
   */
  sourceTarget?: string;
  range: Range9;
  /**
   * How many cells the row has.
   */
  cellCount: number;
  /**
   * Range of each recognised cell, by what its column holds.
   */
  cells: {
    id?: Range;
    action?: Range;
    type?: Range;
    priority?: Range;
    owner?: Range;
    due?: Range;
    status?: Range;
    ticket?: Range;
    source?: Range;
  };
}
/**
 * The whole row.
 */
export interface Range9 {
  start: Position;
  end: Position;
}
/**
 * Figures computed from the events, when they allow.
 *
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "Derived".
 */
export interface Derived {
  /**
   * Index of the event taken as the incident start.
   */
  startEvent?: number;
  detectionEvent?: number;
  mitigationEvent?: number;
  resolutionEvent?: number;
  timeToDetectSeconds?: number;
  timeToMitigateSeconds?: number;
  timeToResolveSeconds?: number;
  /**
   * From the incident start to its end (stated, else the last event).
   */
  durationSeconds?: number;
}
/**
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "TextItem".
 */
export interface TextItem1 {
  text: string;
  range: Range;
}
/**
 * The YAML front matter keys Post-Mortem Kit understands (other keys are allowed and ignored). `type: postmortem` marks the document as a post-mortem for the editor.
 *
 * This interface was referenced by `PostmortemModel`'s JSON-Schema
 * via the `definition` "FrontMatter".
 */
export interface FrontMatter {
  /**
   * `postmortem` marks the document as a post-mortem.
   */
  type?: string;
  /**
   * The incident's title.
   */
  title?: string;
  /**
   * The incident date, e.g. 2024-09-14.
   */
  date?: string;
  /**
   * Start of impact, e.g. "03:10" or 2024-09-14T03:10Z (quote clock times: YAML reads 03:10 as a number in base 60 in YAML 1.1).
   */
  start?: string;
  /**
   * End of impact.
   */
  end?: string;
  /**
   * Stated duration, e.g. 2.5 hours or 47 minutes.
   */
  duration?: string;
  /**
   * Zone of all the document's times, e.g. UTC.
   */
  timezone?: string;
  /**
   * Same as timezone.
   */
  time_zone?: string;
  /**
   * Same as timezone.
   */
  tz?: string;
  /**
   * e.g. SEV-1.
   */
  severity?: string;
  /**
   * Same as severity.
   */
  sev?: string;
  /**
   * e.g. draft, in review, complete.
   */
  status?: string;
  /**
   * Who was affected and how.
   */
  impact?: string;
  /**
   * e.g. ~$3.2M.
   */
  revenue_loss?: string;
  /**
   * Same as revenue_loss.
   */
  cost?: string;
  /**
   * The root cause, in one sentence.
   */
  root_cause?: string;
  /**
   * The incident's id in the incident tracker.
   */
  incident_id?: string;
  /**
   * Same as incident_id.
   */
  id?: string;
  /**
   * Authors of the post-mortem.
   */
  authors?: string | string[];
  /**
   * Same as authors.
   */
  author?: string;
  /**
   * Owner of the post-mortem.
   */
  owner?: string;
  [k: string]: unknown;
}
