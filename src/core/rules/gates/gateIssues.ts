import type { GateIssueKind } from '../../gates';
import type { Rule, RuleContext } from '../rule';

/** Reports the gate analysis's issues of the given kinds, with their fixes and related spans. */
export function reportGateIssues(context: RuleContext, kinds: readonly GateIssueKind[]): void {
  for (const { analysis, toRange } of context.build.gateAnalyses) {
    for (const issue of analysis.issues) {
      if (!kinds.includes(issue.kind)) continue;
      const replacement = issue.replacement;
      context.report({
        message: issue.message,
        range: toRange(issue.span),
        related: issue.related ? [{ range: toRange(issue.related.span), message: issue.related.message }] : undefined,
        fix: replacement
          ? { title: `Replace with ${replacement.newText}`, edits: [{ range: toRange(replacement.span), newText: replacement.newText }] }
          : undefined,
      });
    }
  }
}

/** Builds a rule that reports gate issues of some kinds. */
export function gateIssueRule(rule: Omit<Rule, 'check' | 'category'>, kinds: readonly GateIssueKind[]): Rule {
  return { ...rule, category: 'gates', check: (context) => reportGateIssues(context, kinds) };
}
