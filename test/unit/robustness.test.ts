import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PostmortemLinter, lintText } from '../../src/core';
import { referencePath, repoRoot, schemaErrors } from './helpers';

const shapesDir = join(repoRoot, 'test', 'fixtures', 'shapes');

const reference = readFileSync(referencePath, 'utf8');
const referenceLines = reference.split('\n');

/** Lints and checks the invariants every result must keep, whatever the input. */
function lintAndCheck(text: string): void {
  const result = lintText(text);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const f of result.findings) {
    assert.ok(f.range.start.line >= 0 && f.range.end.line < lineCount, `finding ${f.ruleName} inside the document`);
    assert.ok(f.message.length > 0);
    assert.doesNotMatch(f.message, /could not check this document/, `rule ${f.ruleName} threw: ${f.message}`);
  }
  assert.deepEqual(schemaErrors(result.model), []);
}

const markdownish = fc.array(
  fc.oneof(
    fc.constantFrom('# ', '## Timeline', '### ', '- ', '1. ', '- [x] ', '| a | b |', '|---|---|', '```', '```mermaid', '```yaml', 'graph TB', 'subgraph X[T+5min]', 'end', '-->', '**Date**: ', '**Duration**: ', '$', '14:23', '25:99', 'T+', 'deployment_gates:', '  - name: x', '    required: yes', '---', '> ', '<!--', '\t', '\\', '|', '×', '~$4.2M', '(47 min × $4.08M/hour)', '🔥', '\u0000', '\r\n'),
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
  ),
  { maxLength: 60 },
);

describe('robustness: nothing in the core throws', () => {
  it('on random Markdown-like documents', () => {
    fc.assert(fc.property(markdownish, (parts) => lintAndCheck(parts.join(fc.sample(fc.constantFrom('', ' ', '\n', '\n\n'), 1)[0]))), { numRuns: 300 });
  });

  it('on mutations of the reference document (lines dropped, duplicated, swapped, cut)', () => {
    const mutation = fc.array(
      fc.tuple(fc.constantFrom('drop', 'dup', 'swap', 'cut', 'junk'), fc.nat(referenceLines.length - 1), fc.nat(referenceLines.length - 1), fc.nat(80)),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(mutation, (steps) => {
        const lines = [...referenceLines];
        for (const [kind, a, b, n] of steps) {
          const i = a % lines.length;
          const j = b % lines.length;
          if (kind === 'drop') lines.splice(i, 1);
          else if (kind === 'dup') lines.splice(i, 0, lines[i]);
          else if (kind === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
          else if (kind === 'cut') lines[i] = lines[i].slice(0, n);
          else lines[i] = lines[i].slice(0, n) + '\u0001\uFFFD[({`|' + lines[i].slice(n);
          if (lines.length === 0) lines.push('');
        }
        lintAndCheck(lines.join('\n'));
      }),
      { numRuns: 200 },
    );
  });

  it('on binary junk', () => {
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    lintAndCheck(bytes.toString('utf8'));
    lintAndCheck(bytes.toString('latin1'));
  });

  it('on an empty document and on one line', () => {
    lintAndCheck('');
    lintAndCheck('\n');
    lintAndCheck('# Only a title');
  });

  it('gives the same findings incrementally as from scratch after edits', () => {
    const linter = new PostmortemLinter();
    linter.lint(reference);
    const edited = reference.replace('14:30:00<br/>', '14:34:00<br/>').replace('## Key Metrics During Incident', '## Key Metrics During Incident\n\nA new line.');
    assert.deepEqual(linter.lint(edited).findings, lintText(edited).findings);
  });
});

describe('incremental linting after arbitrary edits', () => {
  const documents = [reference, ...readdirSync(shapesDir).map((file) => readFileSync(join(shapesDir, file), 'utf8'))];
  const edit = fc.record({
    kind: fc.constantFrom('type', 'replace', 'insert', 'delete', 'split'),
    line: fc.nat(),
    column: fc.nat(),
    text: fc.oneof(fc.constantFrom('x', ' ', '14:05 ', '| 10:00 | y |', '- 09:30 paged', '**', '`', '## ', 'Day 2', '(T+5min)', '\n', '', '25:00'), fc.string({ maxLength: 8 })),
  });

  it('gives the model and findings of a fresh lint after each edit of a sequence (same objects reused where unchanged)', () => {
    fc.assert(
      fc.property(fc.nat({ max: documents.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
        const linter = new PostmortemLinter();
        const lines = documents[which].split('\n');
        linter.lint(lines.join('\n'));
        for (const { kind, line: l, column, text } of edits) {
          const line = l % lines.length;
          const at = column % (lines[line].length + 1);
          if (kind === 'type') lines[line] = lines[line].slice(0, at) + text + lines[line].slice(at);
          else if (kind === 'replace') lines[line] = text;
          else if (kind === 'insert') lines.splice(line, 0, text);
          else if (kind === 'delete' && lines.length > 1) lines.splice(line, 1);
          else if (kind === 'split') lines.splice(line, 1, lines[line].slice(0, at), lines[line].slice(at));
          const current = lines.join('\n');
          const incremental = linter.lint(current);
          const fresh = lintText(current);
          assert.deepEqual(JSON.parse(JSON.stringify(incremental.model)), JSON.parse(JSON.stringify(fresh.model)));
          assert.deepEqual(incremental.findings, fresh.findings);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('incremental linting of a long table timeline', () => {
  it('gives the same model and findings as a fresh lint after edits elsewhere and in the table', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `| ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | Step ${i} | ops |`);
    const base = ['# Incident', '', '**Date**: 2024-05-02', '**Impact**: x', '**Root Cause**: y', '', 'All times UTC.', '', '## Timeline', '', '| Time | Event | Owner |', '|---|---|---|', ...rows, '', '## Lessons Learned', '', '- Alert earlier', ''].join('\n');
    const linter = new PostmortemLinter();
    const edits = [
      base,
      base.replace('**Impact**: x', '**Impact**: checkout down'),
      base.replace('| 10:05 | Step 5', '| 10:50 | Step 5'),
      base.replace('All times UTC.', 'All times PST.'),
      base,
    ];
    for (const text of edits) {
      const incremental = linter.lint(text);
      const fresh = lintText(text);
      assert.deepEqual(JSON.parse(JSON.stringify(incremental.model)), JSON.parse(JSON.stringify(fresh.model)));
      assert.deepEqual(incremental.findings, fresh.findings);
    }
  });
});
