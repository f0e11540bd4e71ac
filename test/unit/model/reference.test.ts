import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintText } from '../../../src/core';
import { referencePath, schemaErrors } from '../helpers';

const text = readFileSync(referencePath, 'utf8');
const lines = text.split('\n');
const { model, findings } = lintText(text);

describe('the reference document (incident-anatomy-evcache.md)', () => {
  it('has 12 timeline events in 4 phases, in the order of the diagram', () => {
    assert.equal(model.timeline.length, 12);
    assert.deepEqual(model.timeline.map((e) => e.time), [
      '14:23:00', '14:23:45', '14:24:15', '14:28:00', '14:30:00', '14:33:00',
      '14:38:00', '14:41:00', '14:45:00', '14:58:00', '15:05:00', '15:10:00',
    ]);
    assert.deepEqual(model.phases.map((p) => [p.name, p.offsetSeconds, p.events.length]), [
      ['Detection', 0, 3], ['Diagnosis', 300, 3], ['Mitigation', 900, 3], ['Recovery', 2100, 3],
    ]);
    assert.equal(model.timeline[0].title, 'Deployment Initiated');
    assert.equal(model.timeline[0].date, '2023-12-23');
    assert.equal(model.timeline[0].zone, 'UTC');
    assert.deepEqual(model.timeline[1].after, [0]);
  });

  it('reads the overview', () => {
    const m = model.metadata;
    assert.equal(m.date?.date, '2023-12-23');
    assert.equal(m.duration?.seconds, 47 * 60);
    assert.equal(m.start?.time, '14:23:00');
    assert.equal(m.end?.time, '15:10:00');
    assert.equal(m.timeZone?.zone, 'UTC');
    assert.equal(m.revenueLoss?.amount?.value, 3_200_000);
    assert.match(m.rootCause?.raw ?? '', /EVCache cluster coordination failure/);
    assert.match(m.impact?.raw ?? '', /18% of global users/);
  });

  it('derives time to detect, mitigate and resolve', () => {
    assert.equal(model.derived.timeToDetectSeconds, 45);
    assert.equal(model.derived.timeToMitigateSeconds, 15 * 60);
    assert.equal(model.derived.timeToResolveSeconds, 42 * 60);
    assert.equal(model.derived.durationSeconds, 47 * 60);
  });

  it('has 5 contiguous checklist phases', () => {
    assert.deepEqual(model.checklistPhases.map((p) => [p.startSeconds / 60, p.endSeconds / 60, p.items.length]), [
      [0, 2, 4], [2, 5, 4], [5, 15, 0], [15, 35, 5], [35, 47, 4],
    ]);
  });

  it('has one metric table with 6 rows, each cell parsed', () => {
    assert.equal(model.metricTables.length, 1);
    const table = model.metricTables[0];
    assert.equal(table.rows.length, 6);
    assert.deepEqual(table.rows.map((r) => r.metric), ['Cache Hit Rate', 'API p99 Latency', 'Error Rate', 'Concurrent Streams', 'Gossip Traffic', 'Deployment Time']);
    const cacheHit = table.rows[0].cells;
    assert.deepEqual(cacheHit.map((c) => c.role), ['normal', 'peak', 'target']);
    assert.equal(cacheHit[2].quantity?.comparator, '>');
    assert.equal(cacheHit[2].quantity?.value, 0.9);
    assert.equal(table.rows[5].cells[2].quantity?.notApplicable, true);
  });

  it('has 3 gates, 4 immediate actions and 4 long-term improvements', () => {
    assert.equal(model.gateBlocks.length, 1);
    assert.deepEqual(model.gateBlocks[0].gates.map((g) => g.name), ['protocol_compatibility_check', 'canary_deployment', 'regional_progressive_rollout']);
    const immediate = model.lessons.filter((l) => l.category === 'immediate');
    const longTerm = model.lessons.filter((l) => l.category === 'long-term');
    assert.equal(immediate.length, 4);
    assert.equal(longTerm.length, 4);
    assert.ok(immediate.every((l) => l.completed));
    assert.ok(longTerm.every((l) => !l.completed));
    assert.equal(immediate[1].title, 'Canary Deployment');
  });

  it('has the costs, findings and references', () => {
    assert.deepEqual(model.costs.items.map((i) => [i.label, i.amount.value]), [
      ['Revenue Loss', 3_200_000], ['SLA Credits', 450_000], ['Emergency Compute', 85_000], ['Engineering Time', 125_000],
    ]);
    assert.equal(model.costs.totals.length, 1);
    assert.equal(model.costs.totals[0].amount.value, 4_200_000);
    assert.equal(model.findings.filter((f) => f.category === 'went-well').length, 4);
    assert.equal(model.findings.filter((f) => f.category === 'went-wrong').length, 4);
    assert.equal(model.references.length, 5);
    assert.equal(model.references[1].url, 'https://docs.netflix.internal/evcache/protocol-v3');
  });

  it('gives exactly one error (engineering time) and one warning (total)', () => {
    const engineering = lines.findIndex((l) => l.includes('**Engineering Time**'));
    const total = lines.findIndex((l) => l.startsWith('### Total Incident Cost'));
    assert.deepEqual(
      findings.map((f) => [f.ruleName, f.severity, f.range.start.line]),
      [['cost-arithmetic', 'error', engineering], ['cost-total', 'warning', total]],
    );
    const [arithmetic, totalFinding] = findings;
    assert.equal(lines[engineering].slice(arithmetic.range.start.character, arithmetic.range.end.character), '$125K');
    assert.match(arithmetic.message, /\$26.25K/);
    assert.match(totalFinding.message, /\$3\.86M/);
    assert.equal(arithmetic.fix?.edits[0].newText, '$26.25K');
  });

  it('gives a model valid against the schema', () => {
    assert.deepEqual(schemaErrors(model), []);
  });
});
