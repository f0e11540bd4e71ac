import type { Position } from '../document';
import type { ActionItem, ActionItemRole, PostmortemModel, Section } from '../model/types.generated';
import type { TextEdit } from '../rules/rule';
import { inferActionType, type ActionItemType } from './infer';
import type { ColumnRole } from './extract';
import {
  addDays,
  cellPlain,
  CoverageIndex,
  DEFAULT_DUE_DAYS,
  dueDaysFor,
  headingAnchors,
  incidentSeverity,
  isPlaceholder,
  sectionIndexAt,
  significantWords,
  type DueDays,
} from './text';

/** Where a new action items section goes. */
export type ActionItemsPlacement = 'afterLessons' | 'end';

export interface ScaffoldOptions {
  /** Title of the section to create (default `Action Items`); an existing section of that title is reused. */
  sectionTitle?: string;
  /** Where to create the section when the document has none (default `afterLessons`). */
  placement?: ActionItemsPlacement;
  /** Days from the incident date to the due date, by severity (default SEV-1 15, SEV-2 30, SEV-3 60, default 30). */
  dueDays?: DueDays;
}

/** One row of the action items table after the scaffold. */
export interface ScaffoldItem {
  id?: string;
  action: string;
  type?: string;
  priority?: string;
  owner?: string;
  due?: string;
  status?: string;
  ticket?: string;
  /** The source cell as Markdown (a link to the lesson, finding or gate). */
  source?: string;
  /** Where the row comes from: a row that was there, or a new one from a lesson, a gate or a finding. */
  origin: 'existing' | 'lesson' | 'gate' | 'finding';
  change: 'added' | 'updated' | 'unchanged';
}

export interface ScaffoldResult {
  /** Zero or one edit: one edit is one undo step. */
  edits: TextEdit[];
  /** The document's text with the edit applied. */
  text: string;
  /** Rows added. */
  added: number;
  /** Existing rows changed (a placeholder or a default filled in: status Open → Done, due TBD → a date...). */
  updated: number;
  /** What changes in existing rows, one line each, e.g. `AI-3: Status Open → Done`. */
  changes: string[];
  /** Every row of the table after the scaffold, in table order. */
  items: ScaffoldItem[];
  /** Why nothing was done although there was something to add (the table would land inside an unclosed code block). */
  problem?: string;
}

export const DEFAULT_SECTION_TITLE = 'Action Items';
export const STANDARD_COLUMNS: readonly ActionItemRole[] = ['id', 'action', 'type', 'priority', 'owner', 'due', 'status', 'ticket', 'source'];
const HEADER_TEXT: Record<ActionItemRole, string> = {
  id: 'ID', action: 'Action', type: 'Type', priority: 'Priority', owner: 'Owner', due: 'Due', status: 'Status', ticket: 'Ticket', source: 'Source',
};
/** What the scaffold writes in cells it cannot fill. */
export const PLACEHOLDER = 'TBD';

/** A row the scaffold would write: from a lesson, a deployment gate or a "what went wrong" finding. */
interface Candidate {
  origin: 'lesson' | 'gate' | 'finding';
  action: string;
  label: string;
  labelKey: string;
  actionKey: string;
  anchor: string;
  done: boolean;
  type?: ActionItemType;
  words: string[];
}

/** An existing row, with what matching needs. */
interface ExistingRow {
  item: ActionItem;
  labelKey: string;
  anchor: string;
  actionKey: string;
  words: string[];
  matched?: Candidate;
}

/**
 * Creates or updates the action items table from the lessons learned, the deployment gates and
 * the "what went wrong" findings. Pure and deterministic: the same text, model and options give
 * the same result. Existing rows are never removed or reordered, and a cell is changed only when
 * it still holds a placeholder or the scaffold's own default (status `Open` of an item whose
 * lesson is now completed, an empty source). Running it on its own output changes nothing.
 */
export function scaffoldActionItems(text: string, model: PostmortemModel, options: ScaffoldOptions = {}): ScaffoldResult {
  const { newRows, updatedRows, changes, items, table } = plan(model, options);
  if (newRows.length === 0 && updatedRows.size === 0) {
    return { edits: [], text, added: 0, updated: 0, changes: [], items };
  }

  // 5. The new text: rows updated in place, new rows after the table's last row, or a new table.
  const sectionTitle = options.sectionTitle?.trim() || DEFAULT_SECTION_TITLE;
  const lines = toSegments(text);
  const eol = dominantEol(text);
  const next = lines.map((segment) => ({ ...segment }));
  for (const [line, cellUpdates] of updatedRows) next[line].text = replaceCells(next[line].text, cellUpdates);
  if (table?.table) {
    insertLines(next, table.table.end.line + 1, newRows, eol);
  } else {
    const header = rowLine(STANDARD_COLUMNS.map((r) => HEADER_TEXT[r]));
    const delimiter = rowLine(STANDARD_COLUMNS.map(() => '---'));
    const tableLines = [header, delimiter, ...newRows];
    const section = model.actionItems.section ?? findSection(model.sections, sectionTitle)?.range;
    const at = section
      ? insertIntoSection(next, model.sections, section.start.line, tableLines, eol)
      : insertSection(next, model, options.placement ?? 'afterLessons', sectionTitle, tableLines, eol);
    const open = openBlockAt(lines, at);
    if (open) {
      const problem = `The action items table would go inside the ${open.kind} that starts on line ${open.line + 1} and is never closed; close it, then scaffold again.`;
      return { edits: [], text, added: 0, updated: 0, changes: [], items: items.filter((i) => i.change !== 'added'), problem };
    }
  }

  const newText = next.map((s) => s.text + s.eol).join('');
  return { edits: [diffEdit(lines, toSegments(newText))], text: newText, added: newRows.length, updated: updatedRows.size, changes, items };
}

/**
 * What the scaffold would do, without the text: how many rows it would add and update, and the
 * rows after it. Cheap enough for a code lens (no pass over the document's text).
 */
export function planActionItems(model: PostmortemModel, options: ScaffoldOptions = {}): Omit<ScaffoldResult, 'edits' | 'text'> {
  const { newRows, updatedRows, changes, items } = plan(model, options);
  return { added: newRows.length, updated: updatedRows.size, changes, items };
}

interface Plan {
  newRows: string[];
  /** Cell updates (by column, values escaped) by row line. */
  updatedRows: Map<number, Map<number, string>>;
  changes: string[];
  items: ScaffoldItem[];
  table: PostmortemModel['actionItems'] | undefined;
}

/** What plan() reads from a model that does not depend on the options: computed once per model. */
interface ModelFacts {
  anchors: string[];
  severity: string | undefined;
  candidates: ReadonlyArray<Omit<Candidate, never>>;
  existing: ReadonlyArray<Omit<ExistingRow, 'matched'>>;
  listed: ReadonlyArray<Omit<ExistingRow, 'matched'>>;
}

const factsCache = new WeakMap<PostmortemModel, ModelFacts>();

function factsOf(model: PostmortemModel): ModelFacts {
  let facts = factsCache.get(model);
  if (facts) return facts;
  const anchors = headingAnchors(model.sections);
  const table = model.actionItems.table ? model.actionItems : undefined;
  facts = {
    anchors,
    severity: incidentSeverity(model),
    candidates: collectCandidates(model, anchors),
    existing: (table?.items ?? []).map((item) => ({
      item,
      labelKey: key(item.source ?? ''),
      anchor: (item.sourceTarget ?? '').replace(/^#/, '').toLowerCase(),
      actionKey: key(item.action),
      words: significantWords(`${item.action} ${item.source ?? ''}`),
    })),
    // Items listed (not tabled) in the action items section count as existing: matched by their
    // text, covering findings, never changed.
    listed: (model.actionItems.listItems ?? []).map((entry) => ({
      item: { action: entry.text, range: entry.range, cellCount: 0, cells: {} },
      labelKey: '',
      anchor: '',
      actionKey: key(entry.text),
      words: significantWords(entry.text),
    })),
  };
  factsCache.set(model, facts);
  return facts;
}

function plan(model: PostmortemModel, options: ScaffoldOptions): Plan {
  const facts = factsOf(model);
  const severity = facts.severity;
  const date = model.metadata.date?.date;
  const due = date ? addDays(date, dueDaysFor(severity, options.dueDays ?? DEFAULT_DUE_DAYS)) : undefined;
  const priority = priorityFor(severity);

  const candidates = facts.candidates;
  const table = model.actionItems.table ? model.actionItems : undefined;
  const roles: ColumnRole[] = table?.columnRoles ?? [...STANDARD_COLUMNS];
  const existing: ExistingRow[] = facts.existing.map((row) => ({ ...row }));
  const listed: ExistingRow[] = facts.listed.map((row) => ({ ...row }));

  // 1. Rows the scaffold wrote before (or the author wrote alike): by source, then by action text.
  const unmatched = new Set(candidates);
  const pool = [...existing, ...listed];
  const byKey = (keyOf: (row: ExistingRow) => string) => {
    const map = new Map<string, ExistingRow[]>();
    for (const row of pool) {
      const k = keyOf(row);
      if (!k) continue;
      const list = map.get(k);
      if (list) list.push(row);
      else map.set(k, [row]);
    }
    return map;
  };
  const passes: Array<[Map<string, ExistingRow[]>, (c: Candidate) => string]> = [
    [byKey((row) => (row.labelKey ? `${row.labelKey}#${row.anchor}` : '')), (c) => `${c.labelKey}#${c.anchor}`],
    [byKey((row) => row.labelKey), (c) => c.labelKey],
    [byKey((row) => row.actionKey), (c) => c.actionKey],
  ];
  for (const [map, keyOf] of passes) {
    for (const candidate of candidates) {
      if (!unmatched.has(candidate)) continue;
      const list = map.get(keyOf(candidate));
      while (list && list.length > 0 && list[0].matched) list.shift();
      const row = list?.[0];
      if (!row) continue;
      row.matched = candidate;
      unmatched.delete(candidate);
    }
  }

  // 2. Gates and findings that a lesson (or an existing row, or an earlier gate) already covers get no row.
  const covering = new CoverageIndex();
  for (const c of candidates) if (c.origin === 'lesson') covering.add(c.words);
  for (const row of pool) covering.add(row.words);
  for (const c of candidates) if (c.origin === 'gate' && !unmatched.has(c)) covering.add(c.words);
  const fresh: Candidate[] = [];
  for (const candidate of candidates) {
    if (!unmatched.has(candidate)) continue;
    if (candidate.origin === 'gate') {
      if (covering.covers(candidate.words)) continue;
      covering.add(candidate.words);
    } else if (candidate.origin === 'finding') {
      if (covering.covers(candidate.words)) continue;
    }
    fresh.push(candidate);
  }

  // 3. Updates of existing rows: only placeholders and the scaffold's own defaults.
  const changes: string[] = [];
  const updatedRows = new Map<number, Map<number, string>>();
  const items: ScaffoldItem[] = [];
  for (const row of existing) {
    const cellUpdates = new Map<number, string>();
    const candidate = row.matched;
    const current = (role: ActionItemRole) => (role === 'action' ? row.item.action : role === 'id' ? row.item.id : (row.item[role] as string | undefined));
    const propose = (role: ActionItemRole, value: string, why: (old: string) => boolean) => {
      const column = roles.indexOf(role);
      if (column < 0 || column >= row.item.cellCount) return;
      const old = current(role) ?? '';
      if (!why(old) || old === value) return;
      cellUpdates.set(column, escapeCell(value, role === 'source'));
      changes.push(`${row.item.id ?? `"${truncate(row.item.action, 40)}"`}: ${HEADER_TEXT[role]} ${old === '' ? '(empty)' : old} → ${value}`);
    };
    if (candidate) {
      if (candidate.done) propose('status', 'Done', (old) => key(old) === 'open');
      if (due) propose('due', due, (old) => isPlaceholder(old));
      if (candidate.type) propose('type', candidate.type, (old) => isPlaceholder(old));
      propose('source', sourceLink(candidate), (old) => old.trim() === '');
      // A link the scaffold wrote, to a heading since renamed: point it at the heading's new anchor.
      const target = row.item.sourceTarget;
      if (target?.startsWith('#') && row.labelKey === candidate.labelKey && row.anchor !== candidate.anchor && candidate.anchor) {
        const column = roles.indexOf('source');
        if (column >= 0 && column < row.item.cellCount && !cellUpdates.has(column)) {
          cellUpdates.set(column, escapeCell(sourceLink(candidate), true));
          changes.push(`${row.item.id ?? `"${truncate(row.item.action, 40)}"`}: Source link ${target} → #${candidate.anchor}`);
        }
      }
    }
    if (cellUpdates.size > 0) updatedRows.set(row.item.range.start.line, cellUpdates);
    items.push({ ...itemOf(row.item, roles, cellUpdates), origin: 'existing', change: cellUpdates.size > 0 ? 'updated' : 'unchanged' });
  }

  // 4. New rows, in the table's own columns.
  const ids = idAllocator(existing.map((r) => r.item.id));
  const newRows: string[] = [];
  for (const candidate of fresh) {
    const cells: Partial<Record<ActionItemRole, string>> = {
      id: roles.includes('id') ? ids() : undefined,
      action: candidate.action,
      type: candidate.type ?? PLACEHOLDER,
      priority,
      owner: PLACEHOLDER,
      due: due ?? PLACEHOLDER,
      status: candidate.done ? 'Done' : 'Open',
      ticket: PLACEHOLDER,
      source: sourceLink(candidate),
    };
    newRows.push(rowLine(roles.map((role) => (role === 'other' ? '' : escapeCell(cells[role] ?? '', role === 'source')))));
    items.push({
      id: cells.id,
      action: candidate.action,
      ...(roles.includes('type') ? { type: cells.type } : {}),
      ...(roles.includes('priority') ? { priority } : {}),
      ...(roles.includes('owner') ? { owner: PLACEHOLDER } : {}),
      ...(roles.includes('due') ? { due: cells.due } : {}),
      ...(roles.includes('status') ? { status: cells.status } : {}),
      ...(roles.includes('ticket') ? { ticket: PLACEHOLDER } : {}),
      ...(roles.includes('source') ? { source: cells.source } : {}),
      origin: candidate.origin,
      change: 'added',
    });
  }

  return { newRows, updatedRows, changes, items, table };
}

// ---------------------------------------------------------------------------------------------
// Candidates

function collectCandidates(model: PostmortemModel, anchors: readonly string[]): Candidate[] {
  const anchorAt = (line: number) => anchors[sectionIndexAt(model.sections, line)] ?? '';
  const out: Candidate[] = [];
  for (const lesson of model.lessons) {
    const action = oneLine(lesson.text);
    // Nothing but markup ("**"): no words to write, or to find again.
    if (!key(action)) continue;
    const label = lesson.title ? oneLine(lesson.title) : truncate(action, 60);
    out.push(candidate('lesson', action, label, anchorAt(lesson.range.start.line), lesson.completed, inferActionType(action)));
  }
  for (const block of model.gateBlocks) {
    for (const gate of block.gates) {
      if (!gate.name) continue;
      const c = candidate('gate', `Enforce the \`${gate.name}\` deployment gate`, `\`${gate.name}\``, anchorAt(gate.range.start.line), false, 'prevent');
      // A gate is covered by what shares the words of its name, not of the generated sentence.
      c.words = significantWords(gate.name.replace(/[_-]+/g, ' '));
      out.push(c);
    }
  }
  for (const finding of model.findings) {
    if (finding.category !== 'went-wrong') continue;
    const action = oneLine(finding.text);
    if (!key(action)) continue;
    out.push(candidate('finding', action, truncate(action, 60), anchorAt(finding.range.start.line), false, inferActionType(action)));
  }
  return out;
}

function candidate(origin: Candidate['origin'], action: string, label: string, anchor: string, done: boolean, type: ActionItemType | undefined): Candidate {
  return { origin, action, label, labelKey: key(label), actionKey: key(action), anchor, done, type, words: significantWords(`${action} ${label}`) };
}

function sourceLink(c: Candidate): string {
  const label = c.label.replace(/[[\]]/g, (m) => `\\${m}`);
  return c.anchor ? `[${label}](#${c.anchor})` : label;
}

function priorityFor(severity: string | undefined): string {
  const level = severity ? /^SEV-(\d)$/.exec(severity)?.[1] : undefined;
  if (level === undefined) return PLACEHOLDER;
  const n = Number(level);
  return n <= 1 ? 'P1' : n === 2 ? 'P2' : 'P3';
}

/** `AI-1`, `AI-2`...: after the highest number of the prefix the table uses most (AI- by default). */
function idAllocator(existingIds: ReadonlyArray<string | undefined>): () => string {
  const counts = new Map<string, number>();
  const highest = new Map<string, number>();
  for (const id of existingIds) {
    const match = id && /^([A-Za-z][A-Za-z0-9]*[-_ ]?)(\d+)$/.exec(id.trim());
    if (!match) continue;
    counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
    highest.set(match[1], Math.max(highest.get(match[1]) ?? 0, Number(match[2])));
  }
  let prefix = 'AI-';
  let best = 0;
  for (const [p, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (count > best) {
      prefix = p;
      best = count;
    }
  }
  let next = (highest.get(prefix) ?? 0) + 1;
  const taken = new Set(existingIds.map((id) => id?.trim().toLowerCase()));
  return () => {
    while (taken.has(`${prefix}${next}`.toLowerCase())) next++;
    return `${prefix}${next++}`;
  };
}

// ---------------------------------------------------------------------------------------------
// Rows and cells

function itemOf(item: ActionItem, roles: readonly ColumnRole[], updates: ReadonlyMap<number, string>): Omit<ScaffoldItem, 'origin' | 'change'> {
  const out: Omit<ScaffoldItem, 'origin' | 'change'> = { action: item.action };
  if (item.id !== undefined) out.id = item.id;
  for (const role of ['type', 'priority', 'owner', 'due', 'status', 'ticket', 'source'] as const) {
    const column = roles.indexOf(role);
    const value = updates.get(column) ?? item[role];
    if (value !== undefined) out[role] = value;
  }
  return out;
}

function rowLine(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A value as a table cell: pipes escaped, on one line. Source links keep their Markdown. */
function escapeCell(value: string, markdown: boolean): string {
  const one = oneLine(value);
  return markdown ? one.replace(/(?<!\\)\|/g, '\\|') : one.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** Replaces cells (by column; values already escaped) of a row's source line, keeping every other byte as it is. */
function replaceCells(line: string, updates: ReadonlyMap<number, string>): string {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i] === '|' && line[i - 1] !== '\\') pipes.push(i);
  const leading = /^\s*\|/.test(line);
  // Cell k spans from the pipe before it (or the line start) to the pipe after it (or the line end).
  const bounds: Array<[number, number]> = [];
  let start = leading ? pipes[0] + 1 : 0;
  for (const pipe of pipes) {
    if (leading && pipe === pipes[0]) continue;
    bounds.push([start, pipe]);
    start = pipe + 1;
  }
  if (line.slice(start).trim() !== '') bounds.push([start, line.length]);
  let out = line;
  for (const column of [...updates.keys()].sort((a, b) => b - a)) {
    const bound = bounds[column];
    if (!bound) continue;
    out = `${out.slice(0, bound[0])} ${updates.get(column)} ${out.slice(bound[1])}`;
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** Lower-cased words only: what two labels or actions are compared by. */
function key(text: string): string {
  return cellPlain(text).toLowerCase().replace(/…$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Where the table goes

function findSection(sections: readonly Section[], title: string): Section | undefined {
  const wanted = title.trim().toLowerCase();
  return sections.find((s) => s.title.trim().toLowerCase() === wanted);
}

/** The line after a section's content: the next heading of the same or a higher level, or the end. */
function sectionEnd(sections: readonly Section[], index: number, lineCount: number): number {
  const level = sections[index].level;
  for (let i = index + 1; i < sections.length; i++) if (sections[i].level <= level) return sections[i].range.start.line;
  return lineCount;
}

/** Puts the table at the end of an existing action items section that has none; returns the line it goes at. */
function insertIntoSection(lines: Segment[], sections: readonly Section[], headingLine: number, tableLines: string[], eol: string): number {
  const index = sections.findIndex((s) => s.range.start.line === headingLine);
  let end = index >= 0 ? sectionEnd(sections, index, lines.length) : lines.length;
  while (end - 1 > headingLine && lines[end - 1].text.trim() === '') end--;
  const block = ['', ...tableLines];
  if (end < lines.length && !(lines[end].text.trim() === '')) block.push('');
  insertLines(lines, end, block, eol);
  return end;
}

/** Creates the section: after the lessons section (the outermost lessons heading) or at the end; returns the line it goes at. */
function insertSection(lines: Segment[], model: PostmortemModel, placement: ActionItemsPlacement, title: string, tableLines: string[], eol: string): number {
  const sections = model.sections;
  let at = lines.length;
  let level = 2;
  if (placement === 'afterLessons') {
    const index = lessonsSectionIndex(model);
    if (index >= 0) {
      at = sectionEnd(sections, index, lines.length);
      level = Math.max(2, sections[index].level);
    }
  }
  const heading = `${'#'.repeat(level)} ${title}`;
  if (at >= lines.length) {
    // At the end: after the last line, which may or may not end with a line break.
    const last = lines[lines.length - 1];
    const block = [heading, '', ...tableLines];
    if (last.text === '' && lines.length > 1) {
      // The text ends with a line break: the empty last segment becomes our first line.
      const beforeLast = lines[lines.length - 2];
      const prefix = beforeLast.text.trim() === '' ? [] : [''];
      lines.splice(lines.length - 1, 1, ...[...prefix, ...block].map((text) => ({ text, eol })), { text: '', eol: '' });
    } else {
      last.eol = eol;
      lines.push(...['', ...block].map((text) => ({ text, eol })), { text: '', eol: '' });
    }
    return lines.length;
  }
  const block = [heading, '', ...tableLines, ''];
  if (at > 0 && lines[at - 1].text.trim() !== '') block.unshift('');
  insertLines(lines, at, block, eol);
  return at;
}

/**
 * The fenced code block or HTML comment still open at line `at` (what comes after it is code or
 * comment, not Markdown), if any. Follows CommonMark's fences: three or more backticks or tildes
 * indented by at most three spaces, closed by at least as many of the same.
 */
function openBlockAt(lines: readonly Segment[], at: number): { kind: string; line: number } | undefined {
  let fence: { char: string; length: number; line: number } | undefined;
  let comment: number | undefined;
  for (let i = 0; i < Math.min(at, lines.length); i++) {
    const text = lines[i].text;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (comment !== undefined) {
      if (text.includes('-->')) comment = undefined;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(text);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length, line: i };
      continue;
    }
    const start = /^ {0,3}<!--/.exec(text);
    if (start && !text.slice(start[0].length).includes('-->')) comment = i;
  }
  if (fence) return { kind: 'code block', line: fence.line };
  if (comment !== undefined) return { kind: 'HTML comment', line: comment };
  return undefined;
}

function lessonsSectionIndex(model: PostmortemModel): number {
  const sections = model.sections;
  const lessons = model.lessons;
  if (lessons.length === 0) return sections.findIndex((s) => s.kind === 'lessons');
  let index = sectionIndexAt(sections, lessons[lessons.length - 1].range.start.line);
  let outermost = -1;
  let level = Infinity;
  for (let i = index; i >= 0; i--) {
    if (sections[i].level >= level) continue;
    level = sections[i].level;
    if (sections[i].kind === 'lessons') outermost = i;
    index = i;
  }
  return outermost >= 0 ? outermost : sections.findIndex((s) => s.kind === 'lessons');
}

// ---------------------------------------------------------------------------------------------
// Lines with their own line breaks, and the single edit

interface Segment {
  text: string;
  eol: string;
}

/** The text as lines, each with the line break that ends it ('' for the last): joining them gives the text back. */
function toSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const eol = c === 13 && text.charCodeAt(i + 1) === 10 ? '\r\n' : text[i];
    out.push({ text: text.slice(start, i), eol });
    i += eol.length - 1;
    start = i + 1;
  }
  out.push({ text: text.slice(start), eol: '' });
  return out;
}

function dominantEol(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

function insertLines(lines: Segment[], at: number, texts: readonly string[], eol: string): void {
  if (texts.length === 0) return;
  if (at >= lines.length) {
    // After the last line: it gets a line break, the new lines follow, the last one without.
    lines[lines.length - 1].eol = eol;
    lines.push(...texts.map((text, i) => ({ text, eol: i === texts.length - 1 ? '' : eol })));
    return;
  }
  lines.splice(at, 0, ...texts.map((text) => ({ text, eol })));
}

/** The smallest whole-line edit that turns `before` into `after`. */
function diffEdit(before: readonly Segment[], after: readonly Segment[]): TextEdit {
  const same = (a: Segment, b: Segment) => a.text === b.text && a.eol === b.eol;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && same(before[prefix], after[prefix])) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    same(before[before.length - 1 - suffix], after[after.length - 1 - suffix])
  ) suffix++;
  const end = before.length - suffix;
  const start: Position = { line: prefix, character: 0 };
  const endPosition: Position = end < before.length ? { line: end, character: 0 } : { line: before.length - 1, character: before[before.length - 1].text.length };
  const newText = after.slice(prefix, after.length - suffix).map((s) => s.text + s.eol).join('');
  if (end >= before.length && prefix === before.length) {
    // Only the (empty-eol) last line grew: start is past the last line; anchor at its end.
    return { range: { start: endPosition, end: endPosition }, newText };
  }
  return { range: { start, end: endPosition }, newText };
}

/** Applies non-overlapping edits (positions in `text`'s lines) and gives the new text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const segments = toSegments(text);
  const offsets: number[] = [];
  let offset = 0;
  for (const s of segments) {
    offsets.push(offset);
    offset += s.text.length + s.eol.length;
  }
  const toOffset = (p: Position) => Math.min((offsets[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => toOffset(b.range.start) - toOffset(a.range.start));
  let out = text;
  for (const edit of sorted) out = out.slice(0, toOffset(edit.range.start)) + edit.newText + out.slice(toOffset(edit.range.end));
  return out;
}
