import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../src/core';
import { repoRoot, schemaErrors } from '../helpers';

const shape = (file: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'shapes', file), 'utf8');

/** Post-mortems in other shapes than the reference: read gracefully, no false errors. */
describe('post-mortems of other shapes', () => {
  it('Google SRE style: bullet timeline under a date line with "all times UTC"', () => {
    const { model, findings } = lintText(shape('google-sre-style.md'));
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
    assert.equal(model.timeline.length, 21);
    assert.equal(model.timeline[0].date, '2015-10-21');
    assert.equal(model.timeline[0].zone, 'UTC');
    assert.equal(model.metadata.date?.date, '2015-10-21');
    assert.match(model.metadata.rootCause?.raw ?? '', /Cascading failure/);
    assert.deepEqual(model.findings.map((f) => f.category), ['went-well', 'went-well', 'went-wrong', 'went-wrong', 'lucky', 'lucky']);
    assert.equal(model.derived.timeToDetectSeconds, 4 * 60);
    assert.deepEqual(schemaErrors(model), []);
  });

  it('PagerDuty style: timeline table, metric table with Baseline / During incident / Target', () => {
    const { model, findings } = lintText(shape('pagerduty-style.md'));
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
    assert.equal(model.timeline.length, 8);
    assert.ok(model.timeline.every((e) => e.source === 'table'));
    assert.deepEqual(model.timeline[2].details, ['on-call']);
    assert.equal(model.metadata.duration?.seconds, 50 * 60);
    assert.equal(model.derived.durationSeconds, 50 * 60);
    assert.equal(model.metricTables[0].rows.length, 3);
    assert.deepEqual(model.metricTables[0].rows[1].cells.map((c) => c.role), ['normal', 'peak', 'target']);
    // The config change that triggered the incident came before the impact: a warning, not an error.
    assert.deepEqual(findings.map((f) => f.ruleName), ['event-outside-window']);
    assert.deepEqual(schemaErrors(model), []);
  });

  it('bullet-list timeline across midnight with day headings and a declared zone', () => {
    const { model, findings } = lintText(shape('bullet-list-declared-zone.md'));
    assert.deepEqual(findings.map((f) => `${f.ruleName}: ${f.message}`), []);
    assert.equal(model.timeline.length, 6);
    assert.deepEqual(model.timeline.map((e) => e.date), ['2024-06-02', '2024-06-02', '2024-06-02', '2024-06-02', '2024-06-03', '2024-06-03']);
    assert.equal(model.timeline[5].offsetSeconds, 85 * 60);
    assert.equal(model.derived.durationSeconds, 85 * 60);
    assert.equal(model.timeline[0].zone, 'CET');
    assert.deepEqual(model.lessons.map((l) => [l.category, l.completed]), [['immediate', true], ['immediate', true], ['long-term', false]]);
  });

  it('front matter: overview fields from YAML, table timeline with a zone in its header', () => {
    const { model, findings } = lintText(shape('front-matter.md'));
    assert.deepEqual(findings.map((f) => `${f.ruleName}: ${f.message}`), []);
    assert.equal(model.metadata.type?.raw, 'postmortem');
    assert.equal(model.metadata.severity?.raw, 'SEV-1');
    assert.equal(model.metadata.duration?.seconds, 2.5 * 3600);
    assert.equal(model.metadata.start?.source, 'frontmatter');
    assert.equal(model.title?.text, 'Search index corruption after failed compaction');
    assert.equal(model.timeline.length, 6);
    assert.deepEqual(model.lessons.map((l) => l.completed), [true, false]);
    assert.deepEqual(schemaErrors(model), []);
  });
});
