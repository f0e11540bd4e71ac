import type { Finding, Lesson, Reference } from '../types.generated';
import { classifySection } from '../sections';
import type { ExtractContext } from './context';
import { parseKeyValueLine } from './keyValue';

const IMMEDIATE = /\b(immediate|short[- ]term|completed|done|already|quick wins?|sofort|imm[ée]diat)/i;
const LONG_TERM = /\b(long[- ]term|future|strategic|planned|roadmap|langfrist|long terme)/i;
const COMPLETED = /\b(completed|done|finished|erledigt|termin[ée]e?s?)\b/i;
const WENT_WELL = /went (well|right)|what worked|positives?|strengths?|lief gut|ce qui a bien/i;
const WENT_WRONG = /went (wrong|poorly|badly)|didn'?t go well|did not go well|what failed|negatives?|problems?|lief schlecht|ce qui a mal/i;
const LUCKY = /lucky|luck/i;

/** Lessons learned: the top-level items of the lessons sections and their subsections. */
export function extractLessons(ctx: ExtractContext): Lesson[] {
  const lessons: Lesson[] = [];
  for (const { block, headings } of ctx.entries) {
    if (block.kind !== 'listItem' || block.depth !== 0) continue;
    const lessonsIndex = headings.findIndex((h) => classifySection(h.text) === 'lessons');
    if (lessonsIndex < 0) continue;
    const below = headings.slice(lessonsIndex);
    // A findings or prevention subsection inside "Lessons" holds findings, not lessons.
    if (below.slice(1).some((h) => ['findings', 'prevention', 'action-items'].includes(classifySection(h.text)) || WENT_WELL.test(h.text) || WENT_WRONG.test(h.text))) continue;
    const section = headings[headings.length - 1].text;
    const category: Lesson['category'] = below.some((h) => IMMEDIATE.test(h.text)) ? 'immediate' : below.some((h) => LONG_TERM.test(h.text)) ? 'long-term' : 'other';
    const completed = block.checked === true || below.some((h) => COMPLETED.test(h.text));
    const lesson: Lesson = { text: block.text.trim(), category, completed, section, range: block.range };
    const kv = parseKeyValueLine(ctx.lines[block.range.start.line] ?? '');
    if (kv?.bold) lesson.title = kv.key;
    lessons.push(lesson);
  }
  return lessons;
}

/** Findings: what went well, what went wrong, where we got lucky. */
export function extractFindings(ctx: ExtractContext): Finding[] {
  const findings: Finding[] = [];
  for (const { block, headings, sections } of ctx.entries) {
    if (block.kind !== 'listItem' || block.depth !== 0 || headings.length === 0) continue;
    const nearest = headings[headings.length - 1].text;
    let category: Finding['category'] | undefined;
    if (WENT_WELL.test(nearest)) category = 'went-well';
    else if (WENT_WRONG.test(nearest)) category = 'went-wrong';
    else if (LUCKY.test(nearest) && (sections.has('findings') || sections.has('lessons'))) category = 'lucky';
    else if (classifySection(nearest) === 'findings') category = 'other';
    if (!category) continue;
    findings.push({ text: block.text.trim(), category, range: block.range });
  }
  return findings;
}

/** References: items of the references section, with their link target when they have one. */
export function extractReferences(ctx: ExtractContext): Reference[] {
  const references: Reference[] = [];
  for (const { block, sections } of ctx.entries) {
    if (block.kind !== 'listItem' || block.depth !== 0) continue;
    if (!sections.has('references')) continue;
    const reference: Reference = { text: block.text.trim(), range: block.range };
    const url = firstUrl(ctx.lines[block.range.start.line] ?? '');
    if (url) reference.url = url;
    references.push(reference);
  }
  return references;
}

function firstUrl(line: string): string | undefined {
  const link = line.indexOf('](');
  if (link >= 0) {
    const end = line.indexOf(')', link + 2);
    if (end > link) return line.slice(link + 2, end).trim().split(/\s+/)[0];
  }
  const bare = /\bhttps?:\/\/[^\s)>\]]+/.exec(line);
  return bare?.[0];
}
