import type { Range } from '../document';
import type { ModelBuild } from '../model/build';
import type { PostmortemModel } from '../model/types.generated';

export type Severity = 'error' | 'warning' | 'info';
export type RuleCategory = 'timestamps' | 'metrics' | 'gates' | 'costs' | 'structure' | 'action-items' | 'diagrams';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix the rule is certain of: applying its edits makes the finding go away. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** The other end of a conflict: the earlier timestamp, the metric row a gate refers to. */
export interface RelatedLocation {
  range: Range;
  message: string;
}

/** What a rule reports. */
export interface Finding {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  fix?: Fix;
}

export type Report = Omit<Finding, 'ruleId' | 'ruleName' | 'severity'>;

/** What a rule's check sees. */
export interface RuleContext {
  readonly model: PostmortemModel;
  readonly build: ModelBuild;
  readonly lines: readonly string[];
  /** The rule's options from the configuration (empty when none). */
  readonly options: Readonly<Record<string, unknown>>;
  report(finding: Report): void;
}

/** A lint rule: one module, a stable id, a name, a docs page `docs/rules/<name>.md`. */
export interface Rule {
  /** Stable id, e.g. `PM102`. Never reused. */
  readonly id: string;
  /** Kebab-case name, e.g. `timeline-order`; also the docs page's file name. */
  readonly name: string;
  /** One sentence: what the rule checks. */
  readonly description: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** True when some of its findings carry a certain fix. */
  readonly fixable: boolean;
  check(context: RuleContext): void;
}

/** Path of a rule's docs page, relative to the project (and to the packaged extension). */
export function docsPath(rule: Pick<Rule, 'name'>): string {
  return `docs/rules/${rule.name}.md`;
}
