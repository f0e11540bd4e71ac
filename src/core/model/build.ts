import { zoneOffsetMinutes } from '../parse/time';
import type { ParsedMarkdown } from '../parse/markdown';
import type { Derived, Metadata, PostmortemModel } from './types.generated';
import { classifySection } from './sections';
import { createExtractContext, type ExtractContext } from './extract/context';
import { extractMetadata } from './extract/metadata';
import { extractTimeline, sameSignature, timelineSignature, type TimelineExtraction } from './extract/timeline';
import { extractMetricTables } from './extract/metrics';
import { extractCosts } from './extract/costs';
import { extractFindings, extractLessons, extractReferences } from './extract/lists';
import { extractGateBlocks, type AnalyzedGateBlock } from './extract/gates';
import { resolveTimes } from './extract/derived';
import { extractActionItems } from '../actionItems/extract';
import type { Range } from '../document';

/** The model plus what the rules need that the model's JSON does not carry. */
export interface ModelBuild {
  model: PostmortemModel;
  context: ExtractContext;
  gateAnalyses: AnalyzedGateBlock[];
  /** The zone declared for the whole document ("All times UTC", a zone on the overview's times). */
  declaredZone?: { zone: string; range: Range };
  /** Indices of the events whose zone is written beside their time (not inherited from a declaration). */
  eventsWithExplicitZone: ReadonlySet<number>;
  /** The timeline with its dates resolved, and what it was made from: reused by the next build. */
  resolvedTimeline: ResolvedTimeline;
}

interface ResolvedTimeline {
  /** Computed when a later build asks: a one-off lint never needs it. */
  signature: () => unknown[];
  /** What resolving dates and offsets reads besides the events: the overview's times and zone. */
  timesKey: string;
  extraction: TimelineExtraction;
  derived: Derived;
  eventsWithExplicitZone: ReadonlySet<number>;
}

/**
 * Builds the post-mortem model from a parsed document. Never throws on a parsed document.
 * `previous`, the build of an earlier version of the same document, lets the timeline be reused
 * when the edit did not touch what it is made from.
 */
export function buildModel(parsed: ParsedMarkdown, previous?: ModelBuild): ModelBuild {
  const context = createExtractContext(parsed);
  const { metadata, title, declaredZone } = extractMetadata(context);
  const { gateBlocks, analyzed } = extractGateBlocks(context);
  const resolvedTimeline = resolveTimeline(context, metadata, declaredZone?.zone, previous?.resolvedTimeline);
  const { extraction: timeline, derived, eventsWithExplicitZone } = resolvedTimeline;

  const model: PostmortemModel = {
    schemaVersion: 1,
    metadata,
    sections: context.entries
      .filter((e) => e.block.kind === 'heading')
      .map(({ block }) => {
        const heading = block as Extract<typeof block, { kind: 'heading' }>;
        return { title: heading.text, level: heading.depth, range: heading.range, kind: classifySection(heading.text) };
      }),
    timeline: timeline.timeline,
    phases: timeline.phases,
    checklistPhases: timeline.checklistPhases,
    metricTables: extractMetricTables(context),
    costs: extractCosts(context),
    lessons: extractLessons(context),
    findings: extractFindings(context),
    gateBlocks,
    mermaidBlocks: timeline.mermaidBlocks,
    references: extractReferences(context),
    actionItems: extractActionItems(context),
    derived,
  };
  if (title) model.title = title;
  return { model, context, gateAnalyses: analyzed, declaredZone, eventsWithExplicitZone, resolvedTimeline };
}

function resolveTimeline(context: ExtractContext, metadata: Metadata, declaredZone: string | undefined, previous?: ResolvedTimeline): ResolvedTimeline {
  let signature: unknown[] | undefined;
  const signatureOnce = () => (signature ??= timelineSignature(context));
  const { date, start, end, duration } = metadata;
  const timesKey = JSON.stringify([date?.date, start?.date, start?.time, start?.utcOffsetMinutes, end?.date, end?.time, end?.utcOffsetMinutes, duration?.seconds, declaredZone]);
  if (previous && previous.timesKey === timesKey && sameSignature(previous.signature(), signatureOnce())) return { ...previous, signature: signatureOnce };

  const extraction = extractTimeline(context);
  const zoneOffset = declaredZone ? zoneOffsetMinutes(declaredZone) : undefined;
  const eventsWithExplicitZone = new Set<number>();
  extraction.timeline.forEach((event, i) => {
    if (event.zone) eventsWithExplicitZone.add(i);
    else if (declaredZone) event.zone = declaredZone;
  });
  const derived = resolveTimes(extraction.timeline, extraction.dayHints, extraction.kinds, metadata, zoneOffset, !(declaredZone && zoneOffset === undefined));
  return { signature: signatureOnce, timesKey, extraction, derived, eventsWithExplicitZone };
}
