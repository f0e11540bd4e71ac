import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyTextEdits, lintText, planActionItems, scaffoldActionItems, type ScaffoldOptions, type ScaffoldResult } from '../../../src/core';
import { referencePath, repoRoot, schemaErrors } from '../helpers';

const reference = readFileSync(referencePath, 'utf8');
const shape = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'shapes', name), 'utf8');

/** Scaffolds `text` once, checking the invariants every result keeps. */
function scaffold(text: string, options?: ScaffoldOptions): ScaffoldResult {
  const model = lintText(text).model;
  const result = scaffoldActionItems(text, model, options);
  assert.ok(result.edits.length <= 1, 'at most one edit');
  // The plan (for the code lens) says the same without the text.
  const { added, updated, changes, items } = result;
  if (!result.problem) assert.deepEqual(planActionItems(model, options), { added, updated, changes, items });
  assert.equal(applyTextEdits(text, result.edits), result.text, 'the edit gives the text');
  if (result.edits.length === 0) assert.equal(result.text, text);
  return result;
}

/** Runs the scaffold `times` times on its own output; returns every text. */
function runs(text: string, times: number, options?: ScaffoldOptions): string[] {
  const texts = [text];
  for (let i = 0; i < times; i++) texts.push(scaffold(texts[texts.length - 1], options).text);
  return texts;
}

const tableRows = (text: string) => text.split('\n').filter((l) => /^\| AI-\d+ \|/.test(l));
const cells = (row: string) => row.slice(1, -1).split(' | ').map((c) => c.trim());

describe('scaffoldActionItems on the reference document', () => {
  const result = scaffold(reference);
  const lines = reference.split('\n');
  const findingsLine = lines.indexOf('## Post-Mortem Findings');

  it('adds 8 items from the lessons (4 Done, 4 Open), one for the uncovered gate and one for the uncovered finding', () => {
    assert.equal(result.added, 10);
    assert.equal(result.updated, 0);
    const lessons = result.items.filter((i) => i.origin === 'lesson');
    assert.equal(lessons.length, 8);
    assert.deepEqual(lessons.map((i) => i.status), ['Done', 'Done', 'Done', 'Done', 'Open', 'Open', 'Open', 'Open']);
    assert.deepEqual(result.items.filter((i) => i.origin === 'gate').map((i) => i.action), ['Enforce the `regional_progressive_rollout` deployment gate']);
    assert.deepEqual(result.items.filter((i) => i.origin === 'finding').map((i) => i.action), ['Initial diagnosis focused on wrong component (Kafka)']);
    assert.deepEqual(result.items.map((i) => i.id), ['AI-1', 'AI-2', 'AI-3', 'AI-4', 'AI-5', 'AI-6', 'AI-7', 'AI-8', 'AI-9', 'AI-10']);
  });

  it('is one insertion, after the lessons, that changes nothing else', () => {
    const [edit] = result.edits;
    assert.deepEqual(edit.range, { start: { line: findingsLine, character: 0 }, end: { line: findingsLine, character: 0 } });
    assert.ok(edit.newText.startsWith('## Action Items\n\n| ID | Action | Type | Priority | Owner | Due | Status | Ticket | Source |\n| --- |'));
    assert.ok(edit.newText.endsWith(' |\n\n'));
    const offset = lines.slice(0, findingsLine).join('\n').length + 1;
    assert.equal(result.text.slice(0, offset), reference.slice(0, offset));
    assert.equal(result.text.slice(offset + edit.newText.length), reference.slice(offset));
  });

  it('writes each row in the standard columns: type inferred, due = date + the SEV-1 service level, placeholders for owner and ticket, a link to the source', () => {
    const rows = tableRows(result.text).map(cells);
    assert.equal(rows.length, 10);
    assert.deepEqual(rows[1], ['AI-2', 'Canary Deployment: Mandatory for EVCache updates', 'prevent', 'P1', 'TBD', '2024-01-07', 'Done', 'TBD', '[Canary Deployment](#immediate-actions-completed)']);
    assert.deepEqual(rows.map((r) => r[2]), ['prevent', 'prevent', 'mitigate', 'mitigate', 'prevent', 'prevent', 'prevent', 'prevent', 'prevent', 'TBD']);
    assert.equal(rows[4][8], '[CRDT Version Registry](#long-term-improvements)');
    assert.equal(rows[8][8], '[`regional_progressive_rollout`](#prevention-measures)');
    assert.equal(rows[9][8], '[Initial diagnosis focused on wrong component (Kafka)](#what-went-wrong)');
  });

  it('gives the same text on a second and a third run', () => {
    const [, once, twice, thrice] = runs(reference, 3);
    assert.equal(twice, once);
    assert.equal(thrice, once);
    assert.equal(scaffold(once).edits.length, 0);
  });

  it('is deterministic', () => {
    assert.deepEqual(scaffold(reference), result);
  });

  it('leaves a document the action item rules accept apart from what the author must fill in', () => {
    const { findings, model } = lintText(result.text);
    assert.deepEqual(schemaErrors(model), []);
    // The timeline and everything else read as before.
    assert.equal(model.timeline.length, 12);
    assert.equal(model.actionItems.items.length, 10);
    const ours = findings.filter((f) => f.ruleId.startsWith('PM6'));
    assert.ok(ours.every((f) => f.severity !== 'error'));
    const byRule = (id: string) => ours.filter((f) => f.ruleId === id).length;
    assert.equal(byRule('PM601'), 12, 'owner and ticket of the 6 open items');
    assert.equal(byRule('PM602'), 0);
    assert.equal(byRule('PM604'), 0, 'every finding is covered');
    assert.equal(byRule('PM605'), 0);
    assert.deepEqual(ours.filter((f) => f.ruleId === 'PM603').map((f) => f.message.slice(0, 22)), ['Action item AI-5 does ', 'Action item AI-7 does ', 'Action item AI-10 does']);
    // The findings the reference had are still there, and no other.
    assert.deepEqual(findings.filter((f) => !f.ruleId.startsWith('PM6')).map((f) => f.ruleId), ['PM401', 'PM402']);
  });
});

describe('scaffoldActionItems keeps what the author wrote', () => {
  const once = scaffold(reference).text;

  it('keeps edited cells, adds only the new lesson, deletes no row, and numbers on', () => {
    let edited = once
      .replace('| AI-5 | CRDT Version Registry: Central compatibility matrix | prevent | P1 | TBD | 2024-01-07 | Open | TBD |', '| AI-5 | Build a CRDT version registry with a compatibility matrix | process | P2 | @alice | 2024-02-15 | In progress | EVC-88 |')
      .replace('| AI-10 | Initial diagnosis focused on wrong component (Kafka) | TBD | P1 | TBD |', '| AI-10 | Add dependency health to the incident dashboard | detect | P1 | @bob |');
    // A row the author added by hand.
    edited = edited.replace('[Initial diagnosis focused on wrong component (Kafka)](#what-went-wrong) |\n', '[Initial diagnosis focused on wrong component (Kafka)](#what-went-wrong) |\n| AI-42 | Write the customer communication template | process | P3 | @carol | 2024-01-30 | Open | EVC-90 | |\n');
    // And a new lesson.
    edited = edited.replace('4. **Regional Isolation**: Prevent cross-region gossip storms', '4. **Regional Isolation**: Prevent cross-region gossip storms\n5. **Kafka Dashboards**: Add consumer lag to the EVCache dashboard');
    const result = scaffold(edited);
    assert.equal(result.added, 1);
    assert.equal(result.updated, 0);
    const rows = tableRows(result.text);
    assert.equal(rows.length, 12);
    assert.ok(rows.includes('| AI-5 | Build a CRDT version registry with a compatibility matrix | process | P2 | @alice | 2024-02-15 | In progress | EVC-88 | [CRDT Version Registry](#long-term-improvements) |'));
    assert.ok(rows.some((r) => r.startsWith('| AI-10 | Add dependency health to the incident dashboard | detect | P1 | @bob |')));
    assert.ok(rows.some((r) => r.startsWith('| AI-42 | Write the customer communication template |')));
    assert.equal(rows[rows.length - 1], '| AI-43 | Kafka Dashboards: Add consumer lag to the EVCache dashboard | detect | P1 | TBD | 2024-01-07 | Open | TBD | [Kafka Dashboards](#long-term-improvements) |');
    // Every line of the edited document is still there, in order.
    const before = edited.split('\n');
    const after = result.text.split('\n');
    let j = 0;
    for (const line of after) if (line === before[j]) j++;
    assert.equal(j, before.length, 'no line removed or changed');
    assert.equal(scaffold(result.text).edits.length, 0);
  });

  it('does not add a lesson again when its row lost its link but kept its action', () => {
    const unlinked = once.replace('| [Chaos Testing](#long-term-improvements) |', '|  |');
    const result = scaffold(unlinked);
    assert.equal(result.added, 0);
    // The empty source is the scaffold's to fill: shown as an update.
    assert.equal(result.updated, 1);
    assert.deepEqual(result.changes, ['AI-6: Source (empty) → [Chaos Testing](#long-term-improvements)']);
  });

  it('updates only its own defaults: Open becomes Done when the lesson is completed, TBD due dates get a date', () => {
    const noDate = reference.replace('**Date**: December 23, 2023\n', '');
    const first = scaffold(noDate).text;
    assert.ok(tableRows(first).every((r) => cells(r)[5] === 'TBD'));
    // The author marks one open item as blocked, then the lessons move and the date is added.
    const ai6 = '| AI-6 | Chaos Testing: Added "cache coordinator failure" scenario | prevent | P1 | TBD | TBD | Open |';
    assert.ok(first.includes(ai6));
    let next = first.replace(ai6, ai6.replace('| Open |', '| Blocked |'));
    next = next.replace('### Long-term Improvements', '### Long-term Improvements (Completed)').replace('## Incident Overview\n\n', '## Incident Overview\n\n**Date**: December 23, 2023\n');
    const result = scaffold(next);
    assert.equal(result.added, 0);
    assert.equal(result.updated, 10, 'every row gets its due date');
    assert.ok(result.changes.includes('AI-5: Status Open → Done'));
    assert.ok(!result.changes.some((c) => c.startsWith('AI-6: Status')), 'Blocked is the author\'s');
    // The timeline's triage event says SEV-1: 15 days.
    assert.ok(result.changes.includes('AI-1: Due TBD → 2024-01-07'), result.changes.join('\n'));
    const row6 = tableRows(result.text).find((r) => r.startsWith('| AI-6 |'))!;
    assert.equal(cells(row6)[6], 'Blocked');
    assert.equal(scaffold(result.text).edits.length, 0);
  });
});

describe('scaffoldActionItems on documents of other shapes', () => {
  it('Google SRE style: appends to its table in its own columns (Action Item | Type | Owner | Bug), without errors', () => {
    const text = shape('google-sre-style.md');
    const before = lintText(text);
    assert.equal(before.model.actionItems.items.length, 3);
    assert.deepEqual(before.model.actionItems.columnRoles, ['action', 'type', 'owner', 'ticket']);
    assert.deepEqual(before.model.actionItems.items.map((i) => i.done), [true, false, false]);
    const result = scaffold(text);
    assert.equal(result.added, 1, 'the finding no item covers');
    const [edit] = result.edits;
    assert.equal(edit.range.start.line, 27, 'after the last row');
    assert.match(edit.newText, /^\| We exceeded our availability error budget .* \| TBD \| TBD \| TBD \|\n$/);
    const after = lintText(result.text);
    assert.deepEqual(after.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId), []);
    assert.deepEqual(runs(text, 3).slice(2), [result.text, result.text]);
  });

  it('PagerDuty style: a "Follow-up Actions" list gets the table below it, and listed items are not added again', () => {
    const text = shape('pagerduty-style.md');
    const model = lintText(text).model;
    assert.equal(model.actionItems.listItems?.length, 2);
    const result = scaffold(text);
    assert.equal(result.added, 1);
    const lines = result.text.split('\n');
    const list = lines.findIndex((l) => l.startsWith('- [ ] Run canaries'));
    assert.equal(lines[list + 1], '');
    assert.equal(lines[list + 2], '| ID | Action | Type | Priority | Owner | Due | Status | Ticket | Source |');
    // The SEV-2 incident of March 11, 2024: due 30 days later.
    assert.match(lines[list + 4], /^\| AI-1 \| It took 17 minutes .* \| TBD \| P2 \| TBD \| 2024-04-10 \| Open \| TBD \| \[.*\]\(#what-went-wrong\) \|$/);
    // A lesson written as a listed action item is not added as a row.
    const withLesson = text.replace('## What went well', '## Lessons Learned\n\n- Run canaries under replayed peak traffic\n\n## What went well');
    assert.equal(scaffold(withLesson).added, 1);
  });

  it('front matter and bullet-list shapes: the section after the lessons, idempotent', () => {
    for (const name of ['front-matter.md', 'bullet-list-declared-zone.md']) {
      const text = shape(name);
      const [, once, twice, thrice] = runs(text, 3);
      assert.ok(once.includes('\n## Action Items\n\n| ID | Action |'), name);
      assert.equal(twice, once, name);
      assert.equal(thrice, once, name);
    }
  });

  it('the New Post-Mortem template: fills its empty table, once', () => {
    const template = readFileSync(join(repoRoot, 'templates', 'postmortem.md'), 'utf8').replace('{{title}}', 'Test').replace('{{date}}', '2024-05-02');
    const result = scaffold(template);
    assert.equal(result.added, 4);
    assert.equal(result.edits[0].range.start.line, template.split('\n').findIndex((l) => l.startsWith('|----|')) + 1);
    assert.deepEqual(result.items.map((i) => `${i.id} ${i.status} ${i.due}`), ['AI-1 Done 2024-06-01', 'AI-2 Open 2024-06-01', 'AI-3 Open 2024-06-01', 'AI-4 Open 2024-06-01']);
    assert.equal(scaffold(result.text).edits.length, 0);
  });

  it('keeps CRLF line breaks and writes its own lines with them', () => {
    const crlf = reference.replace(/\n/g, '\r\n');
    const result = scaffold(crlf);
    assert.equal(result.added, 10);
    assert.ok(!/[^\r]\n/.test(result.text), 'no bare LF');
    assert.equal(result.text.replace(/\r\n/g, '\n'), scaffold(reference).text);
  });

  it('placement "end" and a custom title: at the end of a text without a final line break', () => {
    assert.ok(!reference.endsWith('\n'));
    const result = scaffold(reference, { placement: 'end', sectionTitle: 'Follow-up Work' });
    assert.ok(result.text.startsWith(reference + '\n\n## Follow-up Work\n\n| ID |'));
    assert.ok(result.text.endsWith('|\n'));
    assert.equal(scaffold(result.text, { placement: 'end', sectionTitle: 'Follow-up Work' }).edits.length, 0);
  });

  it('a section of the configured title without a table gets the table', () => {
    const text = `${reference}\n\n## Follow-up Work\n\nTo be filled in after the review.\n`;
    const result = scaffold(text, { sectionTitle: 'Follow-up Work' });
    assert.ok(result.text.endsWith('## Follow-up Work\n\nTo be filled in after the review.\n\n| ID | Action | Type | Priority | Owner | Due | Status | Ticket | Source |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' + tableRows(result.text).join('\n') + '\n'));
  });

  it('dueDays decide the due dates; no date means TBD; a document with nothing to scaffold gets no edit', () => {
    const custom = scaffold(reference, { dueDays: { 'SEV-1': 7, default: 90 } });
    assert.ok(tableRows(custom.text).every((r) => cells(r)[5] === '2023-12-30'));
    const withSev3 = reference.replace('**Impact**:', '**Severity**: SEV-3\n**Impact**:');
    assert.ok(tableRows(scaffold(withSev3).text).every((r) => cells(r)[5] === '2024-02-21' && cells(r)[3] === 'P3'));
    const nothing = '# Notes\n\nNo lessons here.\n';
    const result = scaffold(nothing);
    assert.deepEqual([result.edits, result.added, result.text], [[], 0, nothing]);
  });

  it('refuses, with the reason, to put the table inside a code block that is never closed', () => {
    const text = '# Outage\n\n**Date**: 2024-05-02\n\n## Lessons Learned\n\n- **Retry budget**: Cap retries at 3\n\n## Logs\n\n```\nERROR retry storm\n';
    const result = scaffold(text, { placement: 'end' });
    assert.deepEqual([result.edits, result.added, result.text], [[], 0, text]);
    assert.match(result.problem ?? '', /inside the code block that starts on line 11 and is never closed/);
    // After the lessons, before "## Logs", it is fine.
    assert.equal(scaffold(text).added, 1);
  });

  it('escapes pipes in lesson text', () => {
    const text = '# Outage\n\n**Date**: 2024-05-02\n\n## Lessons Learned\n\n- **Retry budget**: cap retries at 3 | 5 for batch\n';
    const result = scaffold(text);
    const [row] = tableRows(result.text);
    assert.equal(cells(row.replace(/\\\|/g, '¦'))[1], 'Retry budget: cap retries at 3 ¦ 5 for batch');
    const model = lintText(result.text).model;
    assert.equal(model.actionItems.items[0].action, 'Retry budget: cap retries at 3 | 5 for batch');
    assert.equal(model.actionItems.items[0].cellCount, 9);
    assert.equal(scaffold(result.text).edits.length, 0);
  });
});

describe('scaffoldActionItems: properties', () => {
  const lines = reference.split('\n');
  it('on mutations of the reference (lines dropped, duplicated, swapped, cut): one edit, idempotent', () => {
    const mutation = fc.array(fc.tuple(fc.constantFrom('drop', 'dup', 'swap', 'cut'), fc.nat(lines.length - 1), fc.nat(lines.length - 1), fc.nat(60)), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(mutation, (steps) => {
        const mutated = [...lines];
        for (const [kind, a, b, n] of steps) {
          const i = a % mutated.length;
          const j = b % mutated.length;
          if (kind === 'drop') mutated.splice(i, 1);
          else if (kind === 'dup') mutated.splice(i, 0, mutated[i]);
          else if (kind === 'cut') mutated[i] = mutated[i].slice(0, n);
          else [mutated[i], mutated[j]] = [mutated[j], mutated[i]];
        }
        const [, once, twice] = runs(mutated.join('\n'), 2);
        assert.equal(twice, once);
      }),
      { numRuns: 60 },
    );
  });

  it('with lessons and findings of any text (markup, pipes, brackets, emoji): rows stay regular and three runs equal one', () => {
    const junk = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('**a|b**: c', '`x|y`', '[l](#u) \\| z', '<b>x</b>', '_a_ *b*', '**', '| a | b |', '\\', '[[x]]', '](', 'é ü 中文 🔥'));
    fc.assert(
      fc.property(fc.array(junk, { minLength: 1, maxLength: 4 }), fc.array(junk, { maxLength: 3 }), (lessons, findings) => {
        let text = reference.replace('4. **Regional Isolation**: Prevent cross-region gossip storms', ['4. **Regional Isolation**: Prevent cross-region gossip storms', ...lessons.map((l, i) => `${5 + i}. ${l.replace(/[\r\n]/g, ' ')}`)].join('\n'));
        text = text.replace('- Initial diagnosis focused on wrong component (Kafka)', ['- Initial diagnosis focused on wrong component (Kafka)', ...findings.map((f) => `- ${f.replace(/[\r\n]/g, ' ')}`)].join('\n'));
        const [, once, twice, thrice] = runs(text, 3);
        assert.equal(twice, once);
        assert.equal(thrice, once);
        assert.ok(lintText(once).model.actionItems.items.every((item) => item.cellCount === 9));
      }),
      { numRuns: 40 },
    );
  });
});
