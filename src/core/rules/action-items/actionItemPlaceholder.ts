import type { ActionItem, ActionItemRole } from '../../model/types.generated';
import { isPlaceholder } from '../../actionItems/text';
import type { Rule } from '../rule';

const DEFAULT_COLUMNS: readonly ActionItemRole[] = ['owner', 'ticket'];
const WHAT: Partial<Record<ActionItemRole, [string, string]>> = {
  owner: ['no owner', 'name the one person who will see it through'],
  ticket: ['no ticket', "file it in the tracker and put the ticket's ID or link here"],
  due: ['no due date', 'give the date it will be done by'],
  priority: ['no priority', 'say how urgent it is (P1, P2, P3)'],
  type: ['no type', 'say whether it will prevent, detect or mitigate a recurrence, or change a process'],
};

/** Names an item in messages: its ID, else the start of its action. */
export function itemName(item: ActionItem): string {
  if (item.id) return `Action item ${item.id}`;
  const action = item.action.length > 40 ? `${item.action.slice(0, 40).trimEnd()}…` : item.action;
  return `Action item "${action}"`;
}

/** Reports open action items whose owner or ticket (option `columns`) is still a placeholder such as TBD. */
export const actionItemPlaceholder: Rule = {
  id: 'PM601',
  name: 'action-item-placeholder',
  description: 'Open action items must have a real owner and ticket, not a placeholder such as TBD, @owner or an empty cell; configurable with the option "columns".',
  category: 'action-items',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, options, report }) {
    const table = model.actionItems;
    if (!table.table || !table.columnRoles) return;
    const wanted = Array.isArray(options.columns) ? (options.columns as unknown[]).map(String) : DEFAULT_COLUMNS;
    const columns = wanted.filter((c): c is ActionItemRole => c in WHAT && table.columnRoles!.includes(c as ActionItemRole));
    for (const item of table.items) {
      if (item.done) continue;
      for (const column of columns) {
        const range = item.cells[column];
        if (!range) continue;
        const value = item[column as 'owner'];
        if (!isPlaceholder(value)) continue;
        const [missing, advice] = WHAT[column]!;
        const empty = range.start.line === range.end.line && range.start.character === range.end.character;
        report({
          message: `${itemName(item)} has ${missing} yet${value ? ` ("${value}")` : ''}; ${advice}.`,
          range: empty ? item.range : range,
        });
      }
    }
  },
};
