import { shiftRange, range, type Range } from '../../document';
import { analyzeGatesYaml, looksLikeGatesYaml, type GatesAnalysis, type GateSpan } from '../../gates';
import type { CodeBlock } from '../../parse/blocks';
import type { Gate, GateBlock } from '../types.generated';
import type { ExtractContext } from './context';

/** A gates block with its full analysis, kept beside the model for the gate rules. */
export interface AnalyzedGateBlock {
  block: CodeBlock;
  analysis: GatesAnalysis;
  /** Maps a span of the YAML text to a document range. */
  toRange(span: GateSpan): Range;
}

const analysisCache = new WeakMap<CodeBlock, GatesAnalysis>();

/** YAML code blocks that hold `deployment_gates`, analyzed. */
export function extractGateBlocks(ctx: ExtractContext): { gateBlocks: GateBlock[]; analyzed: AnalyzedGateBlock[] } {
  const gateBlocks: GateBlock[] = [];
  const analyzed: AnalyzedGateBlock[] = [];
  for (const { block } of ctx.entries) {
    if (block.kind !== 'code' || !['yaml', 'yml', ''].includes(block.lang)) continue;
    if (!looksLikeGatesYaml(block.value)) continue;
    let analysis = analysisCache.get(block);
    if (!analysis) {
      analysis = analyzeGatesYaml(block.value);
      analysisCache.set(block, analysis);
    }
    if (!analysis.isGatesBlock && analysis.issues.length === 0) continue;
    const toRange = (span: GateSpan): Range =>
      shiftRange(range(span.line, span.character + block.contentIndent, span.endLine, span.endCharacter + block.contentIndent), block.contentStartLine);
    analyzed.push({ block, analysis, toRange });
    gateBlocks.push({
      range: block.range,
      problemCount: analysis.issues.length,
      gates: analysis.gates.map((g) => {
        const gate: Gate = {
          successCriteria: g.successCriteria.map((c) => ({ metric: c.metric, threshold: c.raw, range: toRange(c.valueSpan) })),
          stages: g.stages.map((s) => (s.waitSeconds !== undefined ? { regions: s.regions, waitSeconds: s.waitSeconds } : { regions: s.regions })),
          range: toRange(g.span),
        };
        if (g.name !== undefined) gate.name = g.name;
        if (g.required !== undefined) gate.required = g.required;
        if (g.timeoutSeconds !== undefined) gate.timeoutSeconds = g.timeoutSeconds;
        if (g.durationSeconds !== undefined) gate.durationSeconds = g.durationSeconds;
        return gate;
      }),
    });
  }
  return { gateBlocks, analyzed };
}
