import { parseQuantity, satisfies } from '../../parse/quantity';
import type { Rule } from '../rule';
import { metricRows } from './metricRows';

/** Reports a normal (baseline) value that fails its own target. */
export const metricNormalViolatesTarget: Rule = {
  id: 'PM205',
  name: 'metric-normal-violates-target',
  description: "A metric's normal value must meet its target; otherwise the target or the baseline is wrong.",
  category: 'metrics',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, report }) {
    for (const { row } of metricRows(model)) {
      const normal = row.cells.find((c) => c.role === 'normal' && c.quantity && !c.quantity.notApplicable);
      const target = row.cells.find((c) => c.role === 'target' && c.quantity?.comparator && !c.quantity.notApplicable);
      if (!normal || !target) continue;
      const normalQ = parseQuantity(normal.text);
      const targetQ = parseQuantity(target.text);
      if (!normalQ || !targetQ || satisfies(normalQ, targetQ) !== false) continue;
      report({
        message: `Normal value ${normal.text} of "${row.metric}" does not meet its target ${target.text}; expected a normal value within the target.`,
        range: normal.range,
        related: [{ range: target.range, message: `The target, ${target.text}.` }],
      });
    }
  },
};
