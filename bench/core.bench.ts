/**
 * Core benchmarks: full lint vs markdownlint (all rules) on the reference document and a generated
 * ~1 MB post-mortem, re-lint after a one-line edit, and pathological inputs. Prints a table and
 * writes bench/results/core.json. Run with `npm run bench`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import { PostmortemLinter } from '../src/core';
import { generateLargePostmortem } from './generateDocument';

const root = join(__dirname, '..');
const reference = readFileSync(join(root, 'examples', 'incident-anatomy-evcache.md'), 'utf8');
const large = generateLargePostmortem(1_000_000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void, repetitions: number): number {
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function fullLintComparison(name: string, text: string, repetitions: number, warmups: number) {
  // Warm both up so JIT compilation is not measured, then alternate the two so that machine
  // load drifting during the run affects both alike. Each pmkit run uses a fresh linter: no cache.
  for (let i = 0; i < warmups; i++) {
    new PostmortemLinter().lint(text);
    markdownlint({ strings: { doc: text } });
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    ours.push(time(() => new PostmortemLinter().lint(text), 1));
    theirs.push(time(() => markdownlint({ strings: { doc: text } }), 1));
  }
  const pmkitMs = median(ours);
  const markdownlintMs = median(theirs);
  return { document: name, bytes: text.length, pmkitMs: round(pmkitMs), markdownlintMs: round(markdownlintMs), ratio: round(pmkitMs / markdownlintMs, 3) };
}

/**
 * Re-lint of the ~1 MB document after one-line edits, with a warm linter: `edit(lines, i)` gives
 * the i-th edited text. Edits alternate with the original so that each lint sees a change.
 */
function relintAfterEdit(name: string, text: string, edit: (lines: string[], i: number) => { line: number; text: string }, repetitions: number) {
  const linter = new PostmortemLinter();
  linter.lint(text);
  const lines = text.split('\n');
  const samples: number[] = [];
  let editedLine = 0;
  // The first pairs warm the JIT up on this path and are not measured.
  const warmups = 5;
  for (let i = 0; i < warmups + repetitions; i++) {
    const edited = edit(lines, i);
    editedLine = edited.line;
    for (const next of [edited.text, text]) {
      const start = performance.now();
      linter.lint(next);
      if (i >= warmups) samples.push(performance.now() - start);
    }
  }
  return { document: 'generated ~1 MB', edit: name, editedLine: editedLine + 1, relintMedianMs: round(median(samples)), relintMaxMs: round(Math.max(...samples)) };
}

/** Appends to a prose line in the middle of the document. */
function editProse(lines: string[], i: number) {
  const line = lines.findIndex((l, n) => n > lines.length / 2 && l.startsWith('The team reviewed'));
  const edited = [...lines];
  edited[line] = `${lines[line]} (edit ${i})`;
  return { line, text: edited.join('\n') };
}

/** Swaps the times of two timeline table rows in the middle (out of order: a PM102), as the VS Code bench does. */
function editTimelineRow(lines: string[]) {
  const timed = (l: number) => /^\| \d\d:\d\d:\d\d \| /.test(lines[l] ?? '');
  let line = Math.floor(lines.length / 2);
  while (!(timed(line) && timed(line + 1))) line++;
  const edited = [...lines];
  edited[line] = `| ${lines[line + 1].slice(2, 10)}${lines[line].slice(10)}`;
  edited[line + 1] = `| ${lines[line].slice(2, 10)}${lines[line + 1].slice(10)}`;
  return { line, text: edited.join('\n') };
}

function pathological() {
  const cases: Record<string, string> = {
    '1 MB line of junk': Array.from({ length: 1_000_000 }, (_, i) => '|:$*[`<1T+9-'.charAt((i * 7919) % 12)).join(''),
    '100,000-row table': ['| Metric | Normal | Peak | Target |', '|---|---|---|---|', ...Array.from({ length: 100_000 }, (_, i) => `| m${i} | ${i}ms | ${i * 2}ms | <${i + 1}ms |`)].join('\n'),
    '10,000 nested list levels': Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}- level ${i} 14:${String(i % 60).padStart(2, '0')}`).join('\n'),
  };
  return Object.entries(cases).map(([name, text]) => {
    const start = performance.now();
    const result = new PostmortemLinter().lint(text);
    return { input: name, bytes: text.length, lintMs: round(performance.now() - start), findings: result.findings.length };
  });
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const results = {
  fullLint: [fullLintComparison('reference (incident-anatomy-evcache.md)', reference, 61, 100), fullLintComparison('generated ~1 MB', large, 5, 2)],
  relint: [relintAfterEdit('prose line', large, editProse, 15), relintAfterEdit('timeline table row', large, editTimelineRow, 15)],
  pathological: pathological(),
  node: process.version,
};
console.log('\nFull lint, median (pmkit vs markdownlint with all its rules, same text, same process):');
console.table(results.fullLint);
console.log('Re-lint after a one-line edit (warm linter):');
console.table(results.relint);
console.log('Pathological inputs (one cold lint each):');
console.table(results.pathological);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'core.json'), JSON.stringify(results, null, 2));
