import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  evaluateCostExpression,
  findAllMoney,
  findCostExpression,
  findMoney,
  formatMoneyLike,
  withinStatedPrecision,
  type MoneyAmount,
} from '../../../src/core/parse/money';

const REFERENCE = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'incident-anatomy-evcache.md'), 'utf8');
const MB = 1 << 20;
function repeatTo(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function money(text: string): MoneyAmount {
  const m = findMoney(text);
  assert.ok(m, `expected an amount in ${JSON.stringify(text)}`);
  return m;
}

function assertLocated(text: string, m: { raw: string; index: number; length: number }): void {
  assert.equal(m.raw.length, m.length);
  assert.equal(text.slice(m.index, m.index + m.length), m.raw);
}

describe('parse/money', () => {
  describe('findMoney', () => {
    const amounts: Array<[string, string, number, string, boolean, number]> = [
      ['$3.2M', '$3.2M', 3_200_000, 'USD', false, 50_000],
      ['~$4.2M', '~$4.2M', 4_200_000, 'USD', true, 50_000],
      ['≈ $4.2M', '≈ $4.2M', 4_200_000, 'USD', true, 50_000],
      ['$450K', '$450K', 450_000, 'USD', false, 500],
      ['$26,250', '$26,250', 26_250, 'USD', false, 0.5],
      ['$1.5 million', '$1.5 million', 1_500_000, 'USD', false, 50_000],
      ['$2 billion', '$2 billion', 2e9, 'USD', false, 5e8],
      ['$1.2bn', '$1.2bn', 1.2e9, 'USD', false, 5e7],
      ['$3.2m', '$3.2m', 3_200_000, 'USD', false, 50_000],
      ['$1MM', '$1MM', 1_000_000, 'USD', false, 500_000],
      ['€85K', '€85K', 85_000, 'EUR', false, 500],
      ['£3k', '£3k', 3_000, 'GBP', false, 500],
      ['¥500', '¥500', 500, 'JPY', false, 0.5],
      ['USD 1,200', 'USD 1,200', 1_200, 'USD', false, 0.5],
      ['EUR1200.50', 'EUR1200.50', 1_200.5, 'EUR', false, 0.005],
      ['US$5', 'US$5', 5, 'USD', false, 0.5],
      ['3.2M USD', '3.2M USD', 3_200_000, 'USD', false, 50_000],
      ['85K€', '85K€', 85_000, 'EUR', false, 500],
      ['1 200 €'.replace(' ', ''), '1200 €', 1_200, 'EUR', false, 0.5],
      ['100 dollars', '100 dollars', 100, 'USD', false, 0.5],
      ['$0.50', '$0.50', 0.5, 'USD', false, 0.005],
    ];
    for (const [text, raw, value, currency, approximate, precision] of amounts) {
      it(`reads ${JSON.stringify(text)}`, () => {
        assert.deepEqual(findMoney(text), { raw, index: text.indexOf(raw), length: raw.length, value, currency, approximate, precision });
      });
    }

    it('finds the amount inside a line, with its position', () => {
      const line = '- **Revenue Loss**: $3.2M (47 min × $4.08M/hour)';
      const m = money(line);
      assert.equal(m.raw, '$3.2M');
      assert.equal(m.index, 20);
      assertLocated(line, m);
    });

    it('marks amounts after an approximation word as approximate (the word stays outside raw)', () => {
      for (const text of ['about $5K', 'approx. $5K', 'Est. $5K', 'roughly $5K', 'around 5K EUR', 'estimated $5K']) {
        const m = money(text);
        assert.equal(m.approximate, true, text);
        assert.ok(!/[a-z]/i.test(m.raw.replace(/EUR|K/g, '')), m.raw);
      }
      assert.equal(money('Total Incident Cost: ~$4.2M').approximate, true);
      assert.equal(money('The budget: $5K').approximate, false);
    });

    const notAmounts = ['', 'no money here', '$350/hr', '$4.08M/hour', '$4M per hour', '$4M an hour', '$HOME', '$', '$5abc', '3.2M', '120M users', '5%', '$5%', '2023-12-23', 'T+5min', 'v3.2.1', 'USDT 5'];
    for (const text of notAmounts) {
      it(`finds no amount in ${JSON.stringify(text)}`, () => {
        assert.equal(findMoney(text), undefined);
      });
    }
  });

  describe('findAllMoney', () => {
    it('finds every amount of the reference cost section, rates excluded', () => {
      const section = REFERENCE.slice(REFERENCE.indexOf('## Failure Cost Analysis'), REFERENCE.indexOf('## Lessons Learned'));
      const all = findAllMoney(section);
      assert.deepEqual(
        all.map((m) => [m.raw, m.value, m.approximate]),
        [
          ['$3.2M', 3_200_000, false],
          ['$450K', 450_000, false],
          ['$85K', 85_000, false],
          ['$125K', 125_000, false],
          ['~$4.2M', 4_200_000, true],
        ],
      );
      for (const m of all) assertLocated(section, m);
    });

    it('returns an empty list when there is no money', () => {
      assert.deepEqual(findAllMoney('47 min, 25 engineers, 18%'), []);
      assert.deepEqual(findAllMoney(''), []);
    });
  });

  describe('evaluateCostExpression', () => {
    const values: Array<[string, number, string]> = [
      ['47 min × $4.08M/hour', 3_196_000, 'USD'],
      ['47 min x $4.08M per hour', 3_196_000, 'USD'],
      ['25 engineers × 3 hours × $350/hr', 26_250, 'USD'],
      ['25 engineers * 3 hours * $350/hr', 26_250, 'USD'],
      ['25 engineers · 3 h · $350/h', 26_250, 'USD'],
      ['25 engineers × 3 hours at $350/hr', 26_250, 'USD'],
      ['$350/hr × 3 hours × 25 engineers', 26_250, 'USD'],
      ['2 × $50K', 100_000, 'USD'],
      ['2x $50K', 100_000, 'USD'],
      ['$1M + $200K', 1_200_000, 'USD'],
      ['$1M - $200K', 800_000, 'USD'],
      ['$1M − $200K', 800_000, 'USD'],
      ['$3.2M + $450K + $85K + $125K', 3_860_000, 'USD'],
      ['($1M + $200K) × 2', 2_400_000, 'USD'],
      ['$120K / 4', 30_000, 'USD'],
      ['$120K ÷ 4', 30_000, 'USD'],
      ['5% × $1M', 50_000, 'USD'],
      ['2 days × $10K/day', 20_000, 'USD'],
      ['90 minutes × $1,000/hour', 1_500, 'USD'],
      ['1,800 nodes × $0.10/hr × 47 min', 141, 'USD'],
      ['3 × €5K', 15_000, 'EUR'],
      ['10 × 85K EUR', 850_000, 'EUR'],
      ['$1.5 million × 2', 3_000_000, 'USD'],
      ['-$1M × -1', 1_000_000, 'USD'],
      ['  47 min × $4.08M/hour  ', 3_196_000, 'USD'],
    ];
    for (const [expr, value, currency] of values) {
      it(`${expr} = ${value} ${currency}`, () => {
        assert.deepEqual(evaluateCostExpression(expr), { value, currency });
      });
    }

    const errors: Array<[string, RegExp]> = [
      ['10 hours × 5 engineers', /^the expression gives a time, not an amount of money$/],
      ['3 × 4', /gives a plain number, not an amount of money/],
      ['$4.08M/hour', /gives an amount of money per unit of time, not an amount of money/],
      ['$5 × $5', /money multiplied by money/],
      ['$1M × 3 hours', /money multiplied by a time/],
      ['$1M + 5 hours', /adds an amount of money and a time/],
      ['2 × €5 + $3', /mixes EUR and USD/],
      ['$5 / 0', /divides by zero/],
      ['', /empty/],
      ['   ', /empty/],
      ['(((', /ends where a number was expected/],
      ['($1M + $2M', /parenthesis is not closed/],
      ['$1M)', /cannot read "\)"/],
      ['2 $50K', /cannot read "\$"/],
      ['$1M + ?', /cannot read "\?"/],
      ['$', /ends where an amount was expected/],
      ['×', /ends where a number was expected|cannot read/],
    ];
    for (const [expr, pattern] of errors) {
      it(`reports an error for ${JSON.stringify(expr)}`, () => {
        const result = evaluateCostExpression(expr);
        assert.ok('error' in result, `expected an error, got ${JSON.stringify(result)}`);
        assert.match(result.error, pattern);
      });
    }

    it('reports deep nesting instead of overflowing the stack', () => {
      const result = evaluateCostExpression(`${'('.repeat(200)}$1${')'.repeat(200)}`);
      assert.deepEqual(result, { error: 'the expression is nested too deeply' });
      const minus = evaluateCostExpression(`${'-'.repeat(500)}$1`);
      assert.ok('error' in minus);
    });
  });

  describe('findCostExpression', () => {
    it('reads the Revenue Loss line of the reference', () => {
      const line = '- **Revenue Loss**: $3.2M (47 min × $4.08M/hour)';
      const r = findCostExpression(line);
      assert.deepEqual(r, { raw: '47 min × $4.08M/hour', index: 27, length: 20, value: 3_196_000, currency: 'USD' });
      assertLocated(line, r!);
    });

    it('reads the Engineering Time line of the reference', () => {
      const line = '- **Engineering Time**: $125K (25 engineers × 3 hours × $350/hr)';
      assert.deepEqual(findCostExpression(line), { raw: '25 engineers × 3 hours × $350/hr', index: 31, length: 32, value: 26_250, currency: 'USD' });
    });

    it('reads the text after an amount, as extractors pass it', () => {
      const after = ' (47 min × $4.08M/hour)';
      assert.deepEqual(findCostExpression(after), { raw: '47 min × $4.08M/hour', index: 2, length: 20, value: 3_196_000, currency: 'USD' });
      assert.deepEqual(findCostExpression('( 2 × $50K )'), { raw: '2 × $50K', index: 2, length: 8, value: 100_000, currency: 'USD' });
    });

    it('returns the error of arithmetic that does not give money', () => {
      assert.deepEqual(findCostExpression('$5K (10 hours × 5 engineers)'), {
        raw: '10 hours × 5 engineers',
        index: 5,
        length: 22,
        error: 'the expression gives a time, not an amount of money',
      });
    });

    it('handles nested parentheses inside the expression', () => {
      assert.deepEqual(findCostExpression('$2.4M (($1M + $200K) × 2)'), { raw: '($1M + $200K) × 2', index: 7, length: 17, value: 2_400_000, currency: 'USD' });
    });

    it('skips parentheses without arithmetic and keeps looking', () => {
      assert.deepEqual(findCostExpression('$85K (scaled up Cassandra), $100K (2 × $50K)'), { raw: '2 × $50K', index: 35, length: 8, value: 100_000, currency: 'USD' });
    });

    const none = [
      '',
      '$450K to enterprise customers',
      '$85K (scaled up Cassandra)',
      '$85K (3 regions)',
      '$85K (2 regions - EU and US)',
      'see (47 min × $4.08M/hour): no amount before it, not at the start',
      '$3.2M (47 min × $4.08M/hour',
      'Trending on Twitter for 4 hours',
      '$3.2M',
    ];
    for (const text of none) {
      it(`finds no expression in ${JSON.stringify(text)}`, () => {
        assert.equal(findCostExpression(text), undefined);
      });
    }

    it('ignores the reference lines without arithmetic', () => {
      assert.equal(findCostExpression('- **SLA Credits**: $450K to enterprise customers'), undefined);
      assert.equal(findCostExpression('- **Emergency Compute**: $85K (scaled up Cassandra)'), undefined);
      assert.equal(findCostExpression('### Total Incident Cost: ~$4.2M'), undefined);
    });
  });

  describe('withinStatedPrecision', () => {
    it('accepts $3.2M for 3,196,000 (precision 50,000)', () => {
      assert.equal(withinStatedPrecision(money('$3.2M'), 3_196_000), true);
    });

    it('rejects $125K for 26,250', () => {
      assert.equal(withinStatedPrecision(money('$125K'), 26_250), false);
    });

    const cases: Array<[string, number, boolean]> = [
      ['$3.2M', 3_250_000, true],
      ['$3.2M', 3_250_001, false],
      ['$3.2M', 3_150_000, true],
      ['$3.2M', 3_149_999, false],
      ['$450K', 450_500, true],
      ['$450K', 450_501, false],
      ['$26,250', 26_250.4, true],
      ['$26,250', 26_251, false],
      ['~$4.2M', 4_300_000, true],
      ['~$4.2M', 4_300_001, false],
      ['$3.2M', NaN, false],
      ['$3.2M', Infinity, false],
    ];
    for (const [text, computed, expected] of cases) {
      it(`${text} vs ${computed} -> ${expected}`, () => {
        assert.equal(withinStatedPrecision(money(text), computed), expected);
      });
    }
  });

  describe('formatMoneyLike', () => {
    const cases: Array<[number, string, string]> = [
      [26_250, '$125K', '$26.25K'],
      [3_196_000, '$3.2M', '$3.196M'],
      [3_200_000, '$3.2M', '$3.2M'],
      [3_000_000, '$3.2M', '$3.0M'],
      [100_000, '$50K', '$100K'],
      [1_200_000, '$1M', '$1.2M'],
      [1_200_000, '$450K', '$1.2M'],
      [850, '$125K', '$850'],
      [850.5, '$125K', '$850.50'],
      [26_250, '$26,250', '$26,250'],
      [3_196_000, '$26,250', '$3,196,000'],
      [1_234.5, '$1,000.00', '$1,234.50'],
      [1_500_000, '$1.5 million', '$1.5 million'],
      [2_500_000_000, '$1.5 million', '$2.5 billion'],
      [85_000, '€85K', '€85K'],
      [1_200, 'USD 1,200', 'USD 1,200'],
      [3_200_000, '3.2M USD', '3.2M USD'],
      [5_000_000, '£3k', '£5m'],
      [4_196_000, '~$4.2M', '~$4.196M'],
      [-5_000, '$1K', '-$5K'],
    ];
    for (const [value, like, expected] of cases) {
      it(`${value} like ${like} -> ${expected}`, () => {
        assert.equal(formatMoneyLike(value, money(like)), expected);
      });
    }

    it('drops the approximation mark when the amount is not approximate', () => {
      assert.equal(formatMoneyLike(4_196_000, { ...money('~$4.2M'), approximate: false }), '$4.196M');
    });

    it('falls back to the currency when raw cannot be read', () => {
      const like: MoneyAmount = { raw: 'something', index: 0, length: 9, value: 1, currency: 'EUR', approximate: false, precision: 0.5 };
      assert.equal(formatMoneyLike(1_234, like), '€1,234');
      assert.equal(formatMoneyLike(1_234, { ...like, currency: 'CHF' }), '1,234 CHF');
      assert.equal(formatMoneyLike(NaN, like), '?');
    });

    it('gives text that findMoney reads back within precision', () => {
      for (const [value, like] of [[26_250, '$125K'], [3_196_000, '$3.2M'], [850, '$125K'], [1_234.5, '$1,000.00']] as const) {
        const again = money(formatMoneyLike(value, money(like)));
        assert.equal(withinStatedPrecision(again, value), true, `${value} like ${like}`);
      }
    });
  });

  describe('robustness', function () {
    this.timeout(20000);

    it('never throws, whatever the input', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[$€£~ 0-9.,KMBkmx×*/+()\-a-z]*$/)), (s) => {
          for (const m of findAllMoney(s)) {
            assertLocated(s, m);
            formatMoneyLike(m.value * 3, m);
            withinStatedPrecision(m, m.value);
          }
          findMoney(s);
          const r = findCostExpression(s);
          if (r) assertLocated(s, r);
          evaluateCostExpression(s);
        }),
        { numRuns: 300 },
      );
      for (const bad of [undefined, null, 42, {}, []] as unknown as string[]) {
        assert.equal(findMoney(bad), undefined);
        assert.deepEqual(findAllMoney(bad), []);
        assert.equal(findCostExpression(bad), undefined);
        assert.ok('error' in evaluateCostExpression(bad));
      }
      assert.equal(withinStatedPrecision(undefined as unknown as MoneyAmount, 5), false);
      assert.equal(formatMoneyLike(5, undefined as unknown as MoneyAmount), '?');
    });

    describe('runs in linear time on 1 MB of junk', () => {
      const junk: Record<string, string> = {
        digits: repeatTo('7'),
        'digits and colons': repeatTo('12:'),
        'dollars and ones': repeatTo('$1'),
        'dollar signs': repeatTo('$'),
        spaces: repeatTo(' '),
        'amounts before open parentheses': repeatTo('$1 ('),
        'open parentheses': repeatTo('('),
        'nested arithmetic': `$1 ${repeatTo('(1 × ', MB / 2)}${repeatTo(')', MB / 2)}`,
        'thousands groups': repeatTo('1,000,'),
        operators: repeatTo('1×'),
        'approximation marks': repeatTo('~'),
        'currency codes': repeatTo('USD '),
      };
      for (const [name, text] of Object.entries(junk)) {
        it(`on ${name}`, () => {
          const all = findAllMoney(text);
          assert.ok(Array.isArray(all));
          findMoney(text);
          findCostExpression(text);
          const evaluated = evaluateCostExpression(text);
          assert.ok('error' in evaluated);
        });
      }

      it('gives the expected results on junk', () => {
        assert.equal(findMoney(repeatTo('7')), undefined);
        assert.equal(findAllMoney(repeatTo('$1')).length, MB / 2);
        assert.deepEqual(findMoney(repeatTo('$1')), { raw: '$1', index: 0, length: 2, value: 1, currency: 'USD', approximate: false, precision: 0.5 });
        assert.equal(findCostExpression(repeatTo('$1 (')), undefined);
        assert.equal(findCostExpression(repeatTo('(')), undefined);
        assert.deepEqual(findAllMoney(repeatTo(' ')), []);
        assert.match((evaluateCostExpression(repeatTo('1×')) as { error: string }).error, /too long/);
        const longButValid = findCostExpression(`${repeatTo(' ', MB)}$100K (2 × $50K)`);
        assert.equal(longButValid?.value, 100_000);
      });
    });
  });
});
