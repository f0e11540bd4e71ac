import { daysBetween, addDays, dueDaysFor, incidentSeverity, isPlaceholder, readDueDays } from '../../actionItems/text';
import type { Rule } from '../rule';
import { itemName } from './actionItemPlaceholder';

/**
 * Reports due dates that cannot be right: before the incident, later than the service level for
 * the incident's severity allows (open items only; option `dueDays`), or not a date at all.
 */
export const actionItemDueDate: Rule = {
  id: 'PM602',
  name: 'action-item-due-date',
  description: 'Due dates of action items must be dates after the incident, and open items must be due within the service level for its severity (option "dueDays", default SEV-1 15 days, SEV-2 30, SEV-3 60, otherwise 30).',
  category: 'action-items',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, options, report }) {
    const table = model.actionItems;
    if (!table.table) return;
    const date = model.metadata.date?.date;
    const severity = incidentSeverity(model);
    const days = dueDaysFor(severity, readDueDays(options.dueDays));
    const related = model.metadata.date ? [{ range: model.metadata.date.range, message: `The incident date, ${date}.` }] : undefined;
    for (const item of table.items) {
      const range = item.cells.due;
      if (!range || item.due === undefined || isPlaceholder(item.due)) continue;
      if (!item.dueDate) {
        report({ message: `${itemName(item)} is due "${item.due}", which is not a date; expected a date such as ${date ? addDays(date, days) : '2024-01-31'}.`, range });
        continue;
      }
      if (!date) continue;
      if (item.dueDate < date) {
        report({ message: `${itemName(item)} is due ${item.dueDate}, before the incident (${date}); expected a date after it.`, range, related });
        continue;
      }
      const late = daysBetween(date, item.dueDate);
      if (!item.done && late > days) {
        report({
          message: `${itemName(item)} is due ${item.dueDate}, ${late} days after the incident; the service level${severity ? ` for ${severity}` : ''} is ${days} days, so expected ${addDays(date, days)} or earlier.`,
          range,
          related,
        });
      }
    }
  },
};
