import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, splitLines } from '../../../src/core';
import { buildTimelineView, formatClock, formatDuration, mermaidSources, previewHeader } from '../../../src/core/timeline';
import { readRepoFile, repoRoot } from '../helpers';

const shape = (file: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'shapes', file), 'utf8');
const REFERENCE = 'test/fixtures/workspace/postmortems/incident-anatomy-evcache.md';
const viewOf = (text: string, options?: Parameters<typeof buildTimelineView>[1]) => buildTimelineView(lintText(text).model, options);

/** x of an offset on an axis from `start` to `end` seconds. */
const at = (seconds: number, start: number, end: number) => (seconds - start) / (end - start);

describe('timeline chart from the model', () => {
  it('reference (Mermaid flowchart): 12 milestones in 4 phase sections, marked, time-proportional', () => {
    const { model } = lintText(readRepoFile(REFERENCE));
    const view = buildTimelineView(model);
    assert.equal(view.events.length, 12);
    assert.deepEqual(view.sections.map((s) => [s.name, s.label, s.firstRow, s.rowCount]), [
      ['Detection', 'T+0: Detection Phase - 14:23 UTC', 0, 3],
      ['Diagnosis', 'T+5min: Diagnosis Phase', 3, 3],
      ['Mitigation', 'T+15min: Mitigation Phase', 6, 3],
      ['Recovery', 'T+35min: Recovery Phase', 9, 3],
    ]);
    assert.deepEqual(view.axis, { startSeconds: 0, endSeconds: 47 * 60, zone: 'UTC', date: '2023-12-23' });
    // Each event at its time, on its own row, pointing at its line of the document.
    view.events.forEach((event, row) => {
      assert.equal(event.row, row);
      assert.equal(event.line, model.timeline[event.index].range.start.line);
      assert.ok(Math.abs(event.x - at(model.timeline[event.index].offsetSeconds!, 0, 2820)) < 1e-6);
    });
    assert.deepEqual(view.events.map((e) => e.time).slice(0, 3), ['14:23:00', '14:23:45', '14:24:15']);
    assert.equal(view.events[6].title, 'Rollback Decision');
    assert.deepEqual(view.events.filter((e) => e.markers.length).map((e) => `${e.title}: ${e.markers}`), [
      'Deployment Initiated: start', 'First Alerts: detection', 'Rollback Decision: mitigation', 'Full Recovery: resolution',
    ]);
    assert.deepEqual(view.spans.map((s) => `${s.short} ${s.text} ${s.fromX}→${s.toX.toFixed(4)}`), [
      'TTD 45s 0→0.0160', 'TTM 15m 0→0.3191', 'TTR 42m 0→0.8936',
    ]);
    assert.deepEqual(view.ticks.map((t) => t.label), ['14:30', '14:40', '14:50', '15:00', '15:10']);
    assert.ok(Math.abs(view.ticks[0].x - at(7 * 60, 0, 2820)) < 1e-6);
    assert.deepEqual(view.incident, { fromX: 0, toX: 1 });
    assert.deepEqual(view.skipped, []);
  });

  it('table timeline (PagerDuty style): an event before the start widens the axis; one section', () => {
    const view = viewOf(shape('pagerduty-style.md'));
    assert.equal(view.events.length, 8);
    assert.deepEqual(view.sections.map((s) => [s.label, s.rowCount]), [['Timeline', 8]]);
    assert.equal(view.axis.startSeconds, -7 * 60);
    assert.equal(view.events[0].x, 0);
    assert.equal(view.events[0].offsetSeconds, -420);
    assert.deepEqual(view.events[1].markers, ['start']);
    // The incident window starts at 09:12, not at the first row.
    assert.ok(Math.abs(view.incident!.fromX - at(0, -420, 3000)) < 1e-6);
    assert.equal(view.spans[0].fromX, view.incident!.fromX);
    assert.deepEqual(view.ticks.map((t) => t.label), ['09:10', '09:20', '09:30', '09:40', '09:50', '10:00']);
  });

  it('list timeline across midnight: days counted, ticks after midnight say +1d', () => {
    const view = viewOf(shape('bullet-list-declared-zone.md'));
    assert.deepEqual(view.events.map((e) => `${e.time}${e.day ? ` +${e.day}d` : ''}`), ['22:50', '22:58', '23:10', '23:40', '00:05 +1d', '00:15 +1d']);
    assert.equal(view.axis.zone, 'CET');
    assert.ok(view.ticks.some((t) => t.label === '00:00 +1d'));
    assert.deepEqual(view.spans.map((s) => `${s.short} ${s.text}`), ['TTD 8m', 'TTM 50m', 'TTR 1h 25m']);
    // Strictly increasing positions: proportional to time across the day change.
    for (let i = 1; i < view.events.length; i++) assert.ok(view.events[i].x > view.events[i - 1].x);
  });

  it('list timeline without a resolution (Google SRE style): no TTR bar, every event drawn', () => {
    const view = viewOf(shape('google-sre-style.md'));
    assert.equal(view.events.length, 21);
    assert.deepEqual(view.spans.map((s) => s.short), ['TTD', 'TTM']);
    assert.ok(!view.events.some((e) => e.markers.includes('resolution')));
    assert.equal(view.events[0].time, '14:51');
  });

  it('front matter with a table timeline', () => {
    const view = viewOf(shape('front-matter.md'));
    assert.equal(view.events.length, 6);
    assert.deepEqual(view.spans.map((s) => `${s.short} ${s.text}`), ['TTD 21m', 'TTM 1h 10m', 'TTR 2h 30m']);
    assert.deepEqual(view.ticks.map((t) => t.label), ['03:30', '04:00', '04:30', '05:00', '05:30']);
  });

  it('events outside every phase go to an "Other events" section; each section is sorted by time', () => {
    const doc = [
      '# Outage', '', '## Timeline', '', '```mermaid', 'graph TB',
      '  subgraph P1[T+0: Detection]', '    B[10:05 Alert]', '    A[10:00 Deploy]', '  end',
      '  C[10:30 Rollback]', '  A --> B --> C', '```', '',
    ].join('\n');
    const view = viewOf(doc);
    assert.deepEqual(view.sections.map((s) => s.name), ['P1', 'Other events']);
    assert.deepEqual(view.events.map((e) => `${e.row} ${e.section} ${e.title}`), ['0 P1 Deploy', '1 P1 Alert', '2 Other events Rollback']);
  });

  it('skips impossible times and says why; caps the number of events', () => {
    const text = readRepoFile('test/fixtures/rules/invalid-clock-time/not-ok.md');
    const { model } = lintText(text);
    const view = buildTimelineView(model);
    const invalid = model.timeline.flatMap((e, i) => (e.invalid ? [i] : []));
    assert.ok(invalid.length >= 2);
    assert.deepEqual(view.skipped.map((s) => s.index), invalid);
    assert.equal(view.events.length, model.timeline.length - invalid.length);

    const capped = buildTimelineView(model, { maxEvents: 3 });
    assert.equal(capped.events.length, 3);
    assert.ok(capped.skipped.some((s) => /first 3 events/.test(s.reason)));
  });

  it('has nothing to draw without a timeline, and widens a single instant to a minute', () => {
    const none = viewOf('# Notes\n\nNothing timed here.\n');
    assert.equal(none.events.length, 0);
    assert.match(none.empty!, /No timeline found/);

    const one = viewOf('# Outage\n\n## Timeline\n\n- 10:00 Deploy\n');
    assert.equal(one.events.length, 1);
    assert.equal(one.axis.endSeconds - one.axis.startSeconds, 60);
    assert.equal(one.events[0].x, 0.5);
  });
});

describe('Mermaid blocks of the document', () => {
  it('reference: the text between the fences, its first line, and the lines of its event nodes', () => {
    const text = readRepoFile(REFERENCE);
    const lines = splitLines(text);
    const [block, ...others] = mermaidSources(lintText(text).model, lines);
    assert.equal(others.length, 0);
    assert.equal(block.diagramType, 'graph');
    assert.equal(lines[block.fenceLine], '```mermaid');
    assert.equal(block.text.split('\n')[0], 'graph TB');
    assert.equal(block.text.split('\n').length, 85);
    assert.equal(lines[block.firstLine + 84], block.text.split('\n')[84]);
    assert.equal(block.nodeLines.Start, 17);
    assert.match(lines[block.nodeLines.Rollback], /^\s+Rollback\[14:38:00/);
  });

  it('strips the fence indentation, reads ~~~ fences and unclosed blocks', () => {
    const text = ['# Doc', '', '- item', '', '  ```mermaid', '  pie', '    "a" : 1', '  ```', '', '~~~mermaid', 'sequenceDiagram', '  A->>B: hi', '~~~', '', '```mermaid', 'graph LR', 'A-->B'].join('\n');
    const sources = mermaidSources(lintText(text).model, splitLines(text));
    assert.deepEqual(sources.map((s) => [s.diagramType, s.firstLine, s.text]), [
      ['pie', 5, 'pie\n  "a" : 1'],
      ['sequenceDiagram', 10, 'sequenceDiagram\n  A->>B: hi'],
      ['graph', 15, 'graph LR\nA-->B'],
    ]);
  });
});

describe('preview header', () => {
  it('reference: date, duration, impact, revenue loss, derived times', () => {
    const header = previewHeader(lintText(readRepoFile(REFERENCE)).model);
    assert.equal(header.date, 'December 23, 2023');
    assert.equal(header.duration, '47 minutes (14:23 - 15:10 UTC)');
    assert.equal(header.impact, '18% of global users unable to stream');
    assert.equal(header.cost, '~$3.2M');
    assert.deepEqual(header.times.map((t) => `${t.short} ${t.text}`), ['TTD 45s', 'TTM 15m', 'TTR 42m']);
  });

  it('falls back to the derived duration and the stated total cost', () => {
    const doc = ['# Outage', '', '**Date**: 2024-01-02', '', '## Timeline', '', '- 10:00 Deploy', '- 10:30 Alert fires', '', '## Costs', '', '- **Credits**: $10K', '- **Compute**: $5K', '', '**Total**: $15K', ''].join('\n');
    const header = previewHeader(lintText(doc).model);
    assert.equal(header.duration, '30m');
    assert.equal(header.cost, '$15K');
    assert.equal(header.impact, undefined);
  });

  it('formats durations and clock times', () => {
    assert.deepEqual([0, 45, 60, 930, 3600, 3900, 90000, -120].map(formatDuration), ['0s', '45s', '1m', '15m 30s', '1h', '1h 5m', '1d 1h', '-2m']);
    assert.equal(formatClock(86400 + 3600 + 61), '01:01');
    assert.equal(formatClock(-60, true), '23:59:00');
  });
});
