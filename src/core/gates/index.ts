// Deployment gates: analysis of `deployment_gates:` YAML blocks (see schemas/deployment-gates.schema.json).
export type { GateSpan, GateIssueKind, GateIssue, SuccessCriterion, GateInfo, GatesAnalysis } from './analyzeGates';
export { analyzeGatesYaml, looksLikeGatesYaml, MAX_YAML_DEPTH, MAX_YAML_TOKENS, MAX_ALIAS_COUNT, MAX_ISSUES } from './analyzeGates';
export { parseDuration, suggestDuration, MAX_DURATION_LENGTH } from './duration';
