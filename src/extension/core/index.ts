// Entry of dist/extension-core.js: the part of the core the extension uses. It is bundled apart
// from dist/extension.js (remark, yaml and ajv are large) and required only once a post-mortem is
// open; see ../coreLoader.ts.
export { PostmortemLinter, type LintResult } from '../../core/lint';
export { collectFixEdits } from '../../core/fix';
export type { LintConfig, RuleSetting } from '../../core/config';
export { allRules, findRule } from '../../core/rules';
export { docsPath, type Finding, type Rule, type Severity, type TextEdit } from '../../core/rules/rule';
export type { Range, Position } from '../../core/document';
export type { PostmortemModel, TimelineEvent, Phase, MetricCell, Quantity, Derived } from '../../core/model/types.generated';
export { scaffoldActionItems, planActionItems, modelOfText, actionItemsToCsv, actionItemsToChecklist, type ScaffoldOptions, type ScaffoldResult } from '../../core/actionItems';
export { buildTimelineView, previewHeader, mermaidSources } from '../../core/timeline';
