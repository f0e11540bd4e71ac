import { zoneOffsetMinutes } from '../parse/time';
import type { ParsedMarkdown } from '../parse/markdown';
import type { PostmortemModel } from './types.generated';
import { classifySection } from './sections';
import { createExtractContext, type ExtractContext } from './extract/context';
import { extractMetadata } from './extract/metadata';
import { extractTimeline } from './extract/timeline';
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
}

/** Builds the post-mortem model from a parsed document. Never throws on a parsed document. */
export function buildModel(parsed: ParsedMarkdown): ModelBuild {
  const context = createExtractContext(parsed);
  const { metadata, title, declaredZone } = extractMetadata(context);
  const timeline = extractTimeline(context);
  const { gateBlocks, analyzed } = extractGateBlocks(context);
  const zoneOffset = declaredZone ? zoneOffsetMinutes(declaredZone.zone) : undefined;
  const eventsWithExplicitZone = new Set<number>();
  timeline.timeline.forEach((event, i) => {
    if (event.zone) eventsWithExplicitZone.add(i);
    else if (declaredZone) event.zone = declaredZone.zone;
  });
  const derived = resolveTimes(timeline.timeline, timeline.dayHints, metadata, zoneOffset, !(declaredZone && zoneOffset === undefined));

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
  return { model, context, gateAnalyses: analyzed, declaredZone, eventsWithExplicitZone };
}
