import assert from 'node:assert/strict';
import { applyFixes, lintText } from '../../../src/core';

/** Findings of `text` as "PM101 line", for compact assertions. */
function found(text: string, severities: string[] = ['error', 'warning', 'info']): string[] {
  return lintText(text).findings.filter((f) => severities.includes(f.severity)).map((f) => `${f.ruleId} ${f.range.start.line + 1}`);
}

/** 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const overview = (extra = '') => `# Incident\n\n**Date**: 2024-05-02\n**Impact**: Checkout errors\n**Root Cause**: Bad config\n${extra}\n`;

describe('regressions: inputs that once gave false findings', () => {
  it('a zone declared without a fixed offset (PT) and times in PDT are not out of order', () => {
    const doc = `${overview()}\nAll times PT.\n\n## Timeline\n\n- 10:00 Alert fires\n- 10:17 PDT Escalated to the database team\n- 10:30 Resolved\n\n## Lessons Learned\n\n- Alert earlier\n`;
    assert.deepEqual(found(doc).filter((f) => /^PM10[27]/.test(f)), []);
  });

  it('ratios such as 60:40 and 90:10 are not impossible times outside a timeline', () => {
    const doc = `${overview()}\n## Timeline\n\n- 10:00 Alert fires\n- 10:30 Resolved\n\n## Rollout\n\n| Stage | Split |\n|---|---|\n| Canary | 90:10 |\n| Ramp | 50:50 |\n\n## Lessons Learned\n\n- 60:40 traffic split was not enforced\n`;
    assert.deepEqual(found(doc).filter((f) => f.startsWith('PM101')), []);
  });

  it('a zone on the Start field or in a table header declares the zone', () => {
    const withStart = `${overview('**Start**: 18:02 UTC\n**End**: 18:55 UTC')}\n## Timeline\n\n- 18:02 Alert\n- 18:55 Resolved\n\n## Lessons Learned\n\n- x\n`;
    assert.deepEqual(found(withStart).filter((f) => f.startsWith('PM108')), []);
    const withHeader = `${overview()}\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 18:02 | Alert |\n| 18:55 | Resolved |\n\n## Lessons Learned\n\n- x\n`;
    assert.deepEqual(found(withHeader).filter((f) => f.startsWith('PM108')), []);
    const mixed = `${overview()}\nAll times UTC.\n\n## Timeline\n\n| Time (PDT) | Event |\n|---|---|\n| 11:02 | Alert |\n\n## Lessons Learned\n\n- x\n`;
    assert.deepEqual(found(mixed).filter((f) => f.startsWith('PM107')), [`PM107 ${lineOf(mixed, '| 11:02')}`]);
  });

  it('money that is not an itemized amount is not summed into the total', () => {
    const doc = `${overview()}\n## Timeline\n\n- 10:00 Alert\n\n## Cost Analysis\n\n- **SLA Credits**: $200K to customers\n- **Engineering Time**: $100K\n- **Stock Impact**: -0.3% ($1.2B of market cap)\n\nBudget owner approved up to $500K.\n\n### Total: $300K\n\n## Lessons Learned\n\n- x\n`;
    assert.deepEqual(found(doc).filter((f) => f.startsWith('PM40')), []);
    const wrongTotal = doc.replace('### Total: $300K', '### Total: $400K');
    assert.deepEqual(found(wrongTotal).filter((f) => f.startsWith('PM40')), [`PM402 ${lineOf(wrongTotal, '### Total')}`]);
  });

  it('an expression in another currency than its amount is not checked as if it were the same', () => {
    const doc = `${overview()}\n## Timeline\n\n- 10:00 Alert\n\n## Costs\n\n- **Credits**: €450K (3,000 customers × $100)\n\n## Lessons Learned\n\n- x\n`;
    assert.deepEqual(found(doc).filter((f) => f.startsWith('PM40')), [`PM403 ${lineOf(doc, '**Credits**')}`]);
  });

  it('fixes a duration in the style it was written in', () => {
    const doc = `${overview('**Start**: 10:00 UTC\n**End**: 12:30 UTC\n**Duration**: 1 hour 30 minutes')}\n## Timeline\n\n- 10:00 Alert\n- 12:30 Resolved\n\n## Lessons Learned\n\n- x\n`;
    const result = lintText(doc);
    const fixed = applyFixes(doc, result.findings.filter((f) => f.ruleId === 'PM104'));
    assert.match(fixed.text, /\*\*Duration\*\*: 2 hours 30 minutes$/m);
    assert.deepEqual(found(fixed.text).filter((f) => f.startsWith('PM104')), []);
  });
});
