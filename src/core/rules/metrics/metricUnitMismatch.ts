import type { Rule } from '../rule';
import { metricRows } from './metricRows';

const DIMENSION_NAMES: Record<string, string> = {
  ratio: 'a percentage', time: 'a time', count: 'a count', money: 'money', data: 'a data size', dataRate: 'a data rate',
  bitRate: 'a bit rate', rate: 'a rate', factor: 'a factor', temperature: 'a temperature', other: 'another unit',
};

/** Reports a metrics row whose values are in units of different dimensions (50ms beside 18%). */
export const metricUnitMismatch: Rule = {
  id: 'PM203',
  name: 'metric-unit-mismatch',
  description: 'All values of a metric row must measure the same thing (all times, all percentages, ...).',
  category: 'metrics',
  defaultSeverity: 'error',
  fixable: false,
  check({ model, report }) {
    for (const { row } of metricRows(model)) {
      // A bare number (no unit) is compatible with anything: "400K" beside "2M req/sec".
      const withUnits = row.cells.filter((c) => c.quantity && !c.quantity.notApplicable && c.quantity.unit && c.quantity.dimension !== 'count');
      const first = withUnits[0];
      if (!first?.quantity) continue;
      for (const cell of withUnits.slice(1)) {
        const dimension = cell.quantity!.dimension;
        if (dimension === first.quantity.dimension || compatible(dimension, first.quantity.dimension)) continue;
        report({
          message: `"${cell.text}" is ${DIMENSION_NAMES[dimension] ?? dimension} but "${first.text}" in the same row is ${DIMENSION_NAMES[first.quantity.dimension] ?? first.quantity.dimension}; expected values of one kind in "${row.metric}".`,
          range: cell.range,
          related: [{ range: first.range, message: `The row's first value, ${first.text}.` }],
        });
      }
    }
  },
};

function compatible(a: string, b: string): boolean {
  const rates = new Set(['dataRate', 'bitRate']);
  return rates.has(a) && rates.has(b);
}
