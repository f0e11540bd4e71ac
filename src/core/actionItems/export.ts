import type { ActionItem, ActionItems } from '../model/types.generated';
import { cellPlain, isPlaceholder } from './text';

export interface ExportOptions {
  /** Write placeholders (TBD, @owner...) as they are; by default they are left empty so trackers do not import them. */
  keepPlaceholders?: boolean;
  /** Line break between records (CSV default `\r\n` as RFC 4180 says; checklist default `\n`). */
  eol?: string;
}

const CSV_COLUMNS = ['ID', 'Action', 'Type', 'Priority', 'Owner', 'Due', 'Status', 'Ticket', 'Source'] as const;

/**
 * The action items as CSV for a tracker's import (Jira, Linear, GitHub via a script): a header row
 * and one record per item, RFC 4180 quoting, cells starting with = + - @ prefixed with ' so that a
 * spreadsheet does not run them as formulas. Due dates are ISO when the cell holds a date; owners
 * lose the @ of a mention (`@priya` → `priya`).
 */
export function actionItemsToCsv(actionItems: ActionItems, options: ExportOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  const records: string[][] = [[...CSV_COLUMNS]];
  for (const item of actionItems.items) {
    const cell = (value: string | undefined) => (value === undefined || (!options.keepPlaceholders && isPlaceholder(value)) ? '' : value);
    records.push([
      item.id ?? '',
      item.action,
      cell(item.type),
      cell(item.priority),
      // Trackers take user names without the @ of a mention.
      cell(item.owner).replace(/^@(?=\S)/, ''),
      item.dueDate ?? cell(item.due),
      item.status ?? (item.done ? 'Done' : ''),
      cell(item.ticket),
      sourceText(item),
    ]);
  }
  return records.map((record) => record.map(csvField).join(',')).join(eol) + eol;
}

function sourceText(item: ActionItem): string {
  if (!item.source) return '';
  return item.sourceTarget ? `${item.source} (${item.sourceTarget})` : item.source;
}

function csvField(value: string): string {
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The action items as a Markdown task list, for a ticket, a chat message or a status update:
 * `- [ ] AI-5 Build the CRDT version registry (owner @alice, due 2024-01-07, PLAT-123)`. Done
 * items are checked; placeholders are left out.
 */
export function actionItemsToChecklist(actionItems: ActionItems, options: ExportOptions = {}): string {
  const eol = options.eol ?? '\n';
  const lines = actionItems.items.map((item) => {
    const keep = (value: string | undefined) => value !== undefined && (options.keepPlaceholders || !isPlaceholder(value));
    const details: string[] = [];
    if (keep(item.owner)) details.push(`owner ${item.owner}`);
    if (item.dueDate || keep(item.due)) details.push(`due ${item.dueDate ?? item.due}`);
    if (keep(item.type)) details.push(item.type!);
    if (keep(item.priority)) details.push(item.priority!);
    if (keep(item.ticket)) details.push(item.ticket!);
    const id = item.id ? `**${item.id}** ` : '';
    const text = cellPlain(item.action).replace(/^\[([ xX])\]/, '\\[$1]');
    return `- [${item.done ? 'x' : ' '}] ${id}${text}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
  });
  return lines.length > 0 ? lines.join(eol) + eol : '';
}
