import type { Range } from '../../document';
import { findMoney, formatMoneyLike, withinStatedPrecision } from '../../parse/money';
import type { CostItem, PostmortemModel } from '../../model/types.generated';
import type { Rule } from '../rule';

/** Reports a total that differs from the sum of the itemized costs above it. */
export const costTotal: Rule = {
  id: 'PM402',
  name: 'cost-total',
  description: 'A stated total cost should equal the sum of the itemized costs.',
  category: 'costs',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, report }) {
    const totals = model.costs.totals;
    totals.forEach((total, i) => {
      const section = topSectionOf(model, total.range);
      // Only the last total of a section is a grand total; earlier ones are subtotals.
      if (totals.slice(i + 1).some((t) => topSectionOf(model, t.range) === section)) return;
      const items = model.costs.items.filter((item) => topSectionOf(model, item.range) === section && item.amount.currency === total.amount.currency);
      if (items.length < 2) return;
      const sum = items.reduce((acc, item: CostItem) => acc + item.amount.value, 0);
      const stated = findMoney(total.amount.raw);
      if (!stated || withinStatedPrecision(stated, sum)) return;
      const sumText = formatMoneyLike(sum, { ...stated, approximate: false });
      report({
        message: `Total ${total.amount.raw} differs from the sum of the ${items.length} itemized costs, ${sumText}; expected ${sumText}, or the missing items listed.`,
        range: total.amount.range,
        related: items.map((item) => ({ range: item.amount.range, message: `${item.label || 'Item'}: ${item.amount.raw}` })),
      });
    });
  },
};

/** Index of the top-level (level 1 or 2) section holding `range`, or -1. */
function topSectionOf(model: PostmortemModel, range: Range): number {
  let found = -1;
  model.sections.forEach((section, i) => {
    if (section.level <= 2 && section.range.start.line <= range.start.line) found = i;
  });
  return found;
}
