import { spanOn } from '../../model/extract/context';
import type { Rule } from '../rule';

/** Reports metric table rows whose cell count differs from the header's. */
export const metricTableRaggedRow: Rule = {
  id: 'PM201',
  name: 'metric-table-ragged-row',
  description: 'Every row of a metrics table must have as many cells as its header.',
  category: 'metrics',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, lines, report }) {
    for (const table of model.metricTables) {
      const expected = table.headerCellCount;
      const headerLine = table.range.start.line;
      for (const row of table.rows) {
        const actual = row.cells.length + 1;
        if (actual === expected) continue;
        report({
          message:
            actual > expected
              ? `Row "${row.metric}" has ${actual} cells but the header has ${expected}; the extra cells are dropped by Markdown renderers. Expected ${expected} cells.`
              : `Row "${row.metric}" has ${actual} cells but the header has ${expected}; expected ${expected} cells (use N/A for unknown values).`,
          range: row.range,
          related: [{ range: spanOn(headerLine, 0, (lines[headerLine] ?? '').length), message: `The header, with ${expected} cells.` }],
        });
      }
    }
  },
};
