/** The vscode-free core: parse → model → rules → lint; fixes; (later) scaffold and timeline. */
export * from './document';
export * from './config';
export * from './lint';
export * from './fix';
export { allRules, findRule } from './rules';
export { docsPath, type Finding, type Fix, type Rule, type Severity, type TextEdit } from './rules/rule';
export type { PostmortemModel, TimelineEvent, Phase, MetricTable, MetricRow, MetricCell, Quantity, CostItem, Lesson, Gate, Derived, Metadata, MetadataField, SectionKind } from './model/types.generated';
export * from './actionItems';
export type { ActionItem, ActionItems } from './model/types.generated';
