import { CoverageIndex, significantWords } from '../../actionItems/text';
import type { Rule } from '../rule';

/**
 * Reports "what went wrong" findings that no action item covers, once the document has an action
 * items table with at least one row (an empty table is one not filled yet). An item covers a
 * finding when they share two significant words (one when either has only one), in its action or
 * its source (items listed in the action items section count too).
 */
export const findingWithoutAction: Rule = {
  id: 'PM604',
  name: 'finding-without-action',
  description: 'Each "what went wrong" finding should be covered by an action item (checked once the document has an action items table with rows).',
  category: 'action-items',
  defaultSeverity: 'info',
  fixable: false,
  check({ model, report }) {
    const table = model.actionItems;
    if (!table.table || table.items.length === 0) return;
    const items = new CoverageIndex();
    for (const item of table.items) items.add(significantWords(`${item.action} ${item.source ?? ''}`));
    for (const entry of table.listItems ?? []) items.add(significantWords(entry.text));
    const related = [{ range: table.table, message: 'The action items table.' }];
    for (const finding of model.findings) {
      if (finding.category !== 'went-wrong') continue;
      const words = significantWords(finding.text);
      if (words.length === 0 || items.covers(words)) continue;
      report({
        message: `No action item covers this finding ("${finding.text.length > 60 ? `${finding.text.slice(0, 60).trimEnd()}…` : finding.text}"); add one, e.g. with "Post-Mortem: Scaffold Action Items", or say in the table why none is needed.`,
        range: finding.range,
        related,
      });
    }
  },
};
