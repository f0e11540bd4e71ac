import type { Rule } from '../rule';

/** Reports a cost expression that cannot be evaluated to an amount of money. */
export const costExpressionUnreadable: Rule = {
  id: 'PM403',
  name: 'cost-expression-unreadable',
  description: 'A cost expression such as (47 min × $4.08M/hour) should evaluate to an amount of money.',
  category: 'costs',
  defaultSeverity: 'info',
  fixable: false,
  check({ model, report }) {
    for (const item of model.costs.items) {
      const expression = item.expression;
      if (!expression?.error) continue;
      report({ message: `Cannot check ${item.label || 'this cost'}: ${expression.error}.`, range: expression.range });
    }
  },
};
