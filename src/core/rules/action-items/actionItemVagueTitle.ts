import { checkActionTitle } from '../../actionItems/verbs';
import type { Rule } from '../rule';
import { itemName } from './actionItemPlaceholder';

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);

/** Reports open action items whose title does not start with a verb, or starts with a vague one ("investigate", "improve", "look into"). */
export const actionItemVagueTitle: Rule = {
  id: 'PM603',
  name: 'action-item-vague-title',
  description: 'Open action items must say what will be done, starting with a verb that promises a result ("Add", "Alert on", "Remove"), not a vague one ("Investigate", "Improve", "Look into"); options "vagueVerbs" and "verbs".',
  category: 'action-items',
  defaultSeverity: 'warning',
  fixable: false,
  check({ model, options, report }) {
    const table = model.actionItems;
    if (!table.table) return;
    const vagueVerbs = strings(options.vagueVerbs);
    const verbs = strings(options.verbs);
    for (const item of table.items) {
      const range = item.cells.action;
      if (item.done || !range || !item.action.trim()) continue;
      const check = checkActionTitle(item.action, { vagueVerbs, verbs });
      if (check.vague) {
        report({
          message: `${itemName(item)} starts with "${check.vague}", which promises no result; say what will change, e.g. "Add an alert on ..." or "Remove ...".`,
          range,
        });
      } else if (check.noVerb) {
        report({
          message: `${itemName(item)} does not start with a verb ("${truncate(item.action)}"); say what will be done, e.g. "Add ...", "Automate ...", "Alert on ...".`,
          range,
        });
      }
    }
  },
};

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text;
}
