import { parseQuantity } from '../../parse/quantity';
import type { Rule } from '../rule';

/** Reports a gate success criterion whose threshold disagrees with the metrics table's target. */
export const gateThresholdMismatch: Rule = {
  id: 'PM305',
  name: 'gate-threshold-mismatch',
  description: "A gate's success criterion on a metric must use the same threshold as that metric's target in the metrics table.",
  category: 'gates',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, report }) {
    const targets = new Map<string, { text: string; range: (typeof model.metricTables)[number]['range'] }>();
    for (const table of model.metricTables) {
      for (const row of table.rows) {
        const target = row.cells.find((c) => c.role === 'target' && c.quantity?.comparator);
        if (target) targets.set(metricKey(row.metric), { text: target.text, range: target.range });
      }
    }
    if (targets.size === 0) return;
    for (const block of model.gateBlocks) {
      for (const gate of block.gates) {
        for (const criterion of gate.successCriteria) {
          const target = targets.get(metricKey(criterion.metric));
          if (!target) continue;
          const a = parseQuantity(criterion.threshold);
          const b = parseQuantity(target.text);
          if (!a || !b || (a.comparator === b.comparator && a.dimension === b.dimension && nearlyEqual(a.value, b.value))) continue;
          report({
            message: `Gate threshold ${criterion.threshold} for ${criterion.metric} disagrees with the metrics table's target ${target.text}; expected "${target.text}" (or change the table's target).`,
            range: criterion.range,
            related: [{ range: target.range, message: `The metrics table's target for this metric, ${target.text}.` }],
          });
        }
      }
    }
  },
};

/** "cache_hit_rate", "Cache Hit Rate" and "cache-hit-rate" are the same metric. */
export function metricKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9%]+/g, ' ').trim();
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-9;
}
