// model → what the preview draws: the chart of the timeline, the header, the Mermaid blocks.
export { buildTimelineView, type TimelineViewOptions } from './buildTimeline';
export { previewHeader } from './header';
export { mermaidSources } from './mermaidSources';
export { formatClock, formatDuration } from './format';
export type * from './types';
export { prepareMermaidText, mermaidErrorLine, mermaidErrorMessage, type PreparedMermaid } from './mermaidLines';
