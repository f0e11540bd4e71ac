import type { Rule } from '../rule';
import { metricCells } from './metricRows';

/** Reports a target value without a comparator: is 90% a floor or a ceiling? */
export const metricTargetComparator: Rule = {
  id: 'PM204',
  name: 'metric-target-comparator',
  description: 'Target values must say which way they bound the metric (>90%, <100ms).',
  category: 'metrics',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, report }) {
    for (const { row, cell } of metricCells(model)) {
      const q = cell.quantity;
      if (cell.role !== 'target' || !q || q.notApplicable || q.comparator) continue;
      const normal = row.cells.find((c) => c.role === 'normal')?.quantity;
      const peak = row.cells.find((c) => c.role === 'peak')?.quantity;
      let hint = `>${cell.text} or <${cell.text}`;
      if (normal?.value != null && peak?.value != null && normal.value !== peak.value) {
        hint = normal.value > peak.value ? `>${cell.text}` : `<${cell.text}`;
      }
      report({
        message: `Target "${cell.text}" of "${row.metric}" has no comparator; expected a bound such as ${hint}.`,
        range: cell.range,
      });
    }
  },
};
