import type { Rule } from '../rule';
import { metricCells } from './metricRows';

/** Reports value cells of a metrics table that are not quantities. */
export const metricValueUnparsed: Rule = {
  id: 'PM202',
  name: 'metric-value-unparsed',
  description: 'Value cells of a metrics table must be quantities (95%, 50ms, 120M, >90%) or N/A.',
  category: 'metrics',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, report }) {
    for (const { row, cell } of metricCells(model)) {
      if (cell.quantity || cell.text.trim() === '') continue;
      if (cell.role === 'other' || cell.role === undefined) continue;
      report({
        message: `"${cell.text}" in column ${cell.column} of "${row.metric}" is not a quantity; expected a number with a unit such as 95%, 50ms, 120M or >90%, or N/A.`,
        range: cell.range,
      });
    }
  },
};
