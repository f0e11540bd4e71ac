import { findMoney, formatMoneyLike, withinStatedPrecision } from '../../parse/money';
import type { Rule } from '../rule';

/** Reports a cost amount that its own expression does not give: `$125K (25 engineers × 3 hours × $350/hr)`. */
export const costArithmetic: Rule = {
  id: 'PM401',
  name: 'cost-arithmetic',
  description: 'A stated cost must equal what its own expression gives, within the precision it is written with.',
  category: 'costs',
  defaultSeverity: 'error',
  fixable: true,
  check({ model, report }) {
    for (const item of model.costs.items) {
      const expression = item.expression;
      if (!expression || expression.value === undefined) continue;
      const stated = findMoney(item.amount.raw);
      if (!stated || withinStatedPrecision(stated, expression.value)) continue;
      const replacement = formatMoneyLike(expression.value, stated);
      report({
        message: `${item.label || 'Cost'} is stated as ${item.amount.raw} but ${expression.text} is ${formatMoneyLike(expression.value, { ...stated, approximate: false })}; expected ${replacement}.`,
        range: item.amount.range,
        related: [{ range: expression.range, message: `The expression, which gives ${replacement}.` }],
        fix: { title: `Change the amount to ${replacement}`, edits: [{ range: item.amount.range, newText: replacement }] },
      });
    }
  },
};
