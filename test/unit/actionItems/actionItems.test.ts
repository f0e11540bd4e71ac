import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  actionItemsToChecklist, actionItemsToCsv, checkActionTitle, covers, inferActionType, isPlaceholder, lintText, scaffoldActionItems, significantWords,
  withDueDaysRule,
} from '../../../src/core';
import { referencePath, repoRoot, schemaErrors } from '../helpers';

const reference = readFileSync(referencePath, 'utf8');

describe('action items: extraction into model.actionItems', () => {
  it('the reference has no action items table ("Lessons Learned & Action Items" is a lessons heading)', () => {
    const { model } = lintText(reference);
    assert.deepEqual(model.actionItems, { items: [] });
  });

  it('reads every column of a scaffolded table, with ranges, dates, done and the link of the source', () => {
    const text = scaffoldActionItems(reference, lintText(reference).model).text;
    const { model } = lintText(text);
    const table = model.actionItems;
    const lines = text.split('\n');
    assert.equal(lines[table.section!.start.line], '## Action Items');
    assert.equal(table.table!.start.line, table.section!.start.line + 2);
    assert.deepEqual(table.columns, ['ID', 'Action', 'Type', 'Priority', 'Owner', 'Due', 'Status', 'Ticket', 'Source']);
    const item = table.items[4];
    assert.deepEqual(
      { ...item, range: undefined, cells: undefined },
      {
        id: 'AI-5', action: 'CRDT Version Registry: Central compatibility matrix', type: 'prevent', priority: 'P1', owner: 'TBD', due: '2024-01-07',
        dueDate: '2024-01-07', status: 'Open', done: false, ticket: 'TBD', source: 'CRDT Version Registry', sourceTarget: '#long-term-improvements',
        range: undefined, cells: undefined, cellCount: 9,
      },
    );
    const line = lines[item.range.start.line];
    const cell = (role: keyof typeof item.cells) => line.slice(item.cells[role]!.start.character, item.cells[role]!.end.character);
    assert.equal(cell('owner'), 'TBD');
    assert.equal(cell('source'), '[CRDT Version Registry](#long-term-improvements)');
    assert.equal(table.items.filter((i) => i.done).length, 4);
    assert.deepEqual(schemaErrors(model), []);
  });

  it('recognizes other headers and sections, and reads status from a DONE marker when there is no status column', () => {
    const text = [
      '# Outage', '', '**Date**: 2024-05-02', '',
      '## Follow-ups', '',
      '| # | Task | Assignee | Deadline | Jira | Notes |', '|---|---|---|---|---|---|',
      '| 1 | Add a pool size lower bound | @priya | June 1, 2024 | CHK-1 | **DONE** |',
      '| 2 | Alert on pool saturation | @marco | 2024-06-30 | CHK-2 | |',
    ].join('\n');
    const { model } = lintText(text);
    assert.deepEqual(model.actionItems.columnRoles, ['id', 'action', 'owner', 'due', 'ticket', 'other']);
    assert.deepEqual(model.actionItems.items.map((i) => [i.id, i.action, i.owner, i.dueDate, i.ticket, i.done]), [
      ['1', 'Add a pool size lower bound', '@priya', '2024-06-01', 'CHK-1', true],
      ['2', 'Alert on pool saturation', '@marco', '2024-06-30', 'CHK-2', false],
    ]);
    assert.deepEqual(schemaErrors(model), []);
  });

  it('takes a table with action and owner columns outside an action items section, and ignores other tables', () => {
    const metricsOnly = '# X\n\n## Metrics\n\n| Metric | Normal | Peak |\n|---|---|---|\n| Errors | 1% | 5% |\n';
    assert.deepEqual(lintText(metricsOnly).model.actionItems, { items: [] });
    const anywhere = '# X\n\n## Next\n\n| Action | Owner |\n|---|---|\n| Add a check | @a |\n';
    assert.equal(lintText(anywhere).model.actionItems.items.length, 1);
    const noOwner = '# X\n\n## Notes\n\n| Action | Result |\n|---|---|\n| Restart | ok |\n';
    assert.deepEqual(lintText(noOwner).model.actionItems, { items: [] });
  });

  it('gives no action item finding on the reference and no error on any shape fixture', () => {
    assert.deepEqual(lintText(reference).findings.filter((f) => f.ruleId.startsWith('PM6')), []);
    for (const name of ['google-sre-style.md', 'pagerduty-style.md', 'front-matter.md', 'bullet-list-declared-zone.md']) {
      const { findings, model } = lintText(readFileSync(join(repoRoot, 'test', 'fixtures', 'shapes', name), 'utf8'));
      assert.deepEqual(findings.filter((f) => f.ruleId.startsWith('PM6') && f.severity === 'error').map((f) => f.message), [], name);
      assert.deepEqual(schemaErrors(model), [], name);
    }
  });

  it('the Google SRE table gets no warning either: owners and bugs are filled, titles start with verbs', () => {
    const { findings } = lintText(readFileSync(join(repoRoot, 'test', 'fixtures', 'shapes', 'google-sre-style.md'), 'utf8'));
    assert.deepEqual(findings.filter((f) => f.ruleId.startsWith('PM6') && f.severity !== 'info').map((f) => f.message), []);
  });
});

describe('action items: type inference', () => {
  const cases: [string, string | undefined][] = [
    ['Protocol Compatibility Check: Added to deployment pipeline', 'prevent'],
    ['Canary Deployment: Mandatory for EVCache updates', 'prevent'],
    ['Circuit Breaker Tuning: Reduced timeout from 2s to 500ms', 'mitigate'],
    ['Rollback Automation: Reduced rollback time from 15min to 5min', 'mitigate'],
    ['Regional Isolation: Prevent cross-region gossip storms', 'prevent'],
    ['Alert on consumer lag above 5 minutes', 'detect'],
    ['Add a dashboard of pool saturation', 'detect'],
    ['Update the on-call runbook for cache failures', 'process'],
    ['Schedule a cascading failure test during the next DiRT', 'process'],
    ['Fail over to the secondary region automatically', 'mitigate'],
    ['Initial diagnosis focused on wrong component (Kafka)', undefined],
    ['Buy more coffee', undefined],
  ];
  for (const [text, type] of cases) {
    it(`"${text}" → ${type ?? 'unclear (placeholder)'}`, () => assert.equal(inferActionType(text), type));
  }
  it('an even score is unclear', () => {
    // "alert" (detect) and "rollback" (mitigate): one each.
    assert.equal(inferActionType('Alert before the rollback'), undefined);
  });
});

describe('action items: placeholders, titles, coverage', () => {
  it('placeholders', () => {
    for (const p of ['', ' ', 'TBD', 'tbd', '?', '???', '-', '—', '@owner', '<owner>', 'Owner', 'TODO', 'JIRA-XXX', 'INC-???', '**TBD**', '_TBD_']) assert.ok(isPlaceholder(p), `"${p}" is a placeholder`);
    for (const v of ['@priya', 'Priya', 'platform team', 'CHK-412', 'n/a **DONE**', 'Bug 5554823', 'n/a', '[CHK-1](https://x/CHK-1)']) assert.ok(!isPlaceholder(v), `"${v}" is a value`);
  });

  it('titles: verbs, vague verbs, labels, determiners, inflections', () => {
    assert.deepEqual(checkActionTitle('Add a lower bound check'), {});
    assert.deepEqual(checkActionTitle('Regional Isolation: Prevent cross-region gossip storms'), {});
    assert.deepEqual(checkActionTitle('Shard the cache by region'), {});
    assert.deepEqual(checkActionTitle('Added to deployment pipeline'), {});
    assert.deepEqual(checkActionTitle('Fixes the retry loop'), {});
    assert.deepEqual(checkActionTitle('Investigate the latency spike'), { vague: 'investigate' });
    assert.deepEqual(checkActionTitle('Look into pool sizing'), { vague: 'look into' });
    assert.deepEqual(checkActionTitle('Pool sizing: improve the defaults'), { vague: 'improve' });
    assert.deepEqual(checkActionTitle('Improvements to alerting'), { noVerb: true });
    assert.deepEqual(checkActionTitle('CRDT Version Registry: Central compatibility matrix'), { noVerb: true });
    assert.deepEqual(checkActionTitle('Dogfood the new client', { verbs: [] }), {}, 'a word before "the" is a verb');
    assert.deepEqual(checkActionTitle('Sunset legacy clients'), { noVerb: true });
    assert.deepEqual(checkActionTitle('Sunset legacy clients', { verbs: ['sunset'] }), {});
    assert.deepEqual(checkActionTitle('Investigate the spike', { vagueVerbs: ['improve'] }), {});
  });

  it('coverage: shared words, plurals and word forms', () => {
    const words = (s: string) => significantWords(s);
    assert.ok(covers(words('Gossip storm amplified the problem across regions'), words('Regional Isolation: Prevent cross-region gossip storms')));
    assert.ok(covers(words('Canary phase skipped due to "minor version update"'), words('Canary Deployment: Mandatory for EVCache updates')));
    assert.ok(covers(words('The canary ran at night with too little traffic'), words('Run canaries under replayed peak traffic')));
    assert.ok(!covers(words('Initial diagnosis focused on wrong component (Kafka)'), words('Rollback Automation: Reduced rollback time')));
    assert.ok(!covers(words('regional progressive rollout'), words('Regional Isolation: Prevent cross-region gossip storms')));
    assert.ok(covers(words('canary deployment'), words('Canary Deployment: Mandatory for EVCache updates')));
  });
});

describe('action items: exports', () => {
  const table = [
    '# X', '', '## Action Items', '',
    '| ID | Action | Type | Priority | Owner | Due | Status | Ticket | Source |',
    '|----|--------|------|----------|-------|-----|--------|--------|--------|',
    '| AI-1 | Restore the pool size of 200 | mitigate | P2 | TBD | 2024-05-02 | Done | TBD | [Config rollback](#immediate-actions) |',
    '| AI-2 | Reject pool sizes below 50, in "config" validation | prevent | P2 | @priya | June 1, 2024 | Open | CHK-412 | |',
    '| AI-3 | =HYPERLINK("x") pipes \\| too | TBD | TBD | -bob | TBD | Open | | |',
  ].join('\n');
  const { model } = lintText(table);

  it('CSV for trackers: RFC 4180 quoting, ISO due dates, placeholders empty, owners without @, formulas defused', () => {
    assert.equal(
      actionItemsToCsv(model.actionItems),
      [
        'ID,Action,Type,Priority,Owner,Due,Status,Ticket,Source',
        'AI-1,Restore the pool size of 200,mitigate,P2,,2024-05-02,Done,,Config rollback (#immediate-actions)',
        'AI-2,"Reject pool sizes below 50, in ""config"" validation",prevent,P2,priya,2024-06-01,Open,CHK-412,',
        'AI-3,"\'=HYPERLINK(""x"") pipes | too",,,\'-bob,,Open,,',
        '',
      ].join('\r\n'),
    );
    assert.match(actionItemsToCsv(model.actionItems, { keepPlaceholders: true, eol: '\n' }), /^AI-1,Restore the pool size of 200,mitigate,P2,TBD,2024-05-02,Done,TBD,/m);
  });

  it('a Markdown checklist: done items checked, placeholders left out', () => {
    assert.equal(
      actionItemsToChecklist(model.actionItems),
      [
        '- [x] **AI-1** Restore the pool size of 200 (due 2024-05-02, mitigate, P2)',
        '- [ ] **AI-2** Reject pool sizes below 50, in "config" validation (owner @priya, due 2024-06-01, prevent, P2, CHK-412)',
        '- [ ] **AI-3** =HYPERLINK("x") pipes | too (owner -bob)',
        '',
      ].join('\n'),
    );
    assert.equal(actionItemsToChecklist({ items: [] }), '');
  });
});

describe('action items: one service level for the scaffold and PM602', () => {
  const dueDays = { 'SEV-1': 5 };
  it('gives PM602 the dueDays setting unless the rule has its own, keeping its level, and not when it is off', () => {
    assert.equal(withDueDaysRule(undefined, undefined), undefined);
    assert.deepEqual(withDueDaysRule(undefined, dueDays), { PM602: { dueDays } });
    assert.deepEqual(withDueDaysRule({ PM101: 'off' }, dueDays), { PM101: 'off', PM602: { dueDays } });
    assert.deepEqual(withDueDaysRule({ 'action-item-due-date': 'error' }, dueDays), { 'action-item-due-date': { severity: 'error', dueDays } });
    assert.deepEqual(withDueDaysRule({ pm602: { dueDays: { default: 9 } } }, dueDays), { pm602: { dueDays: { default: 9 } } });
    assert.deepEqual(withDueDaysRule({ PM602: 'off' }, dueDays), { PM602: 'off' });
    assert.deepEqual(withDueDaysRule({ PM602: false }, dueDays), { PM602: false });
  });

  it('PM602 holds open items to the days it is given (default SEV-1: 15)', () => {
    // AI-5 (open) due 18 days after the SEV-1 incident of 2023-12-23.
    const text = scaffoldActionItems(reference, lintText(reference).model).text.replace(/(\| AI-5 \| .*?\| )2024-01-07( \|)/, '$12024-01-10$2');
    const pm602 = (config?: Parameters<typeof lintText>[1]) => lintText(text, config).findings.filter((f) => f.ruleId === 'PM602').map((f) => f.message);
    assert.equal(pm602().length, 1);
    assert.match(pm602()[0], /AI-5 is due 2024-01-10, 18 days after the incident; the service level for SEV-1 is 15 days, so expected 2024-01-07 or earlier/);
    assert.deepEqual(pm602({ rules: withDueDaysRule({}, { 'SEV-1': 20 }) }), []);
    assert.equal(pm602({ rules: withDueDaysRule({}, { 'SEV-1': 10 }) }).length, 10 - 4, 'every open item (done ones are not held to it)');
  });
});
