import type { Rule } from '../rule';

/** Reports rows of the action items table with more or fewer cells than its header, and IDs used twice. */
export const actionItemsTable: Rule = {
  id: 'PM605',
  name: 'action-items-table',
  description: 'Every row of the action items table must have as many cells as its header, and each action item ID must be unique.',
  category: 'action-items',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, lines, report }) {
    const table = model.actionItems;
    if (!table.table || !table.columns) return;
    const expected = table.columns.length;
    const headerLine = table.table.start.line;
    const header = { range: { start: { line: headerLine, character: 0 }, end: { line: headerLine, character: (lines[headerLine] ?? '').length } }, message: `The header, with ${expected} cells.` };
    const seen = new Map<string, { id: string; range: typeof table.table }>();
    for (const item of table.items) {
      if (item.cellCount !== expected) {
        const name = item.id ? `Row ${item.id}` : `Row "${item.action.length > 40 ? `${item.action.slice(0, 40).trimEnd()}…` : item.action}"`;
        report({
          message:
            item.cellCount > expected
              ? `${name} has ${item.cellCount} cells but the header has ${expected}; the extra cells are dropped by Markdown renderers. Expected ${expected} cells.`
              : `${name} has ${item.cellCount} cells but the header has ${expected}; expected ${expected} cells (leave a cell empty rather than out).`,
          range: item.range,
          related: [header],
        });
      }
      if (!item.id || !item.cells.id) continue;
      const key = item.id.trim().toLowerCase();
      const first = seen.get(key);
      if (first) {
        report({
          message: `Action item ID ${item.id} is used twice; expected a unique ID (the scaffold gives new items the next free number).`,
          range: item.cells.id,
          related: [{ range: first.range, message: `${first.id} is first used here.` }],
        });
      } else {
        seen.set(key, { id: item.id, range: item.cells.id });
      }
    }
  },
};
