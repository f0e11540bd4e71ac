import { comparePositions, type Position } from './document';
import type { Finding, TextEdit } from './rules/rule';

/**
 * Applies the certain fixes of `findings` to `text` in one pass. Edits that overlap an edit
 * already taken are skipped (a second lint finds what is left), so the result is always sound.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const edits = collectFixEdits(findings);
  if (edits.length === 0) return { text, applied: 0 };
  const lineStarts = lineStartOffsets(text);
  const toOffset = (p: Position) => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  let result = '';
  let cursor = 0;
  for (const edit of edits) {
    result += text.slice(cursor, toOffset(edit.range.start)) + edit.newText;
    cursor = toOffset(edit.range.end);
  }
  return { text: result + text.slice(cursor), applied: edits.length };
}

/** The edits of every fix, sorted, without overlaps (a fix whose edits overlap a taken one is dropped whole). */
export function collectFixEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const fixes = findings.filter((f) => f.fix).map((f) => f.fix!.edits);
  for (const edits of fixes) {
    const overlaps = edits.some((e) => taken.some((t) => comparePositions(e.range.start, t.range.end) < 0 && comparePositions(t.range.start, e.range.end) < 0));
    if (!overlaps) taken.push(...edits);
  }
  return taken.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
