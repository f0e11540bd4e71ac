import type { Range } from '../../document';
import type { CodeBlock, HeadingBlock, ListItemBlock, ParagraphBlock, TableBlock } from '../../parse/blocks';
import { parseFlowchart, type Flowchart } from '../../parse/mermaidFlowchart';
import {
  findLeadingTimestamp,
  parseDateText,
  parsePhaseOffset,
  parsePhaseRange,
  zoneOffsetMinutes,
  type ParsedTimestamp,
} from '../../parse/time';
import type { ChecklistPhase, MermaidBlock, Phase, TimelineEvent } from '../types.generated';
import { classifySection, type BlockInContext } from '../sections';
import { spanOn, type ExtractContext } from './context';
import { memoizedPerBlock } from './memo';
import { kindsOfEvent } from './eventKinds';
import { skipListMarker } from './keyValue';

export interface TimelineExtraction {
  timeline: TimelineEvent[];
  phases: Phase[];
  checklistPhases: ChecklistPhase[];
  mermaidBlocks: MermaidBlock[];
  /** Per event, the day the document puts it on; used to resolve dates, not part of the model. */
  dayHints: DayHint[];
  /** Per event, what its text says it is (see eventKinds.ts). */
  kinds: number[];
}

export interface DayHint {
  /** ISO date from a day heading, a date row or a date-only line above the event. */
  date?: string;
  /** "Day 2" headings: the incident's day number. */
  dayNumber?: number;
}

/** An event before dates and offsets are resolved. Made by rawEvent only: one shape for all. */
interface RawEvent {
  event: TimelineEvent;
  /** Document line of the event (its range's start), read often while building phases. */
  line: number;
  /** Day the document puts the event on (ISO date), from its own text or a day heading. */
  dayHint: string | undefined;
  /** "Day 2"-style heading: days after the incident date. */
  dayNumberHint: number | undefined;
  /** What the event's text says it is, when already known (events of kept tables). */
  kinds: number | undefined;
}

function rawEvent(event: TimelineEvent, dayHint: string | undefined, dayNumberHint: number | undefined, kinds?: number): RawEvent {
  return { event, line: event.range.start.line, dayHint, dayNumberHint, kinds };
}

const TIME_HEADER = /^(time|timestamp|when|clock|hour|time\s*\(.*\)|.*\btime\b.*|utc|date\s*[/&]\s*time|datetime|heure|zeit|uhrzeit|hora)$/i;
const DATE_HEADER = /^(date|day|datum|fecha|jour|tag)$/i;
const TITLE_HEADER = /event|description|what happened|action|activity|summary|details?|ereignis|[ée]v[ée]nement|evento|update|note/i;
const SEPARATOR_LINE = /^[\s\-–—━─═_=*·•.]*$/;
const DAY_HEADING = /^day\s+(\d{1,3})\b/i;

/** Finds the events of the timeline, its phases and the checklist's phase ranges. */
export function extractTimeline(ctx: ExtractContext): TimelineExtraction {
  const raw: RawEvent[] = [];
  const phases: Phase[] = [];
  const mermaidBlocks: MermaidBlock[] = [];
  const checklistPhases: ChecklistPhase[] = [];

  let dayHint: string | undefined;
  let dayNumberHint: number | undefined;
  let dayHeadingDepth = 7;
  let previousListEvent: { index: number; item: ListItemBlock } | undefined;
  let openChecklist: { phase: ChecklistPhase; depth: number } | undefined;

  for (const entry of ctx.entries) {
    const { block, headings } = entry;
    const inTimeline = entry.sections.has('timeline');

    if (block.kind === 'heading') {
      previousListEvent = undefined;
      if (block.depth <= dayHeadingDepth) {
        dayHint = undefined;
        dayNumberHint = undefined;
        dayHeadingDepth = 7;
      }
      if (openChecklist && block.depth <= openChecklist.depth) openChecklist = undefined;
      const facts = headingFacts(block);
      const phaseRange = facts.phaseRange;
      if (phaseRange) {
        const line = block.range.start.line;
        const at = (ctx.lines[line] ?? '').indexOf(phaseRange.raw);
        const phase: ChecklistPhase = {
          title: block.text,
          startSeconds: phaseRange.startSeconds,
          endSeconds: phaseRange.endSeconds,
          range: block.range,
          rangeOfOffsets: at >= 0 ? spanOn(line, at, phaseRange.raw.length) : block.range,
          items: [],
        };
        checklistPhases.push(phase);
        openChecklist = { phase, depth: block.depth };
        continue;
      }
      const day = facts.day;
      if (day && (inTimeline || classifySection(block.text) === 'timeline')) {
        dayHint = day.date;
        dayNumberHint = day.dayNumber;
        dayHeadingDepth = block.depth;
        continue;
      }
      if (inTimeline) {
        const ts = facts.ts;
        if (ts && ts.index === 0) {
          raw.push(rawEvent(eventFromText(ctx, block.range, block.text, ts, 'heading'), dayHint, dayNumberHint));
        }
      }
      continue;
    }

    if (block.kind === 'listItem') {
      if (openChecklist && block.depth === 0) {
        openChecklist.phase.items.push({ text: block.text, checked: block.checked, range: block.range });
      }
      const ts = leadingTimestampOf(block, undefined);
      // "60:40 traffic split" in a lessons list is a ratio, not an impossible time.
      if (!ts || (ts.invalid && !inTimeline)) {
        previousListEvent = undefined;
        continue;
      }
      const index = raw.length;
      const re = rawEvent(eventFromText(ctx, block.range, block.text, ts, 'list'), dayHint, dayNumberHint);
      if (previousListEvent && previousListEvent.item.depth === block.depth && previousListEvent.item.range.end.line < block.range.start.line + 1) {
        re.event.after.push(previousListEvent.index);
      }
      raw.push(re);
      previousListEvent = { index, item: block };
      continue;
    }
    previousListEvent = undefined;

    if (block.kind === 'paragraph' && inTimeline) {
      const facts = paragraphFactsOf(block, ctx);
      if (facts.onlyDate) {
        dayHint = facts.onlyDate;
        continue;
      }
      let previous: number | undefined;
      for (const { line, start, ts } of facts.timedLines) {
        const text = ctx.lines[line] ?? '';
        const re = rawEvent(eventFromText(ctx, spanOn(line, 0, text.length), text.slice(start), ts, 'paragraph', start), dayHint, dayNumberHint);
        if (previous !== undefined) re.event.after.push(previous);
        previous = raw.length;
        raw.push(re);
      }
      continue;
    }

    if (block.kind === 'table') {
      const added = eventsOfTable(ctx, block, raw.length, dayHint, dayNumberHint);
      raw.push(...added);
      continue;
    }

    if (block.kind === 'code' && block.lang === 'mermaid') {
      const before = raw.length;
      const flowchart = flowchartOf(block, undefined);
      if (flowchart) {
        const fromDiagram = eventsOfFlowchart(ctx, block, flowchart, before, dayHint, dayNumberHint);
        raw.push(...fromDiagram.events);
        phases.push(...fromDiagram.phases);
      }
      mermaidBlocks.push({ range: block.range, diagramType: diagramTypeOf(block.value), timelineEvents: raw.length - before });
    }
  }

  phases.push(...headingPhases(ctx, raw));
  return {
    timeline: raw.map((r) => r.event),
    phases,
    checklistPhases,
    mermaidBlocks,
    dayHints: raw.map((r) => ({ date: r.dayHint, dayNumber: r.dayNumberHint })),
    kinds: raw.map((r) => r.kinds ?? kindsOfEvent(r.event)),
  };
}

/**
 * What the timeline of `ctx` is made from, entry by entry: the block itself where it counts (a
 * heading, a block that yields events, days or checklist items), or only its kind where it does
 * not (prose, other code, a table without times). Blocks are reused while their chunk is
 * unchanged, so two equal signatures give the same timeline: typing in a paragraph of a 1 MB
 * post-mortem then costs no timeline work (see buildModel). It mirrors extractTimeline's loop.
 */
export function timelineSignature(ctx: ExtractContext): unknown[] {
  const signature: unknown[] = new Array(ctx.entries.length);
  let checklistDepth = 0;
  ctx.entries.forEach(({ block, sections }, i) => {
    let counts: boolean;
    switch (block.kind) {
      case 'heading':
        if (checklistDepth && block.depth <= checklistDepth) checklistDepth = 0;
        if (headingFacts(block).phaseRange) checklistDepth = block.depth;
        counts = true;
        break;
      case 'listItem':
        counts = (checklistDepth > 0 && block.depth === 0) || leadingTimestampOf(block, undefined) !== undefined;
        break;
      case 'paragraph':
        if (sections.has('timeline')) {
          const facts = paragraphFactsOf(block, ctx);
          counts = facts.onlyDate !== undefined || facts.timedLines.length > 0;
        } else counts = false;
        break;
      case 'table':
        counts = timesOf(block, ctx) !== undefined;
        break;
      case 'code':
        counts = block.lang === 'mermaid';
        break;
      default:
        counts = false;
    }
    signature[i] = counts ? block : block.kind;
  });
  return signature;
}

/** True when two signatures are entry by entry the same. */
export function sameSignature(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A paragraph that is only a date ("2015-10-21 (all times UTC)"), or its lines that start with a time. */
function paragraphFacts(block: ParagraphBlock, ctx: ExtractContext): { onlyDate?: string; timedLines: { line: number; start: number; ts: ParsedTimestamp }[] } {
  const trimmed = block.text.trim();
  if (trimmed.length <= 64) {
    const onlyDate = parseDateText(trimmed);
    if (onlyDate && onlyDate.yearKnown && onlyDate.length >= trimmed.length - 16 && !findLeadingTimestamp(trimmed)?.secondOfDay) {
      return { onlyDate: onlyDate.date, timedLines: [] };
    }
  }
  const timedLines: { line: number; start: number; ts: ParsedTimestamp }[] = [];
  for (let line = block.range.start.line; line <= block.range.end.line; line++) {
    const text = ctx.lines[line] ?? '';
    const start = skipListMarker(text);
    const ts = findLeadingTimestamp(text.slice(start));
    if (ts && ts.index === 0 && ts.secondOfDay !== undefined) timedLines.push({ line, start, ts });
  }
  return { timedLines };
}

/** What a heading says about time: a checklist phase range, a day, a leading time. */
function headingFacts(block: HeadingBlock) {
  return headingFactsOf(block, undefined);
}

function computeHeadingFacts(block: HeadingBlock) {
  return { phaseRange: parsePhaseRange(block.text), day: dayOfHeading(block.text), ts: findLeadingTimestamp(block.text) };
}

function flowchartOfBlock(block: CodeBlock): Flowchart | undefined {
  return safeParseFlowchart(block.value);
}

interface TableEventsHolder {
  built?: { firstIndex: number; dayHint?: string; dayNumberHint?: number; events: RawEvent[] };
}

function newTableEventsHolder(): TableEventsHolder {
  return {};
}

const leadingTimestampOf = memoizedPerBlock(leadingTimestampOfItem);
const paragraphFactsOf = memoizedPerBlock(paragraphFacts);
const flowchartOf = memoizedPerBlock(flowchartOfBlock);
const timesOf = memoizedPerBlock(timesOfTable);
const tableEventsHolderOf = memoizedPerBlock(newTableEventsHolder);
const headingFactsOf = memoizedPerBlock(computeHeadingFacts);

function safeParseFlowchart(code: string): Flowchart | undefined {
  try {
    return parseFlowchart(code);
  } catch {
    return undefined;
  }
}

function diagramTypeOf(code: string): string {
  for (const line of code.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('%%') || trimmed === '---') continue;
    const match = /^[A-Za-z][\w-]*/.exec(trimmed);
    return match ? match[0] : '';
  }
  return '';
}

function leadingTimestampOfItem(item: ListItemBlock): ParsedTimestamp | undefined {
  const ts = findLeadingTimestamp(item.text);
  if (!ts || ts.index !== 0) return undefined;
  if (ts.secondOfDay === undefined && !ts.invalid) return undefined;
  return ts;
}

function dayOfHeading(text: string): { date?: string; dayNumber?: number } | undefined {
  const dayNumber = DAY_HEADING.exec(text.trim());
  const date = parseDateText(text);
  const ts = findLeadingTimestamp(text);
  if (ts?.secondOfDay !== undefined) return undefined;
  if (date && date.yearKnown) return { date: date.date, dayNumber: dayNumber ? Number(dayNumber[1]) : undefined };
  if (dayNumber) return { dayNumber: Number(dayNumber[1]) };
  return undefined;
}

/** Builds an event from a line of text that starts with a timestamp. */
function eventFromText(
  ctx: ExtractContext,
  whole: Range,
  text: string,
  ts: ParsedTimestamp,
  source: TimelineEvent['source'],
  columnOfText?: number,
): TimelineEvent {
  const line = whole.start.line;
  const lineText = ctx.lines[line] ?? '';
  const column = columnOfText ?? lineText.indexOf(ts.raw);
  const timeRange = column >= 0 ? spanOn(line, column + (columnOfText !== undefined ? ts.index : 0), ts.raw.length) : whole;
  const rest = text.slice(ts.index + ts.length).replace(/^[\s\-–—:|>.,)\]*_]+/, '').trim();
  const [title, ...details] = rest.split(/\s+[—–]\s+|\n/).map((s) => s.trim()).filter(Boolean);
  return baseEvent(ts, title ?? '', details, source, whole, timeRange);
}

function baseEvent(ts: ParsedTimestamp, title: string, details: string[], source: TimelineEvent['source'], whole: Range, timeRange: Range): TimelineEvent {
  const secondOfDay = Math.max(0, Math.min(ts.secondOfDay ?? 0, 86400));
  const event: TimelineEvent = {
    raw: ts.raw,
    time: ts.invalid ? rawClock(ts.raw) : clockOf(secondOfDay),
    secondOfDay,
    title,
    details,
    source,
    after: [],
    range: whole,
    timeRange,
  };
  if (ts.date) event.date = ts.date;
  if (ts.zone) event.zone = ts.zone;
  if (ts.utcOffsetMinutes !== undefined) event.utcOffsetMinutes = ts.utcOffsetMinutes;
  if (ts.invalid) event.invalid = ts.invalid;
  return event;
}

function clockOf(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** The impossible clock as written, normalised to HH:MM:SS (e.g. 25:10 -> 25:10:00). */
function rawClock(raw: string): string {
  const digits = /(\d{1,2})[:h.](\d{2})(?:[:.](\d{2}))?/.exec(raw);
  if (!digits) return '00:00:00';
  return `${pad(Number(digits[1]))}:${digits[2]}:${digits[3] ?? '00'}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** What a table says about time, computed once per table block (see memo.ts). */
interface TableTimes {
  /** The zone the time column's header names: "Time (UTC)". */
  headerZone?: { zone: string; utcOffsetMinutes?: number };
  /** One entry per body row: an event, or a date that moves the following rows to that day. */
  rows: Array<{ ts?: ParsedTimestamp; date?: string; timeRange?: Range; title?: string; details?: string[]; range: Range }>;
}

function timesOfTable(table: TableBlock, ctx: ExtractContext): TableTimes | undefined {
  const [header, ...body] = table.rows;
  if (!header || body.length === 0) return undefined;
  const headers = header.cells.map((c) => c.text.trim());
  let timeColumn = headers.findIndex((h) => TIME_HEADER.test(h) && !DATE_HEADER.test(h));
  if (timeColumn < 0) {
    // No "Time" header: a column whose cells mostly start with a valid clock is the time column
    // (valid: "90:10" in a traffic split table is not a time).
    timeColumn = headers.findIndex((_, column) => {
      const timed = body.filter((row) => {
        const ts = findLeadingTimestamp(row.cells[column]?.text ?? '');
        return ts && ts.index === 0 && ts.secondOfDay !== undefined && !ts.invalid;
      }).length;
      return timed >= Math.max(2, Math.ceil(body.length * 0.6));
    });
  }
  if (timeColumn < 0) return undefined;
  const dateColumn = headers.findIndex((h) => DATE_HEADER.test(h));
  let titleColumn = headers.findIndex((h, i) => i !== timeColumn && i !== dateColumn && TITLE_HEADER.test(h));
  if (titleColumn < 0) titleColumn = headers.findIndex((_, i) => i !== timeColumn && i !== dateColumn);

  const rows: TableTimes['rows'] = [];
  for (const row of body) {
    const cell = row.cells[timeColumn];
    if (!cell) continue;
    let date: string | undefined;
    if (dateColumn >= 0) {
      const parsed = parseDateText(row.cells[dateColumn]?.text ?? '');
      if (parsed?.yearKnown) date = parsed.date;
    }
    const ts = findLeadingTimestamp(cell.text);
    if (!ts || ts.index !== 0 || (ts.secondOfDay === undefined && !ts.invalid)) {
      // A row holding only a date ("**Dec 24**") moves the following rows to that day.
      const parsed = parseDateText(cell.text);
      rows.push({ date: date ?? (parsed?.yearKnown ? parsed.date : undefined), range: row.range });
      continue;
    }
    const line = cell.range.start.line;
    const at = (ctx.lines[line] ?? '').indexOf(ts.raw, cell.range.start.character);
    rows.push({
      ts,
      date,
      timeRange: at >= 0 ? spanOn(line, at, ts.raw.length) : cell.range,
      title: titleColumn >= 0 ? (row.cells[titleColumn]?.text ?? '') : '',
      details: row.cells.filter((_, i) => i !== timeColumn && i !== titleColumn && i !== dateColumn).map((c) => c.text).filter(Boolean),
      range: row.range,
    });
  }
  return { rows, headerZone: zoneOfHeader(headers[timeColumn]) };
}

/** "Time (UTC)", "Time (PDT)", "UTC time", "Zeit (MEZ)" -> the zone, when it is one. */
function zoneOfHeader(header: string): TableTimes['headerZone'] {
  const match = /\(\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\s*\)|\b(UTC|GMT)\b/.exec(header);
  const zone = (match?.[1] ?? match?.[2])?.toUpperCase();
  if (!zone) return undefined;
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined && !/^(PT|ET|CT|MT)$/.test(zone)) return undefined;
  return offset === undefined ? { zone } : { zone, utcOffsetMinutes: offset };
}

/**
 * The events of a table. A long timeline table yields thousands of events: while the table, its
 * place in the event list and its day are unchanged, its events are not extracted again but
 * copied from the ones kept from the first extraction (the model builder adds a phase, a date, an
 * offset and an inherited zone to the copies, never to the kept events).
 */
function eventsOfTable(ctx: ExtractContext, table: TableBlock, firstIndex: number, dayHint?: string, dayNumberHint?: number): RawEvent[] {
  const times = timesOf(table, ctx);
  if (!times) return [];
  const reusable = tableEventsHolderOf(table, undefined);
  let built = reusable.built;
  if (!built || built.firstIndex !== firstIndex || built.dayHint !== dayHint || built.dayNumberHint !== dayNumberHint) {
    built = { firstIndex, dayHint, dayNumberHint, events: tableEvents(times, firstIndex, dayHint, dayNumberHint) };
    reusable.built = built;
  }
  const copies: RawEvent[] = new Array(built.events.length);
  for (let i = 0; i < copies.length; i++) {
    const kept = built.events[i];
    kept.kinds ??= kindsOfEvent(kept.event);
    copies[i] = rawEvent(copyEvent(kept.event), kept.dayHint, kept.dayNumberHint, kept.kinds);
  }
  return copies;
}

function tableEvents(times: TableTimes, firstIndex: number, dayHint?: string, dayNumberHint?: number): RawEvent[] {
  const events: RawEvent[] = [];
  let previous: number | undefined;
  let rowDay = dayHint;
  for (const row of times.rows) {
    if (row.date) rowDay = row.date;
    if (!row.ts) continue;
    const event = baseEvent(row.ts, row.title ?? '', [...(row.details ?? [])], 'table', row.range, row.timeRange ?? row.range);
    if (!event.zone && times.headerZone) {
      event.zone = times.headerZone.zone;
      if (times.headerZone.utcOffsetMinutes !== undefined) event.utcOffsetMinutes = times.headerZone.utcOffsetMinutes;
    }
    if (previous !== undefined) event.after.push(previous);
    previous = firstIndex + events.length;
    events.push(rawEvent(event, rowDay, dayNumberHint));
  }
  return events;
}

/**
 * A copy of a kept table event, built property by property in the order baseEvent uses so that
 * copies share the shapes of freshly extracted events. Its arrays are shared: nothing adds to a
 * table event's details or predecessors after extraction.
 */
function copyEvent(kept: TimelineEvent): TimelineEvent {
  const event: TimelineEvent = {
    raw: kept.raw,
    time: kept.time,
    secondOfDay: kept.secondOfDay,
    title: kept.title,
    details: kept.details,
    source: kept.source,
    after: kept.after,
    range: kept.range,
    timeRange: kept.timeRange,
  };
  if (kept.date !== undefined) event.date = kept.date;
  if (kept.zone !== undefined) event.zone = kept.zone;
  if (kept.utcOffsetMinutes !== undefined) event.utcOffsetMinutes = kept.utcOffsetMinutes;
  if (kept.invalid !== undefined) event.invalid = kept.invalid;
  return event;
}

function eventsOfFlowchart(
  ctx: ExtractContext,
  block: CodeBlock,
  chart: Flowchart,
  firstIndex: number,
  dayHint?: string,
  dayNumberHint?: number,
): { events: RawEvent[]; phases: Phase[] } {
  const events: RawEvent[] = [];
  const indexOfNode = new Map<string, number>();
  for (const node of chart.nodes) {
    if (!node.labelSpan) continue;
    const lines = node.labelLines.filter((l) => !SEPARATOR_LINE.test(l));
    const firstLine = node.labelLines.find((l) => l.trim() !== '') ?? '';
    const ts = findLeadingTimestamp(firstLine);
    if (!ts || ts.index !== 0 || (ts.secondOfDay === undefined && !ts.invalid)) continue;
    const docLine = block.contentStartLine + node.labelSpan.line;
    const labelStart = block.contentIndent + node.labelSpan.character;
    const lineText = ctx.lines[docLine] ?? '';
    const at = lineText.indexOf(ts.raw, labelStart);
    const timeRange = at >= 0 ? spanOn(docLine, at, ts.raw.length) : spanOn(docLine, labelStart, ts.raw.length);
    const whole = spanOn(docLine, labelStart, node.labelSpan.length);
    const restOfFirst = firstLine.slice(ts.index + ts.length).replace(/^[\s\-–—:|]+/, '').trim();
    const others = lines.slice(1);
    const title = restOfFirst || others.shift() || '';
    const event = baseEvent(ts, title, others, 'mermaid', whole, timeRange);
    event.nodeId = node.id;
    indexOfNode.set(node.id, firstIndex + events.length);
    events.push(rawEvent(event, dayHint, dayNumberHint));
  }
  for (const edge of chart.edges) {
    if (edge.style === 'dotted' || edge.style === 'invisible') continue;
    const from = indexOfNode.get(edge.from);
    const to = indexOfNode.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    const target = events[to - firstIndex].event;
    if (!target.after.includes(from)) target.after.push(from);
  }
  const phases: Phase[] = [];
  for (const subgraph of chart.subgraphs) {
    const members = subgraph.nodeIds.map((id) => indexOfNode.get(id)).filter((i): i is number => i !== undefined);
    if (members.length === 0) continue;
    const titleLine = block.contentStartLine + subgraph.titleSpan.line;
    const titleStart = block.contentIndent + subgraph.titleSpan.character;
    const phase: Phase = {
      name: subgraph.id,
      label: subgraph.title,
      range: spanOn(titleLine, titleStart, subgraph.titleSpan.length),
      events: members,
    };
    const offset = parsePhaseOffset(subgraph.title);
    if (offset) {
      phase.offsetSeconds = offset.seconds;
      const at = (ctx.lines[titleLine] ?? '').indexOf(offset.raw, titleStart);
      phase.offsetRange = spanOn(titleLine, at >= 0 ? at : titleStart, offset.raw.length);
    }
    for (const index of members) events[index - firstIndex].event.phase = subgraph.id;
    phases.push(phase);
  }
  return { events, phases };
}

/** Headings inside a timeline section that hold events become phases ("### Mitigation (T+15min)"). */
function headingPhases(ctx: ExtractContext, raw: RawEvent[]): Phase[] {
  const phases: Phase[] = [];
  const headingEntries = ctx.entries.filter((e): e is BlockInContext<HeadingBlock> => e.block.kind === 'heading');
  // Events are in document order: each heading's events are found by a binary search, not a scan.
  const eventLines = raw.map((r) => r.line);
  headingEntries.forEach(({ block, sections }, headingIndex) => {
    if (!sections.has('timeline')) return;
    const facts = headingFacts(block);
    if (facts.day || facts.ts?.index === 0) return;
    const end = nextHeadingLine(headingEntries, headingIndex);
    const members: number[] = [];
    for (let index = firstIndexAfter(eventLines, block.range.start.line); index < raw.length && eventLines[index] < end; index++) {
      const source = raw[index].event.source;
      if (source !== 'mermaid' && source !== 'heading') members.push(index);
    }
    if (members.length === 0) return;
    const phase: Phase = { name: block.text, label: block.text, range: block.range, events: members };
    const offset = parsePhaseOffset(block.text);
    if (offset) {
      phase.offsetSeconds = offset.seconds;
      const line = block.range.start.line;
      const at = (ctx.lines[line] ?? '').indexOf(offset.raw);
      phase.offsetRange = spanOn(line, Math.max(at, 0), offset.raw.length);
    }
    for (const index of members) raw[index].event.phase ??= block.text;
    phases.push(phase);
  });
  return phases;
}

/** Index of the first entry of the sorted `lines` greater than `line`. */
function firstIndexAfter(lines: readonly number[], line: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lines[mid] <= line) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Line of the next heading at the same or a higher level, after `headings[index]`. */
function nextHeadingLine(headings: readonly BlockInContext<HeadingBlock>[], index: number): number {
  const depth = headings[index].block.depth;
  for (let i = index + 1; i < headings.length; i++) {
    if (headings[i].block.depth <= depth) return headings[i].block.range.start.line;
  }
  return Number.MAX_SAFE_INTEGER;
}
