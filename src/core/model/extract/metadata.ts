import { parse as parseYaml } from 'yaml';
import type { Range } from '../../document';
import { findMoney } from '../../parse/money';
import {
  findDeclaredZone,
  formatClock,
  parseClockRange,
  parseDateText,
  parseDuration,
  findLeadingTimestamp,
  zoneOffsetMinutes,
} from '../../parse/time';
import type { Metadata, MetadataField, Money, TextItem } from '../types.generated';
import { entriesOfKind, spanOn, type ExtractContext } from './context';
import { normaliseKey, parseKeyValueLine, type KeyValueLine } from './keyValue';
import { memoizedPerBlock } from './memo';
import type { ListItemBlock, ParagraphBlock } from '../../parse/blocks';

type MetadataKey = keyof Metadata;

/** Overview keys as authors write them, by the metadata field they fill. */
const KEY_SYNONYMS: Record<MetadataKey, readonly string[]> = {
  date: ['date', 'incident date', 'date of incident', 'occurred', 'datum', 'fecha'],
  start: ['start', 'start time', 'started', 'started at', 'began', 'incident start', 'impact start', 'beginn', 'debut', 'début'],
  end: ['end', 'end time', 'ended', 'ended at', 'resolved', 'resolved at', 'incident end', 'impact end', 'ende', 'fin'],
  duration: ['duration', 'total duration', 'length', 'outage duration', 'impact duration', 'dauer', 'duree', 'durée', 'duracion', 'duración'],
  timeZone: ['time zone', 'timezone', 'tz', 'zone', 'times'],
  severity: ['severity', 'sev', 'sev level', 'incident severity', 'priority', 'level', 'schweregrad', 'gravite', 'gravité'],
  status: ['status', 'state', 'document status'],
  impact: ['impact', 'user impact', 'customer impact', 'business impact', 'auswirkung', 'impacto'],
  revenueLoss: ['revenue loss', 'revenue impact', 'financial impact', 'lost revenue', 'estimated cost', 'cost'],
  rootCause: ['root cause', 'root causes', 'cause', 'ursache', 'cause racine', 'causa raiz', 'causa raíz'],
  incidentId: ['incident id', 'incident', 'id', 'incident number', 'ticket', 'reference'],
  authors: ['authors', 'author', 'owner', 'post mortem owner', 'postmortem owner', 'written by'],
  type: ['type', 'document type'],
};

/** Front matter keys, by the metadata field they fill (`title` is the document's title). Documented in the schema's FrontMatter. */
export const FRONT_MATTER_KEYS: Record<string, MetadataKey> = {
  type: 'type', date: 'date', start: 'start', end: 'end', duration: 'duration',
  timezone: 'timeZone', time_zone: 'timeZone', tz: 'timeZone', severity: 'severity', sev: 'severity', status: 'status',
  impact: 'impact', revenue_loss: 'revenueLoss', cost: 'revenueLoss', root_cause: 'rootCause', incident_id: 'incidentId',
  id: 'incidentId', authors: 'authors', author: 'authors', owner: 'authors',
};

const SYNONYM_TO_KEY = new Map<string, MetadataKey>();
for (const [field, synonyms] of Object.entries(KEY_SYNONYMS) as [MetadataKey, readonly string[]][]) {
  for (const synonym of synonyms) SYNONYM_TO_KEY.set(normaliseKey(synonym), field);
}

export interface MetadataExtraction {
  metadata: Metadata;
  title?: TextItem;
  /** The zone the document declares for all its times, if any. */
  declaredZone?: { zone: string; range: Range };
}

/** Reads the overview fields from front matter and `**Key**: value` lines. */
export function extractMetadata(ctx: ExtractContext): MetadataExtraction {
  const metadata: Metadata = {};
  let title: TextItem | undefined;
  let declaredZone: MetadataExtraction['declaredZone'];

  for (const { block } of entriesOfKind(ctx, 'frontmatter')) {
    const fm = readFrontMatter(block.value, block.contentStartLine);
    for (const [key, field] of fm.fields) if (!metadata[key]) metadata[key] = field;
    if (fm.title) title = fm.title;
  }

  const firstHeading = entriesOfKind(ctx, 'heading')[0]?.block;
  if (!title && firstHeading) title = { text: firstHeading.text, range: firstHeading.range };

  for (const { block, headings } of ctx.entries) {
    if (block.kind !== 'paragraph' && block.kind !== 'listItem') continue;
    // Fields deep in lessons or costs (e.g. "**Revenue Loss**: $3.2M (...)") are not the overview's.
    if (headings.some((h) => /\b(costs?|lessons?|action|findings|went|improvement|prevention)\b/i.test(h.text))) continue;
    for (const { line, kv } of keyValueLinesOf(block, ctx)) {
      const field = SYNONYM_TO_KEY.get(normaliseKey(kv.key));
      if (!field || metadata[field]) continue;
      // Plain "Key: value" lines are overview fields only for unambiguous keys.
      if (!kv.bold && (field === 'incidentId' || field === 'type' || field === 'timeZone' || field === 'revenueLoss')) continue;
      if (!kv.value) continue;
      metadata[field] = makeField(kv.value, line, kv.valueStart, 'overview');
    }
  }

  completeFromDuration(metadata, ctx.lines);
  for (const [key, field] of Object.entries(metadata) as [MetadataKey, MetadataField][]) parseFieldValue(key, field);

  const zoned = [metadata.timeZone, metadata.start, metadata.end].find((field) => field?.zone);
  if (zoned?.zone) {
    // "**Start**: 18:02 UTC" declares the zone as much as "**Time zone**: UTC" does.
    declaredZone = { zone: zoned.zone, range: zoned.range };
  } else {
    declaredZone = findZoneDeclaration(ctx);
  }
  return { metadata, title, declaredZone };
}

/** The key-value lines of a paragraph or list item, computed once per block. */
const keyValueLinesOf = memoizedPerBlock(findKeyValueLines);

function findKeyValueLines(block: ParagraphBlock | ListItemBlock, ctx: ExtractContext): { line: number; kv: KeyValueLine }[] {
  const found: { line: number; kv: KeyValueLine }[] = [];
  const lastLine = block.kind === 'listItem' ? block.range.start.line : block.range.end.line;
  for (let line = block.range.start.line; line <= lastLine; line++) {
    const kv = parseKeyValueLine(ctx.lines[line] ?? '');
    if (kv) found.push({ line, kv });
  }
  return found;
}

function makeField(raw: string, line: number, character: number, source: MetadataField['source']): MetadataField {
  return { raw, range: spanOn(line, character, raw.length), source };
}

/** When only a duration like "47 minutes (14:23 - 15:10 UTC)" is given, it also yields start and end. */
function completeFromDuration(metadata: Metadata, lines: readonly string[]): void {
  const duration = metadata.duration;
  if (!duration) return;
  const clock = parseClockRange(duration.raw);
  if (!clock) return;
  const line = duration.range.start.line;
  const base = duration.range.start.character;
  const zone = clock.zone ?? clock.start.zone;
  for (const [key, ts] of [['start', clock.start], ['end', clock.end]] as const) {
    if (metadata[key] || ts.secondOfDay === undefined) continue;
    const field = makeField(ts.raw, line, base + ts.index, duration.source);
    field.time = formatClock(ts.secondOfDay, true);
    if (ts.date) field.date = ts.date;
    const z = ts.zone ?? zone;
    if (z) {
      field.zone = z;
      const offset = zoneOffsetMinutes(z);
      if (offset !== undefined) field.utcOffsetMinutes = offset;
    }
    metadata[key] = field;
  }
  if (!metadata.timeZone && zone) {
    const at = (lines[line] ?? '').indexOf(zone, base);
    metadata.timeZone = { ...makeField(zone, line, at >= 0 ? at : base, duration.source), zone };
  }
}

function parseFieldValue(key: MetadataKey, field: MetadataField): void {
  const raw = field.raw;
  switch (key) {
    case 'date': {
      const date = parseDateText(raw);
      if (date?.yearKnown) field.date = date.date;
      else {
        const ts = findLeadingTimestamp(raw);
        if (ts?.date) field.date = ts.date;
      }
      break;
    }
    case 'start':
    case 'end': {
      if (field.time) break;
      const ts = findLeadingTimestamp(raw);
      if (ts?.secondOfDay !== undefined && !ts.invalid) {
        field.time = formatClock(ts.secondOfDay, true);
        if (ts.date) field.date = ts.date;
        if (ts.zone) field.zone = ts.zone;
        if (ts.utcOffsetMinutes !== undefined) field.utcOffsetMinutes = ts.utcOffsetMinutes;
      }
      break;
    }
    case 'duration': {
      const duration = parseDuration(raw);
      if (duration) field.seconds = duration.seconds;
      break;
    }
    case 'timeZone': {
      if (field.zone) break;
      const zone = raw.trim().replace(/^\(|\)$/g, '').toUpperCase();
      if (zoneOffsetMinutes(zone) !== undefined) {
        field.zone = zone;
        field.utcOffsetMinutes = zoneOffsetMinutes(zone);
      }
      break;
    }
    case 'revenueLoss': {
      const money = findMoney(raw);
      if (money) {
        const amount: Money = {
          raw: money.raw,
          value: money.value,
          currency: money.currency,
          approximate: money.approximate,
          range: spanOn(field.range.start.line, field.range.start.character + money.index, money.length),
        };
        field.amount = amount;
      }
      break;
    }
    default:
      break;
  }
}

interface FrontMatterRead {
  fields: Map<MetadataKey, MetadataField>;
  title?: TextItem;
}

function readFrontMatter(value: string, firstLine: number): FrontMatterRead {
  const fields = new Map<MetadataKey, MetadataField>();
  let data: unknown;
  try {
    data = parseYaml(value, { maxAliasCount: 50, prettyErrors: false });
  } catch {
    return { fields };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { fields };
  const record = data as Record<string, unknown>;
  let title: TextItem | undefined;
  const valueLines = value.split('\n');
  valueLines.forEach((text, i) => {
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(text);
    if (!match) return;
    const yamlKey = match[1];
    const parsed = record[yamlKey];
    if (parsed === undefined || parsed === null || typeof parsed === 'object') return;
    const line = firstLine + i;
    const rawValue = String(parsed);
    const character = text.length - match[2].length;
    const length = Math.max(match[2].length, 0);
    const fieldRange = spanOn(line, character, length);
    const normalised = yamlKey.toLowerCase();
    if (normalised === 'title') {
      title = { text: rawValue, range: fieldRange };
      return;
    }
    const key = FRONT_MATTER_KEYS[normalised];
    if (!key || fields.has(key)) return;
    fields.set(key, { raw: rawValue, range: fieldRange, source: 'frontmatter' });
  });
  return { fields, title };
}

/** "All times UTC" and its variants, anywhere outside code. */
function findZoneDeclaration(ctx: ExtractContext): MetadataExtraction['declaredZone'] {
  for (const { block } of ctx.entries) {
    if (block.kind === 'code' || block.kind === 'table' || block.kind === 'frontmatter') continue;
    for (let line = block.range.start.line; line <= block.range.end.line; line++) {
      const text = ctx.lines[line] ?? '';
      const found = findDeclaredZone(text);
      if (found) return { zone: found.zone, range: spanOn(line, found.index, found.length) };
    }
  }
  return undefined;
}
