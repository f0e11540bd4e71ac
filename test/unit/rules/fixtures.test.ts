import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, applyFixes, lintText, type LintConfig } from '../../../src/core';
import { repoRoot, schemaErrors, toExpectedShape, type ExpectedFinding } from '../helpers';

/**
 * Each rule has test/fixtures/rules/<name>/ with ok.md (no finding of the rule, no error of any
 * rule), not-ok.md and not-ok.expected.json (the rule's exact findings, 1-based as the CLI prints
 * them, with a part of the message). An optional config.json is the lint configuration for both.
 * For a fixable rule, applying the fixes to not-ok.md must leave none of the fixed findings.
 */
for (const rule of allRules) {
  const dir = join(repoRoot, 'test', 'fixtures', 'rules', rule.name);
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const config: LintConfig | undefined = existsSync(join(dir, 'config.json')) ? JSON.parse(read('config.json')) : undefined;

  describe(`rule ${rule.id} ${rule.name}`, () => {
    it('finds nothing in ok.md, and no other rule finds an error there', function () {
      if (!existsSync(join(dir, 'ok.md'))) this.skip();
      const { findings, model } = lintText(read('ok.md'), config);
      assert.deepEqual(findings.filter((f) => f.ruleId === rule.id).map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
      assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.range.start.line + 1}: ${f.message}`), []);
      assert.deepEqual(schemaErrors(model), []);
    });

    it('finds exactly the expected findings in not-ok.md', function () {
      if (!existsSync(join(dir, 'not-ok.md'))) this.skip();
      const expected: ExpectedFinding[] = JSON.parse(read('not-ok.expected.json'));
      const { findings, model } = lintText(read('not-ok.md'), config);
      const actual = findings.filter((f) => f.ruleId === rule.id);
      assert.deepEqual(actual.map(toExpectedShape), expected.map(({ rule: r, line, column, endLine, endColumn }) => ({ rule: r, line, column, endLine, endColumn })));
      actual.forEach((finding, i) => {
        if (expected[i].message) assert.ok(finding.message.includes(expected[i].message!), `message "${finding.message}" includes "${expected[i].message}"`);
        assert.equal(finding.severity, expected[i].severity ?? rule.defaultSeverity);
      });
      assert.deepEqual(schemaErrors(model), []);
    });

    if (rule.fixable) {
      it('is clean of the fixed findings after applying its fixes', function () {
        if (!existsSync(join(dir, 'not-ok.md'))) this.skip();
        const before = lintText(read('not-ok.md'), config).findings.filter((f) => f.ruleId === rule.id);
        const fixable = before.filter((f) => f.fix);
        assert.ok(fixable.length > 0, 'not-ok.md has at least one finding with a fix');
        const fixed = applyFixes(read('not-ok.md'), before);
        const after = lintText(fixed.text, config).findings.filter((f) => f.ruleId === rule.id);
        assert.equal(after.length, before.length - fixable.length, after.map((f) => f.message).join('\n'));
      });
    }
  });
}
