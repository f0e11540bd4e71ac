import { memoizedPerBlock } from '../model/extract/memo';
import type { HeadingBlock, TableBlock } from '../parse/blocks';
import type { ActionItem, ActionItemRole, ActionItems } from '../model/types.generated';
import { classifySection } from '../model/sections';
import type { ExtractContext } from '../model/extract/context';
import { cellPlain, dueDateOf, isDoneStatus } from './text';

export type ColumnRole = ActionItemRole | 'other';

/** Header patterns by role, tested on the header's plain text. First match wins. */
const ROLE_PATTERNS: ReadonlyArray<[ActionItemRole, RegExp]> = [
  ['id', /^(?:id|#|no\.?|nr\.?|key|ref(?:erence)?|item id)$/i],
  ['action', /^(?:actions?(?: items?)?|items?|tasks?|descriptions?|titles?|what|to ?do|follow[- ]?ups?|remediations?|corrective actions?|summary)$/i],
  ['type', /^(?:type|kind|category|class)$/i],
  ['priority', /^(?:priority|prio|p)$/i],
  ['owner', /^(?:owners?|assignees?|assigned(?: to)?|who|responsible|dri|lead)$/i],
  ['due', /^(?:due(?: date| by)?|deadline|target(?: date)?|when|eta|by)$/i],
  ['status', /^(?:status|state|done\??|progress)$/i],
  ['ticket', /^(?:tickets?|bugs?|issues?|jira|links?|tracker|tracking|cards?)(?: ?(?:id|#|no\.?|link))?$/i],
  ['source', /^(?:source|from|origin|lessons?|findings?|related(?: to)?)$/i],
];

/** What a header cell holds. */
export function roleOfHeader(header: string): ColumnRole {
  const plain = cellPlain(header).trim();
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(plain)) return role;
  return 'other';
}

/** Roles of a header row; a role claimed by an earlier column is `other` for later ones. */
export function rolesOfHeader(headers: readonly string[]): ColumnRole[] {
  const taken = new Set<ColumnRole>();
  return headers.map((header) => {
    const role = roleOfHeader(header);
    if (role === 'other' || taken.has(role)) return 'other';
    taken.add(role);
    return role;
  });
}

/**
 * The action items table: the first table with an action column under an action items heading
 * (`## Action Items`, `## Follow-ups`...), else the first table anywhere with both an action and an
 * owner column. `section` is the action items heading, also when it holds no table.
 */
export function extractActionItems(ctx: ExtractContext): ActionItems {
  const result: ActionItems = { items: [] };
  let fallback: { table: TableBlock; heading?: HeadingBlock } | undefined;
  let chosen: { table: TableBlock; heading?: HeadingBlock } | undefined;
  const listItems: NonNullable<ActionItems['listItems']> = [];
  for (const { block, headings, sections } of ctx.entries) {
    if (block.kind === 'heading') {
      if (!result.section && isActionItemsHeading(block.text)) result.section = block.range;
      continue;
    }
    if (block.kind === 'listItem') {
      if (block.depth === 0 && sections.has('action-items') && block.text.trim()) {
        listItems.push({ text: block.text.trim(), checked: block.checked, range: block.range });
      }
      continue;
    }
    if (block.kind !== 'table' || block.continuation) continue;
    const roles = headerRolesOf(block, undefined);
    if (!roles?.includes('action')) continue;
    const heading = [...headings].reverse().find((h) => isActionItemsHeading(h.text));
    if (heading) {
      chosen ??= { table: block, heading };
      continue;
    }
    if (!fallback && roles.includes('owner')) fallback = { table: block };
  }
  if (listItems.length > 0) result.listItems = listItems;
  const found = chosen ?? fallback;
  if (!found) return result;
  if (found.heading) result.section = found.heading.range;
  return { ...result, ...readTable(ctx, found.table) };
}

/** The roles of a table's header row, once per table block (a 1 MB post-mortem has hundreds of tables). */
const headerRolesOf = memoizedPerBlock((table: TableBlock) => {
  const header = table.rows[0];
  return header ? rolesOfHeader(header.cells.map((c) => c.text)) : undefined;
});

function isActionItemsHeading(text: string): boolean {
  return classifySection(text) === 'action-items';
}

function readTable(ctx: ExtractContext, table: TableBlock): Omit<ActionItems, 'section'> {
  const [header, ...body] = table.rows;
  const columns = header.cells.map((c) => c.text);
  const columnRoles = rolesOfHeader(columns);
  const items: ActionItem[] = [];
  for (const row of body) {
    const item: ActionItem = { action: '', range: row.range, cellCount: row.cells.length, cells: {} };
    row.cells.forEach((cell, i) => {
      const role = columnRoles[i];
      if (!role || role === 'other') return;
      item.cells[role] = widenEmpty(ctx, cell.range);
      const raw = sourceOf(ctx, cell.range);
      const text = cellPlain(raw);
      switch (role) {
        case 'id':
          if (text) item.id = text;
          break;
        case 'action':
          item.action = text;
          break;
        case 'source': {
          item.source = text;
          const target = /\]\(\s*<?([^)\s>]*)>?[^)]*\)/.exec(raw)?.[1];
          if (target) item.sourceTarget = target;
          break;
        }
        default:
          item[role] = text;
      }
    });
    const dueDate = dueDateOf(item.due);
    if (dueDate) item.dueDate = dueDate;
    if (columnRoles.includes('status')) {
      if (isDoneStatus(item.status)) item.done = true;
      else item.done = false;
    } else {
      // Google's template has no status column: "n/a **DONE**" in the bug column.
      const line = ctx.lines[row.range.start.line] ?? '';
      item.done = /\bDONE\b/.test(line) && !/\bTODO\b/.test(line);
    }
    items.push(item);
  }
  return { table: table.range, columns, columnRoles, items };
}

/** The source text of a one-line range. */
function sourceOf(ctx: ExtractContext, range: ActionItem['range']): string {
  const line = ctx.lines[range.start.line] ?? '';
  return range.start.line === range.end.line ? line.slice(range.start.character, range.end.character) : line.slice(range.start.character);
}

/** An empty cell's range is empty: widen it to the blanks between its pipes, so that it can be underlined. */
function widenEmpty(ctx: ExtractContext, range: ActionItem['range']): ActionItem['range'] {
  if (range.start.line !== range.end.line || range.start.character !== range.end.character) return range;
  const line = ctx.lines[range.start.line] ?? '';
  let left = Math.min(range.start.character, line.length);
  let right = left;
  while (left > 0 && line[left - 1] !== '|') left--;
  while (right < line.length && line[right] !== '|') right++;
  if (right <= left) return range;
  return { start: { line: range.start.line, character: left }, end: { line: range.start.line, character: right } };
}
