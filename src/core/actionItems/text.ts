import type { PostmortemModel, Section } from '../model/types.generated';
import { parseDateText } from '../parse/time';

/**
 * Small text helpers shared by the action items extractor, the scaffold, the exporters and the
 * PM6xx rules: placeholders, done statuses, dates, severities, heading anchors and the word
 * overlap that decides whether an action item covers a finding.
 */

const PLACEHOLDER_WORDS =
  /^(?:tbd|tba|tbc|todo|to ?do|fixme|unknown|unassigned|nobody|none yet|not yet|pending|\?+|-+|–|—|_+|x{2,}|\.{2,}|…)$/i;
const PLACEHOLDER_NAMES = /^[@<[{(]?\s*(?:owner|assignee|name|someone|somebody|person|team|dri|ticket|bug|issue|link|jira|url|tracker|due|date)\s*[>\]})]?$/i;
const PLACEHOLDER_TICKET = /^[a-z]+-(?:x{2,}|\?+|n+|0{3,}|#+)$/i;

/** Markup-free, trimmed, single-spaced text of a cell. */
export function cellPlain(text: string): string {
  if (!/[\\[*_`~]/.test(text)) return /\s\s|^\s|\s$|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return text
    .replace(/\\\|/g, '|')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, (m) => (/^_+$/.test(m) && m.length === 1 ? m : ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** True for a cell that still waits to be filled: empty, `TBD`, `?`, `@owner`, `<ticket>`, `JIRA-XXX`... */
export function isPlaceholder(text: string | undefined): boolean {
  const plain = cellPlain(text ?? '').replace(/[*_`]/g, '').trim();
  if (plain === '') return true;
  return PLACEHOLDER_WORDS.test(plain) || PLACEHOLDER_NAMES.test(plain) || PLACEHOLDER_TICKET.test(plain);
}

const DONE_STATUS = /^(?:done|closed|complete|completed|fixed|resolved|finished|shipped|merged|implemented|deployed|yes|y|x|\[x\]|✅|✓|✔|☑|erledigt|fait|hecho)\b/i;

/** True when a status cell says the item is done. */
export function isDoneStatus(status: string | undefined): boolean {
  return status !== undefined && DONE_STATUS.test(cellPlain(status));
}

/** The ISO date a due cell holds: `2024-01-07`, `Jan 7, 2024`, `07.01.2024`...; undefined when it holds none (or no year). */
export function dueDateOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const plain = cellPlain(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(plain);
  if (iso) return validIso(+iso[1], +iso[2], +iso[3]);
  const parsed = parseDateText(plain);
  return parsed?.yearKnown ? parsed.date : undefined;
}

function validIso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return isoOf(date);
}

function isoOf(date: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** `2023-12-23` plus 15 days is `2024-01-07`. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return isoOf(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  const ms = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** Service level by severity: days from the incident date to an action item's due date. */
export type DueDays = Readonly<Record<string, number>>;

export const DEFAULT_DUE_DAYS: DueDays = { 'SEV-1': 15, 'SEV-2': 30, 'SEV-3': 60, default: 30 };

/** `SEV 1`, `sev1`, `Severity 1`, `S1` → `SEV-1`; anything else upper-cased. */
export function canonicalSeverity(severity: string): string {
  const plain = cellPlain(severity);
  const sev = /^(?:sev(?:erity)?|s)[\s-]*(\d)\b/i.exec(plain) ?? /\bsev(?:erity)?[\s:-]*(\d)\b/i.exec(plain);
  if (sev) return `SEV-${sev[1]}`;
  return plain.toUpperCase();
}

/**
 * The incident's severity: the overview's Severity field, else a severity the timeline declares
 * ("Severity: SEV-1" in the triage event), else undefined.
 */
export function incidentSeverity(model: PostmortemModel): string | undefined {
  const stated = model.metadata.severity?.raw;
  if (stated && stated.trim()) return canonicalSeverity(stated);
  for (const event of model.timeline) {
    for (const text of [event.title, ...event.details]) {
      const match = /\bseverity\s*[:=]?\s*(sev[\s-]?\d)\b/i.exec(text) ?? /\b(sev[\s-]?\d)\b/i.exec(text);
      if (match) return canonicalSeverity(match[1]);
    }
  }
  return undefined;
}

/** Days allowed for `severity` by `dueDays` (`default` when the severity is not listed; 30 without either). */
export function dueDaysFor(severity: string | undefined, dueDays: DueDays | undefined): number {
  const table = dueDays ?? DEFAULT_DUE_DAYS;
  if (severity) {
    const wanted = canonicalSeverity(severity);
    for (const [key, days] of Object.entries(table)) {
      if (key.toLowerCase() !== 'default' && canonicalSeverity(key) === wanted && Number.isFinite(days)) return days;
    }
  }
  const fallback = Object.entries(table).find(([key]) => key.toLowerCase() === 'default')?.[1];
  return Number.isFinite(fallback) ? (fallback as number) : 30;
}

/** Reads a `dueDays` option or setting: an object of finite non-negative numbers, else undefined. */
export function readDueDays(value: unknown): DueDays | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, number> = {};
  for (const [key, days] of Object.entries(value as Record<string, unknown>)) {
    if (typeof days === 'number' && Number.isFinite(days) && days >= 0) out[key] = Math.floor(days);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** GitHub's heading anchors for every section, in order (duplicates get `-1`, `-2`...). */
export function headingAnchors(sections: readonly Section[]): string[] {
  const seen = new Map<string, number>();
  return sections.map((section) => {
    const base = section.title
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base);
    seen.set(base, (count ?? 0) + 1);
    return count === undefined ? base : `${base}-${count}`;
  });
}

/** Index of the section a line belongs to (the last heading at or above it), or -1. Binary search. */
export function sectionIndexAt(sections: readonly Section[], line: number): number {
  let low = 0;
  let high = sections.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sections[mid].range.start.line <= line) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Word overlap: does an action item cover a finding?

const STOPWORDS = new Set(
  (
    'the and for with from into onto over under across after before during due was were are been being has have had not ' +
    'our out its this that these those than then when what which who why how all any each more most less some such only ' +
    'also now too very can could should would will may might must via per etc add added adds make made use used new get got ' +
    'too again still just there their they them problem problems issue issues incident initial minor major'
  ).split(' '),
);

/** The significant words of a text, lower-cased, plurals made singular (stopwords, numbers and words under 3 letters dropped). */
export function significantWords(text: string): string[] {
  const words = cellPlain(text).toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const out: string[] = [];
  for (const word of words) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    const stem = word.length > 4 && word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.length > 3 && /[^su]s$/.test(word) ? word.slice(0, -1) : word;
    if (!out.includes(stem)) out.push(stem);
  }
  return out;
}

/** `region` ~ `regions` ~ `regional`, `validate` ~ `validation`; `rollout` is not `rollback`. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  return common >= 6;
}

/** How many of `a`'s words occur (as the same word) in `b`. */
export function sharedWords(a: readonly string[], b: readonly string[]): number {
  return a.filter((word) => b.some((other) => sameWord(word, other))).length;
}

/** Whether two texts are about the same thing: two shared significant words (one when either has only one). */
export function covers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const shared = sharedWords(a, b);
  return shared >= Math.min(2, a.length, b.length);
}

/**
 * Texts indexed by the first letters of their words, so that finding the ones that cover a text
 * looks only at texts sharing a word start with it (two words can only be the same word when they
 * share their first four letters, or are equal 3-letter words).
 */
export class CoverageIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly texts: string[][] = [];

  /** Adds a text's significant words. */
  add(words: readonly string[]): void {
    const id = this.texts.length;
    this.texts.push([...words]);
    for (const bucket of new Set(words.map(bucketOf))) {
      const list = this.buckets.get(bucket);
      if (list) list.push(id);
      else this.buckets.set(bucket, [id]);
    }
  }

  /** True when some added text covers `words` (see covers). */
  covers(words: readonly string[]): boolean {
    const seen = new Set<number>();
    for (const bucket of new Set(words.map(bucketOf))) {
      for (const id of this.buckets.get(bucket) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        if (covers(words, this.texts[id])) return true;
      }
    }
    return false;
  }
}

function bucketOf(word: string): string {
  return word.length >= 4 ? word.slice(0, 4) : word;
}
